// SmtpSession's STARTTLS (RFC 3207) and AUTH (RFC 4954: PLAIN, LOGIN, CRAM-MD5). The commands and the
// mail transaction are in SmtpSession.cpp.

#include "SmtpSession.h"

#include "util/Sasl.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace MailSink::Smtp {

void SmtpSession::cmdStartTls(const QByteArray &args, QByteArray &out)
{
    if (!args.isEmpty())
        return error(out, "501 5.5.4 Syntax: STARTTLS");
    if (m_tls)
        return error(out, "503 5.5.1 TLS already active");
    if (!m_config.startTlsAvailable)
        return error(out, "454 4.7.0 TLS not available");
    if (m_haveSender)
        return error(out, "503 5.5.1 STARTTLS not allowed during a mail transaction");
    reply(out, "220 2.0.0 Ready to start TLS");
    if (m_in.size() > 0) {
        // The injection of RFC 3207 5 / CVE-2011-0411: drop whatever was pipelined after STARTTLS.
        event("discarded " + QByteArray::number(m_in.size()) + " octets pipelined after STARTTLS");
    }
    m_in.clear();
    m_state = State::AwaitingTls;
    m_events.push_back({Event::Type::StartTls, {}});
}

QByteArray SmtpSession::tlsEstablished(const QString &protocol, const QString &cipher)
{
    m_tls = true;
    m_envelope.tlsProtocol = protocol;
    m_envelope.tlsCipher = cipher;
    event("TLS established: " + protocol.toUtf8() + ' ' + cipher.toUtf8());
    if (m_state == State::AwaitingTls) {
        // RFC 3207 4.2: the session starts over; the client must send EHLO again.
        m_state = State::Greeted;
        m_helo = false;
        m_authenticated = false;
        m_envelope.authUser.clear();
        resetTransaction();
    }
    m_in.clear();
    return {};
}

void SmtpSession::tlsFailed(const QString &error)
{
    event("TLS handshake failed: " + error.toUtf8());
    m_state = State::Closed;
    m_events.push_back({Event::Type::Close, {}});
}

void SmtpSession::cmdAuth(const QByteArray &args, QByteArray &out)
{
    if (!m_helo)
        return error(out, "503 5.5.1 Send EHLO first");
    if (m_authenticated)
        return error(out, "503 5.5.1 Already authenticated");
    if (m_haveSender)
        return error(out, "503 5.5.1 AUTH not allowed during a mail transaction");
    const QList<QByteArray> words = args.split(' ');
    const QByteArray mechanism = words.value(0).toUpper();
    const QByteArray initial = words.value(1);
    if (words.size() > 2)
        return error(out, "501 5.5.4 Syntax: AUTH mechanism [initial-response]");
    if (chaos(ChaosStage::Authentication, "authentication", out))
        return;
    m_authMechanism = mechanism;
    if (mechanism == "PLAIN" || mechanism == "LOGIN") {
        // The initial response (RFC 4954 4) answers the first challenge: an empty one, or "Username:".
        m_auth = mechanism == "PLAIN" ? Auth::PlainResponse : Auth::LoginUser;
        if (initial.isEmpty())
            return reply(out, mechanism == "PLAIN" ? QByteArray("334 ") : QByteArray("334 VXNlcm5hbWU6"));
        handleAuthResponse(initial, out);
    } else if (mechanism == "CRAM-MD5") {
        if (!initial.isEmpty())
            return error(out, "501 5.5.4 CRAM-MD5 takes no initial response");
        m_cramChallenge = '<' + QByteArray::number(QRandomGenerator::global()->generate64()) + '.'
            + QByteArray::number(now() / 1000) + '@' + m_config.hostname + '>';
        m_auth = Auth::CramResponse;
        reply(out, "334 " + m_cramChallenge.toBase64());
    } else {
        error(out, "504 5.5.4 Unrecognized authentication mechanism");
    }
}

void SmtpSession::handleAuthResponse(const QByteArray &line, QByteArray &out)
{
    traceClient(line == "*" ? QByteArray("*") : QByteArrayLiteral("**** (credentials hidden)"));

    const Auth step = m_auth;
    m_auth = Auth::None;
    if (line == "*")
        return error(out, "501 5.0.0 Authentication cancelled");
    const auto decoded = Sasl::decodeBase64(line.trimmed());
    if (!decoded)
        return error(out, "501 5.5.2 Cannot decode the AUTH response (not base64)");
    switch (step) {
    case Auth::PlainResponse: {
        const auto plain = Sasl::parsePlain(*decoded);
        if (!plain)
            return error(out, "501 5.5.2 Malformed AUTH PLAIN response");
        finishAuth("PLAIN", plain->authcid, checkCredentials(plain->authcid, plain->password), out);
        break;
    }
    case Auth::LoginUser:
        if (decoded->isEmpty())
            return error(out, "501 5.5.2 Empty user name");
        m_authUser = *decoded;
        m_auth = Auth::LoginPassword;
        reply(out, "334 UGFzc3dvcmQ6");
        break;
    case Auth::LoginPassword:
        finishAuth("LOGIN", m_authUser, checkCredentials(m_authUser, *decoded), out);
        break;
    case Auth::CramResponse: {
        // RFC 2195 2: "user SP hex(HMAC-MD5(password, challenge))"
        const qsizetype space = decoded->lastIndexOf(' ');
        const QByteArray user = space > 0 ? decoded->left(space) : QByteArray();
        const QByteArray digest = space > 0 ? decoded->mid(space + 1) : QByteArray();
        if (user.isEmpty() || digest.size() != 32)
            return error(out, "501 5.5.2 Malformed CRAM-MD5 response");
        bool ok = true;
        if (m_config.authRequired) {
            const QByteArray expected = QMessageAuthenticationCode::hash(
                m_cramChallenge, m_config.authPassword, QCryptographicHash::Md5)
                                            .toHex();
            ok = user == m_config.authUser && digest.toLower() == expected;
        }
        finishAuth("CRAM-MD5", user, ok, out);
        break;
    }
    case Auth::None:
        break;
    }
}

bool SmtpSession::checkCredentials(const QByteArray &user, const QByteArray &password) const
{
    if (!m_config.authRequired)
        return true;
    return user == m_config.authUser && password == m_config.authPassword;
}

void SmtpSession::finishAuth(const QByteArray &mechanism, QByteArray user, bool ok, QByteArray &out)
{
    m_authUser.clear();
    if (!ok) {
        event("AUTH " + mechanism + " failed for user \"" + user + '"');
        return error(out, "535 5.7.8 Authentication credentials invalid");
    }
    m_authenticated = true;
    m_envelope.authUser = user;
    event("AUTH " + mechanism + " succeeded for user \"" + user + '"');
    reply(out, "235 2.7.0 Authentication successful");
}

} // namespace MailSink::Smtp
