// The store's write-ahead journal: what a crash takes from the Maildir and the index (files never
// flushed, index rows rolled back), the next open puts back from the journal, byte for byte.

#include "TestSupport.h"

#include "store/MessageStore.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace MailSink;
using Store::MessageStore;
using Fault = MessageStore::Fault;

namespace {

QByteArray message(int n, qsizetype bodySize)
{
    QByteArray body(bodySize, 'x');
    for (qsizetype i = 0; i < body.size(); i += 61)
        body[i] = char('a' + (i + n) % 26);
    return "Subject: message " + QByteArray::number(n) + "\r\nTo: <r" + QByteArray::number(n)
        + "@example.com>\r\n\r\n" + body + "\r\n";
}

qint64 commit(MessageStore &store, const QByteArray &bytes, const QByteArray &rcpt)
{
    auto writer = store.beginMessage();
    REQUIRE(writer->write(bytes));
    Store::Envelope envelope;
    envelope.mailFrom = "sender@example.com";
    envelope.recipients = {rcpt};
    envelope.helo = "client.example";
    const Trace trace = {{1764619267123, TraceEntry::Kind::Client, "DATA"},
        {1764619267124, TraceEntry::Kind::Server, "250 2.0.0 Ok: queued as " + writer->uniq()}};
    const auto result = store.commit(std::move(writer), envelope, trace);
    REQUIRE(result.ok);
    return result.id;
}

// Opens the store as a crashed process left it: every checkpoint failed, so the journal holds it all.
void openCrashing(MessageStore &store, const QString &path)
{
    store.setFaultInjector([](Fault fault) { return fault == Fault::Checkpoint; });
    REQUIRE(store.open(path));
}

// What a power loss can do to what was never flushed: index rows rolled back.
void dropIndexRows(const QString &root, const QStringList &uniqs)
{
    const QString name = QStringLiteral("journal-test-index");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(root + QStringLiteral("/mailsink-index.sqlite"));
        REQUIRE(db.open());
        QSqlQuery drop(db);
        drop.prepare(QStringLiteral("DELETE FROM messages WHERE uniq = ?"));
        for (const QString &uniq : uniqs) {
            drop.addBindValue(uniq);
            REQUIRE(drop.exec());
        }
    }
    QSqlDatabase::removeDatabase(name);
}

QStringList segmentFiles(const QString &root)
{
    return QDir(root + QStringLiteral("/mailsink-journal")).entryList({QStringLiteral("*.seg")}, QDir::Files);
}

} // namespace

TEST_CASE(
    "files and index rows a crash lost are restored from the journal, byte for byte", "[store][durability]")
{
    QTemporaryDir dir;
    QList<QByteArray> sent;
    QStringList uniqs;
    {
        MessageStore store;
        openCrashing(store, dir.path());
        for (int n = 0; n < 30; ++n) {
            sent.append(message(n, n * 997 % 20000));
            const qint64 id = commit(store, sent.last(), "r" + QByteArray::number(n) + "@example.com");
            uniqs.append(QString::fromUtf8(store.message(id)->uniq));
        }
        // A large message is flushed in its own file: the journal keeps only the small ones.
        sent.append(message(30, 200 * 1024));
        commit(store, sent.last(), "big@example.com");
        CHECK(store.journalLiveMessages() == 30);
        store.setSeen(store.ids().constLast(), true); // the oldest: read, so it is in cur/ now
        store.close();
    }
    // The crash: a third of the files gone, a third torn, and the index rows of all small ones lost.
    for (int n = 0; n < 30; ++n) {
        QString path = dir.path() + QStringLiteral("/new/") + uniqs[n];
        if (!QFile::exists(path))
            path = dir.path() + QStringLiteral("/cur/") + uniqs[n] + QStringLiteral(":2,S");
        REQUIRE(QFile::exists(path));
        if (n % 3 == 0) {
            QFile::remove(path);
        } else if (n % 3 == 1) {
            QFile file(path);
            REQUIRE(file.open(QIODevice::ReadWrite));
            file.resize(file.size() / 2);
        }
    }
    dropIndexRows(dir.path(), uniqs);

    MessageStore store;
    REQUIRE(store.open(dir.path()));
    CHECK(store.reconcileReport().restored == 20);
    CHECK(store.reconcileReport().reindexed == 30);
    CHECK(store.reconcileReport().dropped == 0);
    REQUIRE(store.count() == 31);
    QSet<QByteArray> recipients;
    for (const qint64 id : store.ids()) {
        const auto info = store.message(id);
        REQUIRE(info);
        const QByteArray bytes = *store.readMessage(id);
        CHECK(sent.contains(bytes));
        CHECK(info->size == bytes.size());
        CHECK(info->envelope.mailFrom == "sender@example.com");
        CHECK(info->subject.startsWith(QStringLiteral("message ")));
        REQUIRE(info->envelope.recipients.size() == 1);
        recipients.insert(info->envelope.recipients.first());
        const Trace trace = store.trace(id);
        REQUIRE(trace.size() == 2);
        CHECK(trace.at(1).text.endsWith(info->uniq));
    }
    CHECK(recipients.size() == 31);
    CHECK(QDir(dir.path() + QStringLiteral("/tmp")).entryList(QDir::Files).isEmpty());
    // Replayed and checkpointed: the next open has nothing to repair.
    CHECK(store.journalLiveMessages() == 0);
    store.close();
    MessageStore again;
    REQUIRE(again.open(dir.path()));
    CHECK(again.reconcileReport().restored == 0);
    CHECK(again.reconcileReport().reindexed == 0);
    CHECK(again.count() == 31);
}

