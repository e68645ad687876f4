#include "ImapSession.h"

#include "ImapFormat.h"
#include "ImapReader.h"
#include "MailboxDirectory.h"
#include "SelectedMailbox.h"
#include "util/Sasl.h"

#include <QDateTime>

#include <algorithm>

namespace MailSink::Imap {

namespace {

// A literal announced at the end of a line: "{n}" or "{n+}" (RFC 3501 4.3, RFC 7888).
struct Literal
{
    qint64 size = 0;
    bool nonSync = false;
};

std::optional<Literal> trailingLiteral(const QByteArray &line)
{
    if (!line.endsWith('}'))
        return std::nullopt;
    const qsizetype open = line.lastIndexOf('{');
    if (open < 0)
        return std::nullopt;
    QByteArray digits = line.mid(open + 1, line.size() - open - 2);
    Literal literal;
    if (digits.endsWith('+')) {
        literal.nonSync = true;
        digits.chop(1);
    }
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    literal.size = digits.toLongLong();
    return literal;
}

} // namespace

ImapSession::ImapSession(ImapConfig config, std::unique_ptr<MailboxBackend> backend)
    : m_config(std::move(config))
    , m_backend(std::move(backend))
    , m_tls(m_config.implicitTls)
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_lastActivity = now();
}

ImapSession::~ImapSession() = default;

qint64 ImapSession::now() const
{
    return m_config.clock();
}

void ImapSession::event(const QByteArray &text)
{
    m_trace.append({now(), TraceEntry::Kind::Event, text});
}

void ImapSession::traceClient(const QByteArray &line)
{
    m_trace.append({now(), TraceEntry::Kind::Client, line});
}

void ImapSession::traceServer(const QByteArray &bytes)
{
    // One trace line per response: its first line, shortened, so a FETCH of bodies stays readable.
    qsizetype end = bytes.indexOf("\r\n");
    if (end < 0)
        end = bytes.size();
    QByteArray line = bytes.left(std::min<qsizetype>(end, 300));
    if (end > 300 || end + 2 < bytes.size())
        line += " ...";
    m_trace.append({now(), TraceEntry::Kind::Server, line});
}

Trace ImapSession::takeTrace()
{
    Trace trace;
    trace.swap(m_trace);
    return trace;
}

std::vector<Event> ImapSession::takeEvents()
{
    std::vector<Event> events;
    events.swap(m_events);
    return events;
}

void ImapSession::untagged(QByteArray &out, const QByteArray &text)
{
    const QByteArray response = "* " + text + "\r\n";
    traceServer(response);
    out += response;
}

void ImapSession::untagged(QByteArray &out, const QList<QByteArray> &texts)
{
    for (const QByteArray &text : texts)
        untagged(out, text);
}

void ImapSession::ok(QByteArray &out, const QByteArray &tag, const QByteArray &text)
{
    m_errors = 0;
    const QByteArray response = tag + " OK " + text + "\r\n";
    traceServer(response);
    out += response;
}

void ImapSession::no(QByteArray &out, const QByteArray &tag, const QByteArray &text)
{
    m_errors = 0;
    const QByteArray response = tag + " NO " + text + "\r\n";
    traceServer(response);
    out += response;
}

void ImapSession::bad(QByteArray &out, const QByteArray &tag, const QByteArray &text)
{
    const QByteArray response = tag + " BAD " + text + "\r\n";
    traceServer(response);
    out += response;
    if (++m_errors >= m_config.maxErrors && m_state != State::Logout) {
        untagged(out, "BYE Too many errors, closing connection");
        event("too many errors");
        close();
    }
}

void ImapSession::close()
{
    m_state = State::Logout;
    m_idleTag.clear();
    m_authTag.clear();
    m_events.push_back({Event::Type::Close});
}

