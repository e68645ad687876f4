#include "MessageStore.h"

#include "DurableSync.h"
#include "StoreIndex.h"
#include "mime/HeaderSummary.h"

#include <QCoreApplication>
#include <algorithm>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>
#include <QUuid>
#include <cstdio>

#include <chrono>
#include <future>

namespace MailSink::Store {

namespace {

constexpr int SchemaVersion = 1;
constexpr const char *LockFile = "mailsink.lock";

// The Maildir info letters of a file name ("cur/<uniq>:2,FS" -> "FS").
QString infoLetters(const QString &file)
{
    const qsizetype colon = file.lastIndexOf(QLatin1String(":2,"));
    return colon < 0 ? QString() : file.mid(colon + 3);
}

// ":2," and the letters in ASCII order, as the Maildir specification asks.
QString infoSuffix(QString letters)
{
    std::sort(letters.begin(), letters.end());
    letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
    return QStringLiteral(":2,") + letters;
}

// The Maildir letters of IMAP flags (other than \Seen), as Dovecot and mutt map them.
QString lettersForFlags(const QByteArray &flags)
{
    QString letters;
    for (const QByteArray &flag : flags.split(' ')) {
        const QByteArray lower = flag.toLower();
        if (lower == "\\answered")
            letters += u'R';
        else if (lower == "\\flagged")
            letters += u'F';
        else if (lower == "\\deleted")
            letters += u'T';
        else if (lower == "\\draft")
            letters += u'D';
    }
    return letters;
}

// "cur/<uniq>:2,FS" -> uniq and whether S is among the flags.
std::pair<QByteArray, bool> parseMaildirName(const QString &fileName)
{
    const qsizetype colon = fileName.indexOf(u':');
    if (colon < 0)
        return {QFile::encodeName(fileName), false};
    const QString info = fileName.mid(colon + 1);
    const bool seen = info.startsWith(QLatin1String("2,")) && info.mid(2).contains(u'S');
    return {QFile::encodeName(fileName.left(colon)), seen};
}

MessageInfo infoFromQuery(const QSqlQuery &query, bool withEnvelope)
{
    MessageInfo info;
    info.id = query.value(0).toLongLong();
    info.uniq = query.value(1).toByteArray();
    info.file = query.value(2).toString();
    info.received = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
    info.size = query.value(4).toLongLong();
    info.seen = query.value(5).toBool();
    info.subject = query.value(6).toString();
    info.from = query.value(7).toString();
    info.to = query.value(8).toString();
    info.hasAttachments = query.value(9).toBool();
    if (withEnvelope)
        info.envelope = Envelope::fromJson(QJsonDocument::fromJson(query.value(10).toByteArray()).object());
    return info;
}

const char *SelectColumns
    = "SELECT id, uniq, file, received, size, seen, subject, sender, recipients, has_attachments, envelope "
      "FROM messages ";

} // namespace

MessageStore::MessageStore(QObject *parent)
    : QObject(parent)
    , m_instance(QUuid::createUuid().toString(QUuid::Id128))
{
    QByteArray host = QSysInfo::machineHostName().toUtf8();
    // Maildir: '/' and ':' in the host part are encoded so the name stays one path element.
    host.replace('/', "\\057").replace(':', "\\072");
    m_host = host.isEmpty() ? QByteArrayLiteral("localhost") : host;
    m_pid = QByteArray::number(
        QCoreApplication::applicationPid()); // getpid() is a syscall per message otherwise
}

MessageStore::~MessageStore()
{
    close();
}

QString MessageStore::defaultLocation()
{
    const QString fromEnv = qEnvironmentVariable("MAILSINK_STORE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.mailsink");
    return base + QStringLiteral("/Maildir");
}

bool MessageStore::setError(const QString &error)
{
    m_error = error; // the caller reports it
    return false;
}

QString MessageStore::connectionName() const
{
    return QStringLiteral("mailsink-%1-%2").arg(m_instance).arg(quintptr(QThread::currentThreadId()));
}

bool MessageStore::open(const QString &root, Mode mode)
{
    close();
    m_root = QDir(root).absolutePath();
    m_mode = mode;
    m_reconcile = {};
    QDir dir(m_root);
    for (const char *sub : {"tmp", "new", "cur"}) {
        if (!dir.mkpath(QLatin1String(sub)))
            return setError(
                QStringLiteral("cannot create the store folder %1/%2").arg(m_root, QLatin1String(sub)));
    }
    if (!QFileInfo(m_root + QStringLiteral("/tmp")).isWritable())
        return setError(QStringLiteral("the store folder %1 is not writable").arg(m_root));

    m_lock = std::make_unique<QLockFile>(m_root + u'/' + QLatin1String(LockFile));
    m_lock->setStaleLockTime(0); // a lock is stale only when its process is gone
    bool locked = m_lock->tryLock(0);
    if (!locked && m_lock->error() == QLockFile::LockFailedError && m_lock->removeStaleLockFile())
        locked = m_lock->tryLock(0);
    if (!locked) {
        m_lock.reset();
        if (mode == Mode::Exclusive) {
            qint64 pid = 0;
            QString host, app;
            QLockFile probe(m_root + u'/' + QLatin1String(LockFile));
            probe.getLockInfo(&pid, &host, &app);
            return setError(
                QStringLiteral("the store %1 is in use by another Mailsink (pid %2)").arg(m_root).arg(pid));
        }
    }
    if (!openIndex())
        return false;
    m_open = true;
    // With the lock held: the journal first (it may need the files a crash left in tmp/), then the rest.
    if (m_lock && (!replayJournal() || !reconcile())) {
        m_open = false;
        m_journal.reset();
        return false;
    }
    if (mode == Mode::Exclusive) {
        QString error;
        m_newDirFd = DurableSync::openDirectory(m_root + QStringLiteral("/new"), &error);
#ifdef Q_OS_UNIX
        if (m_newDirFd < 0) {
            m_open = false;
            return setError(QStringLiteral("cannot open %1/new: %2").arg(m_root, error));
        }
#endif
        m_stopping = false;
        m_committer = std::thread([this] { commitLoop(); });
        if (m_journal)
            m_checkpointer = std::thread([this] { checkpointLoop(); });
    } else {
        m_journal.reset(); // replayed and checkpointed: a reader writes nothing
        m_lock.reset(); // a reader releases the lock as soon as the index is consistent
    }
    return true;
}

void MessageStore::close()
{
    if (m_committer.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_committer.join();
    }
    if (m_journal) {
        m_journal->stop();
        if (m_checkpointer.joinable())
            m_checkpointer.join();
        checkpointAll(); // a clean close leaves nothing to replay
        m_journal.reset();
    }
    DurableSync::closeDirectory(m_newDirFd);
    m_newDirFd = -1;
    m_open = false;
    m_lock.reset();
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(QStringLiteral("mailsink-") + m_instance))
            QSqlDatabase::removeDatabase(name);
    }
}

