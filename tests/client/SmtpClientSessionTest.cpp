// The sans-IO client session fed scripted server replies at several chunk sizes.
#include "ClientTestSupport.h"
#include "TestSupport.h"

#include "client/SmtpClientSession.h"
#include "client/SmtpReplyParser.h"

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Client;
using namespace MailSink::Test;

namespace {

ClientConfig baseConfig()
{
    ClientConfig config;
    config.heloName = "client.test";
    config.clock = [] { return qint64(1700000000000); };
    return config;
}

ClientScript::Result play(const QByteArray &script, const ClientConfig &config = baseConfig(),
    const OutgoingMessage &message = simpleMessage())
{
    const qsizetype chunk = GENERATE(1, 3, 64, 1 << 20);
    CAPTURE(chunk);
    ClientScript::Result result = ClientScript::fromText(script).play(chunk, config, message);
    INFO(result.mismatches.join(QLatin1Char('\n')).toStdString());
    CHECK(result.mismatches.isEmpty());
    CHECK(result.finished);
    CHECK(result.closeEvent);
    return result;
}

QByteArray traceText(const Trace &trace)
{
    QByteArray text;
    for (const TraceEntry &entry : trace)
        text += TraceEntry::kindName(entry.kind) + ": " + entry.text + '\n';
    return text;
}

} // namespace

TEST_CASE("pipelined MAIL and RCPTs in one write, SIZE announced, DATA dot-stuffed", "[client][session]")
{
    OutgoingMessage message = simpleMessage("Subject: hi\r\n\r\n.leading dot\r\n..two\r\n.\r\nend\r\n");
    message.recipients = {"bob@example.com", "carol@example.com"};
    const auto run = play(R"(
S: 220 mx.example ESMTP
C: EHLO client.test
S: 250-mx.example
S: 250-PIPELINING
S: 250-SIZE 1000
S: 250-8BITMIME
S: 250 ENHANCEDSTATUSCODES
C: MAIL FROM:<alice@example.com> SIZE=44
C: RCPT TO:<bob@example.com>
C: RCPT TO:<carol@example.com>
S: 250 2.1.0 Ok
S: 250 2.1.5 Ok
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: hi
C:
C: ..leading dot
C: ...two
C: ..
C: end
C: .
S: 250 2.0.0 Ok: queued as 42
C: QUIT
S: 221 2.0.0 Bye
)",
        baseConfig(), message);
    CHECK(run.result.ok);
    CHECK(run.result.stage == Stage::Done);
    CHECK(run.result.error.isEmpty());
    CHECK(run.result.finalReply == "250 2.0.0 Ok: queued as 42");
    CHECK(run.result.accepted == QList<QByteArray> {"bob@example.com", "carol@example.com"});
    CHECK(run.result.rejected.isEmpty());
}

TEST_CASE("dot-stuffing script from a data file", "[client][session][framing]")
{
    const auto chunk = GENERATE(1, 3, 64, 1 << 20);
    const QByteArray data = readFile(testData(QStringLiteral("client/dot-stuffing.eml")));
    REQUIRE(!data.isEmpty());
    const auto run = ClientScript::fromFile(testData(QStringLiteral("client/dot-stuffing.txt")))
                         .play(chunk, baseConfig(), simpleMessage(data));
    INFO(run.mismatches.join(QLatin1Char('\n')).toStdString());
    CHECK(run.mismatches.isEmpty());
    CHECK(run.result.ok);
}

TEST_CASE("EHLO refused: HELO fallback, one command per round trip, no extensions used", "[client][session]")
{
    const auto run = play(R"(
S: 220 old.example SMTP
C: EHLO client.test
S: 502 5.5.1 command not recognized
C: HELO client.test
S: 250 old.example
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<bob@example.com>
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
S: 250 ok
C: QUIT
S: 221 bye
)");
    CHECK(run.result.ok);
}

TEST_CASE("without PIPELINING each RCPT waits for its reply", "[client][session]")
{
    OutgoingMessage message = simpleMessage();
    message.recipients = {"a@example.com", "b@example.com"};
    const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 8BITMIME
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<a@example.com>
S: 250 ok
C: RCPT TO:<b@example.com>
S: 251 will forward
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
S: 250 ok
C: QUIT
S: 221 bye
)",
        baseConfig(), message);
    CHECK(run.result.accepted.size() == 2);
}

