#include "SmtpClientSession.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>

namespace MailSink::Client {

namespace {

constexpr int Minute = 60 * 1000;

bool isAscii(QByteArrayView text)
{
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

QByteArray headerSection(const QByteArray &data)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    return end < 0 ? data : data.left(end);
}

QString replyText(const SmtpReply &reply)
{
    QByteArray text = reply.toText();
    text.replace('\n', " / ");
    return QString::fromUtf8(text);
}

QByteArray bracketed(const QByteArray &address)
{
    return '<' + address + '>';
}

} // namespace

QString stageName(Stage stage)
{
    switch (stage) {
    case Stage::Connect:
        return QStringLiteral("connect");
    case Stage::Greeting:
        return QStringLiteral("greeting");
    case Stage::Ehlo:
        return QStringLiteral("EHLO");
    case Stage::StartTls:
        return QStringLiteral("STARTTLS");
    case Stage::Auth:
        return QStringLiteral("AUTH");
    case Stage::Mail:
        return QStringLiteral("MAIL");
    case Stage::Rcpt:
        return QStringLiteral("RCPT");
    case Stage::Data:
        return QStringLiteral("DATA");
    case Stage::Quit:
        return QStringLiteral("QUIT");
    case Stage::Done:
        return QStringLiteral("done");
    }
    return {};
}

SmtpClientSession::SmtpClientSession(ClientConfig config, OutgoingMessage message)
    : m_config(std::move(config))
    , m_message(std::move(message))
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    if (m_config.bdatChunkSize <= 0)
        m_config.bdatChunkSize = 1024 * 1024;
}

qint64 SmtpClientSession::now() const
{
    return m_config.clock();
}

void SmtpClientSession::trace(TraceEntry::Kind kind, const QByteArray &text)
{
    m_trace.append(TraceEntry {now(), kind, text});
}

void SmtpClientSession::event(const QByteArray &text)
{
    trace(TraceEntry::Kind::Event, text);
}

Trace SmtpClientSession::takeTrace()
{
    Trace trace;
    trace.swap(m_trace);
    return trace;
}

std::vector<SmtpClientSession::Event> SmtpClientSession::takeEvents()
{
    std::vector<Event> events;
    events.swap(m_events);
    return events;
}

void SmtpClientSession::send(QByteArray &out, const QByteArray &line, const QByteArray &shown)
{
    trace(TraceEntry::Kind::Client, shown.isEmpty() ? line : shown);
    out += line;
    out += "\r\n";
}

void SmtpClientSession::finish()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    m_events.push_back(Event::Close);
}

void SmtpClientSession::fail(Stage stage, const QString &what, const SmtpReply *reply, QByteArray &out)
{
    if (!m_result.ok && m_result.error.isEmpty()) {
        m_result.stage = stage;
        m_result.error = stageName(stage) + QStringLiteral(": ") + what;
        if (reply) {
            m_result.error += QStringLiteral(": ") + replyText(*reply);
            m_result.reply = reply->toText();
        }
        event("error: " + m_result.error.toUtf8());
    }
    m_stage = stage;
    const bool usable = m_state != State::Connecting && m_state != State::AwaitingTls
        && m_state != State::Quit && m_state != State::Finished && !m_parser.hasError();
    if (!usable) {
        finish();
        return;
    }
    // RFC 5321 4.1.1.10: end the session politely, even after a failure.
    send(out, "QUIT");
    m_state = State::Quit;
}

void SmtpClientSession::connected(const QString &peer, const QString &tlsProtocol, const QString &tlsCipher)
{
    event("connected to " + peer.toUtf8()
        + (tlsProtocol.isEmpty() ? QByteArray()
                                 : " (" + tlsProtocol.toUtf8() + ' ' + tlsCipher.toUtf8() + ')'));
    if (!tlsProtocol.isEmpty() || m_config.security == Security::ImplicitTls) {
        m_tls = true;
        m_result.tlsProtocol = tlsProtocol;
        m_result.tlsCipher = tlsCipher;
    }
    m_state = State::Greeting;
    m_stage = Stage::Greeting;
}