bool MessageStore::openIndex()
{
    const QString path = m_root + u'/' + QLatin1String(Index::File);
    QSqlDatabase db = Index::connection(connectionName(), path, true);
    if (!db.isOpen())
        return setError(
            QStringLiteral("cannot open the store index %1: %2").arg(path, db.lastError().text()));
    QSqlQuery query(db);
    const QStringList schema = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS messages ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " uniq TEXT NOT NULL UNIQUE,"
                       " file TEXT NOT NULL,"
                       " received INTEGER NOT NULL,"
                       " size INTEGER NOT NULL,"
                       " seen INTEGER NOT NULL DEFAULT 0,"
                       " subject TEXT, sender TEXT, recipients TEXT,"
                       " has_attachments INTEGER NOT NULL DEFAULT 0,"
                       " envelope TEXT NOT NULL,"
                       " trace TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS flags ("
                       " id INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,"
                       " flags TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS messages_received ON messages (received, id)"),
    };
    for (const QString &statement : schema) {
        if (!query.exec(statement))
            return setError(
                QStringLiteral("cannot prepare the store index %1: %2").arg(path, Index::sqlError(query)));
    }
    query.exec(
        QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', '%1')").arg(SchemaVersion));
    return true;
}

bool MessageStore::reconcile()
{
    // tmp/ holds only messages of sessions that never finished: none of them was acknowledged.
    QDirIterator tmp(m_root + QStringLiteral("/tmp"), QDir::Files | QDir::Hidden | QDir::System);
    while (tmp.hasNext()) {
        if (QFile::remove(tmp.next()))
            ++m_reconcile.cleanedTmp;
    }

    QSqlDatabase db = QSqlDatabase::database(connectionName());
    QHash<QByteArray, std::pair<qint64, QString>> indexed; // uniq -> (id, file)
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT id, uniq, file FROM messages")))
            return setError(QStringLiteral("cannot read the store index: %1").arg(Index::sqlError(query)));
        while (query.next())
            indexed.insert(
                query.value(1).toByteArray(), {query.value(0).toLongLong(), query.value(2).toString()});
    }

    struct Found
    {
        QString file;
        bool seen;
    };
    QHash<QByteArray, Found> onDisk;
    for (const char *sub : {"new", "cur"}) {
        QDirIterator it(m_root + u'/' + QLatin1String(sub), QDir::Files);
        while (it.hasNext()) {
            it.next();
            const QString name = it.fileName();
            if (name.startsWith(u'.'))
                continue;
            auto [uniq, seen] = parseMaildirName(name);
            onDisk.insert(
                uniq, {QLatin1String(sub) + u'/' + name, seen && QLatin1String(sub) == QLatin1String("cur")});
        }
    }

    db.transaction();
    QSqlQuery drop(db), update(db), insert(db);
    drop.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
    update.prepare(QStringLiteral("UPDATE messages SET file = ?, seen = ? WHERE id = ?"));
    insert.prepare(
        QStringLiteral("INSERT INTO messages (uniq, file, received, size, seen, subject, sender, recipients,"
                       " has_attachments, envelope, trace) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')"));
    for (auto it = indexed.cbegin(); it != indexed.cend(); ++it) {
        const auto found = onDisk.constFind(it.key());
        if (found == onDisk.cend()) {
            drop.addBindValue(it.value().first);
            drop.exec();
            ++m_reconcile.dropped;
        } else if (found->file != it.value().second) {
            // Another Maildir client (mutt, say) renamed it: follow the file and its flags.
            update.addBindValue(found->file);
            update.addBindValue(found->seen);
            update.addBindValue(it.value().first);
            update.exec();
        }
    }
    QList<std::pair<QByteArray, Found>> missing;
    for (auto it = onDisk.cbegin(); it != onDisk.cend(); ++it) {
        if (!indexed.contains(it.key()))
            missing.append({it.key(), it.value()});
    }
    std::sort(missing.begin(), missing.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[uniq, found] : missing) {
        const QString path = m_root + u'/' + found.file;
        QFile file(path);
        QFileInfo fileInfo(path);
        QByteArray head;
        if (file.open(QIODevice::ReadOnly))
            head = file.read(MessageWriter::HeadLimit);
        const Mime::HeaderSummary summary = Mime::summarizeHeaders(head);
        Envelope envelope;
        envelope.known = false;
        envelope.received = fileInfo.lastModified().toUTC();
        insert.addBindValue(QString::fromUtf8(uniq));
        insert.addBindValue(found.file);
        insert.addBindValue(envelope.received.toMSecsSinceEpoch());
        insert.addBindValue(fileInfo.size());
        insert.addBindValue(found.seen);
        insert.addBindValue(summary.subject);
        insert.addBindValue(summary.from);
        insert.addBindValue(summary.to);
        insert.addBindValue(summary.hasAttachments);
        insert.addBindValue(QString::fromUtf8(envelope.toJsonBytes()));
        if (!insert.exec()) {
            db.rollback();
            return setError(QStringLiteral("cannot index %1: %2").arg(path, Index::sqlError(insert)));
        }
        ++m_reconcile.indexed;
    }
    if (!db.commit())
        return setError(QStringLiteral("cannot update the store index: %1").arg(db.lastError().text()));
    if (m_reconcile.indexed || m_reconcile.dropped || m_reconcile.cleanedTmp)
        qCInfo(lcStore, "reconciled %s: %d indexed, %d dropped, %d stray files removed from tmp/",
            qPrintable(m_root), m_reconcile.indexed, m_reconcile.dropped, m_reconcile.cleanedTmp);
    return true;
}

