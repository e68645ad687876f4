#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace MailSink::Pop3 {

// What one POP3 session may do; filled by the server from its settings.
struct Pop3Config
{
    QByteArray hostname = QByteArrayLiteral("mailsink.localhost");
    // RFC 2449 4 allows 255 octets per command; real clients send longer PASS lines, so be lenient.
    int maxCommandLine = 512;
    int maxAuthLine = 12288; // an AUTH PLAIN response line (RFC 5034 4 sets no limit)
    int maxErrors = 20; // then -ERR and close
    bool startTlsAvailable = false; // a certificate is loaded: offer STLS (RFC 2595)
    bool implicitTls = false; // POP3S: encrypted from the first byte (RFC 8314)
    bool authRequired = false; // otherwise any user name and password are accepted
    QByteArray authUser; // only checked when authRequired
    QByteArray authPassword; // idem; also the APOP shared secret
    QString clientAddress;
    quint16 clientPort = 0;
    QByteArray apopTimestamp; // "<pid.clock@host>" for the banner; generated when empty (tests fix it)
    std::function<qint64()> clock; // ms since the epoch; defaults to the system clock
};

} // namespace MailSink::Pop3
