#include "SmtpServer.h"

#include "SmtpConnection.h"
#include "store/MessageStore.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcSmtp)

namespace MailSink::Smtp {

SmtpServer::SmtpServer(Store::MessageStore *store, ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(std::make_shared<const ServerConfig>(std::move(config)))
    , m_listeners(
          this, [this](qintptr fd, bool implicitTls) { handleIncoming(fd, implicitTls); },
          [this](bool listening) { Q_EMIT listeningChanged(listening); })
{
    qRegisterMetaType<MailSink::Trace>();
    qRegisterMetaType<MailSink::Smtp::SessionInfo>();
    m_workers = std::make_unique<WorkerPool>(m_config->workers);
}

SmtpServer::~SmtpServer()
{
    shutdown(0);
}

ServerConfig SmtpServer::config() const
{
    std::lock_guard lock(m_configMutex);
    return *m_config;
}

void SmtpServer::setConfig(ServerConfig config)
{
    const bool tls = config.tls.has_value();
    {
        std::lock_guard lock(m_configMutex);
        m_config = std::make_shared<const ServerConfig>(std::move(config));
    }
    if (!tls)
        m_listeners.stop(true); // implicit TLS needs a certificate
}

std::shared_ptr<const ServerConfig> SmtpServer::configSnapshot() const
{
    std::lock_guard lock(m_configMutex);
    return m_config;
}

bool SmtpServer::listen(const HostPort &address)
{
    m_stopping = false;
    return m_listeners.listen(false, address, configSnapshot()->listenBacklog, &m_error);
}

bool SmtpServer::listenSmtps(const HostPort &address)
{
    if (!configSnapshot()->tls) {
        m_error = QStringLiteral("cannot listen for SMTPS on %1: no TLS certificate").arg(address.toString());
        return false;
    }
    return m_listeners.listen(true, address, configSnapshot()->listenBacklog, &m_error);
}

void SmtpServer::stopSmtp()
{
    m_listeners.stop(false);
}

void SmtpServer::stopSmtps()
{
    m_listeners.stop(true);
}

void SmtpServer::stopListening()
{
    m_listeners.stopAll();
}

void SmtpServer::shutdown(int graceMs)
{
    m_stopping = true; // connections accepted but not yet started refuse at once
    stopListening();
    {
        std::lock_guard lock(m_connectionsMutex);
        for (SmtpConnection *connection : std::as_const(m_connections))
            QMetaObject::invokeMethod(connection, &SmtpConnection::requestShutdown, Qt::QueuedConnection);
    }
    if (!m_workers->waitForDone(graceMs)) {
        // Whatever is still transferring after the grace period is cut off; nothing partial is kept.
        {
            std::lock_guard lock(m_connectionsMutex);
            for (SmtpConnection *connection : std::as_const(m_connections))
                QMetaObject::invokeMethod(connection, &SmtpConnection::requestClose, Qt::QueuedConnection);
        }
        m_workers->waitForDone();
    }
}

bool SmtpServer::isListening() const
{
    return m_listeners.isListening();
}

HostPort SmtpServer::address() const
{
    return m_listeners.address(false);
}

HostPort SmtpServer::smtpsAddress() const
{
    return m_listeners.address(true);
}

void SmtpServer::handleIncoming(qintptr descriptor, bool implicitTls)
{
    std::shared_ptr<const ServerConfig> config = configSnapshot();
    if (m_active.load() >= config->maxConnections) {
        // RFC 5321 3.8: a server may refuse with 421 at connection time.
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        Q_EMIT connectionRefused(socket->peerAddress().toString());
        if (!implicitTls)
            socket->write(
                "421 4.7.0 " + config->session.hostname + " Too many connections, try again later\r\n");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    ++m_active;
    const quint64 id = ++m_nextId;
    m_workers->start([this, config = std::move(config), descriptor, implicitTls, id]() -> QObject * {
        auto *connection = new SmtpConnection(this, m_store, config, descriptor, implicitTls, id);
        connection->start();
        return connection;
    });
}

void SmtpServer::closeSession(quint64 sessionId)
{
    std::lock_guard lock(m_connectionsMutex);
    if (SmtpConnection *connection = m_connections.value(sessionId))
        QMetaObject::invokeMethod(connection, &SmtpConnection::requestClose, Qt::QueuedConnection);
}

void SmtpServer::registerConnection(quint64 id, SmtpConnection *connection)
{
    std::lock_guard lock(m_connectionsMutex);
    m_connections.insert(id, connection);
}

void SmtpServer::unregisterConnection(quint64 id)
{
    std::lock_guard lock(m_connectionsMutex);
    m_connections.remove(id);
}

} // namespace MailSink::Smtp
