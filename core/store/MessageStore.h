#pragma once

#include "CommitJournal.h"
#include "Envelope.h"
#include "MessageInfo.h"
#include "MessageWriter.h"
#include "util/TraceEntry.h"

#include <QHash>
#include <QLockFile>
#include <QObject>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace MailSink::Store {

struct CommitResult
{
    bool ok = false;
    qint64 id = 0;
    QString error;
};

struct ReconcileReport
{
    int indexed = 0; // files found in the Maildir without an index row
    int dropped = 0; // index rows whose file had gone
    int cleanedTmp = 0; // stray files removed from tmp/
    int restored = 0; // message files written again from the journal after a crash
    int reindexed = 0; // index rows written again from the journal after a crash
};

// A Maildir (https://cr.yp.to/proto/maildir.html) plus an SQLite index of envelopes and traces.
// commit() is thread-safe and blocks until the message is durable; commitAsync() calls back instead.
// Concurrent sessions share one batch (group commit): the small messages of a batch go into the journal
// (CommitJournal) with one flush, a large one's file is flushed itself; then the renames into new/ and
// one index transaction. The journal's checkpoints flush the rest later; a crash is repaired from the
// journal on the next open. Queries are thread-safe; each thread gets its own index connection.
class MessageStore : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Exclusive, // serving: takes the store lock, cleans tmp/, reconciles the index
        Reader, // list/inspect: reads the index, changes nothing
    };
    // Test seam for storage failures. Checkpoint: journal checkpoints fail, so close() leaves the journal as
    // a crash would, for the next open to replay. Journal: writing the journal fails, so the batch's small
    // messages are flushed in their own files instead.
    enum class Fault { Create, Write, Sync, Rename, Index, Checkpoint, Journal };

    explicit MessageStore(QObject *parent = nullptr);
    ~MessageStore() override;

    static QString defaultLocation();

    bool open(const QString &root, Mode mode = Mode::Exclusive);
    void close();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString root() const { return m_root; }
    ReconcileReport reconcileReport() const { return m_reconcile; }

    // Writing.
    std::unique_ptr<MessageWriter> beginMessage();
    CommitResult commit(std::unique_ptr<MessageWriter> writer, const Envelope &envelope, const Trace &trace);
    // The same without waiting: `done` is called exactly once, on the committer thread (or at once on the
    // calling thread when the message cannot even be queued), after the batch is durable or has failed.
    void commitAsync(std::unique_ptr<MessageWriter> writer, const Envelope &envelope, const Trace &trace,
        std::function<void(const CommitResult &)> done);

    // Reading. Newest first.
    QList<MessageInfo> list(int limit = -1, int offset = 0) const;
    QList<qint64> ids() const;
    // Every message, newest first, one row at a time (one statement: no row twice, none skipped, while
    // others commit); stops when `visit` returns false. Without the envelope it reads less.
    bool forEach(const std::function<bool(const MessageInfo &)> &visit, bool withEnvelope = true) const;
    std::optional<MessageInfo> message(qint64 id) const;
    qint64 count() const;
    qint64 nextId() const; // the id the next message will get at the earliest (ids are never reused)
    qint64 unreadCount() const;
    QString filePath(const MessageInfo &info) const;
    std::optional<QByteArray> readMessage(qint64 id, QString *error = nullptr) const;
    Trace trace(qint64 id) const;

    // Changing.
    bool remove(const QList<qint64> &ids);
    bool clear();
    bool setSeen(qint64 id, bool seen);
    // IMAP flags other than \Seen (which is `seen`), e.g. "\\Flagged \\Deleted $Label1", space-separated.
    // \Answered, \Flagged, \Deleted and \Draft are mirrored to the Maildir info letters R, F, T and D.
    bool setFlags(qint64 id, bool seen, const QByteArray &flags);
    QHash<qint64, QByteArray> flags() const; // every message that has any
    QByteArray flags(qint64 id) const;
    // A value of the index's meta table; set to `initial` first when absent (kept across restarts).
    QString metaValue(const QString &key, const QString &initial);

    // The journal's segment size, limits and checkpoint age; before open().
    void setJournalOptions(const CommitJournal::Options &options) { m_journalOptions = options; }
    int journalSegmentsInUse() const { return m_journal ? m_journal->segmentsInUse() : 0; }
    qint64 journalLiveMessages() const { return m_journal ? m_journal->liveMessages() : 0; }

    void setFaultInjector(std::function<bool(Fault)> injector) { m_faults = std::move(injector); }
    bool injectFault(Fault fault) const { return m_faults && m_faults(fault); }

Q_SIGNALS:
    // Emitted from the committing thread; connect with a context object for a queued call.
    void messageStored(const MailSink::Store::MessageInfo &info);
    void messagesRemoved(const QList<qint64> &ids);
    void seenChanged(qint64 id, bool seen);
    void flagsChanged(qint64 id); // setFlags() changed the flags (seenChanged follows for \Seen)

private:
    struct Pending;
    bool openIndex();
    bool reconcile();
    void commitLoop();
    void commitBatch(std::vector<std::shared_ptr<Pending>> &batch);
    bool replayJournal();
    bool makeDurable(const QList<QByteArray> &uniqs, QString *error);
    void checkpointLoop();
    void checkpointAll();
    QString connectionName() const;
    QByteArray newUniq();
    bool setError(const QString &error);

    QString m_root;
    QString m_error;
    Mode m_mode = Mode::Exclusive;
    bool m_open = false;
    std::unique_ptr<QLockFile> m_lock;
    ReconcileReport m_reconcile;
    std::function<bool(Fault)> m_faults;
    QByteArray m_host;
    QByteArray m_pid;
    std::atomic<quint64> m_sequence {0};
    QString m_instance; // distinguishes index connections of several stores in one process

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<Pending>> m_queue;
    bool m_stopping = false;
    std::thread m_committer;
    CommitJournal::Options m_journalOptions;
    std::unique_ptr<CommitJournal> m_journal; // null: every message is flushed in its own file
    std::thread m_checkpointer;
    int m_newDirFd = -1; // new/, kept open for the fsync of every batch (POSIX)
};

} // namespace MailSink::Store
