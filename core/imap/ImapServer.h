#pragma once

#include "ImapServerConfig.h"
#include "util/HostPort.h"
#include "util/ServerCore.h"
#include "util/TraceEntry.h"

#include <QObject>

#include <memory>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Imap {

class ImapConnection;

// RFC 3501 listener (with STARTTLS) and the implicit-TLS IMAPS listener (RFC 8314). Accepts
// on the calling thread and hands each connection to a worker of its own QThreadPool, where an
// ImapConnection owns the socket and runs an ImapSession.
class ImapServer : public QObject
{
    Q_OBJECT

public:
    ImapServer(Store::MessageStore *store, ImapServerConfig config, QObject *parent = nullptr);
    ~ImapServer() override;

    // Called again while listening, these move the listener; if the new address cannot be had the previous
    // one keeps listening and errorString() says why.
    bool listen(const HostPort &address); // IMAP with STARTTLS (when a TLS identity is set)
    bool listenImaps(const HostPort &address); // implicit TLS
    void stopListening(); // both listeners
    void stopImap();
    void stopImaps();
    // Stops listening and ends every session (* BYE; nothing is lost); waits up to waitMs.
    void shutdown(int waitMs = 5000);

    bool isListening() const;
    HostPort address() const;
    HostPort imapsAddress() const;
    QString errorString() const { return m_error; }
    int activeConnections() const { return m_core.active(); }
    ImapServerConfig config() const;
    // Applies to connections accepted from now on; sessions in progress keep the configuration they began
    // with. Without a TLS identity the implicit-TLS listener stops. Thread-safe.
    void setConfig(ImapServerConfig config);

    // Ends one session (* BYE), e.g. when its window is closed. Thread-safe.
    void closeSession(quint64 sessionId);

Q_SIGNALS:
    // Emitted from worker threads; receivers on other threads get queued calls.
    void sessionStarted(const MailSink::Imap::SessionInfo &info);
    void traceReceived(quint64 sessionId, const MailSink::Trace &lines);
    void sessionEnded(quint64 sessionId);
    void connectionRefused(const QString &clientAddress); // over the connection limit
    void listeningChanged(bool listening);

private:
    friend class ImapConnection;
    void handleIncoming(qintptr descriptor, bool implicitTls);

    Store::MessageStore *m_store;
    QString m_error;
    ServerCore<ImapServerConfig, ImapConnection> m_core; // last: its workers end first
};

} // namespace MailSink::Imap
