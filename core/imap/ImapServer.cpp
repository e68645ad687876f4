#include "ImapServer.h"

#include "ImapConnection.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcImap, "mailsink.imap")

namespace MailSink::Imap {

ImapServer::ImapServer(Store::MessageStore *store, ImapServerConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_core(
          this, std::move(config), [this](qintptr fd, bool implicitTls) { handleIncoming(fd, implicitTls); },
          [this](bool listening) { Q_EMIT listeningChanged(listening); })
{
    qRegisterMetaType<MailSink::Trace>();
    qRegisterMetaType<MailSink::Imap::SessionInfo>();
}

ImapServer::~ImapServer()
{
    shutdown(0);
}

ImapServerConfig ImapServer::config() const
{
    return m_core.config();
}

void ImapServer::setConfig(ImapServerConfig config)
{
    m_core.setConfig(std::move(config));
}

bool ImapServer::listen(const HostPort &address)
{
    return m_core.listen(false, address, "IMAP", &m_error);
}

bool ImapServer::listenImaps(const HostPort &address)
{
    return m_core.listen(true, address, "IMAPS", &m_error);
}

void ImapServer::stopImap()
{
    m_core.listeners().stop(false);
}

void ImapServer::stopImaps()
{
    m_core.listeners().stop(true);
}

void ImapServer::stopListening()
{
    m_core.listeners().stopAll();
}

void ImapServer::shutdown(int waitMs)
{
    // An IMAP session has nothing in flight worth waiting for: the BYE is written at once.
    m_core.shutdown(&ImapConnection::requestClose, waitMs, nullptr, [waitMs] {
        if (waitMs > 0)
            qCWarning(lcImap) << "IMAP sessions still running after" << waitMs << "ms; waiting";
    });
}

bool ImapServer::isListening() const
{
    return m_core.listeners().isListening();
}

HostPort ImapServer::address() const
{
    return m_core.listeners().address(false);
}

HostPort ImapServer::imapsAddress() const
{
    return m_core.listeners().address(true);
}

void ImapServer::handleIncoming(qintptr descriptor, bool implicitTls)
{
    std::shared_ptr<const ImapServerConfig> config = m_core.snapshot();
    const quint64 id = m_core.admit(*config);
    if (id == 0) {
        Q_EMIT connectionRefused(refuseConnection(
            this, descriptor, implicitTls, "* BYE [UNAVAILABLE] Too many connections, try again later\r\n"));
        return;
    }
    m_core.start([this, config = std::move(config), descriptor, implicitTls, id]() -> QObject * {
        auto *connection = new ImapConnection(this, m_store, config, descriptor, implicitTls, id);
        connection->start();
        return connection;
    });
}

void ImapServer::closeSession(quint64 sessionId)
{
    m_core.invoke(sessionId, &ImapConnection::requestClose);
}

} // namespace MailSink::Imap
