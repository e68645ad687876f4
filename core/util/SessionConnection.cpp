#include "SessionConnection.h"

#include "tls/TlsIdentity.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

Q_LOGGING_CATEGORY(lcConnection, "mailsink.connection")

namespace MailSink {

namespace {

constexpr qint64 ReadChunk = 64 * 1024;

} // namespace

SessionConnection::SessionConnection(qintptr descriptor, bool implicitTls)
    : m_descriptor(descriptor)
    , m_implicitTls(implicitTls)
{ }

SessionConnection::~SessionConnection() = default;

void SessionConnection::start()
{
    m_socket = new QSslSocket(this);
    if (!m_socket->setSocketDescriptor(m_descriptor)) {
        qCWarning(lcConnection) << "cannot take over connection:" << m_socket->errorString();
        finish();
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(4 * ReadChunk);

    QHostAddress address = m_socket->peerAddress();
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4);
    if (v4)
        address = QHostAddress(ip4); // show ::ffff:127.0.0.1 as 127.0.0.1
    const bool accepted = createSession(Peer {address.toString(), m_socket->peerPort()});
    m_started = true;

    connect(m_socket, &QSslSocket::readyRead, this, &SessionConnection::handleReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &SessionConnection::handleDisconnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SessionConnection::handleEncrypted);
    // A slow client still downloading a large message is not idle.
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] { activity(); });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError) {
            sessionTlsFailed(m_socket->errorString());
            publishTrace();
            m_socket->abort();
            finish();
        }
    });
    activity();
    if (!accepted) {
        process(sessionShutdown());
        return;
    }
    if (m_implicitTls) {
        m_socket->setSslConfiguration(tlsConfiguration());
        m_socket->startServerEncryption();
        return; // the greeting follows the handshake
    }
    process(sessionGreeting());
}

void SessionConnection::handleReadyRead()
{
    while (m_socket && m_socket->bytesAvailable() > 0 && !sessionClosed()) {
        const QByteArray data = m_socket->read(ReadChunk);
        if (data.isEmpty())
            break;
        process(sessionReceive(data));
    }
    activity();
}

void SessionConnection::process(const QByteArray &out)
{
    if (!out.isEmpty() && m_socket)
        m_socket->write(out);
    if (takeStartTls() && m_socket) {
        // The go-ahead went out in plain text above; everything after it is encrypted.
        m_socket->setSslConfiguration(tlsConfiguration());
        m_socket->startServerEncryption();
    }
    publishTrace();
    if (sessionClosed() && m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost(); // flushes what was written, then disconnected() follows
}

void SessionConnection::publishTrace()
{
    const Trace lines = takeTrace();
    if (!lines.isEmpty())
        publish(lines);
}

void SessionConnection::handleEncrypted()
{
    const QString protocol = Tls::protocolName(m_socket->sessionProtocol());
    const QString cipher = m_socket->sessionCipher().name();
    QByteArray out = sessionTlsEstablished(protocol, cipher);
    if (m_implicitTls && !sessionClosed())
        out += sessionGreeting();
    process(out);
    activity();
    if (m_socket->bytesAvailable() > 0)
        handleReadyRead();
}

void SessionConnection::handleDisconnected()
{
    sessionConnectionLost();
    publishTrace();
    finish();
}

void SessionConnection::requestClose()
{
    if (m_started)
        process(sessionShutdown());
}

void SessionConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_started) {
        sessionConnectionLost();
        publishTrace();
    }
    deleteLater(); // the worker counts the connection live until then
}

} // namespace MailSink
