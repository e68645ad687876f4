// Python's aiosmtpd as an independent server: plain, STARTTLS with a CA-verified certificate,
// implicit TLS, AUTH, SMTPUTF8 and its own replies to failures.
#include "ClientTestSupport.h"
#include "TestSupport.h"

#include "client/SmtpSender.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Client;
using namespace MailSink::Test;

namespace {

const QByteArray Message = "From: Alice <alice@example.com>\r\n"
                           "To: Bob <bob@example.com>\r\n"
                           "Subject: to aiosmtpd\r\n"
                           "\r\n"
                           ".leading dot\r\n"
                           "caf\xc3\xa9\r\n";

SenderConfig configFor(const Aiosmtpd &server, Security security)
{
    SenderConfig config;
    config.host = QStringLiteral("localhost");
    config.port = server.port();
    config.session.heloName = "client.test";
    config.session.security = security;
    config.session.timeoutMs = 10000;
    if (security != Security::None)
        config.caCertificates = QSslCertificate::fromPath(server.certificatePath());
    return config;
}

OutgoingMessage outgoing()
{
    return {"alice@example.com", {"bob@example.com", "carol@example.net"}, Message};
}

#define REQUIRE_AIOSMTPD()                                                                                   \
    if (!Aiosmtpd::available()) {                                                                            \
        WARN("python3-aiosmtpd is not installed; skipped");                                                  \
        return;                                                                                              \
    }

} // namespace

TEST_CASE("aiosmtpd receives the exact bytes and envelope in every security mode",
    "[client][aiosmtpd][integration]")
{
    REQUIRE_AIOSMTPD();
    const QString mode = GENERATE(QStringLiteral("plain"), QStringLiteral("starttls"), QStringLiteral("tls"));
    CAPTURE(mode.toStdString());
    Aiosmtpd server(Aiosmtpd::Options {mode});
    INFO(server.errorText().toStdString());
    REQUIRE(server.started());
    const Security security = mode == QLatin1String("tls") ? Security::ImplicitTls
        : mode == QLatin1String("starttls")                ? Security::StartTls
                                                           : Security::None;
    const SendResult result = SmtpSender::sendAndWait(configFor(server, security), outgoing());
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.finalReply == "250 2.0.0 OK queued as aio1");
    const auto received = server.messages();
    REQUIRE(received.size() == 1);
    CHECK(received.at(0).data == Message);
    CHECK(received.at(0).mailFrom == "alice@example.com");
    CHECK(received.at(0).recipients == QList<QByteArray> {"bob@example.com", "carol@example.net"});
    CHECK(received.at(0).mailOptions.contains(QStringLiteral("BODY=8BITMIME")));
    CHECK(received.at(0).tls == (security != Security::None));
}

TEST_CASE(
    "aiosmtpd with STARTTLS required and AUTH: PLAIN and LOGIN", "[client][aiosmtpd][integration][auth]")
{
    REQUIRE_AIOSMTPD();
    Aiosmtpd server(Aiosmtpd::Options {QStringLiteral("starttls"), QStringLiteral("joe:s3cret")});
    INFO(server.errorText().toStdString());
    REQUIRE(server.started());
    const QByteArray mechanism = GENERATE(QByteArray("PLAIN"), QByteArray("LOGIN"));
    CAPTURE(mechanism.toStdString());
    SenderConfig config = configFor(server, Security::StartTls);
    config.session.user = "joe";
    config.session.password = "s3cret";
    config.session.authMechanism = mechanism;
    const SendResult result = SmtpSender::sendAndWait(config, outgoing());
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.authMechanism == mechanism);
    const auto received = server.messages();
    REQUIRE(received.size() == 1);
    CHECK(received.at(0).authUser == QLatin1String("joe"));
    CHECK(received.at(0).data == Message);

    SECTION("bad password: aiosmtpd's 535 in the error")
    {
        config.session.password = "nope";
        const SendResult refused = SmtpSender::sendAndWait(config, outgoing());
        INFO(refused.error.toStdString());
        CHECK(refused.stage == Stage::Auth);
        CHECK(refused.error.contains(QLatin1String("535 5.7.8")));
    }
    SECTION("no STARTTLS: aiosmtpd refuses MAIL")
    {
        SenderConfig plain = configFor(server, Security::None);
        const SendResult refused = SmtpSender::sendAndWait(plain, outgoing());
        CHECK_FALSE(refused.ok);
        CHECK(refused.stage == Stage::Mail);
        CHECK(refused.reply.startsWith("530"));
    }
    SECTION("the certificate is not trusted without its CA")
    {
        config.caCertificates.clear();
        const SendResult refused = SmtpSender::sendAndWait(config, outgoing());
        CHECK(refused.stage == Stage::StartTls);
        CHECK_FALSE(refused.peerFingerprint.isEmpty());
        config.acceptedFingerprints = {refused.peerFingerprint};
        CHECK(SmtpSender::sendAndWait(config, outgoing()).ok);
    }
}

TEST_CASE("aiosmtpd: SMTPUTF8 addresses, and refusal when it is not offered",
    "[client][aiosmtpd][integration][utf8]")
{
    REQUIRE_AIOSMTPD();
    OutgoingMessage message = outgoing();
    message.recipients = {"jos\xc3\xa9@example.com"};
    message.data = "To: jos\xc3\xa9@example.com\r\nSubject: utf8\r\n\r\nhi\r\n";
    SECTION("offered")
    {
        Aiosmtpd server(Aiosmtpd::Options {});
        REQUIRE(server.started());
        const SendResult result = SmtpSender::sendAndWait(configFor(server, Security::None), message);
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        const auto received = server.messages();
        REQUIRE(received.size() == 1);
        CHECK(received.at(0).recipients == QList<QByteArray> {"jos\xc3\xa9@example.com"});
        CHECK(received.at(0).mailOptions.contains(QStringLiteral("SMTPUTF8")));
        CHECK(received.at(0).data == message.data);
    }
    SECTION("not offered")
    {
        Aiosmtpd::Options options {QStringLiteral("plain")};
        options.smtputf8 = false;
        Aiosmtpd server(options);
        REQUIRE(server.started());
        const SendResult result = SmtpSender::sendAndWait(configFor(server, Security::None), message);
        CHECK(result.stage == Stage::Mail);
        CHECK(result.error.contains(QLatin1String("SMTPUTF8")));
        CHECK(server.messages().isEmpty());
    }
}

TEST_CASE("aiosmtpd's SIZE limit is respected before sending", "[client][aiosmtpd][integration]")
{
    REQUIRE_AIOSMTPD();
    Aiosmtpd::Options options {QStringLiteral("plain")};
    options.sizeLimit = 64;
    Aiosmtpd server(options);
    REQUIRE(server.started());
    const SendResult result = SmtpSender::sendAndWait(configFor(server, Security::None), outgoing());
    CHECK(result.stage == Stage::Mail);
    CHECK(result.error.contains(QLatin1String("at most 64")));
}