void SmtpClientSession::connectionFailed(const QString &error)
{
    QByteArray out;
    m_state = State::Connecting;
    fail(Stage::Connect, error, nullptr, out);
}

void SmtpClientSession::connectionLost()
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Quit) {
        finish();
        return;
    }
    QByteArray out;
    m_state = State::Connecting; // nothing can be written any more
    fail(m_stage, QStringLiteral("connection closed by the server"), nullptr, out);
}

QByteArray SmtpClientSession::timeout()
{
    QByteArray out;
    if (m_state == State::Finished)
        return out;
    if (m_state == State::Quit) {
        finish();
        return out;
    }
    const int waited = replyTimeoutMs();
    m_state = State::Connecting; // a server that stopped answering gets no QUIT
    fail(m_stage, QStringLiteral("no reply from the server within %1 s").arg(waited / 1000.0, 0, 'g', 4),
        nullptr, out);
    return out;
}

int SmtpClientSession::replyTimeoutMs() const
{
    if (m_config.timeoutMs > 0)
        return m_config.timeoutMs;
    // RFC 5321 4.5.3.2.
    switch (m_state) {
    case State::Data:
        return 2 * Minute;
    case State::DataBody:
    case State::Bdat:
        return 10 * Minute;
    case State::Quit:
        return Minute / 2;
    default:
        return 5 * Minute;
    }
}

QByteArray SmtpClientSession::receive(QByteArrayView bytes)
{
    QByteArray out;
    if (m_state == State::Finished)
        return out;
    if (m_state == State::AwaitingTls) {
        // RFC 3207 5: nothing the server sent before the handshake may be trusted.
        event("discarded " + QByteArray::number(bytes.size()) + " octets received before the TLS handshake");
        return out;
    }
    m_parser.feed(bytes);
    while (m_state != State::Finished && m_state != State::AwaitingTls) {
        std::optional<SmtpReply> reply = m_parser.next();
        for (const QByteArray &line : m_parser.takeLines())
            trace(TraceEntry::Kind::Server, line);
        if (!reply) {
            if (m_parser.hasError())
                fail(m_stage, m_parser.errorString(), nullptr, out);
            break;
        }
        handleReply(*reply, out);
    }
    if (m_state == State::AwaitingTls && m_parser.hasPendingBytes()) {
        event("discarded octets the server sent after its STARTTLS reply (RFC 3207)");
        m_parser.clear();
    }
    return out;
}

void SmtpClientSession::handleReply(const SmtpReply &reply, QByteArray &out)
{
    switch (m_state) {
    case State::Connecting:
    case State::Greeting:
        handleGreeting(reply, out);
        break;
    case State::Ehlo:
    case State::Helo:
        handleEhlo(reply, out);
        break;
    case State::StartTls:
        if (reply.code == 220) {
            m_state = State::AwaitingTls;
            m_events.push_back(Event::StartTls);
        } else {
            fail(Stage::StartTls, QStringLiteral("the server refused STARTTLS"), &reply, out);
        }
        break;
    case State::Auth:
        handleAuth(reply, out);
        break;
    case State::Mail:
        handleMail(reply, out);
        break;
    case State::Rcpt:
        handleRcpt(reply, out);
        break;
    case State::Data:
        if (reply.code == 354) {
            const QByteArray stuffed = dotStuff(m_message.data);
            out += stuffed;
            event("message: " + QByteArray::number(m_message.data.size()) + " octets, sent as "
                + QByteArray::number(stuffed.size()) + " octets of DATA");
            trace(TraceEntry::Kind::Client, ".");
            m_state = State::DataBody;
        } else {
            fail(Stage::Data, QStringLiteral("the server refused DATA"), &reply, out);
        }
        break;
    case State::DataBody:
    case State::Bdat:
        if (reply.code / 100 != 2) {
            fail(Stage::Data, QStringLiteral("the server refused the message"), &reply, out);
        } else if (m_state == State::Bdat && m_bdatOffset < m_message.data.size()) {
            sendNextChunk(out);
        } else {
            m_result.ok = true;
            m_result.stage = Stage::Done;
            m_result.finalReply = reply.toText();
            m_stage = Stage::Quit;
            event("message accepted");
            send(out, "QUIT");
            m_state = State::Quit;
        }
        break;
    case State::Quit:
        // Pipelined replies still due before the one to QUIT are skipped.
        if (reply.code == 221 || m_pendingRcptReplies-- <= 0)
            finish();
        break;
    case State::AwaitingTls:
    case State::Finished:
        break;
    }
}

