#include "TraceEntry.h"

#include "JsonWriter.h"

#include <QDateTime>
#include <QJsonObject>

#include <cstring>
#include <limits>
#include <vector>

namespace MailSink {

QByteArray TraceEntry::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Client:
        return QByteArrayLiteral("client");
    case Kind::Server:
        return QByteArrayLiteral("server");
    case Kind::Event:
        break;
    }
    return QByteArrayLiteral("event");
}

TraceEntry::Kind TraceEntry::kindFromName(QByteArrayView name)
{
    if (name == "client")
        return Kind::Client;
    if (name == "server")
        return Kind::Server;
    return Kind::Event;
}

QJsonArray traceToJson(const Trace &trace)
{
    QJsonArray array;
    for (const TraceEntry &entry : trace) {
        array.append(QJsonObject {
            {QStringLiteral("time"),
                QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("dir"), QString::fromLatin1(TraceEntry::kindName(entry.kind))},
            {QStringLiteral("text"), QString::fromUtf8(entry.text)},
        });
    }
    return array;
}

QByteArray traceToJsonBytes(const Trace &trace)
{
    // Runs at every commit, for a dozen entries: one buffer sized up front and written in place, and
    // the date and time formatted once a second (callgrind: JsonWriter's pieces cost ~23,000
    // instructions a message here).
    std::vector<QByteArray> repaired(size_t(trace.size()));
    std::vector<QByteArrayView> texts(size_t(trace.size()));
    // Around each text: `,{"time":"` (10), the stamp (24), `","dir":"client","text":` (24) and `}`.
    constexpr qsizetype EntryFrame = 10 + 24 + 24 + 1;
    qsizetype bound = 2; // [ ]
    for (qsizetype i = 0; i < trace.size(); ++i) {
        texts[size_t(i)] = JsonWriter::validUtf8(trace[i].text, repaired[size_t(i)]);
        bound += EntryFrame + JsonWriter::quotedSizeBound(texts[size_t(i)]);
    }
    QByteArray out(bound, Qt::Uninitialized);
    char *p = out.data();
    auto put = [&p](QByteArrayView literal) {
        std::memcpy(p, literal.data(), size_t(literal.size()));
        p += literal.size();
    };
    char stamp[24];
    qint64 stampSecond = std::numeric_limits<qint64>::min();
    *p++ = '[';
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const TraceEntry &entry = trace[i];
        put(i ? QByteArrayView(",{\"time\":\"") : QByteArrayView("{\"time\":\""));
        const qint64 ms = entry.timeMs;
        const qint64 second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
        if (second != stampSecond) {
            JsonWriter::formatIsoUtc(ms, stamp);
            stampSecond = second;
        } else {
            const int milli = int(ms - second * 1000);
            stamp[20] = char('0' + milli / 100);
            stamp[21] = char('0' + milli / 10 % 10);
            stamp[22] = char('0' + milli % 10);
        }
        put(QByteArrayView(stamp, sizeof stamp));
        switch (entry.kind) {
        case TraceEntry::Kind::Client:
            put("\",\"dir\":\"client\",\"text\":");
            break;
        case TraceEntry::Kind::Server:
            put("\",\"dir\":\"server\",\"text\":");
            break;
        case TraceEntry::Kind::Event:
            put("\",\"dir\":\"event\",\"text\":");
            break;
        }
        p = JsonWriter::writeQuoted(p, texts[size_t(i)]);
        *p++ = '}';
    }
    *p++ = ']';
    Q_ASSERT(p - out.constData() <= bound);
    out.truncate(p - out.constData());
    return out;
}

Trace traceFromJson(const QJsonArray &array)
{
    Trace trace;
    trace.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        TraceEntry entry;
        entry.timeMs
            = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                  .toMSecsSinceEpoch();
        entry.kind = TraceEntry::kindFromName(object.value(QStringLiteral("dir")).toString().toLatin1());
        entry.text = object.value(QStringLiteral("text")).toString().toUtf8();
        trace.append(entry);
    }
    return trace;
}

} // namespace MailSink
