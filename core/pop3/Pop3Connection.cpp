#include "Pop3Connection.h"

#include "Pop3Server.h"
#include "StoreMaildrop.h"

#include <QSslConfiguration>

namespace MailSink::Pop3 {

Pop3Connection::Pop3Connection(Pop3Server *server, Store::MessageStore *store,
    std::shared_ptr<const Pop3ServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id)
    : ProtocolConnection(descriptor, implicitTls)
    , m_server(server)
    , m_config(std::move(config))
    , m_store(store)
    , m_id(id)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_config->idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] { process(m_session->idleTimeout()); });
}

Pop3Connection::~Pop3Connection()
{
    m_server->m_core.unregisterConnection(m_id);
    Q_EMIT m_server->sessionEnded(m_id);
}

bool Pop3Connection::createSession(const Peer &peer)
{
    m_session
        = std::make_unique<Pop3Session>(sessionConfig(m_config->session, peer, m_config->tls.has_value()),
            std::make_unique<StoreMaildrop>(m_store, m_server->registry()));
    const bool accepted = m_server->m_core.registerConnection(m_id, this);
    Q_EMIT m_server->sessionStarted(
        SessionInfo {m_id, peer.address, peer.port, implicitTls(), QDateTime::currentDateTimeUtc()});
    return accepted;
}

void Pop3Connection::sessionConnectionLost()
{
    m_idle.stop();
    m_session->connectionLost();
}

void Pop3Connection::publish(const Trace &lines)
{
    Q_EMIT m_server->traceReceived(m_id, lines);
}

QSslConfiguration Pop3Connection::tlsConfiguration() const
{
    return m_config->tls->serverConfiguration();
}

void Pop3Connection::activity()
{
    if (!m_session->isClosed())
        m_idle.start();
}

} // namespace MailSink::Pop3
