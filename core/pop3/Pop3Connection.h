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
class Pop3Connection : public ProtocolConnection<Pop3Session>
{
    Q_OBJECT

public:
    Pop3Connection(Pop3Server *server, Store::MessageStore *store,
        std::shared_ptr<const Pop3ServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id);
    ~Pop3Connection() override;

private:
    bool createSession(const Peer &peer) override;
    void sessionConnectionLost() override;
    void publish(const Trace &lines) override;
    QSslConfiguration tlsConfiguration() const override;
    void activity() override;

    Pop3Server *m_server;
    std::shared_ptr<const Pop3ServerConfig> m_config; // as it was when the connection was accepted
    Store::MessageStore *m_store;
    quint64 m_id;
    QTimer m_idle;
};

} // namespace MailSink::Pop3