void SmtpClientSession::handleGreeting(const SmtpReply &reply, QByteArray &out)
{
    m_stage = Stage::Greeting;
    if (reply.code != 220) {
        fail(Stage::Greeting, QStringLiteral("the server refused the connection"), &reply, out);
        return;
    }
    m_stage = Stage::Ehlo;
    send(out, "EHLO " + m_config.heloName);
    m_state = State::Ehlo;
}

void SmtpClientSession::handleEhlo(const SmtpReply &reply, QByteArray &out)
{
    if (reply.code != 250) {
        // RFC 5321 3.2: a server that does not know EHLO answers 500/502; fall back to HELO.
        if (m_state == State::Ehlo && reply.code >= 500 && reply.code < 600) {
            send(out, "HELO " + m_config.heloName);
            m_state = State::Helo;
            return;
        }
        fail(Stage::Ehlo,
            QStringLiteral("the server refused %1")
                .arg(m_state == State::Ehlo ? QStringLiteral("EHLO") : QStringLiteral("HELO")),
            &reply, out);
        return;
    }
    m_extensions.clear();
    m_authMechanisms.clear();
    m_maxSize = 0;
    if (m_state == State::Ehlo) {
        for (qsizetype i = 1; i < reply.lines.size(); ++i) {
            const QList<QByteArray> words = reply.lines.at(i).simplified().split(' ');
            QByteArray keyword = words.value(0).toUpper();
            QList<QByteArray> params = words.mid(1);
            // Some old servers announce "AUTH=PLAIN LOGIN" as well.
            if (keyword.startsWith("AUTH=")) {
                params.prepend(keyword.mid(5));
                keyword = "AUTH";
            }
            if (keyword.isEmpty())
                continue;
            m_extensions.insert(keyword);
            if (keyword == "SIZE" && !params.isEmpty())
                m_maxSize = params.first().toLongLong();
            if (keyword == "AUTH") {
                for (const QByteArray &mechanism : params) {
                    const QByteArray name = mechanism.toUpper();
                    if (!name.isEmpty() && !m_authMechanisms.contains(name))
                        m_authMechanisms.append(name);
                }
            }
        }
    }
    afterEhlo(out);
}

void SmtpClientSession::afterEhlo(QByteArray &out)
{
    if (m_config.security == Security::StartTls && !m_tls) {
        m_stage = Stage::StartTls;
        if (!hasExtension("STARTTLS")) {
            fail(Stage::StartTls, QStringLiteral("the server does not offer STARTTLS"), nullptr, out);
            return;
        }
        send(out, "STARTTLS");
        m_state = State::StartTls;
        return;
    }
    if (!m_config.user.isEmpty()) {
        startAuth(out);
        return;
    }
    startTransaction(out);
}

QByteArray SmtpClientSession::tlsEstablished(const QString &protocol, const QString &cipher)
{
    QByteArray out;
    if (m_state != State::AwaitingTls)
        return out;
    m_tls = true;
    m_result.tlsProtocol = protocol;
    m_result.tlsCipher = cipher;
    event("TLS established: " + protocol.toUtf8() + ' ' + cipher.toUtf8());
    m_parser.clear();
    // RFC 3207 4.2: forget what was learnt before TLS and ask again.
    m_extensions.clear();
    m_authMechanisms.clear();
    m_stage = Stage::Ehlo;
    send(out, "EHLO " + m_config.heloName);
    m_state = State::Ehlo;
    return out;
}

