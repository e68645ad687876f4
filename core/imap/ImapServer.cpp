#include "ImapServer.h"

#include "ImapConnection.h"

#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcImap, "mailsink.imap")

namespace MailSink::Imap {

ImapServer::ImapServer(Store::MessageStore *store, ImapServerConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(std::make_shared<const ImapServerConfig>(std::move(config)))
    , m_listeners(
          this, [this](qintptr fd, bool implicitTls) { handleIncoming(fd, implicitTls); },
          [this](bool listening) { Q_EMIT listeningChanged(listening); })
{
    qRegisterMetaType<MailSink::Trace>();
    qRegisterMetaType<MailSink::Imap::SessionInfo>();
    m_workers = std::make_unique<WorkerPool>(m_config->workers);
}

ImapServer::~ImapServer()
{
    shutdown(0);
}

ImapServerConfig ImapServer::config() const
{
    std::lock_guard lock(m_configMutex);
    return *m_config;
}

void ImapServer::setConfig(ImapServerConfig config)
{
    const bool tls = config.tls.has_value();
    {
        std::lock_guard lock(m_configMutex);
        m_config = std::make_shared<const ImapServerConfig>(std::move(config));
    }
    if (!tls)
        m_listeners.stop(true); // implicit TLS needs a certificate
}

std::shared_ptr<const ImapServerConfig> ImapServer::configSnapshot() const
{
    std::lock_guard lock(m_configMutex);
    return m_config;
}

bool ImapServer::listen(const HostPort &address)
{
    return m_listeners.listen(false, address, configSnapshot()->listenBacklog, &m_error);
}

bool ImapServer::listenImaps(const HostPort &address)
{
    if (!configSnapshot()->tls) {
        m_error = QStringLiteral("cannot listen for IMAPS on %1: no TLS certificate").arg(address.toString());
        return false;
    }
    return m_listeners.listen(true, address, configSnapshot()->listenBacklog, &m_error);
}

void ImapServer::stopImap()
{
    m_listeners.stop(false);
}

void ImapServer::stopImaps()
{
    m_listeners.stop(true);
}

void ImapServer::stopListening()
{
    m_listeners.stopAll();
}

void ImapServer::shutdown(int waitMs)
{
    stopListening();
    {
        std::lock_guard lock(m_connectionsMutex);
        m_stopping = true; // a connection registering from now on closes at once
        for (ImapConnection *connection : std::as_const(m_connections))
            QMetaObject::invokeMethod(connection, &ImapConnection::requestClose, Qt::QueuedConnection);
    }
    // An IMAP session has nothing in flight worth waiting for: the BYE is written at once.
    if (!m_workers->waitForDone(waitMs))
        qCWarning(lcImap) << "IMAP sessions still running after" << waitMs << "ms; waiting";
    m_workers->waitForDone();
    std::lock_guard lock(m_connectionsMutex);
    m_stopping = false;
}

bool ImapServer::isListening() const
{
    return m_listeners.isListening();
}

HostPort ImapServer::address() const
{
    return m_listeners.address(false);
}

HostPort ImapServer::imapsAddress() const
{
    return m_listeners.address(true);
}

void ImapServer::handleIncoming(qintptr descriptor, bool implicitTls)
{
    std::shared_ptr<const ImapServerConfig> config = configSnapshot();
    if (m_active.load() >= config->maxConnections) {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        Q_EMIT connectionRefused(socket->peerAddress().toString());
        if (!implicitTls)
            socket->write("* BYE [UNAVAILABLE] Too many connections, try again later\r\n");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    ++m_active;
    const quint64 id = ++m_nextId;
    m_workers->start([this, config = std::move(config), descriptor, implicitTls, id]() -> QObject * {
        auto *connection = new ImapConnection(this, m_store, config, descriptor, implicitTls, id);
        connection->start();
        return connection;
    });
}

void ImapServer::closeSession(quint64 sessionId)
{
    std::lock_guard lock(m_connectionsMutex);
    if (ImapConnection *connection = m_connections.value(sessionId))
        QMetaObject::invokeMethod(connection, &ImapConnection::requestClose, Qt::QueuedConnection);
}

bool ImapServer::registerConnection(quint64 id, ImapConnection *connection)
{
    std::lock_guard lock(m_connectionsMutex);
    m_connections.insert(id, connection);
    return !m_stopping;
}

void ImapServer::unregisterConnection(quint64 id)
{
    std::lock_guard lock(m_connectionsMutex);
    m_connections.remove(id);
}

} // namespace MailSink::Imap