TEST_CASE("STARTTLS: bytes after the 220 are discarded, EHLO again, AUTH PLAIN inside TLS",
    "[client][session][tls]")
{
    ClientConfig config = baseConfig();
    config.security = Security::StartTls;
    config.user = "user";
    config.password = "secret";
    const auto run = play(R"(
S: 220 mx ESMTP
C: EHLO client.test
S: 250-mx
S: 250-STARTTLS
S: 250 AUTH PLAIN LOGIN
C: STARTTLS
S: 220 2.0.0 Ready to start TLS
S: 250-injected before the handshake
S: 250 AUTH NONE
!tls
C: EHLO client.test
S: 250-mx
S: 250-AUTH CRAM-MD5 PLAIN LOGIN
S: 250 PIPELINING
C: AUTH PLAIN AHVzZXIAc2VjcmV0
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<alice@example.com>
C: RCPT TO:<bob@example.com>
S: 250 ok
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
S: 250 ok
C: QUIT
S: 221 bye
)",
        config);
    CHECK(run.result.ok);
    CHECK(run.result.tlsProtocol == QLatin1String("TLSv1.3"));
    CHECK(run.result.authMechanism == "PLAIN");
    const QByteArray trace = traceText(run.trace);
    CHECK(trace.contains("client: AUTH PLAIN ****"));
    CHECK_FALSE(trace.contains("AHVzZXIAc2VjcmV0"));
    CHECK_FALSE(trace.contains("injected"));
    CHECK(trace.contains("discarded"));
}

TEST_CASE("STARTTLS demanded but not offered: QUIT and a STARTTLS error", "[client][session][tls]")
{
    ClientConfig config = baseConfig();
    config.security = Security::StartTls;
    const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 PIPELINING
C: QUIT
S: 221 bye
)",
        config);
    CHECK_FALSE(run.result.ok);
    CHECK(run.result.stage == Stage::StartTls);
    CHECK(run.result.error == QLatin1String("STARTTLS: the server does not offer STARTTLS"));
}

TEST_CASE("STARTTLS refused or the handshake fails", "[client][session][tls]")
{
    ClientConfig config = baseConfig();
    config.security = Security::StartTls;
    SECTION("refused")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 STARTTLS
C: STARTTLS
S: 454 4.7.0 TLS not available due to temporary reason
C: QUIT
S: 221 bye
)",
            config);
        CHECK(run.result.error
            == QLatin1String("STARTTLS: the server refused STARTTLS: 454 4.7.0 TLS not available due to "
                             "temporary reason"));
        CHECK(run.result.reply == "454 4.7.0 TLS not available due to temporary reason");
    }
    SECTION("handshake failed")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 STARTTLS
C: STARTTLS
S: 220 go ahead
!tlsfail
)",
            config);
        CHECK(run.result.stage == Stage::StartTls);
        CHECK(run.result.error == QLatin1String("STARTTLS: TLS handshake failed: certificate rejected"));
    }
}

TEST_CASE("AUTH LOGIN with the old AUTH= announcement, inside implicit TLS", "[client][session][auth]")
{
    ClientConfig config = baseConfig();
    config.security = Security::ImplicitTls;
    config.user = "user";
    config.password = "secret";
    const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 AUTH=LOGIN
C: AUTH LOGIN
S: 334 VXNlcm5hbWU6
C: dXNlcg==
S: 334 UGFzc3dvcmQ6
C: c2VjcmV0
S: 235 2.7.0 ok
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<bob@example.com>
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
S: 250 ok
C: QUIT
S: 221 bye
)",
        config);
    CHECK(run.result.ok);
    CHECK(run.result.authMechanism == "LOGIN");
    CHECK_FALSE(traceText(run.trace).contains("c2VjcmV0"));
}

TEST_CASE("AUTH CRAM-MD5 (RFC 2195 example) is allowed without TLS", "[client][session][auth]")
{
    ClientConfig config = baseConfig();
    config.user = "tim";
    config.password = "tanstaaftanstaaf";
    const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 AUTH PLAIN LOGIN CRAM-MD5
C: AUTH CRAM-MD5
S: 334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+
C: dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw
S: 235 2.7.0 ok
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<bob@example.com>
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
S: 250 ok
C: QUIT
S: 221 bye
)",
        config);
    CHECK(run.result.ok);
    CHECK(run.result.authMechanism == "CRAM-MD5");
}

