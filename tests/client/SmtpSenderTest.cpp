// SmtpSender over real sockets against Mailsink's own listener: every security mode, byte-identical
// delivery, the envelope as sent, the accept-this-certificate path, and failures with their stage.
#include "ClientTestSupport.h"
#include "ServerFixture.h"
#include "TestSupport.h"

#include "client/SmtpSender.h"
#include "smtp/SmtpServer.h"

#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Client;
using namespace MailSink::Test;

namespace {

const QByteArray Message = "From: Alice <alice@example.com>\r\n"
                           "To: Bob <bob@example.com>\r\n"
                           "Subject: release me\r\n"
                           "\r\n"
                           "Hello Bob,\r\n"
                           ".a line that starts with a dot\r\n"
                           ".\r\n"
                           "bye\r\n";

SenderConfig configFor(quint16 port, Security security = Security::None)
{
    SenderConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.session.heloName = "client.test";
    config.session.security = security;
    config.session.timeoutMs = 10000;
    config.connectTimeoutMs = 10000;
    return config;
}

QByteArray serverFingerprint()
{
    return SmtpSender::fingerprint(ServerFixture::defaultConfig().tls->certificate);
}

OutgoingMessage outgoing(const QByteArray &data = Message)
{
    OutgoingMessage message;
    message.mailFrom = "alice@example.com";
    message.recipients = {"bob@example.com", "carol@example.org"};
    message.data = data;
    return message;
}

Store::MessageInfo onlyMessage(ServerFixture &server)
{
    REQUIRE(server.waitForMessages(1));
    const auto list = server.store().list();
    REQUIRE(list.size() == 1);
    return list.first();
}

QByteArray traceText(const Trace &trace)
{
    QByteArray text;
    for (const TraceEntry &entry : trace)
        text += TraceEntry::kindName(entry.kind) + ": " + entry.text + '\n';
    return text;
}

} // namespace

TEST_CASE("round trip to Mailsink with no TLS, STARTTLS and implicit TLS: identical bytes and envelope",
    "[client][sender][integration]")
{
    ServerFixture server(ServerFixture::defaultConfig(), true);
    REQUIRE(server.smtpsPort() != 0);
    const auto security = GENERATE(Security::None, Security::StartTls, Security::ImplicitTls);
    CAPTURE(int(security));
    SenderConfig config
        = configFor(security == Security::ImplicitTls ? server.smtpsPort() : server.port(), security);
    config.acceptedFingerprints = {serverFingerprint()};

    Trace trace;
    const SendResult result
        = SmtpSender::sendAndWait(config, outgoing(), [&](const Trace &lines) { trace += lines; });
    INFO(result.error.toStdString());
    INFO(traceText(trace).toStdString());
    REQUIRE(result.ok);
    CHECK(result.accepted.size() == 2);
    const Store::MessageInfo info = onlyMessage(server);
    CHECK(readFile(server.store().filePath(info)) == Message);
    CHECK(info.envelope.mailFrom == "alice@example.com");
    CHECK(info.envelope.recipients == QList<QByteArray> {"bob@example.com", "carol@example.org"});
    CHECK(info.envelope.helo == "client.test");
    CHECK(info.envelope.mailParameters.contains(QByteArray("SIZE=" + QByteArray::number(Message.size()))));
    if (security == Security::None) {
        CHECK(info.envelope.tlsProtocol.isEmpty());
        CHECK(result.tlsProtocol.isEmpty());
    } else {
        CHECK_FALSE(info.envelope.tlsProtocol.isEmpty());
        CHECK(result.tlsProtocol.startsWith(QLatin1String("TLS")));
    }
    // The live trace shows the conversation, pipelined.
    const QByteArray text = traceText(trace);
    CHECK(text.contains("client: MAIL FROM:<alice@example.com>"));
    CHECK(text.contains("server: 250"));
    CHECK(text.contains("client: QUIT"));
}

