// MessageStore's write path: the group commit of received messages, the journal's checkpoints, and the
// replay of the journal after a crash. Reading and changing stored messages is in MessageStore.cpp.

#include "MessageStore.h"

#include "DurableSync.h"
#include "StoreIndex.h"
#include "mime/HeaderSummary.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <future>

namespace MailSink::Store {

namespace {

// Named, not positional: Qt 6's positional bindValue() formats a ":N" name per value
// (callgrind: 2,000 instructions a value, a tenth of a message's work).
const QString &bindName(int column)
{
    static const QString names[] = {QStringLiteral(":uniq"), QStringLiteral(":file"),
        QStringLiteral(":received"), QStringLiteral(":size"), QStringLiteral(":seen"),
        QStringLiteral(":subject"), QStringLiteral(":sender"), QStringLiteral(":recipients"),
        QStringLiteral(":has_attachments"), QStringLiteral(":envelope"), QStringLiteral(":trace")};
    return names[column];
}

const char *InsertMessage
    = "INSERT INTO messages (uniq, file, received, size, seen, subject, sender, recipients,"
      " has_attachments, envelope, trace) VALUES (:uniq, :file, :received, :size, :seen,"
      " :subject, :sender, :recipients, :has_attachments, :envelope, :trace)";

void bindMessage(
    QSqlQuery &insert, const MessageInfo &info, const QByteArray &envelopeJson, const QByteArray &traceJson)
{
    insert.bindValue(bindName(0), QString::fromUtf8(info.uniq));
    insert.bindValue(bindName(1), info.file);
    insert.bindValue(bindName(2), info.received.toMSecsSinceEpoch());
    insert.bindValue(bindName(3), info.size);
    insert.bindValue(bindName(4), info.seen);
    insert.bindValue(bindName(5), info.subject);
    insert.bindValue(bindName(6), info.from);
    insert.bindValue(bindName(7), info.to);
    insert.bindValue(bindName(8), info.hasAttachments);
    // As bytes: a QString would be converted to UTF-16 and back by Qt and SQLite.
    insert.bindValue(bindName(9), envelopeJson);
    insert.bindValue(bindName(10), traceJson);
}

void summarize(MessageInfo &info, const QByteArray &head)
{
    const Mime::HeaderSummary summary = Mime::summarizeHeaders(head);
    info.subject = summary.subject;
    info.from = summary.from;
    info.to = summary.to;
    info.hasAttachments = summary.hasAttachments;
}

bool renameFile(const QString &from, const QString &to)
{
#ifdef Q_OS_UNIX
    // QFile::rename stats the target first; Maildir names are unique, so a plain rename() will do.
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
#else
    QFile::remove(to);
    return QFile::rename(from, to);
#endif
}

bool holds(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.size() == bytes.size() && file.readAll() == bytes;
}

} // namespace

struct MessageStore::Pending
{
    std::unique_ptr<MessageWriter> writer;
    MessageInfo info;
    CommitJournal::Entry entry; // uniq, envelope and trace JSON; the body too when journaled
    bool journaled = false; // acknowledged once in the journal; otherwise its own file is flushed
    std::function<void(const CommitResult &)> done; // called once, on the committer thread
};

QByteArray MessageStore::newUniq()
{
    // Maildir unique name: seconds, microseconds, pid and a per-process sequence number.
    const qint64 us = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now().time_since_epoch())
                          .count();
    return QByteArray::number(us / 1000000) + ".M" + QByteArray::number(us % 1000000) + 'P' + m_pid + 'Q'
        + QByteArray::number(++m_sequence) + '.' + m_host;
}

std::unique_ptr<MessageWriter> MessageStore::beginMessage()
{
    const QByteArray uniq = newUniq();
    return std::unique_ptr<MessageWriter>(
        new MessageWriter(this, uniq, m_root + QStringLiteral("/tmp/") + QString::fromUtf8(uniq)));
}

