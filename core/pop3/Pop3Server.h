#pragma once

#include "Pop3ServerConfig.h"
#include "util/HostPort.h"
#include "util/ServerCore.h"
#include "util/TraceEntry.h"

#include <QObject>

#include <memory>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Pop3 {

class MaildropRegistry;
class Pop3Connection;

// RFC 1939 listener (with STLS, RFC 2595) and the implicit-TLS POP3S listener (RFC 8314). Accepts
// on the calling thread and hands each connection to a worker of its own QThreadPool, where a
// Pop3Connection owns the socket and runs a Pop3Session. Both listeners share one set of maildrop locks.
class Pop3Server : public QObject
{
    Q_OBJECT

public:
    Pop3Server(Store::MessageStore *store, Pop3ServerConfig config, QObject *parent = nullptr);
    ~Pop3Server() override;

    // Called again while listening, these move the listener; if the new address cannot be had the previous
    // one keeps listening and errorString() says why.
    bool listen(const HostPort &address); // POP3 with STLS (when a TLS identity is set)
    bool listenPop3s(const HostPort &address); // implicit TLS
    void stopListening(); // both listeners
    void stopPop3();
    void stopPop3s();
    // Stops listening and ends every session (-ERR [SYS/TEMP], nothing deleted); waits up to waitMs.
    void shutdown(int waitMs = 5000);

    bool isListening() const;
    HostPort address() const;
    HostPort pop3sAddress() const;
    QString errorString() const { return m_error; }
    int activeConnections() const { return m_core.active(); }
    Pop3ServerConfig config() const;
    // Applies to connections accepted from now on; sessions in progress keep the configuration they began
    // with. Without a TLS identity the implicit-TLS listener stops. Thread-safe.
    void setConfig(Pop3ServerConfig config);
    std::shared_ptr<MaildropRegistry> registry() const { return m_registry; }

    // Ends one session (nothing deleted), e.g. when its window is closed. Thread-safe.
    void closeSession(quint64 sessionId);

Q_SIGNALS:
    // Emitted from worker threads; receivers on other threads get queued calls.
    void sessionStarted(const MailSink::Pop3::SessionInfo &info);
    void traceReceived(quint64 sessionId, const MailSink::Trace &lines);
    void sessionEnded(quint64 sessionId);
    void connectionRefused(const QString &clientAddress); // over the connection limit
    void listeningChanged(bool listening);

private:
    friend class Pop3Connection;
    void handleIncoming(qintptr descriptor, bool implicitTls);

    Store::MessageStore *m_store;
    std::shared_ptr<MaildropRegistry> m_registry;
    QString m_error;
    ServerCore<Pop3ServerConfig, Pop3Connection> m_core; // last: its workers end first
};

} // namespace MailSink::Pop3
