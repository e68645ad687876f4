#include "SmtpSender.h"

#include "tls/TlsIdentity.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

Q_LOGGING_CATEGORY(lcClient, "mailsink.client", QtInfoMsg)

namespace MailSink::Client {

namespace {

constexpr int CloseGraceMs = 3000;

QByteArray normalizedFingerprint(QByteArray text)
{
    text = text.toLower();
    text.replace(':', QByteArray());
    text.replace(' ', QByteArray());
    return text;
}

} // namespace

SmtpSender::SmtpSender(SenderConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    qRegisterMetaType<SendResult>();
    qRegisterMetaType<Trace>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SmtpSender::handleTimeout);
}

SmtpSender::~SmtpSender() = default;

QByteArray SmtpSender::fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
}

bool SmtpSender::matchesFingerprint(const QSslCertificate &certificate, const QByteArray &fingerprint)
{
    const QByteArray wanted = normalizedFingerprint(fingerprint);
    return !certificate.isNull() && !wanted.isEmpty()
        && certificate.digest(QCryptographicHash::Sha256).toHex() == wanted;
}

QString SmtpSender::peerName() const
{
    return ServerAddress {m_config.host, m_config.port}.toString();
}

void SmtpSender::send(OutgoingMessage message)
{
    if (m_session)
        return;
    m_session = std::make_unique<SmtpClientSession>(m_config.session, std::move(message));
    m_socket = new QSslSocket(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_config.caCertificates.isEmpty())
        ssl.addCaCertificates(m_config.caCertificates);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(ssl);

    connect(m_socket, &QSslSocket::connected, this, &SmtpSender::handleConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SmtpSender::handleEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpSender::handleReadyRead);
    connect(m_socket, &QSslSocket::sslErrors, this, &SmtpSender::handleSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SmtpSender::handleError);
    connect(m_socket, &QSslSocket::disconnected, this, &SmtpSender::handleDisconnected);

    m_phase = Phase::Connecting;
    startTimer(m_config.connectTimeoutMs);
    if (m_config.session.security == Security::ImplicitTls)
        m_socket->connectToHostEncrypted(m_config.host, m_config.port);
    else
        m_socket->connectToHost(m_config.host, m_config.port);
}

SendResult SmtpSender::sendAndWait(
    const SenderConfig &config, OutgoingMessage message, const std::function<void(const Trace &)> &onTrace)
{
    SmtpSender sender(config);
    SendResult result;
    QEventLoop loop;
    if (onTrace)
        connect(&sender, &SmtpSender::traceReceived, &loop, [&](const Trace &lines) { onTrace(lines); });
    connect(&sender, &SmtpSender::finished, &loop, [&](const SendResult &r) {
        result = r;
        loop.quit();
    });
    sender.send(std::move(message));
    if (sender.isRunning())
        loop.exec();
    return result;
}

void SmtpSender::startTimer(int ms)
{
    m_timer.start(std::max(1, ms));
}

void SmtpSender::handleConnected()
{
    if (m_config.session.security == Security::ImplicitTls) {
        m_phase = Phase::Handshake; // the greeting follows the handshake
        startTimer(m_config.connectTimeoutMs);
        return;
    }
    m_phase = Phase::Talking;
    m_session->connected(peerName());
    publishTrace();
    startTimer(m_session->replyTimeoutMs());
}

void SmtpSender::handleEncrypted()
{
    const QString protocol = Tls::protocolName(m_socket->sessionProtocol());
    const QString cipher = m_socket->sessionCipher().name();
    m_phase = Phase::Talking;
    if (m_session->isWaitingForTls()) {
        process(m_session->tlsEstablished(protocol, cipher));
    } else {
        m_session->connected(peerName(), protocol, cipher);
        publishTrace();
        startTimer(m_session->replyTimeoutMs());
    }
    if (m_socket && m_socket->bytesAvailable() > 0)
        handleReadyRead();
}

void SmtpSender::handleReadyRead()
{
    if (!m_socket || m_done)
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty() || m_phase != Phase::Talking)
        return;
    process(m_session->receive(data));
}

void SmtpSender::handleSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate certificate = m_socket->peerCertificate();
    if (!m_config.verifyCertificate) {
        m_socket->ignoreSslErrors();
        return;
    }
    for (const QByteArray &accepted : std::as_const(m_config.acceptedFingerprints)) {
        if (matchesFingerprint(certificate, accepted)) {
            m_socket->ignoreSslErrors();
            return;
        }
    }
    m_rejectedCertificate = certificate;
    m_certificateErrors.clear();
    for (const QSslError &error : errors)
        m_certificateErrors.append(error.errorString());
}