TEST_CASE("a self-signed certificate fails verification until its fingerprint is accepted",
    "[client][sender][integration][tls]")
{
    ServerFixture server(ServerFixture::defaultConfig(), true);
    const bool implicit = GENERATE(false, true);
    CAPTURE(implicit);
    SenderConfig config = configFor(
        implicit ? server.smtpsPort() : server.port(), implicit ? Security::ImplicitTls : Security::StartTls);

    const SendResult refused = SmtpSender::sendAndWait(config, outgoing());
    CHECK_FALSE(refused.ok);
    CHECK(refused.stage == (implicit ? Stage::Connect : Stage::StartTls));
    CHECK(refused.error.contains(QLatin1String("TLS handshake failed")));
    CHECK(refused.peerFingerprint == serverFingerprint());
    CHECK(refused.error.contains(QString::fromLatin1(serverFingerprint())));
    CHECK_FALSE(refused.certificateErrors.isEmpty());
    CHECK(refused.peerCertificatePem.startsWith("-----BEGIN CERTIFICATE-----"));
    CHECK(server.store().count() == 0);

    SECTION("a different fingerprint is still refused")
    {
        config.acceptedFingerprints = {QByteArray(64, 'a')};
        CHECK_FALSE(SmtpSender::sendAndWait(config, outgoing()).ok);
    }
    SECTION("the fingerprint the user accepted, without colons and in lower case")
    {
        config.acceptedFingerprints = {serverFingerprint().toLower().replace(":", "")};
        const SendResult accepted = SmtpSender::sendAndWait(config, outgoing());
        INFO(accepted.error.toStdString());
        CHECK(accepted.ok);
        CHECK(onlyMessage(server).envelope.tlsCipher.size() > 0);
    }
    SECTION("the certificate as a trusted CA, host name localhost")
    {
        config.host = QStringLiteral("localhost");
        config.caCertificates = {ServerFixture::defaultConfig().tls->certificate};
        const SendResult trusted = SmtpSender::sendAndWait(config, outgoing());
        INFO(trusted.error.toStdString());
        CHECK(trusted.ok);
    }
    SECTION("verification off (--insecure)")
    {
        config.verifyCertificate = false;
        CHECK(SmtpSender::sendAndWait(config, outgoing()).ok);
    }
}

TEST_CASE("AUTH PLAIN, LOGIN and CRAM-MD5 against Mailsink requiring credentials",
    "[client][sender][integration][auth]")
{
    Smtp::ServerConfig serverConfig = ServerFixture::defaultConfig();
    serverConfig.session.authRequired = true;
    serverConfig.session.authUser = "joe";
    serverConfig.session.authPassword = "secret";
    ServerFixture server(serverConfig);
    const QByteArray mechanism = GENERATE(QByteArray("PLAIN"), QByteArray("LOGIN"), QByteArray("CRAM-MD5"));
    CAPTURE(mechanism.toStdString());
    SenderConfig config = configFor(server.port(), Security::StartTls);
    config.acceptedFingerprints = {serverFingerprint()};
    config.session.user = "joe";
    config.session.password = "secret";
    config.session.authMechanism = mechanism;

    Trace trace;
    const SendResult result
        = SmtpSender::sendAndWait(config, outgoing(), [&](const Trace &lines) { trace += lines; });
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.authMechanism == mechanism);
    CHECK(onlyMessage(server).envelope.authUser == "joe");
    CHECK_FALSE(traceText(trace).contains("secret"));

    SECTION("a wrong password is an AUTH error with the server's 535")
    {
        config.session.password = "wrong";
        const SendResult refused = SmtpSender::sendAndWait(config, outgoing());
        CHECK(refused.stage == Stage::Auth);
        CHECK(refused.error.contains(QLatin1String("535 5.7.8")));
    }
    SECTION("no credentials: MAIL is refused with 530")
    {
        config.session.user.clear();
        const SendResult refused = SmtpSender::sendAndWait(config, outgoing());
        CHECK(refused.stage == Stage::Mail);
        CHECK(refused.reply.startsWith("530"));
    }
}

