#include "ImapConnection.h"

#include "tls/TlsIdentity.h"

#include "ImapServer.h"
#include "StoreMailboxes.h"
#include "store/MessageStore.h"

#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslSocket>

Q_DECLARE_LOGGING_CATEGORY(lcImap)

namespace MailSink::Imap {

namespace {

constexpr qint64 ReadChunk = 64 * 1024;

} // namespace

ImapConnection::ImapConnection(ImapServer *server, Store::MessageStore *store,
    std::shared_ptr<const ImapServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id)
    : m_server(server)
    , m_config(std::move(config))
    , m_store(store)
    , m_descriptor(descriptor)
    , m_implicitTls(implicitTls)
    , m_id(id)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ImapConnection::handleTimeout);
    m_changes.setSingleShot(true);
    m_changes.setInterval(m_config->changeDelayMs);
    connect(&m_changes, &QTimer::timeout, this, [this] {
        if (m_session && !m_session->isClosed())
            process(m_session->mailboxChanged());
    });
}

ImapConnection::~ImapConnection()
{
    m_server->unregisterConnection(m_id);
    --m_server->m_active;
    Q_EMIT m_server->sessionEnded(m_id);
}

void ImapConnection::start()
{
    m_socket = new QSslSocket(this);
    if (!m_socket->setSocketDescriptor(m_descriptor)) {
        qCWarning(lcImap) << "cannot take over connection:" << m_socket->errorString();
        finish();
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(4 * ReadChunk);

    const ImapServerConfig &serverConfig = *m_config;
    ImapConfig config = serverConfig.session;
    QHostAddress peer = m_socket->peerAddress();
    bool v4 = false;
    const quint32 ip4 = peer.toIPv4Address(&v4);
    if (v4)
        peer = QHostAddress(ip4); // show ::ffff:127.0.0.1 as 127.0.0.1
    config.clientAddress = peer.toString();
    config.clientPort = m_socket->peerPort();
    config.startTlsAvailable = serverConfig.tls.has_value();
    config.implicitTls = m_implicitTls;
    m_session = std::make_unique<ImapSession>(config, std::make_unique<StoreMailboxes>(m_store));
    const bool accepted = m_server->registerConnection(m_id, this);

    SessionInfo info {
        m_id, config.clientAddress, config.clientPort, m_implicitTls, QDateTime::currentDateTimeUtc()};
    Q_EMIT m_server->sessionStarted(info);

    connect(m_socket, &QSslSocket::readyRead, this, &ImapConnection::handleReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &ImapConnection::handleDisconnected);
    connect(m_socket, &QSslSocket::encrypted, this, &ImapConnection::handleEncrypted);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError) {
            m_session->tlsFailed(m_socket->errorString());
            publishTrace();
            m_socket->abort();
            finish();
        }
    });
    // Queued onto this worker's thread: the store emits from its committer and from other sessions.
    connect(m_store, &Store::MessageStore::messageStored, this, &ImapConnection::handleStoreChanged);
    connect(m_store, &Store::MessageStore::messagesRemoved, this, &ImapConnection::handleStoreChanged);
    connect(m_store, &Store::MessageStore::seenChanged, this, &ImapConnection::handleStoreChanged);
    connect(m_store, &Store::MessageStore::flagsChanged, this, &ImapConnection::handleStoreChanged);
    armTimeout();
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

void ImapConnection::handleStoreChanged()
{
    if (!m_changes.isActive())
        m_changes.start();
}

void ImapConnection::armTimeout()
{
    if (m_session)
        m_timeout.start(int(std::min<qint64>(m_session->msUntilTimeout() + 1, 60 * 60 * 1000)));
}

void ImapConnection::handleReadyRead()
{
    while (m_socket && m_socket->bytesAvailable() > 0 && !m_session->isClosed()) {
        const QByteArray data = m_socket->read(ReadChunk);
        if (data.isEmpty())
            break;
        process(m_session->receive(data));
    }
    armTimeout();
}

void ImapConnection::process(const QByteArray &out)
{
    if (!out.isEmpty() && m_socket)
        m_socket->write(out);
    for (const Event &event : m_session->takeEvents()) {
        switch (event.type) {
        case Event::Type::StartTls:
            // The OK went out in plain text above; everything after it is encrypted.
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

void ImapConnection::publishTrace()
{
    Trace lines = m_session->takeTrace();
    if (!lines.isEmpty())
        Q_EMIT m_server->traceReceived(m_id, lines);
}

void ImapConnection::handleEncrypted()
{
    const QString protocol = Tls::protocolName(m_socket->sessionProtocol());
    const QString cipher = m_socket->sessionCipher().name();
    QByteArray out = m_session->tlsEstablished(protocol, cipher);
    if (m_implicitTls && !m_session->isClosed())
        out += m_session->greeting();
    process(out);
    armTimeout();
    if (m_socket->bytesAvailable() > 0)
        handleReadyRead();
}

void ImapConnection::handleDisconnected()
{
    m_session->connectionLost();
    publishTrace();
    finish();
}

void ImapConnection::handleTimeout()
{
    process(m_session->checkTimeout());
    if (!m_session->isClosed())
        armTimeout();
}

void ImapConnection::requestClose()
{
    process(m_session->shutdown());
}

void ImapConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_changes.stop();
    if (m_session)
        m_session->connectionLost();
    publishTrace();
    deleteLater(); // the worker counts the connection live until then
}

} // namespace MailSink::Imap
