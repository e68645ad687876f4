#pragma once

#include "ServerAddress.h"
#include "SmtpClientSession.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <functional>
#include <memory>

class QSslSocket;

namespace MailSink::Client {

struct SenderConfig
{
    QString host;
    quint16 port = 25;
    ClientConfig session; // security, AUTH, EHLO name, reply timeouts
    bool verifyCertificate = true; // false: accept any certificate (--insecure)
    // SHA-256 fingerprints (hex, colons optional) of certificates to accept even though they do not
    // verify: the "accept this certificate" path for self-signed servers.
    QList<QByteArray> acceptedFingerprints;
    QList<QSslCertificate> caCertificates; // trusted in addition to the system's
    int connectTimeoutMs = 30000; // TCP connect and each TLS handshake
};

// Delivers one message over a QSslSocket: owns the socket and does only I/O for an
// SmtpClientSession (RFC 5321 client). Lives on the thread that calls send().
class SmtpSender : public QObject
{
    Q_OBJECT

public:
    explicit SmtpSender(SenderConfig config, QObject *parent = nullptr);
    ~SmtpSender() override;

    void send(OutgoingMessage message); // once per sender; finished() follows, always
    void abort(); // ends the attempt now; finished() reports it
    bool isRunning() const { return m_session && !m_done; }

    // Runs a local event loop until the attempt ends; for the command line and tests.
    static SendResult sendAndWait(const SenderConfig &config, OutgoingMessage message,
        const std::function<void(const Trace &)> &onTrace = {});

    static QByteArray fingerprint(const QSslCertificate &certificate); // SHA-256, "AB:CD:..."
    static bool matchesFingerprint(const QSslCertificate &certificate, const QByteArray &fingerprint);

Q_SIGNALS:
    void traceReceived(const MailSink::Trace &lines);
    void finished(const MailSink::Client::SendResult &result);

private:
    enum class Phase { Idle, Connecting, Handshake, Talking, Closing, Done };

    void handleConnected();
    void handleEncrypted();
    void handleReadyRead();
    void handleSslErrors(const QList<QSslError> &errors);
    void handleError();
    void handleDisconnected();
    void handleTimeout();
    void process(QByteArray out);
    void write(const QByteArray &bytes);
    void startTimer(int ms);
    void publishTrace();
    void complete();
    QString peerName() const;

    SenderConfig m_config;
    std::unique_ptr<SmtpClientSession> m_session;
    QSslSocket *m_socket = nullptr;
    QTimer m_timer;
    Phase m_phase = Phase::Idle;
    bool m_done = false;
    QSslCertificate m_rejectedCertificate;
    QStringList m_certificateErrors;
};

} // namespace MailSink::Client

Q_DECLARE_METATYPE(MailSink::Client::SendResult)
