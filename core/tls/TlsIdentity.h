#pragma once

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

#include <optional>

namespace MailSink::Tls {

// The certificate and key a listener presents for STARTTLS (RFC 3207) and implicit TLS (RFC 8314).
struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;

    static std::optional<TlsIdentity> load(const QString &certPath, const QString &keyPath, QString *error);
    // A self-signed certificate for localhost, made once and kept in `dir` so clients can pin it.
    static std::optional<TlsIdentity> loadOrGenerate(const QString &dir, QString *error);
    // A new one in `dir`, replacing the kept one (clients that pinned the old one will have to trust it
    // again).
    static std::optional<TlsIdentity> regenerate(const QString &dir, QString *error);
    static std::optional<TlsIdentity> generate(const QString &commonName, QString *error);

    QSslConfiguration serverConfiguration() const;
};

// "TLSv1.3", "TLSv1.2" or "TLS": how traces and envelopes name a session's protocol.
QString protocolName(QSsl::SslProtocol protocol);

} // namespace MailSink::Tls
