#pragma once

#include "ImapServerConfig.h"
#include "ImapSession.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QSslSocket;

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Imap {

class ImapServer;

// One IMAP connection, living on a worker thread: owns the socket and does only I/O for its session.
// Store changes arrive as queued signals on the same thread and become IDLE/NOOP updates.
class ImapConnection : public QObject
{
    Q_OBJECT

public:
    ImapConnection(ImapServer *server, Store::MessageStore *store,
        std::shared_ptr<const ImapServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id);
    ~ImapConnection() override;

    void start();
    void requestClose(); // closeSession() or server shutdown: BYE now

private:
    void handleReadyRead();
    void handleEncrypted();
    void handleDisconnected();
    void handleTimeout();
    void handleStoreChanged();
    void process(const QByteArray &out);
    void publishTrace();
    void armTimeout();
    void finish();

    ImapServer *m_server;
    std::shared_ptr<const ImapServerConfig> m_config; // as it was when the connection was accepted
    Store::MessageStore *m_store;
    qintptr m_descriptor;
    bool m_implicitTls;
    quint64 m_id;
    QSslSocket *m_socket = nullptr;
    std::unique_ptr<ImapSession> m_session;
    QTimer m_timeout;
    QTimer m_changes; // coalesces a burst of store changes into one update
    bool m_finished = false;
};

} // namespace MailSink::Imap
