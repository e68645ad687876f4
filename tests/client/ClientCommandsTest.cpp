// runSendmail and runRelease as real processes (a stand-in binary that dispatches the way app/main.cpp
// will): stdin, exit status, stderr, argv[0] == "sendmail", PHP-style invocations.
#include "ClientTestSupport.h"
#include "ServerFixture.h"
#include "TestSupport.h"

#include "client/ClientCommands.h"
#include "client/MessageHeaders.h"
#include "client/SmtpSender.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Client;
using namespace MailSink::Test;

namespace {

const QString Tool = QStringLiteral(CLIENT_TOOL);

// What PHP's mail() pipes into sendmail_path: LF line ends, Bcc in the headers.
const QByteArray PhpMessage = "To: Bob <bob@example.com>, carol@example.com\n"
                              "Cc: \"Dave, D.\" <dave@example.com>\n"
                              "Bcc: hidden@example.com,\n"
                              " also-hidden@example.com\n"
                              "Subject: from PHP\n"
                              "From: app@example.com\n"
                              "\n"
                              "Hello\n"
                              ".\n"
                              "after the dot\n";

QString smtpOption(const ServerFixture &server)
{
    return QStringLiteral("--smtp=127.0.0.1:%1").arg(server.port());
}

Store::MessageInfo onlyMessage(ServerFixture &server)
{
    REQUIRE(server.waitForMessages(1));
    const auto list = server.store().list();
    REQUIRE(list.size() == 1);
    return list.first();
}

// The tool under the name "sendmail", as when installed as /usr/sbin/sendmail.
struct SendmailLink
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("sendmail"));
    SendmailLink() { QFile::link(Tool, path); }
};

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

} // namespace

TEST_CASE("sendmail -t -i, as PHP calls it: recipients from To/Cc/Bcc, Bcc removed, CRLF, dots kept",
    "[client][sendmail][integration]")
{
    ServerFixture server;
    const bool asSendmail = GENERATE(false, true);
    CAPTURE(asSendmail);
    SendmailLink link;
    const ProcessResult result = asSendmail
        ? run(link.path, {QStringLiteral("-t"), QStringLiteral("-i"), smtpOption(server)}, PhpMessage)
        : run(Tool,
            {QStringLiteral("sendmail"), QStringLiteral("-t"), QStringLiteral("-i"), smtpOption(server)},
            PhpMessage);
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const Store::MessageInfo info = onlyMessage(server);
    const QByteArray stored = readFile(server.store().filePath(info));
    QByteArray expected = PhpMessage;
    expected.replace("Bcc: hidden@example.com,\n also-hidden@example.com\n", "");
    expected.replace("\n", "\r\n");
    CHECK(stored == expected);
    CHECK(info.envelope.recipients
        == QList<QByteArray> {"bob@example.com", "carol@example.com", "dave@example.com",
            "hidden@example.com", "also-hidden@example.com"});
    CHECK(info.envelope.mailFrom.contains('@'));
}

TEST_CASE("sendmail -f FROM with recipients as arguments, without -i a lone dot ends the message",
    "[client][sendmail][integration]")
{
    ServerFixture server;
    SendmailLink link;
    const ProcessResult result = run(link.path,
        {QStringLiteral("-oi"), QStringLiteral("-odi"), QStringLiteral("-oem"), QStringLiteral("-bm"),
            QStringLiteral("-f"), QStringLiteral("bounces@example.com"), QStringLiteral("-FSite Robot"),
            smtpOption(server), QStringLiteral("--"), QStringLiteral("x@example.com"),
            QStringLiteral("Y <y@example.com>, z@example.com")},
        PhpMessage);
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const Store::MessageInfo info = onlyMessage(server);
    CHECK(info.envelope.mailFrom == "bounces@example.com");
    // Without -t the header recipients are not added.
    CHECK(info.envelope.recipients == QList<QByteArray> {"x@example.com", "y@example.com", "z@example.com"});
    CHECK(readFile(server.store().filePath(info)).endsWith("after the dot\r\n"));

    SECTION("no -i: the message ends at the dot line")
    {
        const ProcessResult dotted = run(Tool,
            {QStringLiteral("sendmail"), QStringLiteral("-fbounces@example.com"), smtpOption(server),
                QStringLiteral("x@example.com")},
            PhpMessage);
        REQUIRE(dotted.exitCode == 0);
        REQUIRE(server.waitForMessages(2));
        const QByteArray stored = readFile(server.store().filePath(server.store().list().first()));
        CHECK(stored.endsWith("Hello\r\n"));
        CHECK_FALSE(stored.contains("after the dot"));
    }
    SECTION("the null sender -f '<>'")
    {
        const ProcessResult nullSender = run(Tool,
            {QStringLiteral("sendmail"), QStringLiteral("-i"), QStringLiteral("-f"), QStringLiteral("<>"),
                smtpOption(server), QStringLiteral("x@example.com")},
            PhpMessage);
        REQUIRE(nullSender.exitCode == 0);
        REQUIRE(server.waitForMessages(2));
        CHECK(server.store().list().first().envelope.mailFrom.isEmpty());
    }
}