QByteArray ImapSession::capabilities() const
{
    QByteArray caps
        = "IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS UNSELECT CHILDREN SPECIAL-USE";
    if (m_state == State::NotAuthenticated) {
        if (m_config.startTlsAvailable && !m_tls)
            caps += " STARTTLS";
        caps += " AUTH=PLAIN";
    }
    return caps;
}

QByteArray ImapSession::greeting()
{
    event("connection from " + m_config.clientAddress.toUtf8() + ':' + QByteArray::number(m_config.clientPort)
        + (m_config.implicitTls ? " (implicit TLS)" : ""));
    QByteArray out;
    untagged(out, "OK [CAPABILITY " + capabilities() + "] Mailsink IMAP4rev1 server ready");
    return out;
}

QByteArray ImapSession::receive(QByteArrayView bytes)
{
    QByteArray out;
    if (m_state == State::Logout || m_state == State::AwaitingTls)
        return out; // RFC 3501 6.2.1 / RFC 2595: nothing sent before the handshake is used
    m_in.append(bytes.data(), bytes.size());
    processInput(out);
    return out;
}

void ImapSession::processInput(QByteArray &out)
{
    qsizetype pos = 0;
    while (m_state != State::Logout && m_state != State::AwaitingTls) {
        if (m_literalLeft > 0) {
            const qint64 take = std::min<qint64>(m_in.size() - pos, m_literalLeft);
            if (take == 0)
                break;
            m_command.append(m_in.constData() + pos, take);
            pos += take;
            m_literalLeft -= take;
            continue;
        }
        const qsizetype lf = m_in.indexOf('\n', pos);
        if (lf < 0) {
            if (m_in.size() - pos > m_config.maxLine)
                m_discarding = true;
            if (m_discarding)
                pos = m_in.size(); // what is over the limit is dropped, never buffered
            break;
        }
        QByteArray line = m_in.mid(pos, lf - pos);
        pos = lf + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        m_lastActivity = now();
        if (m_discarding || line.size() > m_config.maxLine) {
            m_discarding = false;
            traceClient(line.left(80) + "... (line too long)");
            m_command.clear();
            m_authTag.clear();
            bad(out, "*",
                "[TOOBIG] Command line too long (the limit is " + QByteArray::number(m_config.maxLine)
                    + " octets)");
            continue;
        }
        if (!m_idleTag.isNull()) {
            handleIdleLine(line, out);
            continue;
        }
        if (!m_authTag.isNull()) {
            handleAuthResponse(line, out);
            continue;
        }
        m_command += line;
        if (m_command.size() > m_config.maxCommand) {
            traceClient(m_command.left(80) + "... (command too long)");
            const QByteArray tag = ImapReader(m_command).tag().value_or("*");
            m_command.clear();
            bad(out, tag, "[TOOBIG] Command too long");
            continue;
        }
        if (const auto literal = trailingLiteral(line)) {
            if (literal->size > m_config.maxLiteral) {
                traceClient(m_command.left(200));
                const QByteArray tag = ImapReader(m_command).tag().value_or("*");
                m_command.clear();
                if (literal->nonSync) {
                    // RFC 7888 4: the octets are on their way and cannot be told apart from commands.
                    bad(out, tag, "[TOOBIG] Literal too large");
                    untagged(out, "BYE Literal too large, closing connection");
                    close();
                    break;
                }
                no(out, tag,
                    "[TOOBIG] Literal too large (the limit is " + QByteArray::number(m_config.maxLiteral)
                        + " octets)");
                continue;
            }
            if (!literal->nonSync) {
                // APPEND is refused before the client sends the message (RFC 3501 7.5 allows a tagged NO
                // instead of the continuation).
                ImapReader peek(m_command);
                const QByteArray tag = peek.tag().value_or("*");
                if (peek.space() && peek.atom().value_or(QByteArray()).toUpper() == "APPEND") {
                    traceClient(m_command.left(200));
                    m_command.clear();
                    no(out, tag, "[CANNOT] APPEND is not supported: Mailsink keeps the mail SMTP caught");
                    continue;
                }
            }
            m_command += "\r\n";
            m_literalLeft = literal->size;
            if (!literal->nonSync)
                out += "+ Ready for literal data\r\n";
            continue;
        }
        QByteArray command;
        command.swap(m_command);
        execute(command, out);
    }
    m_in.remove(0, std::min(pos, m_in.size()));
}

