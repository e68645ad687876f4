#include "SmtpServer.h"

#include "SmtpConnection.h"
#include "store/MessageStore.h"

namespace MailSink::Smtp {

SmtpServer::SmtpServer(Store::MessageStore *store, ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_core(
          this, std::move(config), [this](qintptr fd, bool implicitTls) { handleIncoming(fd, implicitTls); },
          [this](bool listening) { Q_EMIT listeningChanged(listening); })
{
    qRegisterMetaType<MailSink::Trace>();
    qRegisterMetaType<MailSink::Smtp::SessionInfo>();
}

SmtpServer::~SmtpServer()
{
    shutdown(0);
}

ServerConfig SmtpServer::config() const
{
    return m_core.config();
}

void SmtpServer::setConfig(ServerConfig config)
{
    m_core.setConfig(std::move(config));
}

bool SmtpServer::listen(const HostPort &address)
{
    return m_core.listen(false, address, "SMTP", &m_error);
}

bool SmtpServer::listenSmtps(const HostPort &address)
{
    return m_core.listen(true, address, "SMTPS", &m_error);
}

void SmtpServer::stopSmtp()
{
    m_core.listeners().stop(false);
}

void SmtpServer::stopSmtps()
{
    m_core.listeners().stop(true);
}

void SmtpServer::stopListening()
{
    m_core.listeners().stopAll();
}

void SmtpServer::shutdown(int graceMs)
{
    // Messages in transfer may finish within the grace period; whatever is still transferring after it is
    // cut off, and nothing partial is kept.
    m_core.shutdown(&SmtpConnection::requestShutdown, graceMs, &SmtpConnection::requestClose, [] {});
}

bool SmtpServer::isListening() const
{
    return m_core.listeners().isListening();
}

HostPort SmtpServer::address() const
{
    return m_core.listeners().address(false);
}

HostPort SmtpServer::smtpsAddress() const
{
    return m_core.listeners().address(true);
}

void SmtpServer::handleIncoming(qintptr descriptor, bool implicitTls)
{
    std::shared_ptr<const ServerConfig> config = m_core.snapshot();
    const quint64 id = m_core.admit(*config);
    if (id == 0) {
        // RFC 5321 3.8: a server may refuse with 421 at connection time.
        Q_EMIT connectionRefused(refuseConnection(this, descriptor, implicitTls,
            "421 4.7.0 " + config->session.hostname + " Too many connections, try again later\r\n"));
        return;
    }
    m_core.start([this, config = std::move(config), descriptor, implicitTls, id]() -> QObject * {
        auto *connection = new SmtpConnection(this, m_store, config, descriptor, implicitTls, id);
        connection->start();
        return connection;
    });
}

void SmtpServer::closeSession(quint64 sessionId)
{
    m_core.invoke(sessionId, &SmtpConnection::requestClose);
}

} // namespace MailSink::Smtp
