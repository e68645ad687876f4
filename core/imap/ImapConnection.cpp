#include "ImapConnection.h"

#include "ImapServer.h"
#include "StoreMailboxes.h"
#include "store/MessageStore.h"

#include <QSslConfiguration>

#include <algorithm>

namespace MailSink::Imap {

ImapConnection::ImapConnection(ImapServer *server, Store::MessageStore *store,
    std::shared_ptr<const ImapServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id)
    : ProtocolConnection(descriptor, implicitTls)
    , m_server(server)
    , m_config(std::move(config))
    , m_store(store)
    , m_id(id)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ImapConnection::handleTimeout);
    m_changes.setSingleShot(true);
    m_changes.setInterval(m_config->changeDelayMs);
    connect(&m_changes, &QTimer::timeout, this, [this] {
        if (m_session && !m_session->isClosed())
            process(m_session->mailboxChanged());
    });
}

ImapConnection::~ImapConnection()
{
    m_server->m_core.unregisterConnection(m_id);
    Q_EMIT m_server->sessionEnded(m_id);
}

bool ImapConnection::createSession(const Peer &peer)
{
    m_session
        = std::make_unique<ImapSession>(sessionConfig(m_config->session, peer, m_config->tls.has_value()),
            std::make_unique<StoreMailboxes>(m_store));
    const bool accepted = m_server->m_core.registerConnection(m_id, this);
    Q_EMIT m_server->sessionStarted(
        SessionInfo {m_id, peer.address, peer.port, implicitTls(), QDateTime::currentDateTimeUtc()});

    // Queued onto this worker's thread: the store emits from its committer and from other sessions.
    connect(m_store, &Store::MessageStore::messageStored, this, &ImapConnection::handleStoreChanged);
    connect(m_store, &Store::MessageStore::messagesRemoved, this, &ImapConnection::handleStoreChanged);
    connect(m_store, &Store::MessageStore::seenChanged, this, &ImapConnection::handleStoreChanged);
    connect(m_store, &Store::MessageStore::flagsChanged, this, &ImapConnection::handleStoreChanged);
    return accepted;
}

void ImapConnection::sessionConnectionLost()
{
    m_timeout.stop();
    m_changes.stop();
    m_session->connectionLost();
}

void ImapConnection::publish(const Trace &lines)
{
    Q_EMIT m_server->traceReceived(m_id, lines);
}

QSslConfiguration ImapConnection::tlsConfiguration() const
{
    return m_config->tls->serverConfiguration();
}

void ImapConnection::activity()
{
    if (!m_session->isClosed())
        m_timeout.start(int(std::min<qint64>(m_session->msUntilTimeout() + 1, 60 * 60 * 1000)));
}

void ImapConnection::handleTimeout()
{
    process(m_session->checkTimeout());
    activity();
}

void ImapConnection::handleStoreChanged()
{
    if (!m_changes.isActive())
        m_changes.start();
}

} // namespace MailSink::Imap