void ImapSession::execute(const QByteArray &command, QByteArray &out)
{
    ImapReader reader(command);
    const auto tag = reader.tag();
    if (!tag || !reader.space()) {
        traceClient(command.left(200));
        return bad(out, "*", "Missing command tag");
    }
    const auto name = reader.atom();
    const QByteArray verb = name ? name->toUpper() : QByteArray();
    // The trace masks passwords and SASL data.
    if (verb == "LOGIN") {
        ImapReader masked(command);
        masked.seek(reader.position());
        QByteArray user;
        if (masked.space())
            user = masked.astring().value_or(QByteArray());
        traceClient(*tag + " LOGIN " + user.left(100) + " ****");
    } else if (verb == "AUTHENTICATE" && command.count(' ') >= 3) {
        traceClient(command.left(command.lastIndexOf(' ')) + " ****");
    } else {
        QByteArray shown = command.left(300);
        shown.replace("\r\n", " ");
        traceClient(command.size() > 300 ? shown + "..." : shown);
    }
    if (!name)
        return bad(out, *tag, "Missing command name");
    dispatch(*tag, verb, reader, out);
}

void ImapSession::dispatch(const QByteArray &tag, const QByteArray &verb, ImapReader &reader, QByteArray &out)
{
    const bool authenticated = m_state == State::Authenticated || m_state == State::Selected;
    const bool selected = m_state == State::Selected;
    auto noArguments = [&] {
        if (!reader.atEnd()) {
            bad(out, tag, "Unexpected arguments to " + verb);
            return false;
        }
        return true;
    };

    if (verb == "CAPABILITY") {
        if (noArguments())
            cmdCapability(tag, out);
        return;
    }
    if (verb == "NOOP") {
        if (!noArguments())
            return;
        sync(out);
        return ok(out, tag, "NOOP completed");
    }
    if (verb == "LOGOUT") {
        if (!noArguments())
            return;
        untagged(out, "BYE Mailsink IMAP server logging out");
        ok(out, tag, "LOGOUT completed");
        return close();
    }
    if (verb == "ID")
        return cmdId(tag, reader, out);

    if (m_state == State::NotAuthenticated) {
        if (verb == "LOGIN")
            return cmdLogin(tag, reader, out);
        if (verb == "AUTHENTICATE")
            return cmdAuthenticate(tag, reader, out);
        if (verb == "STARTTLS") {
            if (noArguments())
                cmdStartTls(tag, out);
            return;
        }
    } else if (verb == "LOGIN" || verb == "AUTHENTICATE" || verb == "STARTTLS") {
        return bad(out, tag, "Already authenticated");
    }

    static const QByteArrayList AuthenticatedCommands = {"SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME",
        "SUBSCRIBE", "UNSUBSCRIBE", "LIST", "LSUB", "STATUS", "APPEND", "IDLE", "ENABLE", "NAMESPACE"};
    static const QByteArrayList SelectedCommands
        = {"CHECK", "CLOSE", "UNSELECT", "EXPUNGE", "SEARCH", "FETCH", "STORE", "COPY", "UID"};
    if (AuthenticatedCommands.contains(verb) && !authenticated)
        return bad(out, tag, verb + " needs a login first");
    if (SelectedCommands.contains(verb) && !selected)
        return bad(out, tag, verb + (authenticated ? " needs a selected mailbox" : " needs a login first"));

    if (verb == "SELECT" || verb == "EXAMINE")
        return cmdSelect(tag, reader, verb == "EXAMINE", out);
    if (verb == "LIST" || verb == "LSUB")
        return cmdList(tag, reader, verb == "LSUB", out);
    if (verb == "STATUS")
        return cmdStatus(tag, reader, out);
    if (verb == "IDLE") {
        if (noArguments())
            cmdIdle(tag, out);
        return;
    }
    if (verb == "NAMESPACE") {
        if (!noArguments())
            return;
        untagged(out, "NAMESPACE ((\"\" \"/\")) NIL NIL");
        return ok(out, tag, "NAMESPACE completed");
    }
    if (verb == "ENABLE") {
        // RFC 5161: nothing this server has needs enabling (no CONDSTORE, no UTF8=ACCEPT).
        if (!reader.space() || !reader.atom())
            return bad(out, tag, "ENABLE needs a capability");
        untagged(out, "ENABLED");
        return ok(out, tag, "ENABLE completed");
    }
    if (verb == "SUBSCRIBE" || verb == "UNSUBSCRIBE") {
        if (!reader.space() || !reader.astring() || !reader.atEnd())
            return bad(out, tag, "Syntax: " + verb + " mailbox");
        return ok(out, tag, verb + " completed (every mailbox is subscribed)");
    }
    if (verb == "CREATE" || verb == "DELETE" || verb == "RENAME")
        return no(out, tag, "[CANNOT] Mailboxes are views of the caught mail; they cannot be changed");
    if (verb == "APPEND")
        return no(out, tag, "[CANNOT] APPEND is not supported: Mailsink keeps the mail SMTP caught");
    if (verb == "CHECK") {
        if (!noArguments())
            return;
        sync(out);
        return ok(out, tag, "CHECK completed");
    }
    if (verb == "CLOSE" || verb == "UNSELECT") {
        if (!noArguments())
            return;
        if (verb == "CLOSE" && !m_selected->isReadOnly()) {
            QByteArray ignored; // RFC 3501 6.4.2: CLOSE sends no EXPUNGE responses
            if (QString error; !expungeDeleted(nullptr, ignored, &error))
                event("CLOSE could not expunge: " + error.toUtf8());
        }
        deselect();
        return ok(out, tag, verb + " completed");
    }
    if (verb == "EXPUNGE") {
        if (noArguments())
            cmdExpunge(tag, reader, false, out);
        return;
    }
    if (verb == "SEARCH")
        return cmdSearch(tag, reader, false, out);
    if (verb == "FETCH")
        return cmdFetch(tag, reader, false, out);
    if (verb == "STORE")
        return cmdStore(tag, reader, false, out);
    if (verb == "COPY")
        return cmdCopy(tag, reader, false, out);
    if (verb == "UID") {
        if (!reader.space())
            return bad(out, tag, "UID needs a command");
        const QByteArray sub = reader.atom().value_or(QByteArray()).toUpper();
        if (sub == "FETCH")
            return cmdFetch(tag, reader, true, out);
        if (sub == "SEARCH")
            return cmdSearch(tag, reader, true, out);
        if (sub == "STORE")
            return cmdStore(tag, reader, true, out);
        if (sub == "COPY")
            return cmdCopy(tag, reader, true, out);
        if (sub == "EXPUNGE")
            return cmdExpunge(tag, reader, true, out);
        return bad(out, tag, "Unknown UID command " + sub.left(40));
    }
    bad(out, tag, "Unknown command " + verb.left(40));
}

