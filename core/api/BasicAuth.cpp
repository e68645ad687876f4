#include "BasicAuth.h"

#include <QCryptographicHash>
#include <QFile>

namespace MailSink::Api {

namespace {

// Compares without an early exit, so timing does not tell how much of a secret matched.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

std::optional<BasicAuth> BasicAuth::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto auth = parse(file.readAll(), error);
    if (!auth)
        *error = QStringLiteral("%1: %2").arg(path, *error);
    return auth;
}

std::optional<BasicAuth> BasicAuth::parse(const QByteArray &text, QString *error)
{
    BasicAuth auth;
    int number = 0;
    for (QByteArray line : text.split('\n')) {
        ++number;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || colon == line.size() - 1) {
            *error = QStringLiteral("line %1 is not \"user:password\"").arg(number);
            return std::nullopt;
        }
        const QByteArray password = line.mid(colon + 1);
        if (password.startsWith("$")) {
            *error = QStringLiteral("line %1: bcrypt/MD5 htpasswd hashes are not supported; use the password "
                                    "itself or {SHA}")
                         .arg(number);
            return std::nullopt;
        }
        auth.m_users.insert(line.left(colon), password);
    }
    if (auth.m_users.isEmpty()) {
        *error = QStringLiteral("no credentials in the file");
        return std::nullopt;
    }
    return auth;
}

std::optional<QString> BasicAuth::check(const QByteArray &authorization) const
{
    const QByteArray value = authorization.trimmed();
    if (!value.left(6).toLower().startsWith("basic "))
        return std::nullopt;
    const auto decoded
        = QByteArray::fromBase64Encoding(value.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon < 0)
        return std::nullopt;
    const QByteArray user = decoded.decoded.left(colon);
    const QByteArray given = decoded.decoded.mid(colon + 1);
    const auto it = m_users.constFind(user);
    if (it == m_users.constEnd())
        return std::nullopt;
    const QByteArray &stored = it.value();
    bool ok = false;
    if (stored.startsWith("{SHA}"))
        ok = sameBytes(QCryptographicHash::hash(given, QCryptographicHash::Sha1).toBase64(), stored.mid(5));
    else if (stored.startsWith("{SHA256}"))
        ok = sameBytes(
            QCryptographicHash::hash(given, QCryptographicHash::Sha256).toHex(), stored.mid(8).toLower());
    else
        ok = sameBytes(given, stored);
    if (!ok)
        return std::nullopt;
    return QString::fromUtf8(user);
}

} // namespace MailSink::Api