TEST_CASE("AUTH failures name the stage and carry the server's reply", "[client][session][auth]")
{
    ClientConfig config = baseConfig();
    config.user = "user";
    config.password = "secret";
    SECTION("bad credentials")
    {
        config.security = Security::ImplicitTls;
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 AUTH PLAIN
C: AUTH PLAIN AHVzZXIAc2VjcmV0
S: 535 5.7.8 Authentication credentials invalid
C: QUIT
S: 221 bye
)",
            config);
        CHECK(run.result.stage == Stage::Auth);
        CHECK(run.result.error
            == QLatin1String(
                "AUTH: authentication as user failed: 535 5.7.8 Authentication credentials invalid"));
    }
    SECTION("no password in the clear")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 AUTH PLAIN LOGIN
C: QUIT
S: 221 bye
)",
            config);
        CHECK(run.result.stage == Stage::Auth);
        CHECK(run.result.error.contains(QLatin1String("unencrypted")));
    }
    SECTION("no AUTH offered")
    {
        config.allowCleartextAuth = true;
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250 mx
C: QUIT
S: 221 bye
)",
            config);
        CHECK(run.result.error == QLatin1String("AUTH: the server does not offer AUTH"));
    }
    SECTION("an unexpected challenge is cancelled with *")
    {
        config.allowCleartextAuth = true;
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 AUTH PLAIN
C: AUTH PLAIN AHVzZXIAc2VjcmV0
S: 334 what?
C: *
C: QUIT
S: 501 5.0.0 cancelled
S: 221 bye
)",
            config);
        CHECK(run.result.stage == Stage::Auth);
    }
}

TEST_CASE("SIZE: a message over the server's limit is refused before MAIL", "[client][session]")
{
    const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 SIZE 10
C: QUIT
S: 221 bye
)");
    CHECK(run.result.stage == Stage::Mail);
    CHECK(run.result.error
        == QLatin1String("MAIL: the message is 22 octets and the server accepts at most 10 (SIZE)"));
}

TEST_CASE("refused recipients: some go on to DATA, all end at RCPT", "[client][session]")
{
    OutgoingMessage message = simpleMessage();
    message.recipients = {"bob@example.com", "nobody@example.com"};
    SECTION("some")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 PIPELINING
C: MAIL FROM:<alice@example.com>
C: RCPT TO:<bob@example.com>
C: RCPT TO:<nobody@example.com>
S: 250 ok
S: 250 ok
S: 550-5.1.1 no such user
S: 550 5.1.1 try another
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
S: 250 ok
C: QUIT
S: 221 bye
)",
            baseConfig(), message);
        CHECK(run.result.ok);
        CHECK(run.result.accepted == QList<QByteArray> {"bob@example.com"});
        REQUIRE(run.result.rejected.size() == 1);
        CHECK(run.result.rejected.at(0).address == "nobody@example.com");
        CHECK(run.result.rejected.at(0).reply == "550-5.1.1 no such user\n550 5.1.1 try another");
    }
    SECTION("all")
    {
        message.recipients = {"nobody@example.com"};
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 PIPELINING
C: MAIL FROM:<alice@example.com>
C: RCPT TO:<nobody@example.com>
S: 250 ok
S: 550 5.1.1 no such user
C: QUIT
S: 221 bye
)",
            baseConfig(), message);
        CHECK(run.result.stage == Stage::Rcpt);
        CHECK(run.result.error
            == QLatin1String(
                "RCPT: the server refused the recipient <nobody@example.com>: 550 5.1.1 no such user"));
        CHECK(run.result.reply == "550 5.1.1 no such user");
    }
}

TEST_CASE(
    "a refused sender, pipelined: the RCPT replies are consumed, the error is MAIL's", "[client][session]")
{
    const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 PIPELINING
C: MAIL FROM:<alice@example.com>
C: RCPT TO:<bob@example.com>
S: 553 5.1.8 sender rejected
S: 503 5.5.1 need MAIL first
C: QUIT
S: 221 bye
)");
    CHECK(run.result.stage == Stage::Mail);
    CHECK(run.result.error
        == QLatin1String(
            "MAIL: the server refused the sender <alice@example.com>: 553 5.1.8 sender rejected"));
}

