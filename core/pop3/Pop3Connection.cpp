#include "Pop3Connection.h"

#include "Pop3Server.h"
#include "StoreMaildrop.h"

#include <QSslConfiguration>

namespace MailSink::Pop3 {

Pop3Connection::Pop3Connection(Pop3Server *server, Store::MessageStore *store,
    std::shared_ptr<const Pop3ServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id)
    : SessionConnection(descriptor, implicitTls)
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
    Pop3Config config = m_config->session;
    config.clientAddress = peer.address;
    config.clientPort = peer.port;
    config.startTlsAvailable = m_config->tls.has_value();
    config.implicitTls = implicitTls();
    m_session = std::make_unique<Pop3Session>(
        config, std::make_unique<StoreMaildrop>(m_store, m_server->registry()));
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

bool Pop3Connection::takeStartTls()
{
    bool startTls = false;
    for (const Event &event : m_session->takeEvents())
        startTls = startTls || event.type == Event::Type::StartTls;
    return startTls;
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
