#pragma once

#include "ImapServerConfig.h"
#include "ImapSession.h"
#include "util/SessionConnection.h"

#include <QTimer>

#include <memory>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Imap {

class ImapServer;

// One IMAP connection on a worker thread: the socket handling of SessionConnection around an ImapSession,
// with the autologout timer. Store changes arrive as queued signals on the same thread and become
// IDLE/NOOP updates.
class ImapConnection : public ProtocolConnection<ImapSession>
{
    Q_OBJECT

public:
    ImapConnection(ImapServer *server, Store::MessageStore *store,
        std::shared_ptr<const ImapServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id);
    ~ImapConnection() override;

private:
    bool createSession(const Peer &peer) override;
    void sessionConnectionLost() override;
    void publish(const Trace &lines) override;
    QSslConfiguration tlsConfiguration() const override;
    void activity() override; // re-arms the autologout timer by the session's own clock
    void handleTimeout();
    void handleStoreChanged();

    ImapServer *m_server;
    std::shared_ptr<const ImapServerConfig> m_config; // as it was when the connection was accepted
    Store::MessageStore *m_store;
    quint64 m_id;
    QTimer m_timeout;
    QTimer m_changes; // coalesces a burst of store changes into one update
};

} // namespace MailSink::Imap