CommitResult MessageStore::commit(
    std::unique_ptr<MessageWriter> writer, const Envelope &envelope, const Trace &trace)
{
    std::promise<CommitResult> promise;
    std::future<CommitResult> result = promise.get_future();
    commitAsync(
        std::move(writer), envelope, trace, [&promise](const CommitResult &r) { promise.set_value(r); });
    return result.get();
}

void MessageStore::commitAsync(std::unique_ptr<MessageWriter> writer, const Envelope &envelope,
    const Trace &trace, std::function<void(const CommitResult &)> done)
{
    if (!writer)
        return done({false, 0, QStringLiteral("no message")});
    if (!m_committer.joinable())
        return done({false, 0, QStringLiteral("the store is not open for writing")});
    if (writer->hasFailed())
        return done({false, 0, writer->errorString()});

    // Everything that needs no shared state is prepared here, on the session's thread.
    auto pending = std::make_shared<Pending>();
    MessageInfo &info = pending->info;
    summarize(info, writer->head());
    info.uniq = writer->uniq();
    info.file = QStringLiteral("new/") + QString::fromUtf8(info.uniq);
    info.envelope = envelope;
    if (!info.envelope.received.isValid())
        info.envelope.received = QDateTime::currentDateTimeUtc();
    info.received = info.envelope.received.toUTC();
    info.size = writer->size();
    CommitJournal::Entry &entry = pending->entry;
    entry.uniq = info.uniq;
    entry.envelopeJson = info.envelope.toJsonBytes();
    entry.traceJson = traceToJsonBytes(trace);
    if (m_journal && writer->size() <= CommitJournal::InlineLimit
        && writer->head().size() == writer->size()) {
        entry.body = writer->head(); // shared, not copied
        pending->journaled = m_journal->fits(entry);
        if (!pending->journaled)
            entry.body.clear();
    }
    pending->writer = std::move(writer);
    pending->done = std::move(done);
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(pending));
    }
    m_wake.notify_one();
}

void MessageStore::commitLoop()
{
    std::vector<std::shared_ptr<Pending>> batch;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                break;
            while (!m_queue.empty() && batch.size() < 512) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        commitBatch(batch);
        batch.clear();
    }
    QSqlDatabase::removeDatabase(connectionName());
}

