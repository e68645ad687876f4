// What the store flushes, seen from the system calls: this executable defines fdatasync() and fsync()
// itself (and exports them, see CMakeLists.txt), so that SQLite's and the store's flushes pass through
// here on their way to the kernel and can be counted by the file they flush.

#include "store/CommitJournal.h"
#include "store/MessageStore.h"
#include "store/StoreIndex.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include <sys/syscall.h>
#include <unistd.h>

namespace {

std::atomic<bool> recording {false};
std::mutex flushedMutex;
std::vector<std::string> flushedPaths;

void note(int fd)
{
    if (!recording)
        return;
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    char target[4096];
    const ssize_t n = ::readlink(link.c_str(), target, sizeof target);
    std::lock_guard lock(flushedMutex);
    flushedPaths.emplace_back(n > 0 ? std::string(target, size_t(n)) : std::string("?"));
}

} // namespace

extern "C" int fdatasync(int fd)
{
    note(fd);
    return int(::syscall(SYS_fdatasync, fd));
}

extern "C" int fsync(int fd)
{
    note(fd);
    return int(::syscall(SYS_fsync, fd));
}

using namespace MailSink;
using Store::MessageStore;

namespace {

// The files flushed while one message was committed.
std::vector<std::string> flushesOfCommit(MessageStore &messages, const QByteArray &bytes)
{
    auto writer = messages.beginMessage();
    REQUIRE(writer->write(bytes));
    Store::Envelope envelope;
    envelope.mailFrom = "a@example.com";
    envelope.recipients = {"b@example.com"};
    {
        std::lock_guard lock(flushedMutex);
        flushedPaths.clear();
    }
    recording = true;
    const auto result = messages.commit(std::move(writer), envelope, {});
    recording = false;
    REQUIRE(result.ok);
    std::lock_guard lock(flushedMutex);
    return flushedPaths;
}

int count(const std::vector<std::string> &paths, const std::string &suffix)
{
    int n = 0;
    for (const std::string &path : paths)
        n += path.size() >= suffix.size()
            && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
    return n;
}

int countUnder(const std::vector<std::string> &paths, const std::string &folder)
{
    int n = 0;
    for (const std::string &path : paths)
        n += path.find(folder) != std::string::npos;
    return n;
}

} // namespace

TEST_CASE("a large message's batch flushes its file, new/ and the index, a small one's only the journal",
    "[store][durability]")
{
    QTemporaryDir dir;
    MessageStore messages;
    REQUIRE(messages.open(dir.path()));
    const std::string wal = std::string("/") + Store::Index::File + "-wal";
    const std::string root = dir.path().toStdString();
    const QByteArray small = "Subject: small\r\n\r\nbody\r\n";
    QByteArray large = "Subject: large\r\n\r\n";
    while (large.size() <= Store::CommitJournal::InlineLimit)
        large += QByteArray(76, 'x') + "\r\n";

    flushesOfCommit(messages, small); // the committer's index connection is open from here on

    for (int round = 0; round < 2; ++round) {
        INFO("round " << round);
        const auto journaled = flushesOfCommit(messages, small);
        CHECK(countUnder(journaled, root + "/mailsink-journal/") == 1);
        CHECK(count(journaled, wal) == 0); // the journal holds the row until a checkpoint
        CHECK(countUnder(journaled, root + "/tmp/") == 0);
        CHECK(journaled.size() == 1);

        const auto direct = flushesOfCommit(messages, large);
        CHECK(countUnder(direct, root + "/tmp/") == 1); // the message file, before its rename
        CHECK(count(direct, root + "/new") == 1); // the rename
        CHECK(count(direct, wal) >= 1); // the index row, at its commit
        CHECK(countUnder(direct, root + "/mailsink-journal/") == 0);
    }

    // The journal failing: the small message is made durable the way a large one is.
    using Fault = MessageStore::Fault;
    messages.setFaultInjector([](Fault fault) { return fault == Fault::Journal; });
    const auto fallback = flushesOfCommit(messages, small);
    messages.setFaultInjector({});
    CHECK(countUnder(fallback, root + "/tmp/") == 1);
    CHECK(count(fallback, root + "/new") == 1);
    CHECK(count(fallback, wal) >= 1);
}