void SmtpSender::handleError()
{
    if (!m_socket || m_done)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    QString text = m_socket->errorString();
    switch (m_phase) {
    case Phase::Connecting:
        m_session->connectionFailed(QStringLiteral("cannot connect to %1: %2").arg(peerName(), text));
        break;
    case Phase::Handshake:
    case Phase::Talking:
        if (error == QAbstractSocket::SslHandshakeFailedError || m_phase == Phase::Handshake
            || m_session->isWaitingForTls()) {
            if (!m_rejectedCertificate.isNull()) {
                text = m_certificateErrors.join(QStringLiteral("; "))
                    + QStringLiteral(" (certificate SHA-256 fingerprint %1; accept it only if you trust it)")
                          .arg(QString::fromLatin1(fingerprint(m_rejectedCertificate)));
            }
            m_session->tlsFailed(text);
        } else if (error == QAbstractSocket::RemoteHostClosedError) {
            m_session->connectionLost();
        } else {
            m_session->connectionFailed(text);
        }
        break;
    case Phase::Idle:
    case Phase::Closing:
    case Phase::Done:
        break;
    }
    process({});
    if (!m_done && m_session->isFinished())
        complete();
}

void SmtpSender::handleDisconnected()
{
    if (m_done)
        return;
    m_session->connectionLost();
    publishTrace();
    complete();
}

void SmtpSender::handleTimeout()
{
    if (m_done)
        return;
    switch (m_phase) {
    case Phase::Connecting:
        m_session->connectionFailed(QStringLiteral("cannot connect to %1: timed out after %2 s")
                                        .arg(peerName())
                                        .arg(m_config.connectTimeoutMs / 1000.0));
        break;
    case Phase::Handshake:
        m_session->tlsFailed(QStringLiteral("timed out after %1 s").arg(m_config.connectTimeoutMs / 1000.0));
        break;
    case Phase::Talking:
        if (m_session->isWaitingForTls())
            m_session->tlsFailed(
                QStringLiteral("timed out after %1 s").arg(m_config.connectTimeoutMs / 1000.0));
        else
            process(m_session->timeout());
        break;
    case Phase::Closing:
        complete();
        return;
    case Phase::Idle:
    case Phase::Done:
        return;
    }
    process({});
    if (!m_done)
        complete();
}

void SmtpSender::process(QByteArray out)
{
    for (const SmtpClientSession::Event event : m_session->takeEvents()) {
        switch (event) {
        case SmtpClientSession::Event::StartTls:
            write(out);
            out.clear();
            m_phase = Phase::Handshake;
            startTimer(m_config.connectTimeoutMs);
            publishTrace();
            m_socket->startClientEncryption();
            return;
        case SmtpClientSession::Event::Close:
            write(out);
            out.clear();
            publishTrace();
            if (m_phase == Phase::Closing || m_done)
                return;
            m_phase = Phase::Closing;
            if (m_socket->state() == QAbstractSocket::ConnectedState) {
                startTimer(CloseGraceMs);
                m_socket->disconnectFromHost(); // flushes the QUIT; disconnected() completes
                if (!m_done && m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
                    complete();
            } else {
                complete();
            }
            return;
        }
    }
    write(out);
    publishTrace();
    if (m_phase == Phase::Talking)
        startTimer(m_session->replyTimeoutMs());
}

void SmtpSender::write(const QByteArray &bytes)
{
    if (!bytes.isEmpty() && m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

void SmtpSender::publishTrace()
{
    const Trace lines = m_session->takeTrace();
    if (!lines.isEmpty())
        Q_EMIT traceReceived(lines);
}

void SmtpSender::abort()
{
    if (!m_session || m_done)
        return;
    m_session->connectionFailed(QStringLiteral("aborted"));
    complete();
}

void SmtpSender::complete()
{
    if (m_done)
        return;
    m_done = true;
    m_phase = Phase::Done;
    m_timer.stop();
    if (!m_session->isFinished())
        m_session->connectionLost();
    publishTrace();
    SendResult result = m_session->result();
    if (!m_rejectedCertificate.isNull()) {
        result.peerCertificatePem = m_rejectedCertificate.toPem();
        result.peerFingerprint = fingerprint(m_rejectedCertificate);
        result.certificateErrors = m_certificateErrors;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (result.ok)
        qCDebug(lcClient).noquote() << "delivered to" << peerName();
    else
        qCDebug(lcClient).noquote() << "delivery to" << peerName() << "failed:" << result.error;
    Q_EMIT finished(result);
}

} // namespace MailSink::Client