void MessageStore::commitBatch(std::vector<std::shared_ptr<Pending>> &batch)
{
    // However the batch ends, its journal segments may be checkpointed afterwards.
    struct Settle
    {
        CommitJournal *journal;
        ~Settle()
        {
            if (journal)
                journal->settle();
        }
    } settle {m_journal.get()};
    auto fail = [&](std::shared_ptr<Pending> &pending, const QString &why) {
        pending->writer->discard();
        pending->done({false, 0, why});
        pending.reset();
    };
    auto failAll = [&](const QString &why) {
        qCWarning(lcStore).noquote() << "storage failure:" << why;
        for (auto &pending : batch) {
            if (pending)
                fail(pending, why);
        }
    };
    auto forgetJournaled = [&] {
        QList<QByteArray> uniqs;
        for (const auto &pending : batch) {
            if (pending && pending->journaled)
                uniqs.append(pending->info.uniq);
        }
        if (m_journal && !uniqs.isEmpty())
            m_journal->forget(uniqs);
    };

    // 1. Message bytes reach the disk before any of them becomes visible in new/: a small message's in
    // the journal (one write and one flush for the batch), a large one's in its own file. Nothing else of
    // the file system is flushed.
    QString error;
    if (injectFault(Fault::Sync))
        return failAll(QStringLiteral("cannot flush messages to disk: injected failure"));
    for (const auto &pending : batch) {
        if (!pending->journaled)
            DurableSync::startWriteback(pending->writer->fileDescriptor());
    }
    for (const auto &pending : batch) {
        if (!pending->journaled)
            DurableSync::waitWriteback(pending->writer->fileDescriptor());
    }
    std::vector<const CommitJournal::Entry *> entries;
    for (auto &pending : batch) {
        const bool closed
            = pending->journaled ? pending->writer->closeFile(&error) : pending->writer->syncAndClose(&error);
        if (!closed) {
            const QString why = QStringLiteral("cannot flush the message to disk: %1").arg(error);
            qCWarning(lcStore).noquote() << why;
            fail(pending, why);
        } else if (pending->journaled) {
            entries.push_back(&pending->entry);
        }
    }
    const bool journalFault = !entries.empty() && injectFault(Fault::Journal);
    if (journalFault)
        error = QStringLiteral("cannot write the journal: injected failure");
    if (!entries.empty() && (journalFault || !m_journal->append(entries, &error))) {
        qCWarning(lcStore).noquote() << error << "- flushing the messages one by one";
        forgetJournaled();
        for (auto &pending : batch) {
            if (!pending || !pending->journaled)
                continue;
            pending->journaled = false;
            if (!DurableSync::syncFile(pending->writer->m_tmpPath, &error))
                fail(pending, QStringLiteral("cannot flush the message to disk: %1").arg(error));
        }
    }

    // 2. Maildir delivery: rename tmp/ -> new/ (atomic).
    const QString newDir = m_root + QStringLiteral("/new/");
    QList<QByteArray> undelivered;
    for (auto &pending : batch) {
        if (!pending)
            continue;
        const QString target = newDir + QString::fromUtf8(pending->info.uniq);
        if (injectFault(Fault::Rename) || !renameFile(pending->writer->m_tmpPath, target)) {
            const QString why = QStringLiteral("cannot move the message into %1").arg(newDir);
            qCWarning(lcStore).noquote() << why;
            if (pending->journaled)
                undelivered.append(pending->info.uniq);
            fail(pending, why);
        }
    }
    if (m_journal && !undelivered.isEmpty())
        m_journal->forget(undelivered); // refused, so a replay must not bring it back

    auto unlinkDelivered = [&] {
        forgetJournaled();
        for (const auto &pending : batch) {
            if (pending)
                QFile::remove(newDir + QString::fromUtf8(pending->info.uniq));
        }
    };
    const bool delivered
        = std::any_of(batch.begin(), batch.end(), [](const auto &pending) { return bool(pending); });
    if (!delivered)
        return;
    const bool direct = std::any_of(
        batch.begin(), batch.end(), [](const auto &pending) { return pending && !pending->journaled; });

    // 3. The renames of messages not in the journal reach the disk: one fsync of new/ for the batch.
    if (direct && !DurableSync::syncDirectory(m_newDirFd, &error)) {
        unlinkDelivered();
        return failAll(QStringLiteral("cannot flush %1 to disk: %2").arg(newDir, error));
    }

    // 4. The index, one transaction for the batch; flushed at its commit unless the journal holds it all.
    QSqlDatabase db
        = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), !m_journal);
    static thread_local std::unique_ptr<QSqlQuery> cached, begin, commit, rollback;
    static thread_local QString cachedFor;
    static thread_local bool synchronousFull = false;
    if (!cached || cachedFor != db.connectionName()) {
        // Prepared once per commit thread; SQLite keeps the compiled statements.
        cached = std::make_unique<QSqlQuery>(db);
        cached->prepare(QLatin1String(InsertMessage));
        // QSqlDatabase::transaction() and commit() compile their statement every time.
        begin = std::make_unique<QSqlQuery>(db);
        begin->prepare(QStringLiteral("BEGIN"));
        commit = std::make_unique<QSqlQuery>(db);
        commit->prepare(QStringLiteral("COMMIT"));
        rollback = std::make_unique<QSqlQuery>(db);
        rollback->prepare(QStringLiteral("ROLLBACK"));
        cachedFor = db.connectionName();
        synchronousFull = !m_journal; // as Index::connection() opened it
    }
    // The commit flushes the index unless the journal holds the whole batch; the mode is switched only
    // when that changes (a large message among small ones). Not a prepared statement: SQLite applies
    // PRAGMA synchronous while compiling it, so running a statement compiled earlier changes nothing.
    const bool flushIndex = !m_journal || direct;
    if (flushIndex != synchronousFull
        && QSqlQuery(db).exec(flushIndex ? QStringLiteral("PRAGMA synchronous=FULL")
                                         : QStringLiteral("PRAGMA synchronous=NORMAL")))
        synchronousFull = flushIndex;
    bool indexed = !injectFault(Fault::Index) && begin->exec();
    if (indexed) {
        QSqlQuery &insert = *cached;
        for (auto &pending : batch) {
            if (!pending)
                continue;
            bindMessage(insert, pending->info, pending->entry.envelopeJson, pending->entry.traceJson);
            if (!insert.exec()) {
                error = Index::sqlError(insert);
                indexed = false;
                break;
            }
            pending->info.id = insert.lastInsertId().toLongLong();
        }
        if (indexed && !commit->exec()) {
            error = Index::sqlError(*commit);
            indexed = false;
        }
        if (!indexed)
            rollback->exec();
        // Reset, so that no statement keeps a read transaction open on this connection.
        begin->finish();
        commit->finish();
        rollback->finish();
    }
    if (!indexed) {
        unlinkDelivered();
        return failAll(QStringLiteral("cannot update the store index: %1")
                           .arg(error.isEmpty() ? QStringLiteral("injected failure") : error));
    }

    // Only now, with every message on disk (in the journal, or file, rename and index), is anything
    // acknowledged.
    for (auto &pending : batch) {
        if (!pending)
            continue;
        pending->writer->m_done = true;
        const MessageInfo info = pending->info;
        // Listeners hear of it before the committer returns, so whoever waits for the commit can
        // rely on the signal having been sent.
        Q_EMIT messageStored(info);
        pending->done({true, info.id, {}});
    }
}