void ImapSession::cmdCapability(const QByteArray &tag, QByteArray &out)
{
    untagged(out, "CAPABILITY " + capabilities());
    ok(out, tag, "CAPABILITY completed");
}

void ImapSession::cmdId(const QByteArray &tag, ImapReader &reader, QByteArray &out)
{
    // RFC 2971: NIL or a list of field/value pairs; what the client says goes to the trace.
    if (!reader.space())
        return bad(out, tag, "Syntax: ID (fields) or ID NIL");
    QByteArray said;
    if (reader.consume('(')) {
        while (!reader.consume(')')) {
            if (!said.isEmpty() && !reader.space())
                return bad(out, tag, "Malformed ID list");
            const auto field = reader.string();
            if (!field || !reader.space())
                return bad(out, tag, "Malformed ID list");
            std::optional<QByteArray> value = reader.string();
            if (!value) {
                const auto nil = reader.atom();
                if (!nil || nil->toUpper() != "NIL")
                    return bad(out, tag, "Malformed ID list");
            }
            said += (said.isEmpty() ? "" : ", ") + field->left(64) + '=' + value.value_or("NIL").left(128);
        }
    } else {
        const auto nil = reader.atom();
        if (!nil || nil->toUpper() != "NIL")
            return bad(out, tag, "Syntax: ID (fields) or ID NIL");
    }
    if (!reader.atEnd())
        return bad(out, tag, "Unexpected arguments to ID");
    if (!said.isEmpty())
        event("client ID: " + said);
    untagged(out, "ID (\"name\" \"Mailsink\" \"version\" \"" MAILSINK_VERSION "\")");
    ok(out, tag, "ID completed");
}