TEST_CASE(
    "sendmail takes the server from MAILSINK_SMTP and prints the conversation with -v", "[client][sendmail]")
{
    ServerFixture server;
    qputenv("MAILSINK_SMTP", QStringLiteral("127.0.0.1:%1").arg(server.port()).toLatin1());
    const ProcessResult result = run(Tool,
        {QStringLiteral("sendmail"), QStringLiteral("-t"), QStringLiteral("-i"), QStringLiteral("-v")},
        PhpMessage);
    qunsetenv("MAILSINK_SMTP");
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    CHECK(result.err.contains("C: RCPT TO:<hidden@example.com>"));
    CHECK(result.err.contains("S: 250"));
    onlyMessage(server);
}

TEST_CASE("sendmail failures: non-zero exit with the server's reply", "[client][sendmail][errors]")
{
    SECTION("server refuses: 530 without AUTH -> EX_UNAVAILABLE")
    {
        Smtp::ServerConfig config = ServerFixture::defaultConfig();
        config.session.authRequired = true;
        config.session.authUser = "u";
        config.session.authPassword = "p";
        ServerFixture server(config);
        const ProcessResult result = run(Tool,
            {QStringLiteral("sendmail"), QStringLiteral("-t"), QStringLiteral("-i"), smtpOption(server)},
            PhpMessage);
        CHECK(result.exitCode == 69);
        CHECK(result.err.contains("MAIL: the server refused the sender"));
        CHECK(result.err.contains("530 5.7.0"));
    }
    SECTION("nobody listening -> EX_TEMPFAIL")
    {
        const ProcessResult result = run(Tool,
            {QStringLiteral("sendmail"), QStringLiteral("-i"),
                QStringLiteral("--smtp=127.0.0.1:%1").arg(closedPort()), QStringLiteral("x@example.com")},
            PhpMessage);
        CHECK(result.exitCode == 75);
        CHECK(result.err.contains("connect: cannot connect"));
    }
    SECTION("no recipients -> EX_USAGE")
    {
        const ProcessResult result
            = run(Tool, {QStringLiteral("sendmail"), QStringLiteral("-i")}, PhpMessage);
        CHECK(result.exitCode == 64);
        CHECK(result.err.contains("no recipients"));
    }
    SECTION("unknown long option -> EX_USAGE")
    {
        const ProcessResult result
            = run(Tool, {QStringLiteral("sendmail"), QStringLiteral("--bogus")}, PhpMessage);
        CHECK(result.exitCode == 64);
    }
}