void SmtpClientSession::tlsFailed(const QString &error)
{
    QByteArray out;
    const Stage stage = m_config.security == Security::ImplicitTls ? Stage::Connect : Stage::StartTls;
    m_state = State::AwaitingTls;
    fail(stage, QStringLiteral("TLS handshake failed: ") + error, nullptr, out);
}

void SmtpClientSession::startAuth(QByteArray &out)
{
    m_stage = Stage::Auth;
    if (!hasExtension("AUTH")) {
        fail(Stage::Auth, QStringLiteral("the server does not offer AUTH"), nullptr, out);
        return;
    }
    QList<QByteArray> preference;
    if (!m_config.authMechanism.isEmpty())
        preference = {m_config.authMechanism.toUpper()};
    else if (m_tls)
        preference = {"PLAIN", "LOGIN", "CRAM-MD5"};
    else
        preference = {"CRAM-MD5", "PLAIN", "LOGIN"};
    // Without TLS only CRAM-MD5 keeps the password off the wire, unless the owner allows it.
    const bool cleartextOk = m_tls || m_config.allowCleartextAuth;
    m_mechanism.clear();
    for (const QByteArray &mechanism : preference) {
        if (m_authMechanisms.contains(mechanism) && (cleartextOk || mechanism == "CRAM-MD5")) {
            m_mechanism = mechanism;
            break;
        }
    }
    if (m_mechanism.isEmpty() && !cleartextOk) {
        fail(Stage::Auth,
            QStringLiteral("refusing to send the password over an unencrypted connection "
                           "(use STARTTLS or implicit TLS)"),
            nullptr, out);
        return;
    }
    if (m_mechanism.isEmpty()) {
        fail(Stage::Auth,
            QStringLiteral("no usable AUTH mechanism (the server offers %1)")
                .arg(QString::fromUtf8(m_authMechanisms.join(' '))),
            nullptr, out);
        return;
    }
    m_state = State::Auth;
    if (m_mechanism == "PLAIN") {
        // RFC 4616: authzid NUL authcid NUL passwd, as an initial response (RFC 4954 4).
        const QByteArray response = '\0' + m_config.user + '\0' + m_config.password;
        send(out, "AUTH PLAIN " + response.toBase64(), "AUTH PLAIN ****");
        m_authStep = AuthStep::PlainSent;
    } else if (m_mechanism == "LOGIN") {
        send(out, "AUTH LOGIN");
        m_authStep = AuthStep::LoginUser;
    } else {
        send(out, "AUTH CRAM-MD5");
        m_authStep = AuthStep::CramStart;
    }
}

void SmtpClientSession::handleAuth(const SmtpReply &reply, QByteArray &out)
{
    if (reply.code == 235) {
        m_result.authMechanism = m_mechanism;
        m_authStep = AuthStep::None;
        event("authenticated as " + m_config.user + " (" + m_mechanism + ')');
        startTransaction(out);
        return;
    }
    if (reply.code != 334) {
        fail(Stage::Auth, QStringLiteral("authentication as %1 failed").arg(QString::fromUtf8(m_config.user)),
            &reply, out);
        return;
    }
    switch (m_authStep) {
    case AuthStep::LoginUser:
        send(out, m_config.user.toBase64(), "****");
        m_authStep = AuthStep::LoginPassword;
        return;
    case AuthStep::LoginPassword:
        send(out, m_config.password.toBase64(), "****");
        m_authStep = AuthStep::None;
        return;
    case AuthStep::CramStart: {
        // RFC 2195: user SP hex(HMAC-MD5(password, challenge)).
        const QByteArray challenge = QByteArray::fromBase64(reply.lines.value(0).trimmed());
        const QByteArray digest
            = QMessageAuthenticationCode::hash(challenge, m_config.password, QCryptographicHash::Md5).toHex();
        const QByteArray response = m_config.user + ' ' + digest;
        send(out, response.toBase64(), "****");
        m_authStep = AuthStep::None;
        return;
    }
    case AuthStep::PlainSent:
    case AuthStep::CramSent:
    case AuthStep::None:
        break;
    }
    // An unexpected challenge: cancel the exchange (RFC 4954 4) before giving up.
    send(out, "*");
    ++m_pendingRcptReplies; // the reply to "*" comes before the one to QUIT
    fail(Stage::Auth, QStringLiteral("unexpected challenge from the server"), &reply, out);
}

