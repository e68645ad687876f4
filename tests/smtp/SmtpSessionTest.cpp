#include "TestSupport.h"
#include "Transcript.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <catch2/catch.hpp>

using namespace MailSink;
using MailSink::Test::Transcript;

namespace {

Transcript::Result playFile(const char *name, qsizetype chunk, Smtp::SessionConfig config = {})
{
    return Transcript::fromFile(Test::testData(QStringLiteral("smtp/") + QLatin1String(name)))
        .play(chunk, config);
}

QString joined(const QStringList &list)
{
    return list.join(QLatin1Char('\n'));
}

// A transcript prologue: greeting and EHLO with its reply lines skipped by prefix.
Transcript greeted()
{
    Transcript t;
    t.server("220").client("HELO test.example").server("250 mailsink.localhost Hello test.example");
    return t;
}

Transcript withSender(Transcript t)
{
    t.client("MAIL FROM:<a@example.com>")
        .server("250 2.1.0")
        .client("RCPT TO:<b@example.com>")
        .server("250 2.1.5");
    return t;
}

} // namespace

TEST_CASE("dot-stuffed lines survive any TCP chunking", "[smtp][framing]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    const auto run = playFile("dot-stuffing.txt", chunk);
    INFO("chunk " << chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    REQUIRE(run.messages.size() == 1);
    CHECK(run.messages.at(0).raw == "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n");
    const Store::Envelope &envelope = run.messages.at(0).envelope;
    CHECK(envelope.mailFrom == "alice@example.com");
    CHECK(envelope.mailParameters == "SIZE=100 BODY=8BITMIME");
    CHECK(envelope.recipients == QList<QByteArray> {"bob@example.com", "carol@example.com"});
    CHECK(envelope.helo == "client.example");
    CHECK(envelope.extended);
    CHECK(run.closed);
}

TEST_CASE("pipelined transactions are answered in order", "[smtp][pipelining]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    const auto run = playFile("pipelining.txt", chunk);
    INFO("chunk " << chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    REQUIRE(run.messages.size() == 2);
    CHECK(run.messages.at(0).raw == "Subject: one\r\n\r\nfirst\r\n");
    CHECK(run.messages.at(1).raw == "Subject: two\r\n\r\nsecond\r\n");
    CHECK(run.messages.at(1).envelope.mailFrom.isEmpty());
    CHECK(run.messages.at(1).envelope.recipients == QList<QByteArray> {"d@example.com"});
}

TEST_CASE("bad sequences get 503 and the session continues", "[smtp][errors]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    const auto run = playFile("bad-sequence.txt", chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    CHECK(run.messages.isEmpty());
}

TEST_CASE("bad arguments get 501/555 and unknown commands 500", "[smtp][errors]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    const auto run = playFile("bad-arguments.txt", chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
}

TEST_CASE("BDAT chunks mix with pipelining and BDAT LAST commits", "[smtp][chunking]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    const auto run = playFile("bdat.txt", chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    REQUIRE(run.messages.size() == 1);
    CHECK(run.messages.at(0).raw == "Subject: chunked\r\n\r\n.line\r\n"); // BDAT is never unstuffed
    CHECK(run.aborted == 1); // the DATA-after-BDAT message is dropped at RSET
}

TEST_CASE("bytes pipelined after STARTTLS are discarded", "[smtp][tls][security]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    Smtp::SessionConfig config;
    config.startTlsAvailable = true;
    const auto run = playFile("starttls-injection.txt", chunk, config);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    CHECK(run.startTls == 1);
    CHECK_FALSE(run.output.contains("injected"));
}

TEST_CASE("an over-long command line gets 500 5.5.2 and the next command works", "[smtp][errors]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    Transcript t = greeted();
    t.client("NOOP " + QByteArray(600, 'x'))
        .server("500 5.5.2 Line too long")
        .client("NOOP")
        .server("250 2.0.0");
    // A line without any end at all is not buffered forever either.
    t.raw(QByteArray(4000, 'y')).raw("\r\nNOOP\r\n").server("500 5.5.2 Line too long").server("250 2.0.0");
    const auto run = t.play(chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
}

TEST_CASE("NUL bytes: refused in commands, kept in message data", "[smtp][errors]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    Transcript t = greeted();
    t.raw(QByteArray("NOOP\0x\r\n", 8)).server("500 5.5.2 Syntax error: NUL character");
    t = withSender(t);
    t.client("DATA").server("354").raw(QByteArray("a\0b\r\n.\r\n", 10)).server("250 2.0.0");
    const auto run = t.play(chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    REQUIRE(run.messages.size() == 1);
    CHECK(run.messages.at(0).raw == QByteArray("a\0b\r\n", 5));
}

TEST_CASE("a bare LF before a dot does not end the message (no SMTP smuggling)", "[smtp][framing][security]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    Transcript t = withSender(greeted());
    t.client("DATA")
        .server("354")
        .raw("one\n.\nMAIL FROM:<smuggled@example.com>\r\n.\r\n")
        .server("250 2.0.0");
    const auto run = t.play(chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    REQUIRE(run.messages.size() == 1);
    CHECK(run.messages.at(0).raw == "one\n.\nMAIL FROM:<smuggled@example.com>\r\n");
}

TEST_CASE("SIZE: declared size refused at MAIL, actual size checked while receiving", "[smtp][size]")
{
    const auto chunk = GENERATE(1, 3, 64, 0);
    Smtp::SessionConfig config;
    config.maxMessageSize = 100;
    Transcript t = greeted();
    t.client("MAIL FROM:<a@example.com> SIZE=101").server("552 5.3.4 Message size exceeds fixed maximum");
    t = withSender(t);
    t.client("DATA").server("354").client(QByteArray(150, 'z')).client(".").server("552 5.3.4");
    // The connection stays usable and the next, smaller message is stored.
    t = withSender(t);
    t.client("DATA").server("354").client("small").client(".").server("250 2.0.0");
    // BDAT over the limit: the chunk is consumed, then refused.
    t = withSender(t);
    t.raw("BDAT 150 LAST\r\n" + QByteArray(150, 'q')).server("552 5.3.4");
    t.client("NOOP").server("250");
    const auto run = t.play(chunk, config);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    REQUIRE(run.messages.size() == 1);
    CHECK(run.messages.at(0).raw == "small\r\n");
    CHECK(run.aborted == 2);
}

TEST_CASE("too many recipients get 452 4.5.3", "[smtp][errors]")
{
    Smtp::SessionConfig config;
    config.maxRecipients = 2;
    Transcript t = withSender(greeted());
    t.client("RCPT TO:<c@example.com>").server("250 2.1.5");
    t.client("RCPT TO:<d@example.com>").server("452 4.5.3 Too many recipients");
    t.client("DATA").server("354").client("x").client(".").server("250");
    const auto run = t.play(0, config);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    CHECK(run.messages.at(0).envelope.recipients.size() == 2);
}

TEST_CASE("SMTPUTF8: non-ASCII addresses need the parameter", "[smtp][utf8]")
{
    Transcript t = greeted();
    t.client("MAIL FROM:<j\xc3\xb6rg@example.com>").server("553 5.6.7");
    t.client("MAIL FROM:<j\xc3\xb6rg@example.com> SMTPUTF8").server("250 2.1.0");
    t.client("RCPT TO:<\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd>")
        .server("250 2.1.5");
    t.client("DATA").server("354").client("x").client(".").server("250");
    const auto run = t.play(3);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    CHECK(run.messages.at(0).envelope.mailFrom == "j\xc3\xb6rg@example.com");
}

TEST_CASE("AUTH PLAIN, LOGIN and CRAM-MD5 accept any credentials by default", "[smtp][auth]")
{
    const auto chunk = GENERATE(1, 64, 0);
    Transcript t;
    t.server("220")
        .client("EHLO a")
        .server("250-")
        .server("250-")
        .server("250-")
        .server("250-")
        .server("250-")
        .server("250-")
        .server("250-")
        .server("250-AUTH")
        .server("250 HELP");
    t.client("AUTH PLAIN " + QByteArray("\0joe\0secret", 11).toBase64()).server("235 2.7.0");
    t.client("AUTH LOGIN").server("503 5.5.1 Already authenticated");
    const auto run = t.play(chunk);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    // Secrets never reach the trace.
    Smtp::SmtpSession session({});
    session.greeting();
    session.receive(QByteArray("EHLO a\r\nAUTH LOGIN\r\n" + QByteArray("joe").toBase64() + "\r\n"
        + QByteArray("hunter2").toBase64() + "\r\n"));
    QByteArray all;
    for (const TraceEntry &entry : session.messageTrace())
        all += entry.text + '\n';
    CHECK_FALSE(all.contains(QByteArray("hunter2").toBase64()));
    CHECK(all.contains("AUTH LOGIN succeeded for user \"joe\""));
    CHECK(session.envelope().authUser == "joe");
}

TEST_CASE("AUTH required: wrong credentials 535, missing AUTH 530, malformed data 501", "[smtp][auth]")
{
    Smtp::SessionConfig config;
    config.authRequired = true;
    config.authUser = "joe";
    config.authPassword = "secret";
    Transcript t = greeted();
    t.client("MAIL FROM:<a@example.com>").server("530 5.7.0 Authentication required");
    t.client("AUTH PLAIN " + QByteArray("\0joe\0wrong", 10).toBase64()).server("535 5.7.8");
    t.client("AUTH PLAIN !!!notbase64").server("501 5.5.2");
    t.client("AUTH PLAIN " + QByteArray("joe-secret").toBase64()).server("501 5.5.2 Malformed AUTH PLAIN");
    t.client("AUTH PLAIN").server("334").client("*").server("501 5.0.0 Authentication cancelled");
    t.client("AUTH XOAUTH9").server("504 5.5.4");
    t.client("AUTH LOGIN")
        .server("334 VXNlcm5hbWU6")
        .client(QByteArray("joe").toBase64())
        .server("334 UGFzc3dvcmQ6");
    t.client(QByteArray("secret").toBase64()).server("235 2.7.0");
    t.client("MAIL FROM:<a@example.com>").server("250 2.1.0");
    const auto run = t.play(0, config);
    REQUIRE(joined(run.mismatches).toStdString() == "");
}

TEST_CASE("AUTH CRAM-MD5 checks the HMAC of the challenge when credentials are required", "[smtp][auth]")
{
    Smtp::SessionConfig config;
    config.authRequired = true;
    config.authUser = "joe";
    config.authPassword = "secret";
    for (const bool right : {true, false}) {
        Smtp::SmtpSession session(config);
        session.greeting();
        const QByteArray reply = session.receive("HELO a\r\nAUTH CRAM-MD5\r\n");
        const qsizetype at = reply.indexOf("334 ");
        REQUIRE(at >= 0);
        const QByteArray challenge = QByteArray::fromBase64(reply.mid(at + 4).trimmed());
        const QByteArray digest
            = QMessageAuthenticationCode::hash(challenge, right ? "secret" : "nope", QCryptographicHash::Md5)
                  .toHex();
        const QByteArray answer
            = session.receive(QByteArray(QByteArray("joe " + digest).toBase64() + "\r\n"));
        CHECK(answer.startsWith(right ? "235 2.7.0" : "535 5.7.8"));
    }
}

TEST_CASE("idle timeout replies 421 4.4.2 and closes, a message in transfer is dropped", "[smtp][timeout]")
{
    Smtp::SmtpSession session({});
    session.greeting();
    session.receive("HELO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\npartial");
    session.takeEvents();
    CHECK(session.isBusy());
    const QByteArray reply = session.idleTimeout();
    CHECK(reply.startsWith("421 4.4.2"));
    CHECK(session.isClosed());
    const auto events = session.takeEvents();
    CHECK(std::any_of(events.begin(), events.end(),
        [](const Smtp::Event &e) { return e.type == Smtp::Event::Type::MessageAborted; }));
}

TEST_CASE("a connection lost mid-DATA aborts the message", "[smtp][durability]")
{
    Smtp::SmtpSession session({});
    session.greeting();
    session.receive("HELO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\nSubject: half\r\n");
    session.takeEvents();
    session.connectionLost();
    const auto events = session.takeEvents();
    REQUIRE(events.size() == 1);
    CHECK(events.front().type == Smtp::Event::Type::MessageAborted);
}

TEST_CASE("storage failure replies 452 4.3.1 and the session goes on", "[smtp][durability]")
{
    Transcript t = withSender(greeted());
    t.client("DATA").server("354").client("x").client(".").server("452 4.3.1 Insufficient system storage");
    t.client("NOOP").server("250");
    const auto run = t.failCommits().play(0);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    CHECK(run.messages.isEmpty());
}

TEST_CASE("too many errors end the session with 421", "[smtp][errors]")
{
    Smtp::SessionConfig config;
    config.maxErrors = 3;
    Transcript t = greeted();
    t.client("BAD1").server("500").client("BAD2").server("500").client("BAD3").server("500").server(
        "421 4.7.0");
    const auto run = t.play(0, config);
    REQUIRE(joined(run.mismatches).toStdString() == "");
    CHECK(run.closed);
}

TEST_CASE("the trace records both directions and notes leniency", "[smtp][trace]")
{
    Smtp::SmtpSession session({});
    session.greeting();
    session.receive("HELO a\r\nMAIL FROM:a@b\r\nRCPT TO:<c@d>\r\n");
    const Trace trace = session.takeTrace();
    REQUIRE(trace.size() >= 7);
    CHECK(trace.at(0).kind == TraceEntry::Kind::Event);
    CHECK(trace.at(1).kind == TraceEntry::Kind::Server);
    CHECK(trace.at(1).text.startsWith("220 "));
    CHECK(trace.at(2).kind == TraceEntry::Kind::Client);
    CHECK(trace.at(2).text == "HELO a");
    bool noted = false;
    for (const TraceEntry &entry : trace)
        noted = noted || entry.text.contains("without angle brackets");
    CHECK(noted);
}

TEST_CASE("without a live display the message trace is still complete", "[smtp][trace]")
{
    for (const bool live : {true, false}) {
        INFO(live);
        Smtp::SmtpSession session({});
        session.setLiveTrace(live);
        session.greeting();
        session.receive("EHLO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n");
        const Trace shown = session.takeTrace();
        CHECK(shown.isEmpty() == !live);
        QByteArray all;
        for (const TraceEntry &entry : session.messageTrace())
            all += entry.text + '\n';
        CHECK(all.contains("EHLO a\n"));
        CHECK(all.contains("RCPT TO:<c@d>\n"));
        CHECK(all.contains("354 "));
        if (live)
            CHECK(shown.size() == session.messageTrace().size());
    }
}
