#pragma once

#include "Maildrop.h"
#include "Pop3Config.h"
#include "util/TraceEntry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <memory>
#include <vector>

namespace MailSink::Pop3 {

// What the session asks of the socket owner.
struct Event
{
    enum class Type {
        StartTls, // begin the server TLS handshake, then call tlsEstablished()/tlsFailed()
        Close, // flush the replies and close the connection
    };
    Type type;
};

// RFC 1939 server side (AUTHORIZATION, TRANSACTION, UPDATE; USER/PASS and APOP) with CAPA and
// response codes (RFC 2449, 3206), STLS (RFC 2595) and AUTH PLAIN (RFC 5034, 4616).
// Sans-IO: bytes in, reply bytes and events out; the result never depends on how input is split.
// The maildrop (lock, snapshot, message bytes, deletion) is reached through the Maildrop it owns.
class Pop3Session
{
public:
    Pop3Session(Pop3Config config, std::unique_ptr<Maildrop> maildrop);
    ~Pop3Session();
    Pop3Session(const Pop3Session &) = delete;
    Pop3Session &operator=(const Pop3Session &) = delete;

    QByteArray greeting();
    // Consumes every complete command (PIPELINING, RFC 2449 6.6); returns the replies to send.
    QByteArray receive(QByteArrayView bytes);
    std::vector<Event> takeEvents();

    QByteArray tlsEstablished(const QString &protocol, const QString &cipher);
    void tlsFailed(const QString &error);
    QByteArray idleTimeout(); // RFC 1939 3 autologout: no UPDATE, nothing deleted
    QByteArray shutdown(); // server is stopping
    void connectionLost(); // no QUIT: nothing deleted (RFC 1939 6)

    bool isClosed() const { return m_state == State::Closed; }
    bool isTls() const { return m_tls; }
    bool inTransaction() const { return m_state == State::Transaction; }
    QByteArray user() const { return m_user; } // the maildrop once logged in
    QByteArray apopTimestamp() const { return m_timestamp; }

    Trace takeTrace(); // new trace lines since the last call (for live display); secrets masked

private:
    enum class State { Authorization, Transaction, AwaitingTls, Closed };

    struct Entry
    {
        MaildropMessage message;
        bool deleted = false;
    };

    void processInput(QByteArray &out);
    void handleLine(const QByteArray &line, QByteArray &out);
    void handleAuthorization(const QByteArray &verb, const QByteArray &args, QByteArray &out);
    void handleTransaction(const QByteArray &verb, const QByteArray &args, QByteArray &out);
    void handleAuthResponse(const QByteArray &line, QByteArray &out);

    void cmdCapa(QByteArray &out);
    void cmdApop(const QByteArray &args, QByteArray &out);
    void cmdAuth(const QByteArray &args, QByteArray &out);
    void cmdStls(const QByteArray &args, QByteArray &out);
    void cmdList(const QByteArray &args, bool uidl, QByteArray &out);
    void cmdRetr(const QByteArray &args, QByteArray &out);
    void cmdTop(const QByteArray &args, QByteArray &out);
    void cmdDele(const QByteArray &args, QByteArray &out);
    void cmdQuit(QByteArray &out);
    void login(const QByteArray &mechanism, const QByteArray &user, bool credentialsOk, QByteArray &out);
    bool checkCredentials(const QByteArray &user, const QByteArray &password) const;
    // Parses a message number argument; replies -ERR and returns nullptr when it names none.
    Entry *entryFor(const QByteArray &arg, QByteArray &out);
    std::optional<QByteArray> readEntry(const Entry &entry, qsizetype number, QByteArray &out);

    void ok(QByteArray &out, const QByteArray &text);
    void err(QByteArray &out, const QByteArray &text);
    void multiline(QByteArray &out, const QByteArray &first, const QByteArray &stuffedBody,
        const QByteArray &traceSummary = {});
    void event(const QByteArray &text);
    void traceClient(const QByteArray &line);
    void traceServer(const QByteArray &line);
    void close();
    qint64 now() const;
    qint64 liveCount() const;
    qint64 liveOctets() const;

    Pop3Config m_config;
    std::unique_ptr<Maildrop> m_maildrop;
    State m_state = State::Authorization;
    QByteArray m_in;
    QByteArray m_timestamp;
    QByteArray m_pendingUser; // USER given; PASS must follow immediately (RFC 1939 7)
    bool m_haveUser = false;
    bool m_authResponse = false; // the next line is an AUTH PLAIN response
    bool m_tls = false;
    int m_errors = 0;
    QByteArray m_user;
    QList<Entry> m_entries;
    std::vector<Event> m_events;
    Trace m_trace;
};

} // namespace MailSink::Pop3