// A checkpoint: the files of journaled messages, their renames and their index rows flushed, after which
// the journal no longer needs them. Runs on the checkpoint thread, or on the thread that closes the store.
bool MessageStore::makeDurable(const QList<QByteArray> &uniqs, QString *error)
{
    if (injectFault(Fault::Checkpoint)) {
        *error = QStringLiteral("injected failure");
        return false;
    }
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), true);
    QSqlQuery locate(db);
    locate.prepare(QStringLiteral("SELECT file FROM messages WHERE uniq = ?"));
    for (const QByteArray &uniq : uniqs) {
        QString path = m_root + QStringLiteral("/new/") + QString::fromUtf8(uniq);
        for (int attempt = 0; attempt < 3 && !QFile::exists(path); ++attempt) {
            // Renamed since (read, flagged): the index knows where it is now. Gone from there too: deleted.
            locate.addBindValue(QString::fromUtf8(uniq));
            path.clear();
            if (locate.exec() && locate.next())
                path = m_root + u'/' + locate.value(0).toString();
            locate.finish();
            if (path.isEmpty())
                break;
        }
        if (path.isEmpty() || !QFile::exists(path))
            continue;
        if (!DurableSync::syncFile(path, error) && QFile::exists(path))
            return false;
    }
    for (const char *sub : {"/new", "/cur"}) {
        if (!DurableSync::syncDirectory(m_root + QLatin1String(sub), error))
            return false;
    }
    // A commit with synchronous=FULL flushes the whole WAL, the rows the committer wrote without a flush too.
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('journal_checkpoint', ?)"));
    mark.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!mark.exec()) {
        *error = Index::sqlError(mark);
        return false;
    }
    return true;
}

void MessageStore::checkpointLoop()
{
    while (const auto checkpoint = m_journal->waitForDue()) {
        QString error;
        const bool durable = makeDurable(checkpoint->uniqs, &error);
        if (!durable)
            qCWarning(lcStore).noquote() << "journal checkpoint failed, retrying later:" << error;
        m_journal->completed(*checkpoint, durable);
    }
    QSqlDatabase::removeDatabase(connectionName());
}

void MessageStore::checkpointAll()
{
    if (!m_journal)
        return;
    for (const auto &checkpoint : m_journal->sealAll()) {
        QString error;
        const bool durable = makeDurable(checkpoint.uniqs, &error);
        if (!durable && !injectFault(Fault::Checkpoint))
            qCWarning(lcStore).noquote() << "journal checkpoint failed; the next start replays it:" << error;
        m_journal->completed(checkpoint, durable);
    }
}

