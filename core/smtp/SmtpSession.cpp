#include "SmtpSession.h"

#include <QDateTime>

#include <cstring>

namespace MailSink::Smtp {

namespace {

QByteArray upper(QByteArrayView text)
{
    return text.toByteArray().toUpper();
}

bool isAscii(QByteArrayView text)
{
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

// Splits "<path> PARAM=VALUE ..." (RFC 5321 4.1.2). Accepts the sloppy forms real clients send
// ("FROM: <a>", "FROM:a") and reports them so the trace can say so.
struct PathArgs
{
    bool ok = false;
    bool lenient = false;
    QByteArray path;
    QList<QByteArray> params;
};

PathArgs parsePath(QByteArrayView text)
{
    PathArgs result;
    QByteArray rest = text.toByteArray().trimmed();
    if (rest.startsWith(' ') || rest.isEmpty())
        return result;
    if (rest.startsWith('<')) {
        // The path ends at the first '>' outside a quoted local part.
        bool quoted = false;
        qsizetype end = -1;
        for (qsizetype i = 1; i < rest.size(); ++i) {
            const char c = rest.at(i);
            if (c == '\\' && quoted) {
                ++i;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                end = i;
                break;
            }
        }
        if (end < 0)
            return result;
        result.path = rest.mid(1, end - 1);
        rest = rest.mid(end + 1);
        if (!rest.isEmpty() && rest.at(0) != ' ')
            return result;
    } else {
        const qsizetype space = rest.indexOf(' ');
        result.path = space < 0 ? rest : rest.left(space);
        rest = space < 0 ? QByteArray() : rest.mid(space);
        result.lenient = true;
    }
    // A source route "@a,@b:user@host" is accepted and ignored (RFC 5321 4.1.2, 3.3).
    if (result.path.startsWith('@')) {
        const qsizetype colon = result.path.indexOf(':');
        if (colon < 0)
            return result;
        result.path = result.path.mid(colon + 1);
    }
    if (result.path.contains(' ') && !result.path.startsWith('"'))
        return result;
    for (const QByteArray &param : rest.split(' ')) {
        if (!param.isEmpty())
            result.params.append(param);
    }
    result.ok = true;
    return result;
}

QByteArray maskedAuthCommand(const QByteArray &line)
{
    // "AUTH PLAIN <secret>": keep the mechanism, hide the initial response.
    const QList<QByteArray> words = line.split(' ');
    if (words.size() >= 3)
        return words.at(0) + ' ' + words.at(1) + " ****";
    return line;
}

} // namespace

SmtpSession::SmtpSession(SessionConfig config)
    : m_config(std::move(config))
    , m_tls(m_config.implicitTls)
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_envelope.clientAddress = m_config.clientAddress;
    m_envelope.clientPort = m_config.clientPort;
}

qint64 SmtpSession::now() const
{
    return m_config.clock();
}

void SmtpSession::event(const QByteArray &text)
{
    TraceEntry entry {now(), TraceEntry::Kind::Event, text};
    if (m_liveTraceOn)
        m_liveTrace.append(entry);
    (m_inPreamble ? m_preamble : m_transaction).append(entry);
}

void SmtpSession::traceClient(const QByteArray &line)
{
    TraceEntry entry {now(), TraceEntry::Kind::Client, line};
    if (m_liveTraceOn)
        m_liveTrace.append(entry);
    (m_inPreamble ? m_preamble : m_transaction).append(entry);
}

void SmtpSession::reply(QByteArray &out, const QByteArray &line)
{
    // A multi-line reply arrives as "250-a\r\n250 b"; trace each line.
    qsizetype start = 0;
    while (start <= line.size()) {
        qsizetype end = line.indexOf("\r\n", start);
        if (end < 0)
            end = line.size();
        TraceEntry entry {now(), TraceEntry::Kind::Server, line.mid(start, end - start)};
        if (m_liveTraceOn)
            m_liveTrace.append(entry);
        (m_inPreamble ? m_preamble : m_transaction).append(entry);
        start = end + 2;
    }
    out.append(line);
    out.append("\r\n");
}

void SmtpSession::error(QByteArray &out, const QByteArray &line)
{
    reply(out, line);
    if (++m_errors >= m_config.maxErrors && m_state != State::Closed) {
        reply(out, "421 4.7.0 Too many errors, closing connection");
        m_state = State::Closed;
        m_events.push_back({Event::Type::Close, {}});
    }
}

QByteArray SmtpSession::greeting()
{
    event("connection from " + m_config.clientAddress.toUtf8() + ':' + QByteArray::number(m_config.clientPort)
        + (m_config.implicitTls ? " (implicit TLS)" : ""));
    QByteArray out;
    reply(out, "220 " + m_config.hostname + " ESMTP Mailsink ready");
    return out;
}

std::vector<Event> SmtpSession::takeEvents()
{
    std::vector<Event> events;
    events.swap(m_events);
    return events;
}

Trace SmtpSession::takeTrace()
{
    Trace trace;
    trace.swap(m_liveTrace);
    return trace;
}

Trace SmtpSession::messageTrace() const
{
    return m_preamble + m_transaction;
}

bool SmtpSession::isBusy() const
{
    return m_state == State::Data || m_state == State::Bdat || m_state == State::AwaitingCommit
        || (m_bdatUsed && m_messageOpen);
}

QByteArray SmtpSession::receive(QByteArrayView bytes)
{
    QByteArray out;
    if (m_state == State::AwaitingTls && !bytes.isEmpty())
        event("discarded " + QByteArray::number(bytes.size()) + " octets sent before the TLS handshake");
    if (m_state == State::Closed || m_state == State::AwaitingTls)
        return out; // RFC 3207 5: nothing the client sent before the handshake is used
    m_in.append(bytes.data(), bytes.size());
    processInput(out);
    return out;
}

void SmtpSession::processInput(QByteArray &out)
{
    qsizetype pos = 0;
    while (m_state != State::Closed && m_state != State::AwaitingCommit && m_state != State::AwaitingTls) {
        if (m_state == State::Data) {
            if (pos > 0) {
                m_in.remove(0, pos);
                pos = 0;
            }
            if (!processDataMode(out))
                break;
            continue;
        }
        if (m_state == State::Bdat) {
            if (pos > 0) {
                m_in.remove(0, pos);
                pos = 0;
            }
            if (!processBdatMode(out))
                break;
            continue;
        }
        const qsizetype lf = m_in.indexOf('\n', pos);
        const int limit = m_auth != Auth::None ? m_config.maxAuthLine : m_config.maxCommandLine;
        if (lf < 0) {
            if (m_in.size() - pos > limit) {
                // Keep reading to the end of the line, but never buffer it.
                if (!m_discardLine) {
                    m_discardLine = true;
                    traceClient(m_in.mid(pos, 80) + "... (line too long)");
                    error(out,
                        "500 5.5.2 Line too long (the limit is " + QByteArray::number(limit) + " octets)");
                    m_auth = Auth::None;
                }
                pos = m_in.size();
            }
            break;
        }
        QByteArray line = m_in.mid(pos, lf - pos + 1);
        pos = lf + 1;
        if (m_discardLine) {
            m_discardLine = false;
            continue;
        }
        if (line.size() > limit) {
            traceClient(line.left(80) + "... (line too long)");
            error(out, "500 5.5.2 Line too long (the limit is " + QByteArray::number(limit) + " octets)");
            m_auth = Auth::None;
            continue;
        }
        line.chop(line.endsWith("\r\n") ? 2 : 1);
        handleLine(std::move(line), out);
    }
    if (pos > 0)
        m_in.remove(0, pos);
    flushData();
}

void SmtpSession::handleLine(QByteArray line, QByteArray &out)
{
    if (m_auth != Auth::None) {
        handleAuthResponse(line, out);
        return;
    }
    if (line.contains('\0')) {
        traceClient(QByteArray(line).replace('\0', "\\0"));
        error(out, "500 5.5.2 Syntax error: NUL character in command");
        return;
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = upper(space < 0 ? line : line.left(space));
    const QByteArray args = space < 0 ? QByteArray() : line.mid(space + 1);
    if (verb == "MAIL")
        m_inPreamble = false; // from here on, lines belong to the transaction, not to every message
    traceClient(verb == "AUTH" ? maskedAuthCommand(line) : line);
    handleCommand(verb, args, out);
}

void SmtpSession::handleCommand(const QByteArray &verb, const QByteArray &args, QByteArray &out)
{
    if (verb == "EHLO" || verb == "HELO") {
        cmdEhlo(args, verb == "EHLO", out);
    } else if (verb == "MAIL") {
        cmdMail(args, out);
    } else if (verb == "RCPT") {
        cmdRcpt(args, out);
    } else if (verb == "DATA") {
        cmdData(args, out);
    } else if (verb == "BDAT") {
        cmdBdat(args, out);
    } else if (verb == "RSET") {
        if (!args.isEmpty())
            return error(out, "501 5.5.4 Syntax: RSET");
        if (m_messageOpen)
            abortMessage();
        reply(out, "250 2.0.0 Reset state");
        resetTransaction(); // also drops the RSET exchange from the next message's trace
    } else if (verb == "NOOP") {
        reply(out, "250 2.0.0 OK");
    } else if (verb == "QUIT") {
        if (m_messageOpen)
            abortMessage();
        reply(out, "221 2.0.0 " + m_config.hostname + " closing connection");
        m_state = State::Closed;
        m_events.push_back({Event::Type::Close, {}});
    } else if (verb == "VRFY") {
        if (args.isEmpty())
            return error(out, "501 5.5.4 Syntax: VRFY <address>");
        reply(out, "252 2.1.5 Cannot VRFY user, but will accept the message");
    } else if (verb == "EXPN") {
        reply(out, "502 5.5.1 EXPN not implemented");
    } else if (verb == "HELP") {
        reply(out,
            "214-2.0.0 Mailsink accepts every message and keeps it instead of delivering it.\r\n"
            "214-2.0.0 Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH\r\n"
            "214 2.0.0 End of HELP info");
    } else if (verb == "STARTTLS") {
        cmdStartTls(args, out);
    } else if (verb == "AUTH") {
        cmdAuth(args, out);
    } else if (verb.isEmpty()) {
        error(out, "500 5.5.2 Syntax error: empty command");
    } else {
        error(out, "500 5.5.1 Command unrecognized: \"" + verb.left(32) + '"');
    }
}

void SmtpSession::cmdEhlo(const QByteArray &args, bool extended, QByteArray &out)
{
    const QByteArray domain = args.trimmed();
    if (domain.isEmpty())
        return error(out, extended ? "501 5.5.4 Syntax: EHLO domain" : "501 5.5.4 Syntax: HELO domain");
    if (m_messageOpen)
        abortMessage();
    resetTransaction();
    m_helo = true;
    m_envelope.helo = domain;
    m_envelope.extended = extended;
    const QByteArray hello
        = m_config.hostname + " Hello " + domain + " [" + m_config.clientAddress.toUtf8() + ']';
    if (!extended)
        return reply(out, "250 " + hello);
    QByteArray lines = "250-" + hello + "\r\n";
    lines += "250-PIPELINING\r\n";
    lines += "250-SIZE " + QByteArray::number(m_config.maxMessageSize) + "\r\n";
    lines += "250-8BITMIME\r\n";
    lines += "250-SMTPUTF8\r\n";
    lines += "250-ENHANCEDSTATUSCODES\r\n";
    lines += "250-CHUNKING\r\n";
    if (m_config.startTlsAvailable && !m_tls)
        lines += "250-STARTTLS\r\n";
    if (!m_authenticated)
        lines += "250-AUTH PLAIN LOGIN CRAM-MD5\r\n";
    lines += "250 HELP";
    reply(out, lines);
}

void SmtpSession::cmdMail(const QByteArray &args, QByteArray &out)
{
    if (!m_helo)
        return error(out, "503 5.5.1 Send EHLO or HELO first");
    if (m_haveSender)
        return error(out, "503 5.5.1 Sender already given (send RSET to start over)");
    if (m_config.authRequired && !m_authenticated)
        return error(out, "530 5.7.0 Authentication required");
    if (!upper(args).startsWith("FROM:"))
        return error(out, "501 5.5.4 Syntax: MAIL FROM:<address>");
    const PathArgs path = parsePath(args.mid(5));
    if (!path.ok)
        return error(out, "501 5.1.7 Bad sender address syntax");
    bool utf8 = false;
    for (const QByteArray &param : path.params) {
        const qsizetype eq = param.indexOf('=');
        const QByteArray key = upper(eq < 0 ? param : param.left(eq));
        const QByteArray value = eq < 0 ? QByteArray() : param.mid(eq + 1);
        if (key == "SIZE") {
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            if (!ok || size < 0)
                return error(out, "501 5.5.4 Bad SIZE parameter");
            if (m_config.maxMessageSize > 0 && size > m_config.maxMessageSize)
                return error(out,
                    "552 5.3.4 Message size exceeds fixed maximum message size of "
                        + QByteArray::number(m_config.maxMessageSize) + " octets");
        } else if (key == "BODY") {
            const QByteArray body = upper(value);
            if (body != "7BIT" && body != "8BITMIME")
                return error(out, "501 5.5.4 Bad BODY parameter (7BIT or 8BITMIME)");
        } else if (key == "SMTPUTF8") {
            if (!value.isEmpty())
                return error(out, "501 5.5.4 SMTPUTF8 takes no value");
            utf8 = true;
        } else if (key == "AUTH") {
            // RFC 4954 5: accepted and recorded, never trusted.
        } else {
            return error(out, "555 5.5.4 Unsupported MAIL parameter " + key.left(32));
        }
    }
    if (!utf8 && !isAscii(path.path))
        return error(out, "553 5.6.7 Non-ASCII address needs the SMTPUTF8 parameter");
    if (chaos(ChaosStage::Sender, "sender", out))
        return;
    if (path.lenient)
        event("note: MAIL FROM address without angle brackets accepted");
    m_haveSender = true;
    m_envelope.mailFrom = path.path;
    m_envelope.mailParameters = path.params.join(' ');
    m_envelope.recipients.clear();
    reply(out, "250 2.1.0 Sender <" + path.path + "> OK");
}

void SmtpSession::cmdRcpt(const QByteArray &args, QByteArray &out)
{
    if (!m_haveSender)
        return error(out, "503 5.5.1 Need MAIL before RCPT");
    if (!upper(args).startsWith("TO:"))
        return error(out, "501 5.5.4 Syntax: RCPT TO:<address>");
    const PathArgs path = parsePath(args.mid(3));
    if (!path.ok || path.path.isEmpty())
        return error(out, "501 5.1.3 Bad recipient address syntax");
    if (!path.params.isEmpty())
        return error(out, "555 5.5.4 Unsupported RCPT parameter " + path.params.first().left(32));
    const bool utf8 = m_envelope.mailParameters.toUpper().contains("SMTPUTF8");
    if (!utf8 && !isAscii(path.path))
        return error(out, "553 5.6.7 Non-ASCII address needs SMTPUTF8 in MAIL FROM");
    if (m_envelope.recipients.size() >= m_config.maxRecipients)
        return reply(out,
            "452 4.5.3 Too many recipients (the limit is " + QByteArray::number(m_config.maxRecipients)
                + ')');
    if (chaos(ChaosStage::Recipient, "recipient", out))
        return;
    if (path.lenient)
        event("note: RCPT TO address without angle brackets accepted");
    m_envelope.recipients.append(path.path);
    reply(out, "250 2.1.5 Recipient <" + path.path + "> OK");
}

void SmtpSession::cmdData(const QByteArray &args, QByteArray &out)
{
    if (!args.isEmpty())
        return error(out, "501 5.5.4 Syntax: DATA");
    if (m_bdatUsed)
        return error(out, "503 5.5.1 DATA cannot follow BDAT in one transaction");
    if (!m_haveSender)
        return error(out, "503 5.5.1 Need MAIL before DATA");
    if (m_envelope.recipients.isEmpty())
        return error(out, "503 5.5.1 Need RCPT before DATA");
    reply(out, "354 End data with <CR><LF>.<CR><LF>");
    beginMessage();
    m_state = State::Data;
    m_lineStart = true;
    m_prevCr = false;
}

void SmtpSession::cmdBdat(const QByteArray &args, QByteArray &out)
{
    const QList<QByteArray> words = args.simplified().split(' ');
    bool ok = false;
    const qint64 size = words.value(0).toLongLong(&ok);
    const bool last = words.size() == 2 && upper(words.at(1)) == "LAST";
    if (!ok || size < 0 || words.size() > 2 || (words.size() == 2 && !last)) {
        // Without a valid size the chunk cannot be skipped, so the connection is unusable.
        error(out, "501 5.5.4 Syntax: BDAT <size> [LAST]");
        if (m_messageOpen)
            abortMessage();
        resetTransaction();
        return;
    }
    // RFC 3030 2: the chunk is read whatever the verdict, so the stream stays in sync.
    m_bdatRemaining = size;
    m_bdatLast = last;
    m_bdatFailed = false;
    if (!m_haveSender || m_envelope.recipients.isEmpty()) {
        m_bdatFailed = true;
        m_bdatError = m_haveSender ? "503 5.5.1 Need RCPT before BDAT" : "503 5.5.1 Need MAIL before BDAT";
    } else if (!m_messageOpen && !m_bdatUsed) {
        m_bdatUsed = true;
        beginMessage();
    } else if (!m_messageOpen) {
        m_bdatFailed = true; // an earlier chunk overflowed SIZE; keep refusing until LAST or RSET
        m_bdatError = "552 5.3.4 Message size exceeds fixed maximum message size";
    }
    m_state = State::Bdat;
}

bool SmtpSession::processBdatMode(QByteArray &out)
{
    const qint64 take = std::min<qint64>(m_bdatRemaining, m_in.size());
    if (take > 0) {
        if (!m_bdatFailed)
            appendData(QByteArrayView(m_in).first(take));
        m_in.remove(0, take);
        m_bdatRemaining -= take;
    }
    if (m_bdatRemaining > 0)
        return false;
    m_state = State::Ready;
    if (m_bdatFailed) {
        error(out, std::exchange(m_bdatError, {}));
        if (m_bdatLast && m_bdatUsed)
            resetTransaction();
        return true;
    }
    if (m_messageTooBig) {
        abortMessage();
        error(out,
            "552 5.3.4 Message size exceeds fixed maximum message size of "
                + QByteArray::number(m_config.maxMessageSize) + " octets");
        if (m_bdatLast)
            resetTransaction();
        return true;
    }
    if (!m_bdatLast) {
        reply(out, "250 2.0.0 " + QByteArray::number(m_dataSize) + " octets received");
        return true;
    }
    event("message data: " + QByteArray::number(m_dataSize) + " octets (BDAT)");
    flushData();
    m_messageOpen = false;
    m_state = State::AwaitingCommit;
    m_events.push_back({Event::Type::MessageComplete, {}});
    return false;
}

bool SmtpSession::processDataMode(QByteArray &out)
{
    const char *data = m_in.constData();
    const qsizetype size = m_in.size();
    qsizetype pos = 0;
    qsizetype runStart = 0; // bytes [runStart, pos) are message data not yet appended
    while (pos < size) {
        if (m_lineStart && data[pos] == '.') {
            // RFC 5321 4.5.2: a leading dot is removed; ".\r\n" alone ends the message.
            if (size - pos < 3 && (size - pos < 2 || data[pos + 1] == '\r')) {
                break; // need more bytes to decide
            }
            appendData(QByteArrayView(data + runStart, pos - runStart));
            if (data[pos + 1] == '\r' && data[pos + 2] == '\n') {
                m_in.remove(0, pos + 3);
                event("message data: " + QByteArray::number(m_dataSize) + " octets");
                flushData();
                if (m_messageTooBig) {
                    abortMessage();
                    m_state = State::Ready;
                    error(out,
                        "552 5.3.4 Message size exceeds fixed maximum message size of "
                            + QByteArray::number(m_config.maxMessageSize) + " octets");
                    resetTransaction();
                    return true;
                }
                m_messageOpen = false;
                m_state = State::AwaitingCommit;
                m_events.push_back({Event::Type::MessageComplete, {}});
                return false;
            }
            ++pos; // drop the stuffed dot
            runStart = pos;
            m_lineStart = false;
            m_prevCr = false;
            continue;
        }
        const void *found = std::memchr(data + pos, '\n', size - pos);
        if (!found) {
            m_prevCr = data[size - 1] == '\r';
            m_lineStart = false;
            pos = size;
            break;
        }
        const qsizetype lf = static_cast<const char *>(found) - data;
        // Only CRLF ends a line; a bare LF followed by "." must not end the message (smuggling).
        m_lineStart = lf > pos ? data[lf - 1] == '\r' : m_prevCr;
        m_prevCr = false;
        pos = lf + 1;
    }
    appendData(QByteArrayView(data + runStart, pos - runStart));
    m_in.remove(0, pos);
    return false;
}

bool SmtpSession::chaos(ChaosStage stage, const QByteArray &what, QByteArray &out)
{
    const int code = m_config.chaos ? m_config.chaos(stage) : 0;
    if (code < 400 || code > 599)
        return false;
    // Mailpit's chaos replies ("451 Chaos sender error"), with the enhanced code our replies all carry.
    const QByteArray number = QByteArray::number(code);
    event("chaos: injected " + number + " at " + what);
    reply(out, number + ' ' + number.left(1) + ".0.0 Chaos " + what + " error");
    return true;
}

void SmtpSession::resetTransaction()
{
    m_haveSender = false;
    m_bdatUsed = false;
    m_messageTooBig = false;
    m_dataSize = 0;
    m_envelope.mailFrom.clear();
    m_envelope.mailParameters.clear();
    m_envelope.recipients.clear();
    m_transaction.clear();
}

void SmtpSession::beginMessage()
{
    m_messageOpen = true;
    m_messageTooBig = false;
    m_dataSize = 0;
    m_pendingData.clear();
    m_events.push_back({Event::Type::MessageBegin, {}});
}

void SmtpSession::abortMessage()
{
    if (!m_messageOpen && !m_messageTooBig)
        return;
    m_pendingData.clear();
    if (m_messageOpen && !m_messageTooBig)
        m_events.push_back({Event::Type::MessageAborted, {}});
    m_messageOpen = false;
}

void SmtpSession::appendData(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    m_dataSize += bytes.size();
    if (m_messageTooBig)
        return;
    if (m_config.maxMessageSize > 0 && m_dataSize > m_config.maxMessageSize) {
        // Keep reading to the end, store nothing (RFC 1870 6).
        m_messageTooBig = true;
        m_pendingData.clear();
        m_events.push_back({Event::Type::MessageAborted, {}});
        event("message exceeds SIZE limit; discarding");
        return;
    }
    m_pendingData.append(bytes.data(), bytes.size());
}

void SmtpSession::flushData()
{
    if (m_pendingData.isEmpty() || m_messageTooBig)
        return;
    m_events.push_back({Event::Type::MessageData, std::move(m_pendingData)});
    m_pendingData = QByteArray();
}

QByteArray SmtpSession::commitFinished(bool ok, const QByteArray &queueId, const QString &errorText)
{
    QByteArray out;
    if (m_state != State::AwaitingCommit)
        return out;
    m_state = State::Ready;
    if (ok) {
        reply(out, "250 2.0.0 Ok: queued as " + queueId);
    } else {
        event("storage failed: " + errorText.toUtf8());
        reply(out, "452 4.3.1 Insufficient system storage: message not stored, try again later");
    }
    resetTransaction();
    processInput(out);
    return out;
}

QByteArray SmtpSession::idleTimeout()
{
    QByteArray out;
    if (m_state == State::Closed)
        return out;
    if (m_messageOpen)
        abortMessage();
    event("idle timeout");
    reply(out, "421 4.4.2 " + m_config.hostname + " Idle timeout, closing connection");
    m_state = State::Closed;
    m_events.push_back({Event::Type::Close, {}});
    return out;
}

QByteArray SmtpSession::shutdown()
{
    QByteArray out;
    if (m_state == State::Closed)
        return out;
    if (m_messageOpen)
        abortMessage();
    event("server shutting down");
    reply(out, "421 4.3.2 " + m_config.hostname + " Service shutting down, closing connection");
    m_state = State::Closed;
    m_events.push_back({Event::Type::Close, {}});
    return out;
}

void SmtpSession::connectionLost()
{
    if (m_state == State::Closed)
        return;
    if (m_messageOpen) {
        event("connection lost during message transfer; nothing stored");
        abortMessage();
    } else {
        event("connection closed by client");
    }
    m_state = State::Closed;
}

} // namespace MailSink::Smtp
