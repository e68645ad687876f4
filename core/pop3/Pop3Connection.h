#pragma once

#include "Pop3ServerConfig.h"
#include "Pop3Session.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QSslSocket;

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Pop3 {

class Pop3Server;

// One POP3 connection, living on a pool thread: owns the socket and does only I/O for its session.
class Pop3Connection : public QObject
{
    Q_OBJECT

public:
    Pop3Connection(Pop3Server *server, Store::MessageStore *store,
        std::shared_ptr<const Pop3ServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id);
    ~Pop3Connection() override;

    void start();
    void requestClose(); // closeSession() or server shutdown: -ERR now, nothing deleted

private:
    void handleReadyRead();
    void handleEncrypted();
    void handleDisconnected();
    void handleIdle();
    void process(const QByteArray &out);
    void publishTrace();
    void finish();

    Pop3Server *m_server;
    std::shared_ptr<const Pop3ServerConfig> m_config; // as it was when the connection was accepted
    Store::MessageStore *m_store;
    qintptr m_descriptor;
    bool m_implicitTls;
    quint64 m_id;
    QSslSocket *m_socket = nullptr;
    std::unique_ptr<Pop3Session> m_session;
    QTimer m_idle;
    bool m_finished = false;
};

} // namespace MailSink::Pop3
