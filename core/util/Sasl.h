#pragma once

#include <QByteArray>

#include <optional>

namespace MailSink {

// What SMTP AUTH, POP3 AUTH and IMAP AUTHENTICATE share: the base64 of a SASL exchange and the PLAIN
// mechanism's message (RFC 4616).
namespace Sasl {

// Strict base64 (RFC 4954 4, RFC 5034 4, RFC 3501 6.2.2): "" and "=" are the empty response; nullopt when
// the client sent something that is not base64.
std::optional<QByteArray> decodeBase64(const QByteArray &text);

// RFC 4616 2: [authzid] NUL authcid NUL passwd.
struct PlainCredentials
{
    QByteArray authzid; // may be empty
    QByteArray authcid; // never empty
    QByteArray password;

    // The identity the client asks to act as: the authorization identity if given, else the login.
    // POP3 and IMAP use it to pick the per-recipient view.
    QByteArray identity() const { return authzid.isEmpty() ? authcid : authzid; }
};

// nullopt unless the message has exactly three fields and a user name.
std::optional<PlainCredentials> parsePlain(const QByteArray &message);

} // namespace Sasl

} // namespace MailSink
