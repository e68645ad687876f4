#pragma once

#include "ServerConfig.h"
#include "SmtpSession.h"
#include "store/MessageStore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class QSslSocket;

namespace MailSink::Store {
class MessageStore;
class MessageWriter;
} // namespace MailSink::Store

namespace MailSink::Smtp {

class SmtpServer;

// One SMTP connection, living on a pool thread: owns the socket and does only I/O for its session.
class SmtpConnection : public QObject
{
    Q_OBJECT

public:
    SmtpConnection(SmtpServer *server, Store::MessageStore *store, std::shared_ptr<const ServerConfig> config,
        qintptr descriptor, bool implicitTls, quint64 id);
    ~SmtpConnection() override;

    void start();
    void requestClose(); // from closeSession(): 421 now, or after the message in transfer
    void requestShutdown(); // server stopping

private:
    void handleReadyRead();
    void handleEncrypted();
    void handleDisconnected();
    void startIdleTimer();
    void handleIdle();
    void handleCommitted(const MailSink::Store::CommitResult &result);
    void process(QByteArray out);
    void send(const QByteArray &bytes);
    void publishTrace();
    void reportProgress(bool force);
    void finish();

    SmtpServer *m_server;
    std::shared_ptr<const ServerConfig> m_config; // as it was when the connection was accepted
    Store::MessageStore *m_store;
    qintptr m_descriptor;
    bool m_implicitTls;
    quint64 m_id;
    QSslSocket *m_socket = nullptr;
    std::unique_ptr<SmtpSession> m_session;
    std::unique_ptr<Store::MessageWriter> m_writer;
    QString m_writerError;
    QTimer m_idle;
    QElapsedTimer m_sinceActivity; // since the client last sent something
    QElapsedTimer m_progress;
    QTimer m_progressTimer;
    qint64 m_progressReported = -1;
    bool m_closeAfterMessage = false;
    bool m_committing = false; // a commit is queued in the store; this object must outlive it
    bool m_finishAfterCommit = false;
    bool m_finished = false;
};

} // namespace MailSink::Smtp