TEST_CASE("a message deleted before a crash stays deleted", "[store][durability]")
{
    QTemporaryDir dir;
    QStringList uniqs;
    {
        MessageStore store;
        openCrashing(store, dir.path());
        QList<qint64> ids;
        for (int n = 0; n < 6; ++n) {
            ids.append(commit(store, message(n, 100), "a@example.com"));
            uniqs.append(QString::fromUtf8(store.message(ids.last())->uniq));
        }
        REQUIRE(store.remove({ids[1], ids[4]}));
        CHECK(store.journalLiveMessages() == 4);
        store.close();
    }
    // The deletions reached the disk, nothing else did.
    for (int n : {0, 2, 3, 5})
        QFile::remove(dir.path() + QStringLiteral("/new/") + uniqs[n]);
    dropIndexRows(dir.path(), uniqs);
    {
        MessageStore store;
        openCrashing(store, dir.path());
        CHECK(store.reconcileReport().restored == 4);
        CHECK(store.count() == 4);
        CHECK_FALSE(QFile::exists(dir.path() + QStringLiteral("/new/") + uniqs[1]));
        CHECK_FALSE(QFile::exists(dir.path() + QStringLiteral("/new/") + uniqs[4]));
        // Cleared, then crashed again: nothing comes back.
        REQUIRE(store.clear());
        store.close();
    }
    MessageStore store;
    REQUIRE(store.open(dir.path()));
    CHECK(store.count() == 0);
    CHECK(store.reconcileReport().restored == 0);
}

TEST_CASE(
    "a torn or stale journal record ends the replay, what came before it is restored", "[store][durability]")
{
    QTemporaryDir dir;
    QStringList uniqs;
    {
        MessageStore store;
        openCrashing(store, dir.path());
        for (int n = 0; n < 3; ++n)
            uniqs.append(
                QString::fromUtf8(store.message(commit(store, message(n, 300), "a@example.com"))->uniq));
        store.close();
    }
    for (const QString &uniq : uniqs)
        QFile::remove(dir.path() + QStringLiteral("/new/") + uniq);
    dropIndexRows(dir.path(), uniqs);
    // One bit of the third record flipped: it and whatever follows it were never completely written.
    const QStringList segments = segmentFiles(dir.path());
    REQUIRE(segments.size() == 1);
    QFile segment(dir.path() + QStringLiteral("/mailsink-journal/") + segments.first());
    REQUIRE(segment.open(QIODevice::ReadWrite));
    const QByteArray data = segment.readAll();
    const qsizetype third = data.indexOf(uniqs[2].toUtf8()) + 3;
    REQUIRE(third > 3);
    segment.seek(third);
    segment.write(QByteArray(1, char(data[third] ^ 0x20)));
    segment.close();

    MessageStore store;
    REQUIRE(store.open(dir.path()));
    CHECK(store.count() == 2);
    CHECK(QFile::exists(dir.path() + QStringLiteral("/new/") + uniqs[0]));
    CHECK(QFile::exists(dir.path() + QStringLiteral("/new/") + uniqs[1]));
    CHECK_FALSE(QFile::exists(dir.path() + QStringLiteral("/new/") + uniqs[2]));
}

TEST_CASE("checkpoints free the journal's segments while messages keep coming", "[store][durability]")
{
    QTemporaryDir dir;
    MessageStore store;
    // Four segments of 64 KiB for 600 KiB of messages: commits wait for checkpoints to free a slot.
    Store::CommitJournal::Options options;
    options.segmentSize = 64 * 1024;
    options.maxSegments = 4;
    options.checkpointAge = std::chrono::milliseconds(0);
    store.setJournalOptions(options);
    REQUIRE(store.open(dir.path()));
    std::vector<std::thread> threads;
    std::atomic<int> failures {0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                auto writer = store.beginMessage();
                writer->write(message(t * 100 + i, 3000));
                if (!store.commit(std::move(writer), {}, {}).ok)
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    CHECK(failures == 0);
    CHECK(store.count() == 200);
    CHECK(store.journalSegmentsInUse() <= 4);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (store.journalLiveMessages() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(store.journalLiveMessages() == 0);
    // The burst over, two spare segments are kept, the others deleted.
    CHECK(segmentFiles(dir.path()).size() <= 3);
}

TEST_CASE("small messages are journaled, large ones flushed in their own file", "[store][durability]")
{
    QTemporaryDir dir;
    MessageStore store;
    REQUIRE(store.open(dir.path()));
    commit(store, message(1, 64 * 1024 - 100), "a@example.com");
    CHECK(store.journalLiveMessages() == 1);
    commit(store, message(2, 64 * 1024 + 1), "a@example.com");
    CHECK(store.journalLiveMessages() == 1);
    store.close();
    // A clean close checkpoints everything: nothing left for a replay.
    MessageStore again;
    REQUIRE(again.open(dir.path()));
    CHECK(again.journalLiveMessages() == 0);
    CHECK(again.reconcileReport().restored == 0);
    CHECK(again.count() == 2);
}