// After a crash: what the journal holds and the store lacks (a file lost or torn because it was never
// flushed, an index row rolled back) is written again. Runs on open, before tmp/ is cleaned.
bool MessageStore::replayJournal()
{
    m_journal
        = std::make_unique<CommitJournal>(m_root + QStringLiteral("/mailsink-journal"), m_journalOptions);
    QString error;
    if (!m_journal->open(&error)) {
        qCWarning(lcStore).noquote() << error << "- messages are flushed one by one";
        m_journal.reset();
        return true;
    }
    const std::vector<CommitJournal::Entry> recovered = m_journal->takeRecovered();
    if (!recovered.empty()) {
        QHash<QByteArray, QString> inCur; // uniq -> cur/<name>
        QDirIterator it(m_root + QStringLiteral("/cur"), QDir::Files);
        while (it.hasNext()) {
            it.next();
            const QString name = it.fileName();
            inCur.insert(QFile::encodeName(name.section(u':', 0, 0)), QStringLiteral("cur/") + name);
        }
        QSqlDatabase db = QSqlDatabase::database(connectionName());
        QSqlQuery known(db), insert(db);
        known.prepare(QStringLiteral("SELECT 1 FROM messages WHERE uniq = ?"));
        insert.prepare(QLatin1String(InsertMessage));
        db.transaction();
        for (const CommitJournal::Entry &entry : recovered) {
            QString file = QStringLiteral("new/") + QString::fromUtf8(entry.uniq);
            if (!QFile::exists(m_root + u'/' + file))
                file = inCur.value(entry.uniq, file);
            if (!holds(m_root + u'/' + file, entry.body)) {
                const QString scratch = m_root + QStringLiteral("/tmp/") + QString::fromUtf8(entry.uniq)
                    + QStringLiteral(".replay");
                QFile out(scratch);
                const bool written = out.open(QIODevice::WriteOnly | QIODevice::Truncate)
                    && out.write(entry.body) == entry.body.size() && out.flush()
                    && DurableSync::syncFileData(int(out.handle()), &error);
                out.close();
                if (!written || !renameFile(scratch, m_root + u'/' + file)) {
                    db.rollback();
                    return setError(QStringLiteral("cannot restore %1 from the journal: %2")
                                        .arg(file, written ? QStringLiteral("rename failed") : error));
                }
                ++m_reconcile.restored;
            }
            known.addBindValue(QString::fromUtf8(entry.uniq));
            const bool indexed = known.exec() && known.next();
            known.finish();
            if (indexed)
                continue;
            MessageInfo info;
            summarize(info, entry.body.left(MessageWriter::HeadLimit));
            info.uniq = entry.uniq;
            info.file = file;
            info.envelope = Envelope::fromJson(QJsonDocument::fromJson(entry.envelopeJson).object());
            info.received = info.envelope.received.isValid() ? info.envelope.received.toUTC()
                                                             : QDateTime::currentDateTimeUtc();
            info.size = entry.body.size();
            info.seen = file.startsWith(QLatin1String("cur/")) && file.section(u':', 1).contains(u'S');
            bindMessage(insert, info, entry.envelopeJson, entry.traceJson);
            if (!insert.exec()) {
                db.rollback();
                return setError(QStringLiteral("cannot index %1 from the journal: %2")
                                    .arg(file, Index::sqlError(insert)));
            }
            ++m_reconcile.reindexed;
        }
        if (!db.commit())
            return setError(QStringLiteral("cannot update the store index: %1").arg(db.lastError().text()));
        qCInfo(lcStore, "replayed the journal of %s: %d messages checked, %d files restored, %d re-indexed",
            qPrintable(m_root), int(recovered.size()), m_reconcile.restored, m_reconcile.reindexed);
    }
    checkpointAll();
    return true;
}

} // namespace MailSink::Store