void ImapSession::cmdStartTls(const QByteArray &tag, QByteArray &out)
{
    if (m_tls)
        return bad(out, tag, "TLS already active");
    if (!m_config.startTlsAvailable)
        return no(out, tag, "TLS not available");
    ok(out, tag, "Begin TLS negotiation now");
    m_state = State::AwaitingTls;
    m_events.push_back({Event::Type::StartTls});
}

QByteArray ImapSession::tlsEstablished(const QString &protocol, const QString &cipher)
{
    m_tls = true;
    event("TLS established: " + protocol.toUtf8() + ' ' + cipher.toUtf8());
    if (m_state == State::AwaitingTls)
        m_state = State::NotAuthenticated; // RFC 3501 6.2.1: the client asks CAPABILITY again
    m_in.clear(); // the STARTTLS injection: nothing pipelined before the handshake counts
    m_command.clear();
    m_literalLeft = 0;
    return {};
}

void ImapSession::tlsFailed(const QString &error)
{
    event("TLS handshake failed: " + error.toUtf8());
    close();
}

bool ImapSession::checkCredentials(const QByteArray &user, const QByteArray &password) const
{
    if (!m_config.authRequired)
        return true;
    return user == m_config.authUser && password == m_config.authPassword;
}

void ImapSession::login(const QByteArray &tag, const QByteArray &mechanism, const QByteArray &user,
    bool credentialsOk, QByteArray &out)
{
    if (!credentialsOk || user.isEmpty()) {
        event(mechanism + " login failed for user \"" + user.left(64) + '"');
        return no(out, tag, "[AUTHENTICATIONFAILED] Invalid user name or password");
    }
    m_user = user;
    m_state = State::Authenticated;
    event(mechanism + " login as \"" + user.left(64) + '"');
    ok(out, tag, "[CAPABILITY " + capabilities() + "] Logged in");
}

void ImapSession::cmdLogin(const QByteArray &tag, ImapReader &reader, QByteArray &out)
{
    std::optional<QByteArray> user, password;
    if (reader.space())
        user = reader.astring();
    if (user && reader.space())
        password = reader.astring();
    if (!user || !password || !reader.atEnd())
        return bad(out, tag, "Syntax: LOGIN user password");
    login(tag, "LOGIN", *user, checkCredentials(*user, *password), out);
}