TEST_CASE("a binary message goes in BDAT chunks when CHUNKING is offered", "[client][session][bdat]")
{
    ClientConfig config = baseConfig();
    config.bdatChunkSize = 10;
    const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250-PIPELINING
S: 250-SIZE
S: 250-CHUNKING
S: 250 BINARYMIME
C: MAIL FROM:<alice@example.com> SIZE=25 BODY=BINARYMIME
C: RCPT TO:<bob@example.com>
S: 250 ok
S: 250 ok
R: BDAT 10\r\nSubject: b
S: 250 2.0.0 10 octets received
R: BDAT 10\r\nin\n\nline1\n
S: 250 2.0.0 10 octets received
R: BDAT 5 LAST\r\nline2
S: 250 2.0.0 queued
C: QUIT
S: 221 bye
)",
        config, simpleMessage("Subject: bin\n\nline1\nline2"));
    CHECK(run.result.ok);
    CHECK(run.result.finalReply == "250 2.0.0 queued");
}

TEST_CASE("a binary message without CHUNKING is sent in DATA with CRLF line ends", "[client][session][bdat]")
{
    const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250 mx
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<bob@example.com>
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: bin
C:
C: ..line1
C: line2
C: .
S: 250 ok
C: QUIT
S: 221 bye
)",
        baseConfig(), simpleMessage("Subject: bin\n\n.line1\rline2"));
    CHECK(run.result.ok);
    CHECK(traceText(run.trace).contains("normalized"));
}

TEST_CASE("8BITMIME and SMTPUTF8 when the message needs them", "[client][session][utf8]")
{
    OutgoingMessage message = simpleMessage("Subject: caf\xc3\xa9\r\n\r\nna\xc3\xafve\r\n");
    message.recipients = {"jos\xc3\xa9@example.com"};
    SECTION("offered")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250-8BITMIME
S: 250-SMTPUTF8
S: 250 PIPELINING
C: MAIL FROM:<alice@example.com> BODY=8BITMIME SMTPUTF8
C: RCPT TO:<jos)"
                              "\xc3\xa9"
                              R"(@example.com>
S: 250 ok
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: caf)"
                              "\xc3\xa9"
                              R"(
C:
C: na)"
                              "\xc3\xaf"
                              R"(ve
C: .
S: 250 ok
C: QUIT
S: 221 bye
)",
            baseConfig(), message);
        CHECK(run.result.ok);
    }
    SECTION("not offered")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250-mx
S: 250 8BITMIME
C: QUIT
S: 221 bye
)",
            baseConfig(), message);
        CHECK(run.result.stage == Stage::Mail);
        CHECK(run.result.error.contains(QLatin1String("SMTPUTF8")));
    }
}

TEST_CASE("greeting, DATA and reply failures name their stage", "[client][session][errors]")
{
    SECTION("554 greeting")
    {
        const auto run = play(R"(
S: 554 5.3.2 go away
C: QUIT
S: 221 bye
)");
        CHECK(run.result.stage == Stage::Greeting);
        CHECK(run.result.error
            == QLatin1String("greeting: the server refused the connection: 554 5.3.2 go away"));
    }
    SECTION("message refused after the dot")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250 mx
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<bob@example.com>
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
S: 554 5.7.1 looks like spam
C: QUIT
S: 221 bye
)");
        CHECK(run.result.stage == Stage::Data);
        CHECK(run.result.error
            == QLatin1String("DATA: the server refused the message: 554 5.7.1 looks like spam"));
    }
    SECTION("DATA refused")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250 mx
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<bob@example.com>
S: 250 ok
C: DATA
S: 451 4.3.0 try later
C: QUIT
S: 221 bye
)");
        CHECK(run.result.error == QLatin1String("DATA: the server refused DATA: 451 4.3.0 try later"));
    }
    SECTION("a malformed reply ends the session without QUIT")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: hello there
)");
        CHECK(run.result.stage == Stage::Ehlo);
        CHECK(run.result.error.startsWith(QLatin1String("EHLO: malformed reply line")));
    }
    SECTION("a reply whose code changes between lines")
    {
        const auto run = play(R"(
S: 220-mx
S: 250 mx
)");
        CHECK(run.result.stage == Stage::Greeting);
    }
    SECTION("421 from the server, then it closes")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 421 4.3.2 shutting down
C: QUIT
!lost
)");
        CHECK(run.result.stage == Stage::Ehlo);
        CHECK(run.result.error == QLatin1String("EHLO: the server refused EHLO: 421 4.3.2 shutting down"));
    }
}

