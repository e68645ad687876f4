#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace MailSink::Smtp {

// Where a fault may be injected (Mailpit's chaos triggers): MAIL, RCPT and AUTH.
enum class ChaosStage { Sender, Recipient, Authentication };

// What one SMTP session may do; filled by the server from its settings.
struct SessionConfig
{
    QByteArray hostname = QByteArrayLiteral("mailsink.localhost");
    qint64 maxMessageSize = 50 * 1024 * 1024; // SIZE (RFC 1870); 0 = no limit
    int maxRecipients = 1000; // RFC 5321 4.5.3.1.8 asks for at least 100
    int maxCommandLine = 512; // RFC 5321 4.5.3.1.4, CRLF included
    int maxAuthLine = 12288; // RFC 4954 4
    int maxErrors = 20; // then 421 and close
    bool startTlsAvailable = false; // a certificate is loaded
    bool implicitTls = false; // SMTPS: already encrypted from the first byte
    bool authRequired = false;
    QByteArray authUser; // only checked when authRequired
    QByteArray authPassword; // idem
    QString clientAddress; // shown in the EHLO reply and kept in the envelope
    quint16 clientPort = 0;
    std::function<qint64()> clock; // ms since the epoch; defaults to the system clock
    // Fault injection: the SMTP error code (400-599) to answer at this stage instead, or 0 to go on.
    std::function<int(ChaosStage)> chaos;
};

} // namespace MailSink::Smtp
