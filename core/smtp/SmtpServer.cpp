#include "SmtpServer.h"

#include "util/DescriptorListener.h"

#include "SmtpConnection.h"
#include "store/MessageStore.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QRunnable>
#include <QTcpServer>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcSmtp)

namespace MailSink::Smtp {

namespace {

class ConnectionTask : public QRunnable
{
public:
    ConnectionTask(SmtpServer *server, Store::MessageStore *store, qintptr descriptor, bool implicitTls,
        quint64 id, std::atomic<int> *active)
        : m_server(server)
        , m_store(store)
        , m_descriptor(descriptor)
        , m_implicitTls(implicitTls)
        , m_id(id)
        , m_active(active)
    { }

    void run() override
    {
        {
            QEventLoop loop;
            SmtpConnection connection(m_server, m_store, m_descriptor, m_implicitTls, m_id, &loop);
            QMetaObject::invokeMethod(&connection, &SmtpConnection::start, Qt::QueuedConnection);
            loop.exec();
        }
        --*m_active;
        Q_EMIT m_server->sessionEnded(m_id);
    }

private:
    SmtpServer *m_server;
    Store::MessageStore *m_store;
    qintptr m_descriptor;
    bool m_implicitTls;
    quint64 m_id;
    std::atomic<int> *m_active;
};

} // namespace

SmtpServer::SmtpServer(Store::MessageStore *store, ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(std::move(config))
{
    qRegisterMetaType<MailSink::Trace>();
    qRegisterMetaType<MailSink::Smtp::SessionInfo>();
    // One thread per live connection; the default (the core count) would serve two clients at once.
    m_pool.setMaxThreadCount(std::max(1, m_config.maxConnections));
    m_pool.setExpiryTimeout(60000);
}

SmtpServer::~SmtpServer()
{
    shutdown(0);
}

bool SmtpServer::listen(const HostPort &address)
{
    m_stopping = false;
    delete m_smtp;
    m_smtp = new DescriptorListener([this](qintptr fd) { handleIncoming(fd, false); }, this);
    m_smtp->setListenBacklogSize(m_config.listenBacklog);
    if (!m_smtp->listen(address.address, address.port)) {
        m_error = QStringLiteral("cannot listen on %1: %2").arg(address.toString(), m_smtp->errorString());
        delete m_smtp;
        m_smtp = nullptr;
        return false;
    }
    Q_EMIT listeningChanged(true);
    return true;
}

bool SmtpServer::listenSmtps(const HostPort &address)
{
    if (!m_config.tls) {
        m_error = QStringLiteral("cannot listen for SMTPS on %1: no TLS certificate").arg(address.toString());
        return false;
    }
    delete m_smtps;
    m_smtps = new DescriptorListener([this](qintptr fd) { handleIncoming(fd, true); }, this);
    m_smtps->setListenBacklogSize(m_config.listenBacklog);
    if (!m_smtps->listen(address.address, address.port)) {
        m_error = QStringLiteral("cannot listen on %1: %2").arg(address.toString(), m_smtps->errorString());
        delete m_smtps;
        m_smtps = nullptr;
        return false;
    }
    return true;
}

void SmtpServer::stopListening()
{
    const bool was = isListening();
    delete m_smtp;
    m_smtp = nullptr;
    delete m_smtps;
    m_smtps = nullptr;
    if (was)
        Q_EMIT listeningChanged(false);
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
    if (!m_pool.waitForDone(graceMs)) {
        // Whatever is still transferring after the grace period is cut off; nothing partial is kept.
        {
            std::lock_guard lock(m_connectionsMutex);
            for (SmtpConnection *connection : std::as_const(m_connections))
                QMetaObject::invokeMethod(connection, &SmtpConnection::requestClose, Qt::QueuedConnection);
        }
        m_pool.waitForDone();
    }
}

bool SmtpServer::isListening() const
{
    return (m_smtp && m_smtp->isListening()) || (m_smtps && m_smtps->isListening());
}

HostPort SmtpServer::address() const
{
    if (!m_smtp)
        return {};
    return {m_smtp->serverAddress(), m_smtp->serverPort()};
}

HostPort SmtpServer::smtpsAddress() const
{
    if (!m_smtps)
        return {};
    return {m_smtps->serverAddress(), m_smtps->serverPort()};
}

void SmtpServer::handleIncoming(qintptr descriptor, bool implicitTls)
{
    if (m_active.load() >= m_config.maxConnections) {
        // RFC 5321 3.8: a server may refuse with 421 at connection time.
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        Q_EMIT connectionRefused(socket->peerAddress().toString());
        if (!implicitTls)
            socket->write(
                "421 4.7.0 " + m_config.session.hostname + " Too many connections, try again later\r\n");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    ++m_active;
    m_pool.start(new ConnectionTask(this, m_store, descriptor, implicitTls, ++m_nextId, &m_active));
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
