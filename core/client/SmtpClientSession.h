#pragma once

#include "SmtpReplyParser.h"
#include "util/TraceEntry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <vector>

namespace MailSink::Client {

enum class Security {
    None, // plain SMTP
    StartTls, // RFC 3207: upgrade after EHLO; fail if the server does not offer it
    ImplicitTls, // RFC 8314: TLS from the first byte (the owner handshakes before the greeting)
};

// Where a delivery attempt stopped; named in every error.
enum class Stage { Connect, Greeting, Ehlo, StartTls, Auth, Mail, Rcpt, Data, Quit, Done };
QString stageName(Stage stage);

struct ClientConfig
{
    QByteArray heloName = QByteArrayLiteral("localhost"); // EHLO/HELO argument
    Security security = Security::None;
    QByteArray user; // AUTH when not empty (RFC 4954)
    QByteArray password;
    QByteArray authMechanism; // force one ("PLAIN", "LOGIN", "CRAM-MD5"); empty = best offered
    bool allowCleartextAuth = false; // AUTH without TLS; the owner allows it for loopback
    bool usePipelining = true; // RFC 2920, when offered
    bool useChunking = true; // RFC 3030 BDAT, when offered and the message is binary
    qsizetype bdatChunkSize = 1024 * 1024;
    int timeoutMs = 0; // per reply; 0 = the RFC 5321 4.5.3.2 values
    std::function<qint64()> clock; // ms since the epoch; defaults to the system clock
};

// One message to deliver: the envelope and the exact bytes (RFC 5322 form, CRLF line ends).
struct OutgoingMessage
{
    QByteArray mailFrom; // reverse-path without brackets; empty for the null sender <>
    QList<QByteArray> recipients;
    QByteArray data;
};

struct RejectedRecipient
{
    QByteArray address;
    QByteArray reply;
};

struct SendResult
{
    bool ok = false;
    Stage stage = Stage::Connect; // Done when ok
    QString error; // one line: "RCPT: <x> refused: 550 5.1.1 no such user"
    QByteArray reply; // the server's reply behind the error (lines joined by '\n')
    QList<QByteArray> accepted;
    QList<RejectedRecipient> rejected; // some recipients may be refused while the rest get the message
    QByteArray finalReply; // the server's reply to the end of the message (often a queue id)
    QByteArray authMechanism; // empty when not authenticated
    QString tlsProtocol; // empty when the connection was not encrypted
    QString tlsCipher;
    // Filled by the socket owner when TLS failed on the certificate: what to show the user so they
    // can accept it (pin its SHA-256 fingerprint) and retry.
    QByteArray peerCertificatePem;
    QByteArray peerFingerprint; // SHA-256, hex with colons
    QStringList certificateErrors;
};

// RFC 5321 client side of one mail transaction: EHLO (HELO fallback), STARTTLS (RFC 3207),
// AUTH PLAIN/LOGIN/CRAM-MD5 (RFC 4954, 4616, 2195), SIZE (RFC 1870), PIPELINING (RFC 2920),
// 8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531), CHUNKING/BINARYMIME (RFC 3030).
// Sans-IO: the owner feeds the server's bytes and writes what comes back; the result never depends
// on how the server's replies are split. No sockets, no timers: the owner calls timeout().
class SmtpClientSession
{
public:
    enum class Event {
        StartTls, // write the pending bytes, start the client TLS handshake, then
                  // tlsEstablished()/tlsFailed()
        Close, // write the pending bytes and close the connection; result() is final
    };

    SmtpClientSession(ClientConfig config, OutgoingMessage message);

    // The TCP connection is up (and for implicit TLS, the handshake done): wait for the greeting.
    void connected(const QString &peer, const QString &tlsProtocol = {}, const QString &tlsCipher = {});
    void connectionFailed(const QString &error); // TCP connect or implicit-TLS handshake failed
    QByteArray receive(QByteArrayView bytes); // server bytes in; client bytes to write out
    QByteArray tlsEstablished(const QString &protocol, const QString &cipher);
    void tlsFailed(const QString &error);
    void connectionLost();
    QByteArray timeout(); // the owner's timer ran out while waiting for a reply
    std::vector<Event> takeEvents();

    // How long the owner should wait for the next reply before calling timeout().
    int replyTimeoutMs() const;
    bool isFinished() const { return m_state == State::Finished; }
    bool isWaitingForTls() const { return m_state == State::AwaitingTls; }
    Stage stage() const { return m_stage; }
    const SendResult &result() const { return m_result; }
    Trace takeTrace(); // new trace lines since the last call

    // What the server offered in its last EHLO reply (upper-case keywords).
    bool hasExtension(const QByteArray &keyword) const { return m_extensions.contains(keyword); }
    QList<QByteArray> authMechanisms() const { return m_authMechanisms; }

    // Message classification used to pick DATA or BDAT and the MAIL parameters.
    static bool needs8Bit(QByteArrayView data);
    static bool isBinary(QByteArrayView data); // NUL, bare CR/LF, a line over 998 octets, or no final CRLF
    static QByteArray dotStuff(QByteArrayView data); // DATA form including the final ".\r\n"

private:
    enum class State {
        Connecting,
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        AwaitingTls,
        Auth,
        Mail, // waiting for the MAIL reply (and, pipelined, the RCPT replies)
        Rcpt,
        Data, // waiting for 354
        DataBody, // waiting for the reply to the final dot
        Bdat, // waiting for a BDAT chunk reply
        Quit,
        Finished,
    };
    enum class AuthStep { None, PlainSent, LoginUser, LoginPassword, CramStart, CramSent };

    void handleReply(const SmtpReply &reply, QByteArray &out);
    void handleGreeting(const SmtpReply &reply, QByteArray &out);
    void handleEhlo(const SmtpReply &reply, QByteArray &out);
    void handleAuth(const SmtpReply &reply, QByteArray &out);
    void handleMail(const SmtpReply &reply, QByteArray &out);
    void handleRcpt(const SmtpReply &reply, QByteArray &out);
    void afterEhlo(QByteArray &out);
    void startAuth(QByteArray &out);
    void startTransaction(QByteArray &out);
    void sendRcpt(QByteArray &out);
    void afterRecipients(QByteArray &out);
    void sendNextChunk(QByteArray &out);
    void send(QByteArray &out, const QByteArray &line, const QByteArray &shown = {});
    void fail(Stage stage, const QString &what, const SmtpReply *reply, QByteArray &out);
    void finish();
    void event(const QByteArray &text);
    void trace(TraceEntry::Kind kind, const QByteArray &text);
    qint64 now() const;

    ClientConfig m_config;
    OutgoingMessage m_message;
    State m_state = State::Connecting;
    Stage m_stage = Stage::Connect;
    AuthStep m_authStep = AuthStep::None;
    SmtpReplyParser m_parser;
    bool m_tls = false;
    bool m_ehloAfterTls = false;
    bool m_pipelined = false;
    bool m_useBdat = false;
    int m_pendingRcptReplies = 0; // pipelined RCPT replies still to come
    qsizetype m_nextRcpt = 0;
    qsizetype m_bdatOffset = 0;
    bool m_mailFailed = false;
    SmtpReply m_mailReply;
    QSet<QByteArray> m_extensions;
    QList<QByteArray> m_authMechanisms;
    qint64 m_maxSize = 0;
    QByteArray m_mechanism;
    SendResult m_result;
    std::vector<Event> m_events;
    Trace m_trace;
};

} // namespace MailSink::Client
