#include "Pop3Server.h"

#include "MaildropRegistry.h"
#include "Pop3Connection.h"

#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcPop3, "mailsink.pop3")

namespace MailSink::Pop3 {

Pop3Server::Pop3Server(Store::MessageStore *store, Pop3ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(std::make_shared<const Pop3ServerConfig>(std::move(config)))
    , m_listeners(
          this, [this](qintptr fd, bool implicitTls) { handleIncoming(fd, implicitTls); },
          [this](bool listening) { Q_EMIT listeningChanged(listening); })
    , m_registry(std::make_shared<MaildropRegistry>())
{
    qRegisterMetaType<MailSink::Trace>();
    qRegisterMetaType<MailSink::Pop3::SessionInfo>();
    m_workers = std::make_unique<WorkerPool>(m_config->workers);
}

Pop3Server::~Pop3Server()
{
    shutdown(0);
}

Pop3ServerConfig Pop3Server::config() const
{
    std::lock_guard lock(m_configMutex);
    return *m_config;
}

void Pop3Server::setConfig(Pop3ServerConfig config)
{
    const bool tls = config.tls.has_value();
    {
        std::lock_guard lock(m_configMutex);
        m_config = std::make_shared<const Pop3ServerConfig>(std::move(config));
    }
    if (!tls)
        m_listeners.stop(true); // implicit TLS needs a certificate
}

std::shared_ptr<const Pop3ServerConfig> Pop3Server::configSnapshot() const
{
    std::lock_guard lock(m_configMutex);
    return m_config;
}

bool Pop3Server::listen(const HostPort &address)
{
    return m_listeners.listen(false, address, configSnapshot()->listenBacklog, &m_error);
}

bool Pop3Server::listenPop3s(const HostPort &address)
{
    if (!configSnapshot()->tls) {
        m_error = QStringLiteral("cannot listen for POP3S on %1: no TLS certificate").arg(address.toString());
        return false;
    }
    return m_listeners.listen(true, address, configSnapshot()->listenBacklog, &m_error);
}

void Pop3Server::stopPop3()
{
    m_listeners.stop(false);
}

void Pop3Server::stopPop3s()
{
    m_listeners.stop(true);
}

void Pop3Server::stopListening()
{
    m_listeners.stopAll();
}

void Pop3Server::shutdown(int waitMs)
{
    stopListening();
    {
        std::lock_guard lock(m_connectionsMutex);
        m_stopping = true; // a connection registering from now on closes at once
        for (Pop3Connection *connection : std::as_const(m_connections))
            QMetaObject::invokeMethod(connection, &Pop3Connection::requestClose, Qt::QueuedConnection);
    }
    // A POP3 session has nothing in flight worth waiting for: the -ERR is written at once.
    if (!m_workers->waitForDone(waitMs))
        qCWarning(lcPop3) << "POP3 sessions still running after" << waitMs << "ms; waiting";
    m_workers->waitForDone();
    std::lock_guard lock(m_connectionsMutex);
    m_stopping = false;
}

bool Pop3Server::isListening() const
{
    return m_listeners.isListening();
}

HostPort Pop3Server::address() const
{
    return m_listeners.address(false);
}

HostPort Pop3Server::pop3sAddress() const
{
    return m_listeners.address(true);
}

void Pop3Server::handleIncoming(qintptr descriptor, bool implicitTls)
{
    std::shared_ptr<const Pop3ServerConfig> config = configSnapshot();
    if (m_active.load() >= config->maxConnections) {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        Q_EMIT connectionRefused(socket->peerAddress().toString());
        if (!implicitTls)
            socket->write("-ERR [SYS/TEMP] Too many connections, try again later\r\n");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    ++m_active;
    const quint64 id = ++m_nextId;
    m_workers->start([this, config = std::move(config), descriptor, implicitTls, id]() -> QObject * {
        auto *connection = new Pop3Connection(this, m_store, config, descriptor, implicitTls, id);
        connection->start();
        return connection;
    });
}

void Pop3Server::closeSession(quint64 sessionId)
{
    std::lock_guard lock(m_connectionsMutex);
    if (Pop3Connection *connection = m_connections.value(sessionId))
        QMetaObject::invokeMethod(connection, &Pop3Connection::requestClose, Qt::QueuedConnection);
}

bool Pop3Server::registerConnection(quint64 id, Pop3Connection *connection)
{
    std::lock_guard lock(m_connectionsMutex);
    m_connections.insert(id, connection);
    return !m_stopping;
}

void Pop3Server::unregisterConnection(quint64 id)
{
    std::lock_guard lock(m_connectionsMutex);
    m_connections.remove(id);
}

} // namespace MailSink::Pop3
