#include "util/JsonWriter.h"
#include "util/TraceEntry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using MailSink::JsonWriter;

TEST_CASE("isoUtc matches QDateTime for dates across centuries", "[util][json]")
{
    for (qint64 ms : {0LL, 1LL, 951782400000LL /* 2000-02-29 */, 1796156517906LL, 4102444799999LL,
             253402300799999LL, -1LL, -86400001LL}) {
        INFO(ms);
        CHECK(QString::fromLatin1(JsonWriter::isoUtc(ms))
            == QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    }
}

TEST_CASE("JsonWriter output parses back, with escapes and repaired UTF-8", "[util][json]")
{
    JsonWriter json;
    json.beginObject();
    json.key("text").string(QByteArray("quote \" backslash \\ nl \n tab \t ctl \x01 caf\xc3\xa9"));
    json.key("bad").string(QByteArray("\xff\xfe ok"));
    json.key("list").beginArray().number(-5).boolean(true).null().string("x").endArray();
    json.key("empty").stringOrNull(QByteArray());
    json.endObject();
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json.take(), &error).object();
    REQUIRE(error.error == QJsonParseError::NoError);
    CHECK(object.value(QStringLiteral("text")).toString()
        == QStringLiteral("quote \" backslash \\ nl \n tab \t ctl \x01 café"));
    CHECK(object.value(QStringLiteral("bad")).toString().endsWith(QStringLiteral(" ok")));
    CHECK(object.value(QStringLiteral("list")).toArray().size() == 4);
    CHECK(object.value(QStringLiteral("empty")).isNull());
}

TEST_CASE("a trace survives its compact JSON form", "[util][trace]")
{
    const MailSink::Trace trace = {{1796156517906, MailSink::TraceEntry::Kind::Client, "EHLO a"},
        {1796156517907, MailSink::TraceEntry::Kind::Server, "250 \"ok\""},
        {1796156517908, MailSink::TraceEntry::Kind::Event, "TLS established"}};
    const MailSink::Trace back
        = MailSink::traceFromJson(QJsonDocument::fromJson(MailSink::traceToJsonBytes(trace)).array());
    REQUIRE(back.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(back.at(i).timeMs == trace.at(i).timeMs);
        CHECK(back.at(i).kind == trace.at(i).kind);
        CHECK(back.at(i).text == trace.at(i).text);
    }
}

TEST_CASE("every control character is escaped, and timestamp() writes isoUtc()", "[util][json]")
{
    QByteArray all;
    for (int c = 0; c < 0x80; ++c)
        all.append(char(c));
    JsonWriter json;
    json.beginArray().string(all).timestamp(1764620467123).number(9223372036854775807LL).endArray();
    const QByteArray out = json.take();
    QJsonParseError error;
    const QJsonArray array = QJsonDocument::fromJson(out, &error).array();
    REQUIRE(error.error == QJsonParseError::NoError);
    CHECK(array.at(0).toString().toLatin1() == all);
    CHECK(array.at(1).toString().toLatin1() == JsonWriter::isoUtc(1764620467123));
    CHECK(out.contains("9223372036854775807"));
    for (int c = 0; c < 0x20; ++c)
        CHECK_FALSE(out.contains(char(c)));
}

TEST_CASE("a trace's JSON keeps every time, kind and text across seconds and odd bytes", "[util][trace]")
{
    using Kind = MailSink::TraceEntry::Kind;
    CHECK(MailSink::traceToJsonBytes({}) == "[]");
    // Times within one second (the formatted second is reused), across a second and a day, before 1970.
    const MailSink::Trace trace = {{1796156517000, Kind::Event, "connection"},
        {1796156517999, Kind::Server, "220 ready"}, {1796156518000, Kind::Client, "EHLO \x01\t\"x\"\\"},
        {1796156518005, Kind::Server, QByteArray("250 caf\xc3\xa9 \xff\xfe", 14)},
        {1796169599999, Kind::Client, QByteArray(3000, '\x1f')}, {-1, Kind::Event, ""},
        {-1000, Kind::Event, "x"}};
    const QByteArray bytes = MailSink::traceToJsonBytes(trace);
    QJsonParseError error;
    const QJsonArray array = QJsonDocument::fromJson(bytes, &error).array();
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(array.size() == trace.size());
    for (qsizetype i = 0; i < trace.size(); ++i) {
        INFO(i);
        const QJsonObject object = array.at(i).toObject();
        CHECK(object.value(QStringLiteral("time")).toString().toLatin1()
            == JsonWriter::isoUtc(trace.at(i).timeMs));
        CHECK(object.value(QStringLiteral("dir")).toString().toLatin1()
            == MailSink::TraceEntry::kindName(trace.at(i).kind));
        CHECK(object.value(QStringLiteral("text")).toString() == QString::fromUtf8(trace.at(i).text));
    }
}

TEST_CASE("a trace of many short lines fits its buffer", "[util][trace]")
{
    // Each entry's frame (keys, time, kind) is longer than a short text's allowance: the buffer must be
    // sized for the frame itself.
    for (const QByteArray &text : {QByteArray(), QByteArray("a"), QByteArray("\"")}) {
        MailSink::Trace trace;
        for (int i = 0; i < 200; ++i)
            trace.append({1796156517000 + i, MailSink::TraceEntry::Kind::Client, text});
        QJsonParseError error;
        const QJsonArray array = QJsonDocument::fromJson(MailSink::traceToJsonBytes(trace), &error).array();
        REQUIRE(error.error == QJsonParseError::NoError);
        REQUIRE(array.size() == 200);
        CHECK(array.at(199).toObject().value(QStringLiteral("text")).toString() == QString::fromUtf8(text));
    }
}
