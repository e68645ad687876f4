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
class ImapConnection : public SessionConnection
{
    Q_OBJECT

public:
    ImapConnection(ImapServer *server, Store::MessageStore *store,
        std::shared_ptr<const ImapServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id);
    ~ImapConnection() override;

private:
    bool createSession(const Peer &peer) override;
    QByteArray sessionGreeting() override { return m_session->greeting(); }
    QByteArray sessionReceive(QByteArrayView bytes) override { return m_session->receive(bytes); }
    QByteArray sessionTlsEstablished(const QString &protocol, const QString &cipher) override
    {
        return m_session->tlsEstablished(protocol, cipher);
    }
    void sessionTlsFailed(const QString &error) override { m_session->tlsFailed(error); }
    QByteArray sessionShutdown() override { return m_session->shutdown(); } // * BYE
    void sessionConnectionLost() override;
    bool sessionClosed() const override { return m_session->isClosed(); }
    bool takeStartTls() override;
    Trace takeTrace() override { return m_session->takeTrace(); }
    void publish(const Trace &lines) override;
    QSslConfiguration tlsConfiguration() const override;
    void activity() override; // re-arms the autologout timer by the session's own clock
    void handleTimeout();
    void handleStoreChanged();

    ImapServer *m_server;
    std::shared_ptr<const ImapServerConfig> m_config; // as it was when the connection was accepted
    Store::MessageStore *m_store;
    quint64 m_id;
    std::unique_ptr<ImapSession> m_session;
    QTimer m_timeout;
    QTimer m_changes; // coalesces a burst of store changes into one update
};

} // namespace MailSink::Imap
