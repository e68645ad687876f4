#pragma once

#include "SessionConfig.h"
#include "store/Envelope.h"
#include "util/TraceEntry.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace MailSink::Smtp {

// What the session asks of the socket owner.
struct Event
{
    enum class Type {
        MessageBegin, // open a new message file
        MessageData, // append `data` (already dot-unstuffed) to it
        MessageAborted, // discard it (size exceeded, RSET during BDAT, connection lost)
        MessageComplete, // commit it, then call commitFinished(); input is held until then
        StartTls, // begin the server TLS handshake, then call tlsEstablished()/tlsFailed()
        Close, // flush the replies and close the connection
    };
    Type type;
    QByteArray data;
};

// RFC 5321 server side with PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME (RFC 6152),
// SMTPUTF8 (RFC 6531), ENHANCEDSTATUSCODES (RFC 2034), CHUNKING (RFC 3030), STARTTLS (RFC 3207)
// and AUTH PLAIN/LOGIN/CRAM-MD5 (RFC 4954, 4616, 2195).
// Sans-IO: bytes in, reply bytes and events out. The result never depends on how input is split.
class SmtpSession
{
public:
    explicit SmtpSession(SessionConfig config);

    QByteArray greeting();
    // Consumes what it can; returns the replies to send (in one write). Input after a completed
    // message or a STARTTLS is held back until commitFinished()/tlsEstablished().
    QByteArray receive(QByteArrayView bytes);
    std::vector<Event> takeEvents();

    // Result of the store commit after Event::MessageComplete; resumes pipelined input.
    QByteArray commitFinished(bool ok, const QByteArray &queueId, const QString &error = {});
    QByteArray tlsEstablished(const QString &protocol, const QString &cipher);
    void tlsFailed(const QString &error);
    QByteArray idleTimeout();
    QByteArray shutdown(); // server is stopping: 421 now, unless a message is mid-transfer
    void connectionLost();

    bool isClosed() const { return m_state == State::Closed; }
    bool isBusy() const; // a message is being transferred or committed
    bool isTls() const { return m_tls; }
    bool isAwaitingCommit() const { return m_state == State::AwaitingCommit; }

    const Store::Envelope &envelope() const { return m_envelope; }
    Trace takeTrace(); // new trace lines since the last call (for live display)
    void setLiveTrace(bool on) { m_liveTraceOn = on; } // off: takeTrace() stays empty (nobody displays it)
    Trace messageTrace() const; // what is kept with the message being committed
    qint64 messageBytes() const { return m_dataSize; }

private:
    enum class State { Greeted, Ready, Data, Bdat, AwaitingCommit, AwaitingTls, Closed };
    enum class Auth { None, PlainResponse, LoginUser, LoginPassword, CramResponse };

    void processInput(QByteArray &out);
    bool processDataMode(QByteArray &out);
    bool processBdatMode(QByteArray &out);
    void handleLine(QByteArray line, QByteArray &out);
    void handleCommand(const QByteArray &verb, const QByteArray &args, QByteArray &out);
    void handleAuthResponse(const QByteArray &line, QByteArray &out);

    void cmdEhlo(const QByteArray &args, bool extended, QByteArray &out);
    void cmdMail(const QByteArray &args, QByteArray &out);
    void cmdRcpt(const QByteArray &args, QByteArray &out);
    void cmdData(const QByteArray &args, QByteArray &out);
    void cmdBdat(const QByteArray &args, QByteArray &out);
    void cmdAuth(const QByteArray &args, QByteArray &out);
    void cmdStartTls(const QByteArray &args, QByteArray &out);
    void finishAuth(const QByteArray &mechanism, QByteArray user, bool ok, QByteArray &out);
    bool checkCredentials(const QByteArray &user, const QByteArray &password) const;

    void reply(QByteArray &out, const QByteArray &line);
    void error(QByteArray &out, const QByteArray &line);
    bool chaos(ChaosStage stage, const QByteArray &what, QByteArray &out); // true: replied with a fault
    void event(const QByteArray &text);
    void traceClient(const QByteArray &line);
    void resetTransaction();
    void beginMessage();
    void abortMessage();
    void appendData(QByteArrayView bytes);
    void flushData();
    qint64 now() const;

    SessionConfig m_config;
    State m_state = State::Greeted;
    Auth m_auth = Auth::None;
    QByteArray m_in;
    bool m_discardLine = false; // an over-long command line is being skipped
    bool m_tls = false;
    bool m_helo = false;
    bool m_haveSender = false;
    bool m_authenticated = false;
    int m_errors = 0;

    // Message transfer.
    bool m_messageOpen = false;
    bool m_messageTooBig = false;
    bool m_bdatUsed = false;
    bool m_bdatLast = false;
    bool m_bdatFailed = false;
    bool m_lineStart = true; // DATA: the previous bytes ended in CRLF
    bool m_prevCr = false;
    qint64 m_dataSize = 0;
    qint64 m_bdatRemaining = 0;
    QByteArray m_pendingData; // message bytes not yet handed out as Event::MessageData
    QByteArray m_bdatError; // reply for a chunk that is read but refused

    // AUTH exchange.
    QByteArray m_authMechanism;
    QByteArray m_authUser;
    QByteArray m_cramChallenge;

    Store::Envelope m_envelope;
    std::vector<Event> m_events;
    Trace m_liveTrace;
    bool m_liveTraceOn = true;
    Trace m_preamble; // connection, EHLO, TLS and AUTH lines: kept with every message
    Trace m_transaction; // lines since the last message (or RSET)
    bool m_inPreamble = true;
};

} // namespace MailSink::Smtp