QList<MessageInfo> MessageStore::list(int limit, int offset) const
{
    QList<MessageInfo> result;
    if (!m_open)
        return result;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(
        QLatin1String(SelectColumns) + QStringLiteral("ORDER BY received DESC, id DESC LIMIT ? OFFSET ?"));
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "cannot list messages:" << Index::sqlError(query);
        return result;
    }
    while (query.next())
        result.append(infoFromQuery(query, true));
    return result;
}

bool MessageStore::forEach(const std::function<bool(const MessageInfo &)> &visit, bool withEnvelope) const
{
    if (!m_open)
        return false;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String(SelectColumns) + QStringLiteral("ORDER BY received DESC, id DESC"))) {
        qCWarning(lcStore).noquote() << "cannot list messages:" << Index::sqlError(query);
        return false;
    }
    while (query.next()) {
        if (!visit(infoFromQuery(query, withEnvelope)))
            return false;
    }
    return true;
}

QList<qint64> MessageStore::ids() const
{
    QList<qint64> result;
    if (!m_open)
        return result;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.exec(QStringLiteral("SELECT id FROM messages ORDER BY received DESC, id DESC"));
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

std::optional<MessageInfo> MessageStore::message(qint64 id) const
{
    if (!m_open)
        return std::nullopt;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    query.prepare(QLatin1String(SelectColumns) + QStringLiteral("WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return infoFromQuery(query, true);
}

qint64 MessageStore::count() const
{
    if (!m_open)
        return 0;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

qint64 MessageStore::nextId() const
{
    if (!m_open)
        return 1;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    // AUTOINCREMENT keeps the largest id ever used in sqlite_sequence, deleted rows included.
    if (!query.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'messages'"))
        || !query.next())
        return 1;
    return query.value(0).toLongLong() + 1;
}

qint64 MessageStore::unreadCount() const
{
    if (!m_open)
        return 0;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE seen = 0")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

QString MessageStore::filePath(const MessageInfo &info) const
{
    return m_root + u'/' + info.file;
}

std::optional<QByteArray> MessageStore::readMessage(qint64 id, QString *error) const
{
    const auto info = message(id);
    if (!info) {
        if (error)
            *error = QStringLiteral("no message with id %1").arg(id);
        return std::nullopt;
    }
    QFile file(filePath(*info));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

Trace MessageStore::trace(qint64 id) const
{
    if (!m_open)
        return {};
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT trace FROM messages WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return {};
    return traceFromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).array());
}

bool MessageStore::remove(const QList<qint64> &ids)
{
    if (!m_open || ids.isEmpty())
        return m_open;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QList<qint64> removed;
    QList<std::pair<qint64, QString>> targets;
    QList<QByteArray> uniqs;
    QSqlQuery select(db), drop(db);
    select.prepare(QStringLiteral("SELECT file, uniq FROM messages WHERE id = ?"));
    drop.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
    for (qint64 id : ids) {
        select.addBindValue(id);
        if (!select.exec() || !select.next())
            continue;
        targets.append({id, m_root + u'/' + select.value(0).toString()});
        uniqs.append(select.value(1).toByteArray());
        select.finish();
    }
    // The journal hears first: a crash after the delete must not bring the messages back.
    if (m_journal)
        m_journal->forget(uniqs);
    db.transaction();
    for (const auto &[id, path] : std::as_const(targets)) {
        if (!QFile::remove(path) && QFile::exists(path)) {
            setError(QStringLiteral("cannot delete %1").arg(path));
            continue;
        }
        drop.addBindValue(id);
        drop.exec();
        removed.append(id);
    }
    db.commit();
    if (!removed.isEmpty())
        Q_EMIT messagesRemoved(removed);
    return removed.size() == ids.size();
}

bool MessageStore::clear()
{
    return remove(ids());
}

bool MessageStore::setSeen(qint64 id, bool seen)
{
    const auto info = message(id);
    if (!info)
        return false;
    if (info->seen == seen)
        return true;
    QString letters = infoLetters(info->file).remove(u'S');
    if (seen)
        letters += u'S';
    const QString target = QStringLiteral("cur/") + QString::fromUtf8(info->uniq) + infoSuffix(letters);
    if (!QFile::rename(filePath(*info), m_root + u'/' + target))
        return setError(QStringLiteral("cannot rename %1").arg(filePath(*info)));
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE messages SET file = ?, seen = ? WHERE id = ?"));
    query.addBindValue(target);
    query.addBindValue(seen);
    query.addBindValue(id);
    if (!query.exec())
        return setError(QStringLiteral("cannot update the store index: %1").arg(Index::sqlError(query)));
    Q_EMIT seenChanged(id, seen);
    return true;
}

bool MessageStore::setFlags(qint64 id, bool seen, const QByteArray &flags)
{
    const auto info = message(id);
    if (!info)
        return setError(QStringLiteral("no message with id %1").arg(id));
    const QByteArray before = this->flags(id);
    if (info->seen == seen && before == flags)
        return true;
    QString letters = lettersForFlags(flags);
    if (seen)
        letters += u'S';
    // Letters this store does not manage (P, passed, say) stay as another Maildir client left them.
    for (QChar letter : infoLetters(info->file)) {
        if (!QStringLiteral("SRFTD").contains(letter))
            letters += letter;
    }
    QString target = QStringLiteral("cur/") + QString::fromUtf8(info->uniq) + infoSuffix(letters);
    if (info->file.startsWith(QLatin1String("new/")) && letters.isEmpty())
        target = info->file; // unseen and unflagged: a message may stay in new/
    if (target != info->file && !QFile::rename(filePath(*info), m_root + u'/' + target))
        return setError(QStringLiteral("cannot rename %1").arg(filePath(*info)));
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE messages SET file = ?, seen = ? WHERE id = ?"));
    query.addBindValue(target);
    query.addBindValue(seen);
    query.addBindValue(id);
    bool ok = query.exec();
    QSqlQuery update(db);
    if (ok && flags.isEmpty()) {
        update.prepare(QStringLiteral("DELETE FROM flags WHERE id = ?"));
        update.addBindValue(id);
    } else if (ok) {
        update.prepare(QStringLiteral("INSERT OR REPLACE INTO flags (id, flags) VALUES (?, ?)"));
        update.addBindValue(id);
        update.addBindValue(QString::fromUtf8(flags));
    }
    ok = ok && update.exec();
    if (!ok || !db.commit()) {
        const QString why = query.lastError().isValid() ? Index::sqlError(query)
            : update.lastError().isValid()              ? Index::sqlError(update)
                                                        : db.lastError().text();
        db.rollback();
        if (target != info->file)
            QFile::rename(m_root + u'/' + target, filePath(*info));
        return setError(QStringLiteral("cannot update the store index: %1").arg(why));
    }
    if (before != flags)
        Q_EMIT flagsChanged(id);
    if (info->seen != seen)
        Q_EMIT seenChanged(id, seen);
    return true;
}

QHash<qint64, QByteArray> MessageStore::flags() const
{
    QHash<qint64, QByteArray> result;
    if (!m_open)
        return result;
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, flags FROM flags")))
        return result;
    while (query.next())
        result.insert(query.value(0).toLongLong(), query.value(1).toByteArray());
    return result;
}

QByteArray MessageStore::flags(qint64 id) const
{
    if (!m_open)
        return {};
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT flags FROM flags WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toByteArray();
}

QString MessageStore::metaValue(const QString &key, const QString &initial)
{
    if (!m_open)
        return {};
    QSqlDatabase db = Index::connection(connectionName(), m_root + u'/' + QLatin1String(Index::File), false);
    QSqlQuery query(db);
    if (m_mode == Mode::Exclusive) {
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)"));
        query.addBindValue(key);
        query.addBindValue(initial);
        query.exec();
    }
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return initial;
    return query.value(0).toString();
}

} // namespace MailSink::Store
