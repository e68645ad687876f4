#include "TestSupport.h"

#include "store/MessageStore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <thread>

using namespace MailSink;
using Store::MessageStore;

namespace {

qint64 store(MessageStore &messages, const QByteArray &bytes, const QByteArray &rcpt = "b@example.com")
{
    auto writer = messages.beginMessage();
    // Arrives in pieces, as it does from a socket.
    for (qsizetype pos = 0; pos < bytes.size(); pos += 7)
        REQUIRE(writer->write(QByteArrayView(bytes).sliced(pos, std::min<qsizetype>(7, bytes.size() - pos))));
    Store::Envelope envelope;
    envelope.mailFrom = "a@example.com";
    envelope.recipients = {rcpt};
    envelope.helo = "client.example";
    const Trace trace = {{1764619267123, TraceEntry::Kind::Client, "MAIL FROM:<a@example.com>"},
        {1764619267124, TraceEntry::Kind::Server, "250 2.1.0 \"quoted\" \\ \x01 ok"}};
    const auto result = messages.commit(std::move(writer), envelope, trace);
    REQUIRE(result.ok);
    return result.id;
}

QStringList files(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files);
}

} // namespace

TEST_CASE("a committed message is in new/ byte for byte, with envelope and trace in the index", "[store]")
{
    QTemporaryDir dir;
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    QSignalSpy stored(&messages, &MessageStore::messageStored);
    const QByteArray bytes
        = "Subject: =?utf-8?q?caf=C3=A9?=\r\nFrom: A <a@example.com>\r\n\r\nbody\r\n\x00\xff\r\n";
    const qint64 id = store(messages, bytes);
    CHECK(stored.count() == 1);
    const auto info = messages.message(id);
    REQUIRE(info);
    CHECK(info->file.startsWith(QStringLiteral("new/")));
    CHECK(Test::readFile(messages.filePath(*info)) == bytes);
    CHECK(info->size == bytes.size());
    CHECK(info->envelope.mailFrom == "a@example.com");
    CHECK(info->envelope.recipients == QList<QByteArray> {"b@example.com"});
    CHECK(info->envelope.helo == "client.example");
    CHECK(info->envelope.received.isValid());
    const Trace trace = messages.trace(id);
    REQUIRE(trace.size() == 2);
    CHECK(trace.at(0).timeMs == 1764619267123);
    CHECK(trace.at(1).kind == TraceEntry::Kind::Server);
    CHECK(trace.at(1).text == "250 2.1.0 \"quoted\" \\ \x01 ok");
    CHECK(files(dir.path() + QStringLiteral("/tmp")).isEmpty());
    CHECK(*messages.readMessage(id) == bytes);
}

TEST_CASE("an abandoned writer leaves nothing behind", "[store][durability]")
{
    QTemporaryDir dir;
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    {
        auto writer = messages.beginMessage();
        writer->write("Subject: never finished\r\n");
        CHECK(files(dir.path() + QStringLiteral("/tmp")).size() == 1);
    }
    CHECK(files(dir.path() + QStringLiteral("/tmp")).isEmpty());
    CHECK(messages.count() == 0);
}

TEST_CASE("when the journal cannot be written, small messages are flushed in their own files and stored",
    "[store][durability]")
{
    QTemporaryDir dir;
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    using Fault = MessageStore::Fault;
    messages.setFaultInjector([](Fault fault) { return fault == Fault::Journal; });
    const QByteArray bytes = "Subject: no journal\r\n\r\nbody\r\n";
    const qint64 id = store(messages, bytes);
    messages.setFaultInjector({});
    const auto info = messages.message(id);
    REQUIRE(info);
    CHECK(Test::readFile(messages.filePath(*info)) == bytes);
    CHECK(files(dir.path() + QStringLiteral("/tmp")).isEmpty());
}

TEST_CASE("seen state moves the file to cur/ with the :2,S flag and back", "[store]")
{
    QTemporaryDir dir;
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    const qint64 id = store(messages, "Subject: x\r\n\r\ny\r\n");
    REQUIRE(messages.setSeen(id, true));
    auto info = messages.message(id);
    CHECK(info->seen);
    CHECK(info->file.endsWith(QStringLiteral(":2,S")));
    CHECK(files(dir.path() + QStringLiteral("/cur")).size() == 1);
    CHECK(files(dir.path() + QStringLiteral("/new")).isEmpty());
    REQUIRE(messages.setSeen(id, false));
    info = messages.message(id);
    CHECK_FALSE(info->seen);
    CHECK(info->file.endsWith(QStringLiteral(":2,")));
    CHECK(Test::readFile(messages.filePath(*info)) == "Subject: x\r\n\r\ny\r\n");
}

