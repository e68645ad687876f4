#include "TlsIdentity.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#ifdef MAILSINK_HAVE_OPENSSL
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#endif

namespace MailSink::Tls {

namespace {

QByteArray readAll(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes, bool secret, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (secret)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

std::optional<TlsIdentity> TlsIdentity::load(const QString &certPath, const QString &keyPath, QString *error)
{
    const QByteArray certPem = readAll(certPath, error);
    if (certPem.isEmpty())
        return std::nullopt;
    const QByteArray keyPem = readAll(keyPath, error);
    if (keyPem.isEmpty())
        return std::nullopt;
    TlsIdentity identity;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        if (error)
            *error = QStringLiteral("%1 holds no PEM certificate").arg(certPath);
        return std::nullopt;
    }
    identity.certificate = chain.first();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        identity.key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!identity.key.isNull())
            break;
    }
    if (identity.key.isNull()) {
        if (error)
            *error
                = QStringLiteral("%1 holds no usable PEM private key (RSA or EC, unencrypted)").arg(keyPath);
        return std::nullopt;
    }
    return identity;
}

std::optional<TlsIdentity> TlsIdentity::loadOrGenerate(const QString &dir, QString *error)
{
    const QString certPath = dir + QStringLiteral("/mailsink-cert.pem");
    const QString keyPath = dir + QStringLiteral("/mailsink-key.pem");
    if (QFile::exists(certPath) && QFile::exists(keyPath)) {
        if (auto identity = load(certPath, keyPath, error))
            return identity;
    }
    return regenerate(dir, error);
}

std::optional<TlsIdentity> TlsIdentity::regenerate(const QString &dir, QString *error)
{
    auto identity = generate(QStringLiteral("localhost"), error);
    if (!identity)
        return std::nullopt;
    QDir().mkpath(dir);
    if (!writeFile(dir + QStringLiteral("/mailsink-cert.pem"), identity->certificate.toPem(), false, error)
        || !writeFile(dir + QStringLiteral("/mailsink-key.pem"), identity->key.toPem(), true, error))
        return std::nullopt;
    return identity;
}

std::optional<TlsIdentity> TlsIdentity::generate(const QString &commonName, QString *error)
{
#ifdef MAILSINK_HAVE_OPENSSL
    auto fail = [error](const char *what) -> std::optional<TlsIdentity> {
        if (error)
            *error = QStringLiteral("cannot generate a TLS certificate: %1").arg(QLatin1String(what));
        return std::nullopt;
    };
    EVP_PKEY *pkey = nullptr;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nullptr);
    if (!ctx || EVP_PKEY_keygen_init(ctx) <= 0
        || EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, NID_X9_62_prime256v1) <= 0
        || EVP_PKEY_keygen(ctx, &pkey) <= 0) {
        EVP_PKEY_CTX_free(ctx);
        return fail("key generation failed");
    }
    EVP_PKEY_CTX_free(ctx);

    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert), -24 * 3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert, pkey);
    X509_NAME *name = X509_get_subject_name(cert);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Mailsink"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509V3_CTX v3;
    X509V3_set_ctx_nodb(&v3);
    X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);
    const QByteArray san = "DNS:" + cn + ",DNS:localhost,IP:127.0.0.1,IP:::1";
    for (auto [nid, value] : {std::pair {NID_subject_alt_name, san.constData()},
             std::pair {NID_basic_constraints, "critical,CA:FALSE"},
             std::pair {NID_ext_key_usage, "serverAuth"}}) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &v3, nid, value);
        if (ext) {
            X509_add_ext(cert, ext, -1);
            X509_EXTENSION_free(ext);
        }
    }
    if (X509_sign(cert, pkey, EVP_sha256()) <= 0) {
        X509_free(cert);
        EVP_PKEY_free(pkey);
        return fail("signing failed");
    }
    auto toPem = [](auto write) {
        BIO *bio = BIO_new(BIO_s_mem());
        write(bio);
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        QByteArray pem(data, size);
        BIO_free(bio);
        return pem;
    };
    const QByteArray certPem = toPem([cert](BIO *bio) { PEM_write_bio_X509(bio, cert); });
    const QByteArray keyPem = toPem(
        [pkey](BIO *bio) { PEM_write_bio_PrivateKey(bio, pkey, nullptr, nullptr, 0, nullptr, nullptr); });
    X509_free(cert);
    EVP_PKEY_free(pkey);

    TlsIdentity identity;
    identity.certificate = QSslCertificate(certPem, QSsl::Pem);
    identity.key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (identity.certificate.isNull() || identity.key.isNull())
        return fail("Qt cannot read the generated certificate");
    return identity;
#else
    Q_UNUSED(commonName);
    if (error)
        *error = QStringLiteral("this build cannot generate certificates; give --tls-cert and --tls-key");
    return std::nullopt;
#endif
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        return QStringLiteral("TLS");
    }
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    return config;
}

} // namespace MailSink::Tls
