#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace MailSink::Store {

// The store's write-ahead journal: a small message is acknowledged once its bytes, envelope and trace are
// in the journal on disk, one flush for a whole batch, instead of a flush of every message file (which on
// a file system without a journal costs an inode write and a device flush per file). The Maildir file,
// its rename into new/ and the index row are written before the 250 too, but flushed later, by a
// checkpoint, once the kernel has written them back on its own and their flush costs little. After a
// crash (kill -9, power loss) the store replays what the journal holds and was not checkpointed.
//
// On disk: `mailsink-journal/<slot>.seg`, fixed-size segment files, zero-filled ahead of the records so
// that a flush writes data only, never the file's size. A segment holds records of one sequence number
// (new for every use of the slot); a record is a 32-byte header (magic, type, sequence, payload length,
// checksum of all of it) and its payload. Reading stops at the first record that does not check out: a
// torn write, or what an earlier use of the slot left behind.
//
// Thread-safe. append() and forget() are called by the committer and by whoever deletes messages; the
// store's checkpoint thread waits in waitForDue().
class CommitJournal
{
public:
    struct Entry
    {
        QByteArray uniq;
        QByteArray envelopeJson;
        QByteArray traceJson;
        QByteArray body; // the message, exactly as stored
    };
    struct Checkpoint
    {
        int slot = -1;
        QList<QByteArray> uniqs; // the messages of the segment that are still there
    };
    struct Options
    {
        qint64 segmentSize = 8 * 1024 * 1024;
        int maxSegments = 32; // then append() waits for a checkpoint
        std::chrono::milliseconds checkpointAge {35000}; // past the kernel's 30 s dirty expiry
    };

    static constexpr qint64 InlineLimit = 64 * 1024; // larger messages are flushed in their own file

    explicit CommitJournal(QString folder, Options options);
    CommitJournal(const CommitJournal &) = delete;
    CommitJournal &operator=(const CommitJournal &) = delete;
    ~CommitJournal();

    // Opens the segments and reads what they hold: the messages of records not checkpointed and not
    // forgotten since, in the order they were appended (takeRecovered()).
    bool open(QString *error);
    std::vector<Entry> takeRecovered() { return std::move(m_recovered); }
    bool fits(const Entry &entry) const; // whether one record of it fits in a segment

    // Writes the entries and flushes the segment(s) once: on return they are on disk.
    bool append(const std::vector<const Entry *> &entries, QString *error);
    // The batch of the last append() is renamed into new/ and indexed: its segments may be checkpointed.
    // Until then a checkpoint would find neither file nor row and could drop the only flushed copy.
    void settle();
    // Deleted messages: a tombstone, so that a replay does not bring them back.
    void forget(const QList<QByteArray> &uniqs);

    // Blocks until a segment is due for a checkpoint (old enough, or the journal filling up) or stop()
    // was called (nullopt). The caller makes the messages durable, then calls completed().
    std::optional<Checkpoint> waitForDue();
    // Every segment with records, sealed, oldest first: for close() and after a replay.
    std::vector<Checkpoint> sealAll();
    // Durable: the segment's header is zeroed and flushed, the slot is free again. Not durable: it is
    // retried later.
    void completed(const Checkpoint &checkpoint, bool durable);
    void stop();

    int segmentsInUse() const;
    qint64 liveMessages() const;

private:
    enum class State { Free, Current, Sealed, Checkpointing };
    struct Segment
    {
        std::unique_ptr<QFile> file;
        State state = State::Free;
        quint64 sequence = 0;
        qint64 used = 0; // bytes of records
        qint64 zeroed = 0; // bytes known to be written (records or zeros), from the start
        QList<QByteArray> uniqs;
        std::chrono::steady_clock::time_point lastAppend;
    };

    QString slotPath(int slot) const;
    bool openSlot(int slot, QString *error);
    int currentSlot(std::unique_lock<std::mutex> &lock, qint64 need, QString *error);
    bool writeRecords(std::unique_lock<std::mutex> &lock, const std::vector<QByteArray> &records,
        const std::vector<QByteArray> &uniqs, QString *error);
    void readSlot(int slot, std::vector<std::pair<quint64, std::vector<std::pair<int, QByteArray>>>> &out);

    const QString m_folder;
    const Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Segment> m_segments;
    std::unordered_map<std::string, int> m_live; // uniq -> slot
    std::vector<Entry> m_recovered;
    quint64 m_nextSequence = 1;
    bool m_stopping = false;
    bool m_starved = false; // append() waits for a free slot
    std::vector<int> m_unsettled; // slots the batch being committed wrote to
};

} // namespace MailSink::Store
