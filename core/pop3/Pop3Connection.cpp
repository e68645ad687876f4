#include "Pop3Connection.h"

#include "tls/TlsIdentity.h"

#include "Pop3Server.h"
#include "StoreMaildrop.h"

#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslSocket>

Q_DECLARE_LOGGING_CATEGORY(lcPop3)

namespace MailSink::Pop3 {

namespace {

constexpr qint64 ReadChunk = 64 * 1024;

} // namespace

Pop3Connection::Pop3Connection(Pop3Server *server, Store::MessageStore *store,
    std::shared_ptr<const Pop3ServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id)
    : m_server(server)
    , m_config(std::move(config))
    , m_store(store)
    , m_descriptor(descriptor)
    , m_implicitTls(implicitTls)
    , m_id(id)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_config->idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &Pop3Connection::handleIdle);
}

Pop3Connection::~Pop3Connection()
{
    m_server->unregisterConnection(m_id);
    --m_server->m_active;
    Q_EMIT m_server->sessionEnded(m_id);
}

void Pop3Connection::start()
{
    m_socket = new QSslSocket(this);
    if (!m_socket->setSocketDescriptor(m_descriptor)) {
        qCWarning(lcPop3) << "cannot take over connection:" << m_socket->errorString();
        finish();
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(4 * ReadChunk);

    const Pop3ServerConfig &serverConfig = *m_config;
    Pop3Config config = serverConfig.session;
    QHostAddress peer = m_socket->peerAddress();
    bool v4 = false;
    const quint32 ip4 = peer.toIPv4Address(&v4);
    if (v4)
        peer = QHostAddress(ip4); // show ::ffff:127.0.0.1 as 127.0.0.1
    config.clientAddress = peer.toString();
    config.clientPort = m_socket->peerPort();
    config.startTlsAvailable = serverConfig.tls.has_value();
    config.implicitTls = m_implicitTls;
    m_session = std::make_unique<Pop3Session>(
        config, std::make_unique<StoreMaildrop>(m_store, m_server->registry()));
    const bool accepted = m_server->registerConnection(m_id, this);

    SessionInfo info {
        m_id, config.clientAddress, config.clientPort, m_implicitTls, QDateTime::currentDateTimeUtc()};
    Q_EMIT m_server->sessionStarted(info);

    connect(m_socket, &QSslSocket::readyRead, this, &Pop3Connection::handleReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &Pop3Connection::handleDisconnected);
    connect(m_socket, &QSslSocket::encrypted, this, &Pop3Connection::handleEncrypted);
    // A slow client still downloading a large RETR is not idle.
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] { m_idle.start(); });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError) {
            m_session->tlsFailed(m_socket->errorString());
            publishTrace();
            m_socket->abort();
            finish();
        }
    });
    m_idle.start();
    if (!accepted) {
        process(m_session->shutdown());
        return;
    }
    if (m_implicitTls) {
        m_socket->setSslConfiguration(serverConfig.tls->serverConfiguration());
        m_socket->startServerEncryption();
        return; // the greeting follows the handshake
    }
    process(m_session->greeting());
}

void Pop3Connection::handleReadyRead()
{
    m_idle.start();
    while (m_socket && m_socket->bytesAvailable() > 0 && !m_session->isClosed()) {
        const QByteArray data = m_socket->read(ReadChunk);
        if (data.isEmpty())
            break;
        process(m_session->receive(data));
    }
}

void Pop3Connection::process(const QByteArray &out)
{
    if (!out.isEmpty() && m_socket)
        m_socket->write(out);
    for (const Event &event : m_session->takeEvents()) {
        switch (event.type) {
        case Event::Type::StartTls:
            // The +OK went out in plain text above; everything after it is encrypted.
            m_socket->setSslConfiguration(m_config->tls->serverConfiguration());
            m_socket->startServerEncryption();
            break;
        case Event::Type::Close:
            break;
        }
    }
    publishTrace();
    if (m_session->isClosed() && m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost(); // flushes what was written, then disconnected() follows
}

void Pop3Connection::publishTrace()
{
    Trace lines = m_session->takeTrace();
    if (!lines.isEmpty())
        Q_EMIT m_server->traceReceived(m_id, lines);
}

void Pop3Connection::handleEncrypted()
{
    const QString protocol = Tls::protocolName(m_socket->sessionProtocol());
    const QString cipher = m_socket->sessionCipher().name();
    QByteArray out = m_session->tlsEstablished(protocol, cipher);
    if (m_implicitTls && !m_session->isClosed())
        out += m_session->greeting();
    process(out);
    m_idle.start();
    if (m_socket->bytesAvailable() > 0)
        handleReadyRead();
}

void Pop3Connection::handleDisconnected()
{
    m_session->connectionLost(); // no QUIT: nothing deleted, the maildrop lock is released
    publishTrace();
    finish();
}

void Pop3Connection::handleIdle()
{
    process(m_session->idleTimeout());
}

void Pop3Connection::requestClose()
{
    process(m_session->shutdown());
}

void Pop3Connection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_idle.stop();
    if (m_session)
        m_session->connectionLost();
    publishTrace();
    deleteLater(); // the worker counts the connection live until then
}

} // namespace MailSink::Pop3