void ImapSession::cmdAuthenticate(const QByteArray &tag, ImapReader &reader, QByteArray &out)
{
    std::optional<QByteArray> mechanism;
    if (reader.space())
        mechanism = reader.atom();
    if (!mechanism)
        return bad(out, tag, "Syntax: AUTHENTICATE mechanism [initial-response]");
    if (mechanism->toUpper() != "PLAIN")
        return no(out, tag, "Unsupported authentication mechanism (PLAIN is offered)");
    if (reader.space()) { // SASL-IR (RFC 4959)
        const auto initial = reader.atom();
        if (!initial || !reader.atEnd())
            return bad(out, tag, "Malformed initial response");
        m_authTag = tag;
        return handleAuthResponse(*initial, out);
    }
    if (!reader.atEnd())
        return bad(out, tag, "Syntax: AUTHENTICATE mechanism [initial-response]");
    m_authTag = tag;
    out += "+ \r\n";
    traceServer("+ ");
}

void ImapSession::handleAuthResponse(const QByteArray &line, QByteArray &out)
{
    const QByteArray tag = m_authTag;
    m_authTag.clear();
    traceClient("****");
    if (line == "*")
        return bad(out, tag, "Authentication cancelled");
    const auto decoded = Sasl::decodeBase64(line.trimmed());
    if (!decoded)
        return bad(out, tag, "Cannot decode the response (not base64)");
    const auto plain = Sasl::parsePlain(*decoded);
    if (!plain)
        return no(out, tag, "[AUTHENTICATIONFAILED] Malformed PLAIN response");
    // The authorization identity picks the view, as for POP3.
    login(
        tag, "AUTHENTICATE PLAIN", plain->identity(), checkCredentials(plain->authcid, plain->password), out);
}

void ImapSession::deselect()
{
    m_state = State::Authenticated;
    m_selected.reset();
}

void ImapSession::cmdSelect(const QByteArray &tag, ImapReader &reader, bool readOnly, QByteArray &out)
{
    std::optional<QByteArray> name;
    if (reader.space())
        name = reader.astring();
    if (!name || !reader.atEnd())
        return bad(out, tag, "Syntax: SELECT mailbox");
    if (m_state == State::Selected) {
        deselect();
        untagged(out, "OK [CLOSED] Previous mailbox closed"); // RFC 7162 3.2.11, harmless for others
    }
    const QByteArray mailbox = MailboxDirectory::canonical(*name);
    auto messages = m_backend->open(m_user, mailbox);
    if (!messages)
        return no(out, tag, "[NONEXISTENT] No such mailbox");
    m_state = State::Selected;
    m_selected.emplace(m_backend.get(), m_user, mailbox, std::move(*messages), readOnly);
    untagged(out, m_selected->selectResponses());
    ok(out, tag,
        QByteArray(readOnly ? "[READ-ONLY]" : "[READ-WRITE]") + (readOnly ? " EXAMINE" : " SELECT")
            + " completed");
}

void ImapSession::cmdList(const QByteArray &tag, ImapReader &reader, bool lsub, QByteArray &out)
{
    if (!reader.space())
        return bad(out, tag, "Syntax: LIST reference mailbox");
    bool specialUseOnly = false;
    bool subscribed = false;
    if (!lsub && reader.consume('(')) { // RFC 5258 selection options
        while (!reader.consume(')')) {
            reader.space();
            const auto option = reader.atom();
            if (!option)
                return bad(out, tag, "Malformed LIST selection options");
            const QByteArray upper = option->toUpper();
            if (upper == "SPECIAL-USE")
                specialUseOnly = true;
            else if (upper == "SUBSCRIBED")
                subscribed = true;
        }
        if (!reader.space())
            return bad(out, tag, "Syntax: LIST (options) reference mailbox");
    }
    const auto reference = reader.astring();
    std::optional<QByteArray> pattern;
    if (reference && reader.space())
        pattern = reader.listMailbox();
    if (!reference || !pattern)
        return bad(out, tag, "Syntax: LIST reference mailbox");
    if (!lsub && reader.space()) { // RFC 5258 RETURN options: attributes are always returned
        const auto word = reader.atom();
        if (!word || word->toUpper() != "RETURN" || !reader.space() || !reader.consume('('))
            return bad(out, tag, "Malformed LIST return options");
        reader.until(')');
        reader.consume(')');
    }
    if (!reader.atEnd())
        return bad(out, tag, "Unexpected arguments to LIST");
    const QByteArray verb = lsub ? "LSUB" : "LIST";
    untagged(out,
        MailboxDirectory(m_backend.get(), m_user)
            .list(*reference, *pattern, {lsub, specialUseOnly, subscribed}));
    ok(out, tag, verb + " completed");
}

