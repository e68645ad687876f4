#pragma once

#include "TraceEntry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QString>

#include <memory>

class QSslConfiguration;
class QSslSocket;

namespace MailSink {

// One connection of a command/response protocol (POP3, IMAP), living on a worker thread: owns the
// socket and does only I/O for the sans-IO session a subclass keeps. It feeds the session what arrives,
// writes what the session answers, upgrades to TLS when asked (STLS/STARTTLS or implicit TLS), closes once
// the session is closed, and ends itself with deleteLater().
class SessionConnection : public QObject
{
    Q_OBJECT

public:
    ~SessionConnection() override;

    void start();
    void requestClose(); // closeSession() or server shutdown: the session's goodbye, then close

protected:
    struct Peer
    {
        QString address; // IPv4-mapped addresses shown as IPv4
        quint16 port = 0;
    };
    SessionConnection(qintptr descriptor, bool implicitTls);

    // Makes the session and registers the connection; false: the server is stopping.
    virtual bool createSession(const Peer &peer) = 0;
    virtual QByteArray sessionGreeting() = 0;
    virtual QByteArray sessionReceive(QByteArrayView bytes) = 0;
    virtual QByteArray sessionTlsEstablished(const QString &protocol, const QString &cipher) = 0;
    virtual void sessionTlsFailed(const QString &error) = 0;
    virtual QByteArray sessionShutdown() = 0;
    virtual void sessionConnectionLost() = 0;
    virtual bool sessionClosed() const = 0;
    virtual bool takeStartTls() = 0; // consumes the session's events: true when it asked for TLS now
    virtual Trace takeTrace() = 0;
    virtual QSslConfiguration tlsConfiguration() const = 0; // asked only when TLS begins
    virtual void publish(const Trace &lines) = 0;
    virtual void activity() { } // input arrived or output was taken: restart the idle timer

    bool implicitTls() const { return m_implicitTls; }
    bool hasSession() const { return m_started; }
    // Writes what the session answered, acts on its events, publishes its trace, closes when it closed.
    void process(const QByteArray &out);
    void finish();

private:
    void handleReadyRead();
    void handleEncrypted();
    void handleDisconnected();
    void publishTrace();

    qintptr m_descriptor;
    bool m_implicitTls;
    QSslSocket *m_socket = nullptr;
    bool m_started = false;
    bool m_finished = false;
};

// The part of a connection that only forwards to its Session (Pop3Session, ImapSession: the same
// greeting/receive/tlsEstablished/... calls, events with StartTls). A subclass makes m_session in
// createSession() and adds its timers.
template<typename Session>
class ProtocolConnection : public SessionConnection
{
protected:
    using SessionConnection::SessionConnection;

    // The session's configuration for this peer: the server's template with the client filled in.
    template<typename Config>
    Config sessionConfig(Config config, const Peer &peer, bool startTlsAvailable) const
    {
        config.clientAddress = peer.address;
        config.clientPort = peer.port;
        config.startTlsAvailable = startTlsAvailable;
        config.implicitTls = implicitTls();
        return config;
    }

    QByteArray sessionGreeting() override { return m_session->greeting(); }
    QByteArray sessionReceive(QByteArrayView bytes) override { return m_session->receive(bytes); }
    QByteArray sessionTlsEstablished(const QString &protocol, const QString &cipher) override
    {
        return m_session->tlsEstablished(protocol, cipher);
    }
    void sessionTlsFailed(const QString &error) override { m_session->tlsFailed(error); }
    QByteArray sessionShutdown() override { return m_session->shutdown(); }
    void sessionConnectionLost() override { m_session->connectionLost(); }
    bool sessionClosed() const override { return m_session->isClosed(); }
    bool takeStartTls() override
    {
        bool startTls = false;
        for (const auto &event : m_session->takeEvents())
            startTls = startTls || event.type == decltype(event.type)::StartTls;
        return startTls;
    }
    Trace takeTrace() override { return m_session->takeTrace(); }

    std::unique_ptr<Session> m_session;
};

} // namespace MailSink