TEST_CASE("timeouts and lost connections end the session with the stage", "[client][session][errors]")
{
    SECTION("no EHLO reply")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
!timeout
)");
        CHECK(run.result.error == QLatin1String("EHLO: no reply from the server within 300 s"));
    }
    SECTION("lost during DATA")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250 mx
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<bob@example.com>
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
!lost
)");
        CHECK(run.result.error == QLatin1String("DATA: connection closed by the server"));
    }
    SECTION("a lost connection after the message was accepted is still a success")
    {
        const auto run = play(R"(
S: 220 mx
C: EHLO client.test
S: 250 mx
C: MAIL FROM:<alice@example.com>
S: 250 ok
C: RCPT TO:<bob@example.com>
S: 250 ok
C: DATA
S: 354 go ahead
C: Subject: hi
C:
C: hello
C: .
S: 250 ok
C: QUIT
!lost
)");
        CHECK(run.result.ok);
    }
}

TEST_CASE("reply timeouts follow RFC 5321 4.5.3.2 unless configured", "[client][session]")
{
    SmtpClientSession session(baseConfig(), simpleMessage());
    session.connected(QStringLiteral("192.0.2.1:25"));
    CHECK(session.replyTimeoutMs() == 5 * 60 * 1000);
    ClientConfig config = baseConfig();
    config.timeoutMs = 1500;
    SmtpClientSession quick(config, simpleMessage());
    CHECK(quick.replyTimeoutMs() == 1500);
}

TEST_CASE("DATA framing helpers", "[client][session][framing]")
{
    CHECK(SmtpClientSession::dotStuff("") == ".\r\n");
    CHECK(SmtpClientSession::dotStuff("a\r\n") == "a\r\n.\r\n");
    CHECK(SmtpClientSession::dotStuff(".a\r\nb\r\n.\r\n") == "..a\r\nb\r\n..\r\n.\r\n");
    CHECK(SmtpClientSession::dotStuff("no end") == "no end\r\n.\r\n");
    CHECK(SmtpClientSession::dotStuff("x\n.y") == "x\r\n..y\r\n.\r\n");
    CHECK_FALSE(SmtpClientSession::isBinary(""));
    CHECK_FALSE(SmtpClientSession::isBinary("a\r\nb\r\n"));
    CHECK(SmtpClientSession::isBinary("a\r\nb"));
    CHECK(SmtpClientSession::isBinary("a\nb\r\n"));
    CHECK(SmtpClientSession::isBinary(QByteArray("a\0b\r\n", 5)));
    CHECK(SmtpClientSession::isBinary(QByteArray(QByteArray(999, 'x') + "\r\n")));
    CHECK_FALSE(SmtpClientSession::isBinary(QByteArray(QByteArray(998, 'x') + "\r\n")));
    CHECK(SmtpClientSession::needs8Bit("caf\xc3\xa9"));
    CHECK_FALSE(SmtpClientSession::needs8Bit("cafe"));
}

TEST_CASE("the reply parser joins multi-line replies split anywhere", "[client][session][framing]")
{
    const QByteArray wire = "250-first\r\n250-second\n250 last\r\n354 go\r\n";
    for (qsizetype chunk : {1, 2, 5, 100}) {
        SmtpReplyParser parser;
        QList<SmtpReply> replies;
        for (qsizetype pos = 0; pos < wire.size(); pos += chunk) {
            parser.feed(QByteArrayView(wire).sliced(pos, std::min(chunk, wire.size() - pos)));
            while (auto reply = parser.next())
                replies.append(*reply);
        }
        REQUIRE(replies.size() == 2);
        CHECK(replies.at(0).code == 250);
        CHECK(replies.at(0).lines == QList<QByteArray> {"first", "second", "last"});
        CHECK(replies.at(0).toText() == "250-first\n250-second\n250 last");
        CHECK(replies.at(1).code == 354);
        CHECK_FALSE(parser.hasError());
    }
    SmtpReplyParser bare;
    bare.feed("250\r\n");
    const auto reply = bare.next();
    REQUIRE(reply);
    CHECK(reply->toText() == "250");
    SmtpReplyParser tooLong;
    tooLong.feed(QByteArray(SmtpReplyParser::MaxLine + 1, 'x'));
    CHECK_FALSE(tooLong.next());
    CHECK(tooLong.hasError());
}