TEST_CASE("binary messages go through BDAT unchanged, large ones in several chunks",
    "[client][sender][integration][bdat]")
{
    ServerFixture server;
    SECTION("bare LF, NUL, no final CRLF")
    {
        const QByteArray binary("Subject: binary\n\nline\nwith\0nul\r\nno final line end", 47);
        const SendResult result = SmtpSender::sendAndWait(configFor(server.port()), outgoing(binary));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(readFile(server.store().filePath(onlyMessage(server))) == binary);
    }
    SECTION("3 MiB in 1 MiB chunks")
    {
        QByteArray big = "Subject: big\n\n";
        while (big.size() < 3 * 1024 * 1024 + 17)
            big += "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";
        Trace trace;
        const SendResult result = SmtpSender::sendAndWait(
            configFor(server.port()), outgoing(big), [&](const Trace &lines) { trace += lines; });
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(readFile(server.store().filePath(onlyMessage(server))) == big);
        CHECK(traceText(trace).count("client: BDAT 1048576\n") == 3);
    }
    SECTION("a 2 MiB text message in DATA")
    {
        QByteArray text = "Subject: text\r\n\r\n";
        while (text.size() < 2 * 1024 * 1024)
            text += ".dot-led line to stuff, then some text to fill the line up\r\n";
        const SendResult result = SmtpSender::sendAndWait(configFor(server.port()), outgoing(text));
        REQUIRE(result.ok);
        CHECK(readFile(server.store().filePath(onlyMessage(server))) == text);
    }
}

TEST_CASE(
    "SIZE: a message too big for the server is refused before it is sent", "[client][sender][integration]")
{
    Smtp::ServerConfig serverConfig = ServerFixture::defaultConfig();
    serverConfig.session.maxMessageSize = 100;
    ServerFixture server(serverConfig);
    const SendResult result
        = SmtpSender::sendAndWait(configFor(server.port()), outgoing(QByteArray(200, 'x') + "\r\n"));
    CHECK_FALSE(result.ok);
    CHECK(result.stage == Stage::Mail);
    CHECK(result.error.contains(QLatin1String("at most 100")));
}

TEST_CASE("connect failures and silent servers end with a clear error", "[client][sender][errors]")
{
    SECTION("connection refused")
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const SendResult result = SmtpSender::sendAndWait(configFor(port), outgoing());
        CHECK(result.stage == Stage::Connect);
        CHECK(result.error.startsWith(QLatin1String("connect: cannot connect to 127.0.0.1:")));
    }
    SECTION("a server that never greets")
    {
        QTcpServer silent;
        REQUIRE(silent.listen(QHostAddress::LocalHost));
        SenderConfig config = configFor(silent.serverPort());
        config.session.timeoutMs = 300;
        const SendResult result = SmtpSender::sendAndWait(config, outgoing());
        CHECK(result.stage == Stage::Greeting);
        CHECK(result.error == QLatin1String("greeting: no reply from the server within 0.3 s"));
    }
    SECTION("a server that closes after the greeting")
    {
        QTcpServer rude;
        REQUIRE(rude.listen(QHostAddress::LocalHost));
        QObject::connect(&rude, &QTcpServer::newConnection, &rude, [&] {
            QTcpSocket *socket = rude.nextPendingConnection();
            socket->write("220 hi\r\n");
            QObject::connect(
                socket, &QTcpSocket::readyRead, socket, [socket] { socket->disconnectFromHost(); });
        });
        const SendResult result = SmtpSender::sendAndWait(configFor(rude.serverPort()), outgoing());
        CHECK(result.stage == Stage::Ehlo);
        CHECK(result.error == QLatin1String("EHLO: connection closed by the server"));
    }
    SECTION("STARTTLS asked of a server without it")
    {
        Smtp::ServerConfig plain;
        ServerFixture server(plain);
        const SendResult result
            = SmtpSender::sendAndWait(configFor(server.port(), Security::StartTls), outgoing());
        CHECK(result.error == QLatin1String("STARTTLS: the server does not offer STARTTLS"));
    }
}

TEST_CASE(
    "the sender's signals deliver trace and result to a receiver on the same thread", "[client][sender]")
{
    ServerFixture server;
    SmtpSender sender(configFor(server.port()));
    int traces = 0;
    std::optional<SendResult> result;
    QEventLoop loop;
    QObject::connect(&sender, &SmtpSender::traceReceived, &loop, [&](const Trace &) { ++traces; });
    QObject::connect(&sender, &SmtpSender::finished, &loop, [&](const SendResult &r) {
        result = r;
        loop.quit();
    });
    sender.send(outgoing());
    loop.exec();
    REQUIRE(result);
    CHECK(result->ok);
    CHECK(traces > 3);
    CHECK_FALSE(sender.isRunning());
}