TEST_CASE("release sends a stored message byte-identical, with the caught envelope or a new one",
    "[client][release][integration]")
{
    ServerFixture source;
    ServerFixture target(ServerFixture::defaultConfig(), true);
    const QByteArray original = readFile(testData(QStringLiteral("client/dot-stuffing.eml")));
    OutgoingMessage message {"alice@example.com", {"bob@example.com", "carol@example.com"}, original};
    SenderConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = source.port();
    REQUIRE(SmtpSender::sendAndWait(config, message).ok);
    const qint64 id = onlyMessage(source).id;
    const QString idText = QString::number(id);

    SECTION("the caught envelope, plain SMTP, -v conversation")
    {
        const ProcessResult result = run(Tool,
            {QStringLiteral("release"), idText, QStringLiteral("--store"), source.storePath(),
                QStringLiteral("--to"), QStringLiteral("127.0.0.1:%1").arg(target.port()),
                QStringLiteral("-v")});
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        CHECK(result.out.contains("released"));
        CHECK(result.err.contains("C: MAIL FROM:<alice@example.com>"));
        const Store::MessageInfo info = onlyMessage(target);
        CHECK(readFile(target.store().filePath(info)) == original);
        CHECK(info.envelope.mailFrom == "alice@example.com");
        CHECK(info.envelope.recipients == QList<QByteArray> {"bob@example.com", "carol@example.com"});
    }
    SECTION("--from and --rcpt over STARTTLS with the accepted fingerprint")
    {
        const QString fingerprint
            = QString::fromLatin1(SmtpSender::fingerprint(ServerFixture::defaultConfig().tls->certificate));
        const ProcessResult result = run(Tool,
            {QStringLiteral("release"), QStringLiteral("#") + idText,
                QStringLiteral("--store=") + source.storePath(),
                QStringLiteral("--to=127.0.0.1:%1").arg(target.port()), QStringLiteral("--starttls"),
                QStringLiteral("--fingerprint"), fingerprint, QStringLiteral("--from"),
                QStringLiteral("ops@example.com"), QStringLiteral("--rcpt"), QStringLiteral("qa@example.com"),
                QStringLiteral("--rcpt"), QStringLiteral("dev@example.com")});
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        const Store::MessageInfo info = onlyMessage(target);
        CHECK(readFile(target.store().filePath(info)) == original);
        CHECK(info.envelope.mailFrom == "ops@example.com");
        CHECK(info.envelope.recipients == QList<QByteArray> {"qa@example.com", "dev@example.com"});
        CHECK_FALSE(info.envelope.tlsProtocol.isEmpty());
    }
    SECTION("implicit TLS with --insecure")
    {
        const ProcessResult result = run(Tool,
            {QStringLiteral("release"), idText, QStringLiteral("--store"), source.storePath(),
                QStringLiteral("--tls"), QStringLiteral("--insecure"), QStringLiteral("--to"),
                QStringLiteral("127.0.0.1:%1").arg(target.smtpsPort())});
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        CHECK(readFile(target.store().filePath(onlyMessage(target))) == original);
    }
    SECTION("STARTTLS to an untrusted certificate fails with exit 1 and the fingerprint to accept")
    {
        const ProcessResult result = run(Tool,
            {QStringLiteral("release"), idText, QStringLiteral("--store"), source.storePath(),
                QStringLiteral("--starttls"), QStringLiteral("--to"),
                QStringLiteral("127.0.0.1:%1").arg(target.port())});
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains("STARTTLS: TLS handshake failed"));
        CHECK(result.err.contains("--fingerprint "));
        CHECK(target.store().count() == 0);
    }
    SECTION("AUTH with --user and --password-file against a server requiring it")
    {
        Smtp::ServerConfig authConfig = ServerFixture::defaultConfig();
        authConfig.session.authRequired = true;
        authConfig.session.authUser = "joe";
        authConfig.session.authPassword = "secret";
        ServerFixture authTarget(authConfig);
        QTemporaryDir dir;
        QFile password(dir.filePath(QStringLiteral("password")));
        password.open(QIODevice::WriteOnly);
        password.write("secret\n");
        password.close();
        const QStringList base {QStringLiteral("release"), idText, QStringLiteral("--store"),
            source.storePath(), QStringLiteral("--to"), QStringLiteral("127.0.0.1:%1").arg(authTarget.port()),
            QStringLiteral("--user"), QStringLiteral("joe")};
        const ProcessResult ok
            = run(Tool, base + QStringList {QStringLiteral("--password-file"), password.fileName()});
        INFO(ok.err.toStdString());
        CHECK(ok.exitCode == 0); // loopback: AUTH without TLS is allowed
        CHECK(onlyMessage(authTarget).envelope.authUser == "joe");

        QFile wrong(dir.filePath(QStringLiteral("wrong")));
        wrong.open(QIODevice::WriteOnly);
        wrong.write("nope\n");
        wrong.close();
        const ProcessResult refused
            = run(Tool, base + QStringList {QStringLiteral("--password-file"), wrong.fileName()});
        CHECK(refused.exitCode == 1);
        CHECK(refused.err.contains("AUTH: authentication as joe failed: 535 5.7.8"));
    }
    SECTION("usage errors exit 2")
    {
        const QStringList store {QStringLiteral("--store"), source.storePath()};
        CHECK(run(Tool, QStringList {QStringLiteral("release"), idText} + store).exitCode == 2); // no --to
        CHECK(run(Tool,
                  QStringList {
                      QStringLiteral("release"), QStringLiteral("--to"), QStringLiteral("127.0.0.1:25")}
                      + store)
                  .exitCode
            == 2); // no ID
        const ProcessResult missing = run(Tool,
            QStringList {QStringLiteral("release"), QStringLiteral("999"), QStringLiteral("--to"),
                QStringLiteral("127.0.0.1:25")}
                + store);
        CHECK(missing.exitCode == 2);
        CHECK(missing.err.contains("no message #999"));
        CHECK(run(Tool,
                  QStringList {QStringLiteral("release"), idText, QStringLiteral("--to"),
                      QStringLiteral("127.0.0.1:25"), QStringLiteral("--starttls"), QStringLiteral("--tls")}
                      + store)
                  .exitCode
            == 2);
        CHECK(run(Tool,
                  QStringList {QStringLiteral("release"), idText, QStringLiteral("--to"),
                      QStringLiteral("127.0.0.1:25"), QStringLiteral("--user"), QStringLiteral("u")}
                      + store)
                  .exitCode
            == 2); // --user without --password-file
    }
    SECTION("nobody listening: exit 1 naming the connect stage")
    {
        const ProcessResult result = run(Tool,
            {QStringLiteral("release"), idText, QStringLiteral("--store"), source.storePath(),
                QStringLiteral("--to"), QStringLiteral("127.0.0.1:%1").arg(closedPort())});
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains("connect: cannot connect to 127.0.0.1:"));
    }
}