TEST_CASE("delete and clear remove files and index rows and tell listeners", "[store]")
{
    QTemporaryDir dir;
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids.append(store(messages, QByteArray("Subject: " + QByteArray::number(i) + "\r\n\r\nx\r\n")));
    QSignalSpy removed(&messages, &MessageStore::messagesRemoved);
    REQUIRE(messages.remove({ids.at(1), ids.at(3)}));
    CHECK(messages.count() == 3);
    CHECK(files(dir.path() + QStringLiteral("/new")).size() == 3);
    CHECK(removed.count() == 1);
    // Newest first.
    const auto list = messages.list();
    REQUIRE(list.size() == 3);
    CHECK(list.at(0).id == ids.at(4));
    CHECK(list.at(2).id == ids.at(0));
    REQUIRE(messages.clear());
    CHECK(messages.count() == 0);
    CHECK(files(dir.path() + QStringLiteral("/new")).isEmpty());
    // Ids are never reused.
    CHECK(store(messages, "Subject: again\r\n\r\n") > ids.last());
}

TEST_CASE("reopening follows files another Maildir client renamed or deleted", "[store][reconcile]")
{
    QTemporaryDir dir;
    qint64 kept = 0, gone = 0;
    {
        MessageStore messages;
        REQUIRE(messages.open(dir.path()));
        kept = store(messages, "Subject: kept\r\n\r\n");
        gone = store(messages, "Subject: gone\r\n\r\n");
        const auto info = messages.message(kept);
        // mutt marks it read: new/X -> cur/X:2,S
        REQUIRE(QFile::rename(messages.filePath(*info),
            dir.path() + QStringLiteral("/cur/") + QString::fromUtf8(info->uniq) + QStringLiteral(":2,RS")));
        QFile::remove(messages.filePath(*messages.message(gone)));
    }
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    CHECK(messages.reconcileReport().dropped == 1);
    CHECK(messages.count() == 1);
    const auto info = messages.message(kept);
    REQUIRE(info);
    CHECK(info->seen);
    CHECK(info->envelope.known); // the envelope survives the rename
    CHECK(Test::readFile(messages.filePath(*info)) == "Subject: kept\r\n\r\n");
}

TEST_CASE("concurrent committers share flushes and lose nothing", "[store][concurrency]")
{
    QTemporaryDir dir;
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    std::vector<std::thread> threads;
    std::atomic<int> failures {0};
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 40; ++i) {
                auto writer = messages.beginMessage();
                writer->write(QByteArray(
                    "Subject: " + QByteArray::number(t) + "-" + QByteArray::number(i) + "\r\n\r\n"));
                if (!messages.commit(std::move(writer), {}, {}).ok)
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    CHECK(failures == 0);
    CHECK(messages.count() == 320);
    CHECK(files(dir.path() + QStringLiteral("/new")).size() == 320);
}

TEST_CASE("a second exclusive open of one store is refused, readers are not", "[store]")
{
    QTemporaryDir dir;
    MessageStore first;
    REQUIRE(first.open(dir.path()));
    store(first, "Subject: one\r\n\r\n");
    MessageStore second;
    CHECK_FALSE(second.open(dir.path()));
    CHECK(second.errorString().contains(QStringLiteral("in use")));
    MessageStore reader;
    REQUIRE(reader.open(dir.path(), MessageStore::Mode::Reader));
    CHECK(reader.count() == 1);
}

TEST_CASE("a message still arriving holds no other commit back, and an aborted one leaves nothing",
    "[store][concurrency]")
{
    QTemporaryDir dir;
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    // A slow client: its message is begun and half written while others are committed one by one; none
    // waits for it (a hang here is a failure), and nothing mixes up.
    auto slow = messages.beginMessage();
    REQUIRE(slow->write("Subject: slow\r\n"));
    for (int i = 0; i < 20; ++i)
        store(messages, "Subject: quick " + QByteArray::number(i) + "\r\n\r\nbody\r\n");
    auto aborted = messages.beginMessage();
    REQUIRE(aborted->write("Subject: never\r\n"));
    aborted.reset(); // the client went away
    REQUIRE(slow->write("\r\nat last\r\n"));
    const auto result = messages.commit(std::move(slow), {}, {});
    REQUIRE(result.ok);
    CHECK(messages.readMessage(result.id) == QByteArray("Subject: slow\r\n\r\nat last\r\n"));
    CHECK(messages.count() == 21);
    CHECK(files(dir.path() + QStringLiteral("/new")).size() == 21);
    CHECK(files(dir.path() + QStringLiteral("/tmp")).isEmpty());
}
