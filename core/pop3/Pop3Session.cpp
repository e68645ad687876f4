#include "Pop3Session.h"

#include "Pop3Format.h"
#include "util/Sasl.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <cctype>

namespace MailSink::Pop3 {

namespace {

// A message number or line count: decimal digits only (RFC 1939 3), no sign, no overflow.
std::optional<qint64> parseNumber(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

QList<QByteArray> words(const QByteArray &args)
{
    QList<QByteArray> result;
    for (const QByteArray &word : args.split(' ')) {
        if (!word.isEmpty())
            result.append(word);
    }
    return result;
}

QByteArray messages(qint64 count)
{
    return QByteArray::number(count) + (count == 1 ? " message" : " messages");
}

} // namespace

Pop3Session::Pop3Session(Pop3Config config, std::unique_ptr<Maildrop> maildrop)
    : m_config(std::move(config))
    , m_maildrop(std::move(maildrop))
    , m_tls(m_config.implicitTls)
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_timestamp = m_config.apopTimestamp;
    if (m_timestamp.isEmpty()) {
        // RFC 1939 7 (APOP): unique per banner, in msg-id form "<process-ID.clock@hostname>".
        m_timestamp = '<' + QByteArray::number(QCoreApplication::applicationPid()) + '.'
            + QByteArray::number(QRandomGenerator::global()->generate64() % 1000000000) + '.'
            + QByteArray::number(now() / 1000) + '@' + m_config.hostname + '>';
    }
}

Pop3Session::~Pop3Session()
{
    if (m_maildrop)
        m_maildrop->release();
}

qint64 Pop3Session::now() const
{
    return m_config.clock();
}

void Pop3Session::event(const QByteArray &text)
{
    m_trace.append({now(), TraceEntry::Kind::Event, text});
}

void Pop3Session::traceClient(const QByteArray &line)
{
    m_trace.append({now(), TraceEntry::Kind::Client, line});
}

void Pop3Session::traceServer(const QByteArray &line)
{
    m_trace.append({now(), TraceEntry::Kind::Server, line});
}

Trace Pop3Session::takeTrace()
{
    Trace trace;
    trace.swap(m_trace);
    return trace;
}

std::vector<Event> Pop3Session::takeEvents()
{
    std::vector<Event> events;
    events.swap(m_events);
    return events;
}

void Pop3Session::ok(QByteArray &out, const QByteArray &text)
{
    const QByteArray line = text.isEmpty() ? QByteArrayLiteral("+OK") : "+OK " + text;
    traceServer(line);
    out += line + "\r\n";
}

void Pop3Session::err(QByteArray &out, const QByteArray &text)
{
    const QByteArray line = "-ERR " + text;
    traceServer(line);
    out += line + "\r\n";
    if (++m_errors >= m_config.maxErrors && m_state != State::Closed) {
        const QByteArray bye = QByteArrayLiteral("-ERR Too many errors, closing connection");
        traceServer(bye);
        out += bye + "\r\n";
        event("too many errors; nothing deleted");
        close();
    }
}

void Pop3Session::multiline(
    QByteArray &out, const QByteArray &first, const QByteArray &stuffedBody, const QByteArray &traceSummary)
{
    traceServer("+OK " + first);
    if (!traceSummary.isEmpty()) {
        traceServer(traceSummary);
    } else {
        for (const QByteArray &line : stuffedBody.split('\n')) {
            if (!line.isEmpty())
                traceServer(line.endsWith('\r') ? line.chopped(1) : line);
        }
    }
    out += "+OK " + first + "\r\n";
    out += stuffedBody;
}

void Pop3Session::close()
{
    if (m_state == State::Transaction)
        event("maildrop of \"" + m_user + "\" unlocked");
    if (m_maildrop)
        m_maildrop->release();
    m_state = State::Closed;
    m_events.push_back({Event::Type::Close});
}

QByteArray Pop3Session::greeting()
{
    event("connection from " + m_config.clientAddress.toUtf8() + ':' + QByteArray::number(m_config.clientPort)
        + (m_config.implicitTls ? " (implicit TLS)" : ""));
    QByteArray out;
    ok(out, "Mailsink POP3 server ready " + m_timestamp);
    return out;
}

QByteArray Pop3Session::receive(QByteArrayView bytes)
{
    QByteArray out;
    if (m_state == State::Closed || m_state == State::AwaitingTls)
        return out; // RFC 2595 4 / RFC 3207 5: nothing sent before the handshake is used
    m_in.append(bytes.data(), bytes.size());
    processInput(out);
    return out;
}

void Pop3Session::processInput(QByteArray &out)
{
    qsizetype pos = 0;
    while (m_state != State::Closed && m_state != State::AwaitingTls) {
        const qsizetype lf = m_in.indexOf('\n', pos);
        const int limit = m_authResponse ? m_config.maxAuthLine : m_config.maxCommandLine;
        const qsizetype length = lf < 0 ? m_in.size() - pos : lf + 1 - pos;
        if (length > limit) {
            // A client that sends endless lines is not one we can talk to: cut it off.
            traceClient(m_in.mid(pos, 80) + "... (line too long)");
            const QByteArray line = "-ERR Line too long (the limit is " + QByteArray::number(limit)
                + " octets), closing connection";
            traceServer(line);
            out += line + "\r\n";
            close();
            break;
        }
        if (lf < 0)
            break;
        QByteArray line = m_in.mid(pos, lf - pos);
        pos = lf + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        handleLine(line, out);
        if (m_state == State::AwaitingTls) {
            if (pos < m_in.size())
                event("discarded " + QByteArray::number(m_in.size() - pos) + " octets pipelined after STLS");
            pos = m_in.size();
        }
    }
    if (m_state == State::Closed)
        m_in.clear();
    else if (pos > 0)
        m_in.remove(0, pos);
}

void Pop3Session::handleLine(const QByteArray &line, QByteArray &out)
{
    if (m_authResponse) {
        traceClient(line == "*" ? QByteArray("*") : QByteArrayLiteral("**** (credentials hidden)"));
        handleAuthResponse(line, out);
        return;
    }
    if (line.contains('\0')) {
        traceClient(QByteArray(line).replace('\0', "\\0"));
        return err(out, "Syntax error: NUL character in command");
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray args = space < 0 ? QByteArray() : line.mid(space + 1);
    if (verb == "PASS")
        traceClient("PASS ****");
    else if (verb == "AUTH" && words(args).size() > 1)
        traceClient("AUTH " + words(args).at(0) + " ****");
    else
        traceClient(line);

    // PASS is valid only immediately after a successful USER (RFC 1939 7).
    const bool haveUser = std::exchange(m_haveUser, false);
    if (verb == "PASS" && haveUser)
        m_haveUser = true;

    if (verb.isEmpty())
        return err(out, "Empty command");
    if (verb == "CAPA")
        return cmdCapa(out);
    if (m_state == State::Authorization)
        handleAuthorization(verb, args, out);
    else
        handleTransaction(verb, args, out);
}

void Pop3Session::handleAuthorization(const QByteArray &verb, const QByteArray &args, QByteArray &out)
{
    if (verb == "USER") {
        if (args.isEmpty())
            return err(out, "Syntax: USER name");
        m_pendingUser = args;
        m_haveUser = true;
        return ok(out, "Send PASS for " + args.left(64));
    }
    if (verb == "PASS") {
        if (!m_haveUser)
            return err(out, "Send USER first");
        m_haveUser = false;
        return login("USER", m_pendingUser, checkCredentials(m_pendingUser, args), out);
    }
    if (verb == "APOP")
        return cmdApop(args, out);
    if (verb == "AUTH")
        return cmdAuth(args, out);
    if (verb == "STLS")
        return cmdStls(args, out);
    if (verb == "QUIT") {
        ok(out, "Mailsink POP3 server signing off");
        return close();
    }
    if (verb == "STAT" || verb == "LIST" || verb == "RETR" || verb == "DELE" || verb == "NOOP"
        || verb == "RSET" || verb == "TOP" || verb == "UIDL")
        return err(out, verb + " is not valid before login (AUTHORIZATION state)");
    err(out, "Unknown command \"" + verb.left(32) + '"');
}

void Pop3Session::handleTransaction(const QByteArray &verb, const QByteArray &args, QByteArray &out)
{
    if (verb == "STAT") {
        if (!args.isEmpty())
            return err(out, "Syntax: STAT");
        return ok(out, QByteArray::number(liveCount()) + ' ' + QByteArray::number(liveOctets()));
    }
    if (verb == "LIST")
        return cmdList(args, false, out);
    if (verb == "UIDL")
        return cmdList(args, true, out);
    if (verb == "RETR")
        return cmdRetr(args, out);
    if (verb == "TOP")
        return cmdTop(args, out);
    if (verb == "DELE")
        return cmdDele(args, out);
    if (verb == "NOOP") {
        if (!args.isEmpty())
            return err(out, "Syntax: NOOP");
        return ok(out, {});
    }
    if (verb == "RSET") {
        if (!args.isEmpty())
            return err(out, "Syntax: RSET");
        for (Entry &entry : m_entries)
            entry.deleted = false;
        return ok(out,
            "Maildrop has " + messages(liveCount()) + " (" + QByteArray::number(liveOctets()) + " octets)");
    }
    if (verb == "QUIT")
        return cmdQuit(out);
    if (verb == "USER" || verb == "PASS" || verb == "APOP" || verb == "AUTH" || verb == "STLS")
        return err(out, verb + " is not valid after login (TRANSACTION state)");
    err(out, "Unknown command \"" + verb.left(32) + '"');
}

void Pop3Session::cmdCapa(QByteArray &out)
{
    // RFC 2449 5: USER, SASL and STLS are only of use before login.
    const bool authorization = m_state == State::Authorization;
    QByteArray body = "TOP\r\nUIDL\r\n";
    if (authorization) {
        body += "USER\r\nSASL PLAIN\r\n";
        if (m_config.startTlsAvailable && !m_tls)
            body += "STLS\r\n";
    }
    body += "PIPELINING\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\n";
    body += "IMPLEMENTATION Mailsink-" MAILSINK_VERSION "\r\n.\r\n";
    multiline(out, "Capability list follows", body);
}

void Pop3Session::cmdApop(const QByteArray &args, QByteArray &out)
{
    const QList<QByteArray> parts = words(args);
    if (parts.size() != 2 || parts.at(1).size() != 32
        || !std::all_of(
            parts.at(1).cbegin(), parts.at(1).cend(), [](char c) { return std::isxdigit(uchar(c)); }))
        return err(out, "Syntax: APOP name digest (32 hexadecimal digits)");
    bool credentialsOk = true;
    if (m_config.authRequired) {
        const QByteArray expected = QCryptographicHash::hash(
            QByteArray(m_timestamp + m_config.authPassword), QCryptographicHash::Md5)
                                        .toHex();
        credentialsOk = parts.at(0) == m_config.authUser && parts.at(1).toLower() == expected;
    }
    login("APOP", parts.at(0), credentialsOk, out);
}

void Pop3Session::cmdAuth(const QByteArray &args, QByteArray &out)
{
    const QList<QByteArray> parts = words(args);
    if (parts.isEmpty()) {
        // Not in RFC 5034, but clients from RFC 1734 days ask for the mechanism list this way.
        return multiline(out, "Supported mechanisms follow", "PLAIN\r\n.\r\n");
    }
    if (parts.size() > 2)
        return err(out, "Syntax: AUTH mechanism [initial-response]");
    if (parts.at(0).toUpper() != "PLAIN")
        return err(out, "Unrecognized authentication mechanism (PLAIN is supported)");
    if (parts.size() == 2) {
        m_authResponse = true;
        return handleAuthResponse(parts.at(1), out);
    }
    m_authResponse = true;
    traceServer("+ ");
    out += "+ \r\n";
}

void Pop3Session::handleAuthResponse(const QByteArray &line, QByteArray &out)
{
    m_authResponse = false;
    if (line == "*")
        return err(out, "Authentication cancelled");
    const auto decoded = Sasl::decodeBase64(line.trimmed());
    if (!decoded)
        return err(out, "Cannot decode the AUTH response (not base64)");
    const auto plain = Sasl::parsePlain(*decoded);
    if (!plain)
        return err(out, "Malformed AUTH PLAIN response");
    // The authorization identity picks the maildrop, so with a required login one account can
    // still open a per-recipient view ("bob@example.com" as authzid).
    login("PLAIN", plain->identity(), checkCredentials(plain->authcid, plain->password), out);
}

void Pop3Session::cmdStls(const QByteArray &args, QByteArray &out)
{
    if (!args.isEmpty())
        return err(out, "Syntax: STLS");
    if (m_tls)
        return err(out, "TLS already active");
    if (!m_config.startTlsAvailable)
        return err(out, "TLS not available");
    ok(out, "Begin TLS negotiation");
    m_state = State::AwaitingTls;
    m_events.push_back({Event::Type::StartTls});
}

QByteArray Pop3Session::tlsEstablished(const QString &protocol, const QString &cipher)
{
    m_tls = true;
    event("TLS established: " + protocol.toUtf8() + ' ' + cipher.toUtf8());
    if (m_state == State::AwaitingTls)
        m_state = State::Authorization; // RFC 2595 4: no new greeting; the client asks CAPA again
    m_in.clear();
    m_haveUser = false;
    return {};
}

void Pop3Session::tlsFailed(const QString &error)
{
    event("TLS handshake failed: " + error.toUtf8());
    close();
}

bool Pop3Session::checkCredentials(const QByteArray &user, const QByteArray &password) const
{
    if (!m_config.authRequired)
        return true;
    return user == m_config.authUser && password == m_config.authPassword;
}

void Pop3Session::login(
    const QByteArray &mechanism, const QByteArray &user, bool credentialsOk, QByteArray &out)
{
    if (!credentialsOk) {
        event(mechanism + " login failed for user \"" + user.left(64) + '"');
        return err(out, "[AUTH] Invalid user name or password");
    }
    const Maildrop::OpenResult opened = m_maildrop->open(user);
    switch (opened.status) {
    case Maildrop::OpenStatus::InUse:
        event("maildrop of \"" + user.left(64) + "\" is locked by another session");
        return err(out, "[IN-USE] Maildrop is locked by another POP3 session");
    case Maildrop::OpenStatus::Failed:
        event("cannot open maildrop: " + opened.error.toUtf8());
        return err(out, "[SYS/TEMP] Cannot open the maildrop, try again later");
    case Maildrop::OpenStatus::Opened:
        break;
    }
    m_user = user;
    m_entries.clear();
    for (const MaildropMessage &message : opened.messages)
        m_entries.append({message, false});
    m_state = State::Transaction;
    event(mechanism + " login as \"" + user.left(64) + "\"; maildrop locked");
    ok(out,
        "Logged in; maildrop has " + messages(liveCount()) + " (" + QByteArray::number(liveOctets())
            + " octets)");
}

qint64 Pop3Session::liveCount() const
{
    return std::count_if(m_entries.cbegin(), m_entries.cend(), [](const Entry &e) { return !e.deleted; });
}

qint64 Pop3Session::liveOctets() const
{
    qint64 total = 0;
    for (const Entry &entry : m_entries) {
        if (!entry.deleted)
            total += entry.message.size;
    }
    return total;
}

Pop3Session::Entry *Pop3Session::entryFor(const QByteArray &arg, QByteArray &out)
{
    const auto number = parseNumber(arg);
    if (!number) {
        err(out, "Invalid message number \"" + arg.left(40) + '"');
        return nullptr;
    }
    if (*number < 1 || *number > m_entries.size()) {
        err(out,
            "No such message " + QByteArray::number(*number) + " (maildrop has " + messages(m_entries.size())
                + ')');
        return nullptr;
    }
    Entry &entry = m_entries[*number - 1];
    if (entry.deleted) {
        err(out, "Message " + QByteArray::number(*number) + " is deleted");
        return nullptr;
    }
    return &entry;
}

void Pop3Session::cmdList(const QByteArray &args, bool uidl, QByteArray &out)
{
    const QList<QByteArray> parts = words(args);
    const QByteArray verb = uidl ? "UIDL" : "LIST";
    if (parts.size() > 1)
        return err(out, "Syntax: " + verb + " [message]");
    auto value = [uidl](const Entry &entry) {
        return uidl ? entry.message.uid : QByteArray::number(entry.message.size);
    };
    if (parts.size() == 1) {
        Entry *entry = entryFor(parts.at(0), out);
        if (!entry)
            return;
        return ok(out, parts.at(0) + ' ' + value(*entry));
    }
    QByteArray body;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (!m_entries.at(i).deleted)
            body += QByteArray::number(i + 1) + ' ' + value(m_entries.at(i)) + "\r\n";
    }
    body += ".\r\n";
    const QByteArray first = uidl
        ? QByteArrayLiteral("Unique-ID listing follows")
        : messages(liveCount()) + " (" + QByteArray::number(liveOctets()) + " octets)";
    const QByteArray summary
        = liveCount() > 20 ? QByteArray("(" + messages(liveCount()) + " listed)") : QByteArray();
    multiline(out, first, body, summary);
}

std::optional<QByteArray> Pop3Session::readEntry(const Entry &entry, qsizetype number, QByteArray &out)
{
    QString error;
    const auto raw = m_maildrop->read(entry.message, &error);
    if (!raw) {
        event("cannot read message " + QByteArray::number(number) + ": " + error.toUtf8());
        err(out,
            "[SYS/TEMP] Cannot read message " + QByteArray::number(number)
                + " (removed from the store meanwhile?)");
        return std::nullopt;
    }
    return toCrlf(*raw);
}

void Pop3Session::cmdRetr(const QByteArray &args, QByteArray &out)
{
    const QList<QByteArray> parts = words(args);
    if (parts.size() != 1)
        return err(out, "Syntax: RETR message");
    Entry *entry = entryFor(parts.at(0), out);
    if (!entry)
        return;
    const auto crlf = readEntry(*entry, parts.at(0).toLongLong(), out);
    if (!crlf)
        return;
    const QByteArray size = QByteArray::number(crlf->size());
    multiline(out, size + " octets", dotStuff(*crlf), "(message " + parts.at(0) + ", " + size + " octets)");
    m_maildrop->markSeen(entry->message);
}

void Pop3Session::cmdTop(const QByteArray &args, QByteArray &out)
{
    const QList<QByteArray> parts = words(args);
    if (parts.size() != 2)
        return err(out, "Syntax: TOP message lines");
    const auto lines = parseNumber(parts.at(1));
    if (!lines)
        return err(out, "Invalid number of lines \"" + parts.at(1).left(40) + '"');
    Entry *entry = entryFor(parts.at(0), out);
    if (!entry)
        return;
    const auto crlf = readEntry(*entry, parts.at(0).toLongLong(), out);
    if (!crlf)
        return;
    const QByteArray top = topLines(*crlf, *lines);
    multiline(out, "Top of message follows", dotStuff(top),
        "(message " + parts.at(0) + ", " + QByteArray::number(top.size()) + " octets)");
}

void Pop3Session::cmdDele(const QByteArray &args, QByteArray &out)
{
    const QList<QByteArray> parts = words(args);
    if (parts.size() != 1)
        return err(out, "Syntax: DELE message");
    Entry *entry = entryFor(parts.at(0), out);
    if (!entry)
        return;
    entry->deleted = true;
    ok(out, "Message " + parts.at(0) + " deleted");
}

void Pop3Session::cmdQuit(QByteArray &out)
{
    // The UPDATE state (RFC 1939 6): only now are deletions carried out.
    QList<qint64> ids;
    for (const Entry &entry : m_entries) {
        if (entry.deleted)
            ids.append(entry.message.id);
    }
    if (ids.isEmpty()) {
        ok(out, "Mailsink POP3 server signing off");
    } else {
        QString error;
        if (m_maildrop->remove(ids, &error)) {
            event("UPDATE: removed " + messages(ids.size()));
            ok(out, "Mailsink POP3 server signing off (" + messages(ids.size()) + " deleted)");
        } else {
            event("UPDATE failed: " + error.toUtf8());
            err(out, "[SYS/TEMP] Some deleted messages not removed");
        }
    }
    if (m_state != State::Closed)
        close();
}

QByteArray Pop3Session::idleTimeout()
{
    QByteArray out;
    if (m_state == State::Closed)
        return out;
    event("idle timeout; nothing deleted");
    // RFC 1939 3 says the server closes without a response; like Dovecot, say why first.
    traceServer("-ERR Disconnected for inactivity");
    out += "-ERR Disconnected for inactivity\r\n";
    close();
    return out;
}

QByteArray Pop3Session::shutdown()
{
    QByteArray out;
    if (m_state == State::Closed)
        return out;
    event("server shutting down; nothing deleted");
    traceServer("-ERR [SYS/TEMP] Server shutting down");
    out += "-ERR [SYS/TEMP] Server shutting down\r\n";
    close();
    return out;
}

void Pop3Session::connectionLost()
{
    if (m_state == State::Closed)
        return;
    event(m_state == State::Transaction ? "connection closed without QUIT; nothing deleted"
                                        : "connection closed by client");
    if (m_state == State::Transaction)
        event("maildrop of \"" + m_user + "\" unlocked");
    if (m_maildrop)
        m_maildrop->release();
    m_state = State::Closed;
}

} // namespace MailSink::Pop3
