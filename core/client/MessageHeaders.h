#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace MailSink::Client {

// Just enough RFC 5322 header handling for sending: find fields, drop fields, read address lists.
// Everything else in the message stays byte for byte as it was.
class MessageHeaders
{
public:
    // Unfolded values (RFC 5322 2.2.3) of every field named `name` (case-insensitive), in order.
    static QList<QByteArray> values(const QByteArray &message, QByteArrayView name);
    // The message without any field named `name`, continuation lines included.
    static QByteArray removeField(const QByteArray &message, QByteArrayView name);
    // The addr-specs in an address list (RFC 5322 3.4): display names, comments and groups dropped.
    static QList<QByteArray> addresses(QByteArrayView value);
    // Bare LF or CR become CRLF (RFC 5322 2.3); what is already CRLF stays.
    static QByteArray canonicalLineEnds(QByteArrayView data);
};

} // namespace MailSink::Client
