#pragma once

#include "ServerConfig.h"
#include "util/HostPort.h"
#include "util/ServerCore.h"
#include "util/TraceEntry.h"

#include <QObject>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Smtp {

class SmtpConnection;

// RFC 5321 listener. Accepts on the calling thread and hands each connection to a worker of its
// own QThreadPool, where an SmtpConnection owns the socket and runs an SmtpSession.
class SmtpServer : public QObject
{
    Q_OBJECT

public:
    SmtpServer(Store::MessageStore *store, ServerConfig config, QObject *parent = nullptr);
    ~SmtpServer() override;

    // Called again while listening, these move the listener; if the new address cannot be had the previous
    // one keeps listening and errorString() says why.
    bool listen(const HostPort &address); // SMTP with STARTTLS (when a TLS identity is set)
    bool listenSmtps(const HostPort &address); // implicit TLS (RFC 8314)
    void stopListening(); // both listeners
    void stopSmtp();
    void stopSmtps();
    // Stops listening, lets messages in transfer finish for up to graceMs, ends every session.
    void shutdown(int graceMs = 5000);

    bool isListening() const;
    HostPort address() const;
    HostPort smtpsAddress() const;
    QString errorString() const { return m_error; }
    int activeConnections() const { return m_core.active(); }
    ServerConfig config() const;
    // Applies to connections accepted from now on; sessions in progress keep the configuration they began
    // with. Without a TLS identity the implicit-TLS listener stops. Thread-safe.
    void setConfig(ServerConfig config);

    // Ends one session cleanly (421), e.g. when its window is closed. Thread-safe.
    void closeSession(quint64 sessionId);

Q_SIGNALS:
    // Emitted from worker threads; receivers on other threads get queued calls.
    void sessionStarted(const MailSink::Smtp::SessionInfo &info);
    void traceReceived(quint64 sessionId, const MailSink::Trace &lines);
    void transferProgress(quint64 sessionId, qint64 bytes);
    void sessionEnded(quint64 sessionId);
    void connectionRefused(const QString &clientAddress); // over the connection limit
    void listeningChanged(bool listening);

private:
    friend class SmtpConnection;
    void handleIncoming(qintptr descriptor, bool implicitTls);

    Store::MessageStore *m_store;
    QString m_error;
    ServerCore<ServerConfig, SmtpConnection> m_core; // last: its workers end first
};

} // namespace MailSink::Smtp
