#include "pop3/Pop3Session.h"
#include "FakeMaildrop.h"
#include "Pop3Transcript.h"
#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <QDir>

using namespace MailSink;
using MailSink::Test::Pop3Transcript;
using MailSink::Test::testData;

namespace {

QStringList transcriptNames()
{
    return QDir(testData(QStringLiteral("pop3")))
        .entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
}

} // namespace

TEST_CASE("every POP3 transcript plays the same at any chunk size", "[pop3][session][transcript]")
{
    const QStringList names = transcriptNames();
    REQUIRE(names.size() >= 20);
    const auto chunk = GENERATE(1, 3, 64, 1 << 20);
    for (const QString &name : names) {
        DYNAMIC_SECTION(name.toStdString() << " in chunks of " << chunk)
        {
            const auto run = Pop3Transcript::fromFile(testData(QStringLiteral("pop3/") + name)).play(chunk);
            INFO(run.mismatches.join(u'\n').toStdString());
            CHECK(run.mismatches.isEmpty());
        }
    }
}

TEST_CASE("RETR output is byte for byte the stored message, CRLF and stuffed", "[pop3][session][framing]")
{
    const auto run = Pop3Transcript::fromText("M: 7 u7 - simple.eml\n"
                                              "S: +OK\nC: USER all\nC: PASS x\nC: RETR 1\nS: +OK\nS: +OK\n")
                         .play(1 << 20);
    const QByteArray expected
        = "+OK 121 octets\r\n"
          "From: Ann <ann@example.com>\r\nTo: bob@example.com\r\nSubject: simple\r\n\r\n"
          "Hello Bob.\r\n..leading dot\r\n...two dots\r\n..\r\nlast line\r\n.\r\n";
    CHECK(run.output.endsWith(expected));
}

TEST_CASE("two sessions of one server share the maildrop lock", "[pop3][session][lock]")
{
    auto store = std::make_shared<Test::FakeStore>();
    store->messages.append({1, "u1", {"bob@example.com"}, "Subject: a\r\n\r\nbody\r\n"});
    Pop3::Pop3Config config;
    Pop3::Pop3Session first(config, std::make_unique<Test::FakeMaildrop>(store));
    Pop3::Pop3Session second(config, std::make_unique<Test::FakeMaildrop>(store));
    first.greeting();
    second.greeting();

    CHECK(first.receive("USER all\r\nPASS x\r\n")
              .endsWith("+OK Logged in; maildrop has 1 message (20 octets)\r\n"));
    CHECK(first.inTransaction());
    CHECK(second.receive("USER ALL\r\nPASS y\r\n")
              .endsWith("-ERR [IN-USE] Maildrop is locked by another POP3 session\r\n"));
    CHECK_FALSE(second.inTransaction());
    // Another view is another maildrop.
    Pop3::Pop3Session third(config, std::make_unique<Test::FakeMaildrop>(store));
    CHECK(third.receive("USER bob@example.com\r\nPASS y\r\n")
              .endsWith("+OK Logged in; maildrop has 1 message (20 octets)\r\n"));

    first.receive("DELE 1\r\nQUIT\r\n");
    CHECK(first.isClosed());
    CHECK(store->removed == QList<qint64> {1});
    // The snapshot stays: a session that listed it keeps seeing it until the next one.
    CHECK(third.receive("STAT\r\n") == "+OK 1 20\r\n");

    CHECK(second.receive("USER all\r\nPASS y\r\n")
              .endsWith("+OK Logged in; maildrop has 0 messages (0 octets)\r\n"));
}

TEST_CASE("a session destroyed while in TRANSACTION frees its lock", "[pop3][session][lock]")
{
    auto store = std::make_shared<Test::FakeStore>();
    {
        Pop3::Pop3Session session(Pop3::Pop3Config {}, std::make_unique<Test::FakeMaildrop>(store));
        session.greeting();
        session.receive("USER all\r\nPASS x\r\nDELE 1\r\n");
        CHECK(store->registry.isLocked(QStringLiteral("*")));
    }
    CHECK_FALSE(store->registry.isLocked(QStringLiteral("*")));
    CHECK(store->removed.isEmpty());
}

TEST_CASE("the trace shows the conversation with secrets hidden", "[pop3][session][trace]")
{
    auto store = std::make_shared<Test::FakeStore>();
    Pop3::Pop3Config config;
    config.clientAddress = QStringLiteral("127.0.0.1");
    Pop3::Pop3Session session(config, std::make_unique<Test::FakeMaildrop>(store));
    session.greeting();
    session.receive("USER all\r\nPASS hunter2\r\nQUIT\r\n");
    session.receive("AUTH PLAIN AHRlc3RlcgBzM2NyZXQ=\r\n");
    QByteArray text;
    for (const TraceEntry &entry : session.takeTrace())
        text += TraceEntry::kindName(entry.kind) + ' ' + entry.text + '\n';
    CHECK(text.contains("PASS ****"));
    CHECK_FALSE(text.contains("hunter2"));
    CHECK(text.contains("USER all"));
    CHECK(text.contains("+OK Mailsink POP3 server signing off"));
}

TEST_CASE("the APOP banner timestamp is unique per session", "[pop3][session][apop]")
{
    auto store = std::make_shared<Test::FakeStore>();
    Pop3::Pop3Session a(Pop3::Pop3Config {}, std::make_unique<Test::FakeMaildrop>(store));
    Pop3::Pop3Session b(Pop3::Pop3Config {}, std::make_unique<Test::FakeMaildrop>(store));
    const QByteArray greeting = a.greeting();
    CHECK(greeting.startsWith("+OK "));
    CHECK(greeting.endsWith(QByteArray(a.apopTimestamp() + "\r\n")));
    CHECK(a.apopTimestamp().startsWith('<'));
    CHECK(a.apopTimestamp().contains('@'));
    CHECK(a.apopTimestamp() != b.apopTimestamp());
}
