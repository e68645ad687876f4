#include "Pop3Server.h"

#include "MaildropRegistry.h"
#include "Pop3Connection.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPop3, "mailsink.pop3")

namespace MailSink::Pop3 {

Pop3Server::Pop3Server(Store::MessageStore *store, Pop3ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_registry(std::make_shared<MaildropRegistry>())
    , m_core(
          this, std::move(config), [this](qintptr fd, bool implicitTls) { handleIncoming(fd, implicitTls); },
          [this](bool listening) { Q_EMIT listeningChanged(listening); })
{
    qRegisterMetaType<MailSink::Trace>();
    qRegisterMetaType<MailSink::Pop3::SessionInfo>();
}

Pop3Server::~Pop3Server()
{
    shutdown(0);
}

Pop3ServerConfig Pop3Server::config() const
{
    return m_core.config();
}

void Pop3Server::setConfig(Pop3ServerConfig config)
{
    m_core.setConfig(std::move(config));
}

bool Pop3Server::listen(const HostPort &address)
{
    return m_core.listen(false, address, "POP3", &m_error);
}

bool Pop3Server::listenPop3s(const HostPort &address)
{
    return m_core.listen(true, address, "POP3S", &m_error);
}

void Pop3Server::stopPop3()
{
    m_core.listeners().stop(false);
}

void Pop3Server::stopPop3s()
{
    m_core.listeners().stop(true);
}

void Pop3Server::stopListening()
{
    m_core.listeners().stopAll();
}

void Pop3Server::shutdown(int waitMs)
{
    // A POP3 session has nothing in flight worth waiting for: the -ERR is written at once.
    m_core.shutdown(&Pop3Connection::requestClose, waitMs, nullptr, [waitMs] {
        if (waitMs > 0)
            qCWarning(lcPop3) << "POP3 sessions still running after" << waitMs << "ms; waiting";
    });
}

bool Pop3Server::isListening() const
{
    return m_core.listeners().isListening();
}

HostPort Pop3Server::address() const
{
    return m_core.listeners().address(false);
}

HostPort Pop3Server::pop3sAddress() const
{
    return m_core.listeners().address(true);
}

void Pop3Server::handleIncoming(qintptr descriptor, bool implicitTls)
{
    std::shared_ptr<const Pop3ServerConfig> config = m_core.snapshot();
    const quint64 id = m_core.admit(*config);
    if (id == 0) {
        Q_EMIT connectionRefused(refuseConnection(
            this, descriptor, implicitTls, "-ERR [SYS/TEMP] Too many connections, try again later\r\n"));
        return;
    }
    m_core.start([this, config = std::move(config), descriptor, implicitTls, id]() -> QObject * {
        auto *connection = new Pop3Connection(this, m_store, config, descriptor, implicitTls, id);
        connection->start();
        return connection;
    });
}

void Pop3Server::closeSession(quint64 sessionId)
{
    m_core.invoke(sessionId, &Pop3Connection::requestClose);
}

} // namespace MailSink::Pop3
