#pragma once

#include <QByteArray>
#include <QList>

namespace MailSink::Client {

// One complete server reply (RFC 5321 4.2): a three-digit code and one or more text lines.
struct SmtpReply
{
    int code = 0;
    QList<QByteArray> lines; // text after "250-" / "250 ", one per line

    bool isPositive() const { return code >= 200 && code < 400; }
    bool isIntermediate() const { return code >= 300 && code < 400; }
    bool isTransient() const { return code >= 400 && code < 500; }
    // "250 2.0.0 Ok" / "250-first\n250 last": how the reply looked on the wire, without CRLF.
    QByteArray toText() const;
};

} // namespace MailSink::Client
