#include "Pop3Server.h"

#include "util/DescriptorListener.h"

#include "MaildropRegistry.h"
#include "Pop3Connection.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QRunnable>
#include <QTcpServer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcPop3, "mailsink.pop3")

namespace MailSink::Pop3 {

namespace {

class ConnectionTask : public QRunnable
{
public:
    ConnectionTask(Pop3Server *server, Store::MessageStore *store, qintptr descriptor, bool implicitTls,
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
            Pop3Connection connection(m_server, m_store, m_descriptor, m_implicitTls, m_id, &loop);
            QMetaObject::invokeMethod(&connection, &Pop3Connection::start, Qt::QueuedConnection);
            loop.exec();
        }
        --*m_active;
        Q_EMIT m_server->sessionEnded(m_id);
    }

private:
    Pop3Server *m_server;
    Store::MessageStore *m_store;
    qintptr m_descriptor;
    bool m_implicitTls;
    quint64 m_id;
    std::atomic<int> *m_active;
};

} // namespace

Pop3Server::Pop3Server(Store::MessageStore *store, Pop3ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(std::move(config))
    , m_registry(std::make_shared<MaildropRegistry>())
{
    qRegisterMetaType<MailSink::Trace>();
    qRegisterMetaType<MailSink::Pop3::SessionInfo>();
    // One thread per live connection; the default (the core count) would serve two clients at once.
    m_pool.setMaxThreadCount(std::max(1, m_config.maxConnections));
    m_pool.setExpiryTimeout(60000);
}

Pop3Server::~Pop3Server()
{
    shutdown(0);
}

bool Pop3Server::listen(const HostPort &address)
{
    delete m_pop3;
    m_pop3 = new DescriptorListener([this](qintptr fd) { handleIncoming(fd, false); }, this);
    m_pop3->setListenBacklogSize(m_config.listenBacklog);
    if (!m_pop3->listen(address.address, address.port)) {
        m_error = QStringLiteral("cannot listen on %1: %2").arg(address.toString(), m_pop3->errorString());
        delete m_pop3;
        m_pop3 = nullptr;
        return false;
    }
    Q_EMIT listeningChanged(true);
    return true;
}

bool Pop3Server::listenPop3s(const HostPort &address)
{
    if (!m_config.tls) {
        m_error = QStringLiteral("cannot listen for POP3S on %1: no TLS certificate").arg(address.toString());
        return false;
    }
    delete m_pop3s;
    m_pop3s = new DescriptorListener([this](qintptr fd) { handleIncoming(fd, true); }, this);
    m_pop3s->setListenBacklogSize(m_config.listenBacklog);
    if (!m_pop3s->listen(address.address, address.port)) {
        m_error = QStringLiteral("cannot listen on %1: %2").arg(address.toString(), m_pop3s->errorString());
        delete m_pop3s;
        m_pop3s = nullptr;
        return false;
    }
    return true;
}

void Pop3Server::stopListening()
{
    const bool was = isListening();
    delete m_pop3;
    m_pop3 = nullptr;
    delete m_pop3s;
    m_pop3s = nullptr;
    if (was)
        Q_EMIT listeningChanged(false);
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
    if (!m_pool.waitForDone(waitMs))
        qCWarning(lcPop3) << "POP3 sessions still running after" << waitMs << "ms; waiting";
    m_pool.waitForDone();
    std::lock_guard lock(m_connectionsMutex);
    m_stopping = false;
}

bool Pop3Server::isListening() const
{
    return (m_pop3 && m_pop3->isListening()) || (m_pop3s && m_pop3s->isListening());
}

HostPort Pop3Server::address() const
{
    if (!m_pop3)
        return {};
    return {m_pop3->serverAddress(), m_pop3->serverPort()};
}

HostPort Pop3Server::pop3sAddress() const
{
    if (!m_pop3s)
        return {};
    return {m_pop3s->serverAddress(), m_pop3s->serverPort()};
}

void Pop3Server::handleIncoming(qintptr descriptor, bool implicitTls)
{
    if (m_active.load() >= m_config.maxConnections) {
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
    m_pool.start(new ConnectionTask(this, m_store, descriptor, implicitTls, ++m_nextId, &m_active));
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
