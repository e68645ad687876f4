#include "TraceEntry.h"

#include "JsonWriter.h"

#include <QDateTime>
#include <QJsonObject>

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
    JsonWriter json;
    json.beginArray();
    for (const TraceEntry &entry : trace) {
        json.beginObject();
        json.key("time").timestamp(entry.timeMs);
        json.key("dir").string(TraceEntry::kindName(entry.kind));
        json.key("text").string(entry.text);
        json.endObject();
    }
    json.endArray();
    return json.take();
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