void SmtpClientSession::startTransaction(QByteArray &out)
{
    m_stage = Stage::Mail;
    m_pendingRcptReplies = 0;
    if (m_message.recipients.isEmpty()) {
        fail(Stage::Rcpt, QStringLiteral("no recipients"), nullptr, out);
        return;
    }
    bool utf8Envelope = !isAscii(m_message.mailFrom);
    for (const QByteArray &recipient : std::as_const(m_message.recipients))
        utf8Envelope = utf8Envelope || !isAscii(recipient);
    const bool smtpUtf8 = hasExtension("SMTPUTF8");
    if (utf8Envelope && !smtpUtf8) {
        fail(Stage::Mail, QStringLiteral("an address is not ASCII and the server does not offer SMTPUTF8"),
            nullptr, out);
        return;
    }
    const qint64 size = m_message.data.size();
    if (m_maxSize > 0 && size > m_maxSize) {
        fail(Stage::Mail,
            QStringLiteral("the message is %1 octets and the server accepts at most %2 (SIZE)")
                .arg(size)
                .arg(m_maxSize),
            nullptr, out);
        return;
    }
    const bool binary = isBinary(m_message.data);
    const bool eightBit = needs8Bit(m_message.data);
    m_useBdat = binary && m_config.useChunking && hasExtension("CHUNKING");
    if (binary && !m_useBdat)
        event("message has bare CR/LF or no final CRLF: line ends normalized to CRLF for DATA");

    QByteArray command = "MAIL FROM:" + bracketed(m_message.mailFrom);
    if (hasExtension("SIZE"))
        command += " SIZE=" + QByteArray::number(size);
    if (m_useBdat && hasExtension("BINARYMIME")) {
        command += " BODY=BINARYMIME";
    } else if (eightBit) {
        if (hasExtension("8BITMIME"))
            command += " BODY=8BITMIME";
        else
            event("the server does not offer 8BITMIME; sending the 8-bit message as it is");
    }
    // RFC 6531 3.4: announce UTF-8 in the envelope or the header section.
    if (smtpUtf8 && (utf8Envelope || !isAscii(headerSection(m_message.data))))
        command += " SMTPUTF8";

    m_result.accepted.clear();
    m_result.rejected.clear();
    m_mailFailed = false;
    m_nextRcpt = 0;
    send(out, command);
    m_state = State::Mail;
    m_pipelined = m_config.usePipelining && hasExtension("PIPELINING");
    if (m_pipelined) {
        // RFC 2920: MAIL and every RCPT in one write; the replies come back in order.
        for (const QByteArray &recipient : std::as_const(m_message.recipients))
            send(out, "RCPT TO:" + bracketed(recipient));
        m_pendingRcptReplies = int(m_message.recipients.size());
    }
}

void SmtpClientSession::handleMail(const SmtpReply &reply, QByteArray &out)
{
    m_mailReply = reply;
    m_mailFailed = reply.code / 100 != 2;
    m_state = State::Rcpt;
    if (m_pipelined)
        return; // the RCPT replies follow
    if (m_mailFailed) {
        fail(Stage::Mail,
            QStringLiteral("the server refused the sender %1")
                .arg(QString::fromUtf8(bracketed(m_message.mailFrom))),
            &reply, out);
        return;
    }
    m_stage = Stage::Rcpt;
    sendRcpt(out);
}

