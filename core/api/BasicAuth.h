#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace MailSink::Api {

// HTTP Basic authentication (RFC 7617) against a credentials file: one "user:password" per line, the
// password in clear or as "{SHA}base64(sha1)" or "{SHA256}hex" (htpasswd -s style); '#' starts a comment.
class BasicAuth
{
public:
    static std::optional<BasicAuth> load(const QString &path, QString *error);
    static std::optional<BasicAuth> parse(const QByteArray &text, QString *error);

    bool isEmpty() const { return m_users.isEmpty(); }
    // The user when the Authorization header value carries valid credentials; nullopt otherwise.
    std::optional<QString> check(const QByteArray &authorization) const;

private:
    QHash<QByteArray, QByteArray> m_users; // user -> password as written
};

} // namespace MailSink::Api
