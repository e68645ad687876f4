#pragma once

#include "SmtpReply.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace MailSink::Client {

// Assembles multi-line SMTP replies (RFC 5321 4.2.1) from bytes split anywhere.
class SmtpReplyParser
{
public:
    void feed(QByteArrayView bytes) { m_buffer.append(bytes); }
    // The next complete reply, or nullopt when more bytes are needed or the input is malformed
    // (then hasError() is true and errorString() says why).
    std::optional<SmtpReply> next();
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    bool hasPendingBytes() const { return !m_buffer.isEmpty() || !m_current.lines.isEmpty(); }
    void clear(); // drop buffered input (after STARTTLS, RFC 3207 5)
    // Raw lines seen since the last call, for the trace.
    QList<QByteArray> takeLines();

    static constexpr qsizetype MaxLine = 64 * 1024; // RFC 5321 says 512; be generous with text
    static constexpr int MaxLines = 1000;

private:
    QByteArray m_buffer;
    SmtpReply m_current;
    QList<QByteArray> m_seen;
    QString m_error;
};

} // namespace MailSink::Client