TEST_CASE("the command functions run in-process too", "[client][release]")
{
    ServerFixture source;
    ServerFixture target;
    SenderConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = source.port();
    REQUIRE(
        SmtpSender::sendAndWait(config, {"a@example.com", {"b@example.com"}, "Subject: x\r\n\r\ny\r\n"}).ok);
    const qint64 id = onlyMessage(source).id;
    CHECK(runRelease({QStringLiteral("mailsink"), QStringLiteral("release"), QString::number(id),
              QStringLiteral("--store"), source.storePath(), QStringLiteral("--to"),
              QStringLiteral("127.0.0.1:%1").arg(target.port())})
        == 0);
    CHECK(readFile(target.store().filePath(onlyMessage(target))) == "Subject: x\r\n\r\ny\r\n");
    CHECK(runRelease({QStringLiteral("mailsink"), QStringLiteral("release")}) == 2);
    CHECK(runSendmail({QStringLiteral("mailsink"), QStringLiteral("sendmail"), QStringLiteral("--bogus")})
        == 64);
    CHECK(runSendmail({QStringLiteral("/usr/sbin/sendmail"), QStringLiteral("-bx")}) == 64);
}

TEST_CASE("header helpers for -t and Bcc removal", "[client][sendmail]")
{
    CHECK(MessageHeaders::addresses(
              "Bob <bob@example.com>, \"Smith, J\" <j@example.com> (comment), plain@example.com")
        == QList<QByteArray> {"bob@example.com", "j@example.com", "plain@example.com"});
    CHECK(MessageHeaders::addresses("Team: a@example.com, b@example.com;, c@example.com")
        == QList<QByteArray> {"a@example.com", "b@example.com", "c@example.com"});
    CHECK(MessageHeaders::addresses("<@route.example:user@example.com>")
        == QList<QByteArray> {"user@example.com"});
    CHECK(MessageHeaders::addresses("\"odd, local\"@example.com")
        == QList<QByteArray> {"\"odd, local\"@example.com"});
    CHECK(MessageHeaders::addresses("undisclosed-recipients:;").isEmpty());
    const QByteArray message
        = "To: a@example.com\r\nBCC: b@example.com,\r\n\tc@example.com\r\nSubject: s\r\n\r\n"
          "Bcc: not a header\r\n";
    CHECK(MessageHeaders::values(message, "bcc") == QList<QByteArray> {"b@example.com,\tc@example.com"});
    CHECK(MessageHeaders::removeField(message, "Bcc")
        == "To: a@example.com\r\nSubject: s\r\n\r\nBcc: not a header\r\n");
    CHECK(MessageHeaders::canonicalLineEnds("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd");
}
