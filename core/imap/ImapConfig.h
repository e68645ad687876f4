#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace MailSink::Imap {

// What one IMAP session may do; filled by the server from its settings.
struct ImapConfig
{
    QByteArray hostname = QByteArrayLiteral("mailsink.localhost");
    // RFC 7162 4 asks servers to accept command lines of at least 8192 octets; UID sets of big
    // mailboxes get long, so allow more.
    int maxLine = 64 * 1024;
    qint64 maxLiteral = 1024 * 1024; // no APPEND: literals are names, passwords and search strings
    qint64 maxCommand = 4 * 1024 * 1024; // one command with its literals
    int maxErrors = 50; // BAD replies in a row, then BYE
    qint64 autologoutMs = 30 * 60 * 1000; // RFC 3501 5.4: at least 30 minutes
    bool startTlsAvailable = false; // a certificate is loaded: offer STARTTLS (RFC 3501 6.2.1)
    bool implicitTls = false; // IMAPS: encrypted from the first byte (RFC 8314)
    bool authRequired = false; // otherwise any user name and password are accepted
    QByteArray authUser;
    QByteArray authPassword;
    QString clientAddress;
    quint16 clientPort = 0;
    std::function<qint64()> clock; // ms since the epoch; defaults to the system clock
};

} // namespace MailSink::Imap
