#pragma once

#include "Pop3ServerConfig.h"
#include "Pop3Session.h"
#include "util/SessionConnection.h"

#include <QTimer>

#include <memory>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Pop3 {

class Pop3Server;

// One POP3 connection on a worker thread: the socket handling of SessionConnection around a Pop3Session,
// with the RFC 1939 autologout timer.
class Pop3Connection : public SessionConnection
{
    Q_OBJECT

public:
    Pop3Connection(Pop3Server *server, Store::MessageStore *store,
        std::shared_ptr<const Pop3ServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id);
    ~Pop3Connection() override;

private:
    bool createSession(const Peer &peer) override;
    QByteArray sessionGreeting() override { return m_session->greeting(); }
    QByteArray sessionReceive(QByteArrayView bytes) override { return m_session->receive(bytes); }
    QByteArray sessionTlsEstablished(const QString &protocol, const QString &cipher) override
    {
        return m_session->tlsEstablished(protocol, cipher);
    }
    void sessionTlsFailed(const QString &error) override { m_session->tlsFailed(error); }
    QByteArray sessionShutdown() override { return m_session->shutdown(); } // -ERR, nothing deleted
    void sessionConnectionLost() override; // no QUIT: nothing deleted, the maildrop lock is released
    bool sessionClosed() const override { return m_session->isClosed(); }
    bool takeStartTls() override;
    Trace takeTrace() override { return m_session->takeTrace(); }
    void publish(const Trace &lines) override;
    QSslConfiguration tlsConfiguration() const override;
    void activity() override;

    Pop3Server *m_server;
    std::shared_ptr<const Pop3ServerConfig> m_config; // as it was when the connection was accepted
    Store::MessageStore *m_store;
    quint64 m_id;
    std::unique_ptr<Pop3Session> m_session;
    QTimer m_idle;
};

} // namespace MailSink::Pop3