void SmtpClientSession::sendRcpt(QByteArray &out)
{
    send(out, "RCPT TO:" + bracketed(m_message.recipients.at(m_nextRcpt)));
}

void SmtpClientSession::handleRcpt(const SmtpReply &reply, QByteArray &out)
{
    const QByteArray recipient = m_message.recipients.value(m_nextRcpt++);
    if (m_pipelined)
        --m_pendingRcptReplies;
    if (!m_mailFailed) {
        if (reply.code / 100 == 2) {
            m_result.accepted.append(recipient);
        } else {
            m_result.rejected.append({recipient, reply.toText()});
            event("recipient " + bracketed(recipient) + " refused");
        }
    }
    if (m_nextRcpt < m_message.recipients.size()) {
        if (!m_pipelined)
            sendRcpt(out);
        return;
    }
    if (m_mailFailed) {
        fail(Stage::Mail,
            QStringLiteral("the server refused the sender %1")
                .arg(QString::fromUtf8(bracketed(m_message.mailFrom))),
            &m_mailReply, out);
        return;
    }
    afterRecipients(out);
}

void SmtpClientSession::afterRecipients(QByteArray &out)
{
    if (m_result.accepted.isEmpty()) {
        const RejectedRecipient &last = m_result.rejected.constLast();
        SmtpReply reply;
        reply.code = last.reply.left(3).toInt();
        for (const QByteArray &line : last.reply.split('\n'))
            reply.lines.append(line.mid(4));
        fail(Stage::Rcpt,
            m_result.rejected.size() == 1
                ? QStringLiteral("the server refused the recipient %1")
                      .arg(QString::fromUtf8(bracketed(last.address)))
                : QStringLiteral("the server refused all %1 recipients").arg(m_result.rejected.size()),
            &reply, out);
        return;
    }
    m_stage = Stage::Data;
    if (m_useBdat) {
        m_bdatOffset = 0;
        sendNextChunk(out);
        return;
    }
    send(out, "DATA");
    m_state = State::Data;
}

void SmtpClientSession::sendNextChunk(QByteArray &out)
{
    // RFC 3030 2: "BDAT size [LAST]" followed by exactly that many octets.
    const qsizetype total = m_message.data.size();
    const qsizetype length = std::min<qsizetype>(m_config.bdatChunkSize, total - m_bdatOffset);
    const bool last = m_bdatOffset + length >= total;
    const QByteArray command = "BDAT " + QByteArray::number(length) + (last ? " LAST" : "");
    send(out, command);
    out += QByteArrayView(m_message.data).sliced(m_bdatOffset, length);
    event("(" + QByteArray::number(length) + " octets)");
    m_bdatOffset += length;
    m_state = State::Bdat;
}

bool SmtpClientSession::needs8Bit(QByteArrayView data)
{
    return !isAscii(data);
}

bool SmtpClientSession::isBinary(QByteArrayView data)
{
    if (data.isEmpty())
        return false;
    if (!data.endsWith("\r\n"))
        return true;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '\0')
            return true;
        if (c == '\r') {
            if (i + 1 >= data.size() || data[i + 1] != '\n')
                return true;
            if (i - lineStart > 998) // RFC 5322 2.1.1
                return true;
            ++i;
            lineStart = i + 1;
        } else if (c == '\n') {
            return true;
        }
    }
    return false;
}

QByteArray SmtpClientSession::dotStuff(QByteArrayView data)
{
    // RFC 5321 4.5.2: a line starting with '.' gets another; the message ends with CRLF . CRLF.
    QByteArray out;
    out.reserve(data.size() + data.size() / 64 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n')
                ++i;
            out += "\r\n"; // RFC 5321 2.3.8: no bare CR or LF on the wire
            lineStart = true;
            continue;
        }
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = false;
    }
    if (!lineStart)
        out += "\r\n";
    out += ".\r\n";
    return out;
}

} // namespace MailSink::Client
