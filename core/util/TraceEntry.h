#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QMetaType>

namespace MailSink {

// One line of a protocol conversation, as shown in session windows and kept with each message.
struct TraceEntry
{
    enum class Kind { Client, Server, Event };

    qint64 timeMs = 0; // milliseconds since the epoch, UTC
    Kind kind = Kind::Event;
    QByteArray text; // without the line ending; AUTH secrets already masked

    static QByteArray kindName(Kind kind);
    static Kind kindFromName(QByteArrayView name);
};

using Trace = QList<TraceEntry>;

QJsonArray traceToJson(const Trace &trace);
QByteArray traceToJsonBytes(const Trace &trace); // the same, compact, without a QJsonDocument
Trace traceFromJson(const QJsonArray &array);

} // namespace MailSink

Q_DECLARE_METATYPE(MailSink::TraceEntry)
Q_DECLARE_METATYPE(MailSink::Trace)