void ImapSession::cmdStatus(const QByteArray &tag, ImapReader &reader, QByteArray &out)
{
    std::optional<QByteArray> name;
    if (reader.space())
        name = reader.astring();
    if (!name || !reader.space() || !reader.consume('('))
        return bad(out, tag, "Syntax: STATUS mailbox (items)");
    QList<QByteArray> items;
    while (!reader.consume(')')) {
        if (!items.isEmpty() && !reader.space())
            return bad(out, tag, "Malformed STATUS items");
        const auto item = reader.atom();
        if (!item)
            return bad(out, tag, "Malformed STATUS items");
        const QByteArray upper = item->toUpper();
        if (upper != "MESSAGES" && upper != "RECENT" && upper != "UIDNEXT" && upper != "UIDVALIDITY"
            && upper != "UNSEEN")
            return bad(out, tag, "Unknown STATUS item " + upper.left(40));
        items.append(upper);
    }
    if (items.isEmpty() || !reader.atEnd())
        return bad(out, tag, "Syntax: STATUS mailbox (items)");
    const QByteArray mailbox = MailboxDirectory::canonical(*name);
    const auto values = MailboxDirectory(m_backend.get(), m_user).status(mailbox, items);
    if (!values)
        return no(out, tag, "[NONEXISTENT] No such mailbox");
    untagged(out, "STATUS " + string(mailbox) + " (" + *values + ')');
    ok(out, tag, "STATUS completed");
}

void ImapSession::cmdIdle(const QByteArray &tag, QByteArray &out)
{
    m_idleTag = tag;
    out += "+ idling\r\n";
    traceServer("+ idling");
    if (m_selected)
        m_selected->markChanged(); // report whatever happened since the last command at once
    sync(out);
}

void ImapSession::handleIdleLine(const QByteArray &line, QByteArray &out)
{
    traceClient(line.left(200));
    const QByteArray tag = m_idleTag;
    m_idleTag.clear();
    if (line.compare("DONE", Qt::CaseInsensitive) != 0)
        return bad(out, tag, "Expected DONE to end IDLE");
    ok(out, tag, "IDLE terminated");
}

QByteArray ImapSession::mailboxChanged()
{
    if (m_selected)
        m_selected->markChanged();
    QByteArray out;
    if (isIdling())
        sync(out);
    return out;
}

void ImapSession::sync(QByteArray &out)
{
    if (m_state == State::Selected)
        untagged(out, m_selected->sync());
}

QByteArray ImapSession::checkTimeout()
{
    QByteArray out;
    if (m_state == State::Logout || msUntilTimeout() > 0)
        return out;
    event("autologout after " + QByteArray::number(m_config.autologoutMs / 60000)
        + " minutes without a command");
    untagged(out, "BYE Autologout; idle for too long");
    close();
    return out;
}

qint64 ImapSession::msUntilTimeout() const
{
    return std::max<qint64>(0, m_lastActivity + m_config.autologoutMs - now());
}

QByteArray ImapSession::shutdown()
{
    QByteArray out;
    if (m_state == State::Logout)
        return out;
    untagged(out, "BYE Server shutting down");
    close();
    return out;
}

void ImapSession::connectionLost()
{
    if (m_state == State::Logout)
        return;
    event("connection lost");
    m_state = State::Logout;
    m_idleTag.clear();
}

} // namespace MailSink::Imap
