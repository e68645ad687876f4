#pragma once

#include "ImapConfig.h"
#include "MailboxBackend.h"
#include "SelectedMailbox.h"
#include "util/TraceEntry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <memory>
#include <optional>
#include <vector>

namespace MailSink::Imap {

class ImapReader;
class MessageStructure;
class SequenceSet;

// What the session asks of the socket owner.
struct Event
{
    enum class Type {
        StartTls, // begin the server TLS handshake, then call tlsEstablished()/tlsFailed()
        Close, // flush the replies and close the connection
    };
    Type type;
};

// RFC 3501 IMAP4rev1 server side with LITERAL+ (RFC 7888), SASL-IR (RFC 4959), IDLE (RFC 2177),
// UIDPLUS (RFC 4315), UNSELECT (RFC 3691), ENABLE (RFC 5161), NAMESPACE (RFC 2342), ID (RFC 2971),
// CHILDREN (RFC 3348) and SPECIAL-USE (RFC 6154); STARTTLS and AUTHENTICATE PLAIN (RFC 4616).
// Sans-IO: bytes in, response bytes and events out; the result never depends on how input is split.
// Mailboxes, messages and flags are reached through the MailboxBackend it owns.
class ImapSession
{
public:
    ImapSession(ImapConfig config, std::unique_ptr<MailboxBackend> backend);
    ~ImapSession();
    ImapSession(const ImapSession &) = delete;
    ImapSession &operator=(const ImapSession &) = delete;

    QByteArray greeting();
    // Consumes every complete command (clients may pipeline); returns the responses to send.
    QByteArray receive(QByteArrayView bytes);
    std::vector<Event> takeEvents();

    QByteArray tlsEstablished(const QString &protocol, const QString &cipher);
    void tlsFailed(const QString &error);
    // The store changed (a message caught, removed, or flags set elsewhere). Updates for the selected
    // mailbox go out at once during IDLE, otherwise with the next NOOP, CHECK or IDLE.
    QByteArray mailboxChanged();
    // RFC 3501 5.4 autologout, by the configured clock: BYE once the client has been silent too long.
    QByteArray checkTimeout();
    qint64 msUntilTimeout() const;
    QByteArray shutdown(); // the server is stopping
    void connectionLost();

    bool isClosed() const { return m_state == State::Logout; }
    bool isTls() const { return m_tls; }
    bool isIdling() const { return !m_idleTag.isNull(); }
    bool isSelected() const { return m_state == State::Selected; }
    QByteArray user() const { return m_user; }

    Trace takeTrace(); // new trace lines since the last call (for live display); secrets masked

private:
    enum class State { NotAuthenticated, Authenticated, Selected, AwaitingTls, Logout };

    void processInput(QByteArray &out);
    void execute(const QByteArray &command, QByteArray &out);
    void dispatch(const QByteArray &tag, const QByteArray &name, ImapReader &reader, QByteArray &out);
    void handleAuthResponse(const QByteArray &line, QByteArray &out);
    void handleIdleLine(const QByteArray &line, QByteArray &out);

    void cmdCapability(const QByteArray &tag, QByteArray &out);
    void cmdLogin(const QByteArray &tag, ImapReader &reader, QByteArray &out);
    void cmdAuthenticate(const QByteArray &tag, ImapReader &reader, QByteArray &out);
    void cmdStartTls(const QByteArray &tag, QByteArray &out);
    void cmdId(const QByteArray &tag, ImapReader &reader, QByteArray &out);
    void cmdSelect(const QByteArray &tag, ImapReader &reader, bool readOnly, QByteArray &out);
    void cmdList(const QByteArray &tag, ImapReader &reader, bool lsub, QByteArray &out);
    void cmdStatus(const QByteArray &tag, ImapReader &reader, QByteArray &out);
    void cmdIdle(const QByteArray &tag, QByteArray &out);
    void cmdExpunge(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out);
    void cmdSearch(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out);
    void cmdFetch(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out);
    void cmdStore(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out);
    void cmdCopy(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out);

    void login(const QByteArray &tag, const QByteArray &mechanism, const QByteArray &user, bool credentialsOk,
        QByteArray &out);
    bool checkCredentials(const QByteArray &user, const QByteArray &password) const;
    // The indexes of the selected messages a set names; BAD and nullopt when it names none that exist.
    std::optional<QList<int>> resolve(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out);
    QByteArray capabilities() const;
    void sync(QByteArray &out); // untagged EXISTS/EXPUNGE/FETCH for what changed in the store
    bool expungeDeleted(const SequenceSet *uids, QByteArray &out, QString *error);
    const MessageStructure *content(quint32 uid);
    qint64 messageSize(quint32 uid);
    void deselect();

    void ok(QByteArray &out, const QByteArray &tag, const QByteArray &text);
    void no(QByteArray &out, const QByteArray &tag, const QByteArray &text);
    void bad(QByteArray &out, const QByteArray &tag, const QByteArray &text);
    void untagged(QByteArray &out, const QByteArray &text);
    void untagged(QByteArray &out, const QList<QByteArray> &texts);
    void event(const QByteArray &text);
    void traceClient(const QByteArray &line);
    void traceServer(const QByteArray &bytes);
    void close();
    qint64 now() const;

    ImapConfig m_config;
    std::unique_ptr<MailboxBackend> m_backend;
    State m_state = State::NotAuthenticated;
    QByteArray m_in;
    QByteArray m_command; // the command being collected, literals in place
    qint64 m_literalLeft = 0;
    bool m_discarding = false; // a line over the limit: dropped up to its end
    QByteArray m_authTag; // AUTHENTICATE waits for the client's response
    QByteArray m_idleTag; // IDLE in progress
    bool m_tls = false;
    int m_errors = 0;
    qint64 m_lastActivity = 0;
    QByteArray m_user;

    std::optional<SelectedMailbox> m_selected; // in the Selected state

    std::vector<Event> m_events;
    Trace m_trace;
};

} // namespace MailSink::Imap
