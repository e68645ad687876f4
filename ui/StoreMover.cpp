#include "StoreMover.h"

#include "store/DurableSync.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

namespace MailSink::Ui {

StoreMover::StoreMover(QString from, QString to)
    : m_from(std::move(from))
    , m_to(std::move(to))
{ }

QStringList StoreMover::storeEntries()
{
    return {QStringLiteral("new"), QStringLiteral("cur"), QStringLiteral("tmp"),
        QStringLiteral("mailsink-index.sqlite"), QStringLiteral("mailsink-index.sqlite-wal"),
        QStringLiteral("mailsink-index.sqlite-shm"), QStringLiteral("mailsink-cert.pem"),
        QStringLiteral("mailsink-key.pem"), QStringLiteral("mailsink-journal")};
}

StoreMover::~StoreMover() = default;

void StoreMover::releaseLock()
{
    m_lock.reset();
}

bool StoreMover::move()
{
    const QString from = QFileInfo(m_from).canonicalFilePath();
    QDir target(m_to);
    // The nearest existing ancestor resolved (symbolic links included), plus the part still to be made.
    QString existing = QDir::cleanPath(QFileInfo(m_to).absoluteFilePath());
    QString rest;
    while (!QFileInfo::exists(existing) && existing != QDir::rootPath()) {
        rest = QFileInfo(existing).fileName() + (rest.isEmpty() ? QString() : u'/' + rest);
        existing = QFileInfo(existing).absolutePath();
    }
    const QString base = QFileInfo(existing).canonicalFilePath();
    const QString toCanonical = rest.isEmpty() ? base : QDir::cleanPath(base + u'/' + rest);
    auto inside
        = [](const QString &path, const QString &dir) { return path == dir || path.startsWith(dir + u'/'); };
    if (from.isEmpty() || inside(toCanonical, from) || inside(from, toCanonical)) {
        m_error = QObject::tr("%1 is inside the store folder (or contains it); choose a folder elsewhere")
                      .arg(QDir::toNativeSeparators(m_to));
        return false;
    }
    if (target.exists() && !target.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        m_error
            = QObject::tr("%1 is not empty; choose an empty folder to move the mail to, or open it as it is")
                  .arg(QDir::toNativeSeparators(m_to));
        return false;
    }
    // The store is closed: hold its lock so no other Mailsink serves it until the move is over.
    m_lock = std::make_unique<QLockFile>(QDir(m_from).filePath(QStringLiteral("mailsink.lock")));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        m_error = QObject::tr("another Mailsink is using %1").arg(QDir::toNativeSeparators(m_from));
        return false;
    }
    if (!QDir().mkpath(m_to)) {
        m_error = QObject::tr("cannot create %1").arg(QDir::toNativeSeparators(m_to));
        return false;
    }
    const QDir source(m_from);
    // Rename where one file system holds both; the first rename failing (EXDEV: another file system, which
    // QStorageInfo cannot always tell) means copying. A later one failing puts back what was moved.
    bool copy = false;
    for (const QString &entry : storeEntries()) {
        if (!QFileInfo::exists(source.filePath(entry)))
            continue;
        if (QDir().rename(source.filePath(entry), target.filePath(entry))) {
            m_moved.append(entry);
            continue;
        }
        if (m_moved.isEmpty()) {
            copy = true;
            break;
        }
        const QString why
            = QObject::tr("cannot move %1 to %2")
                  .arg(QDir::toNativeSeparators(source.filePath(entry)), QDir::toNativeSeparators(m_to));
        rollBack();
        m_error = m_error.isEmpty() ? why : why + QStringLiteral("; ") + m_error;
        return false;
    }
    if (!copy)
        return true;
    // Another file system: copy everything, keep the originals until the copy has opened.
    for (const QString &name : storeEntries()) {
        const QString path = source.filePath(name);
        if (QFileInfo::exists(path) && !copyTree(path, target.filePath(name))) {
            const QString why = m_error;
            m_copied = true; // what rollBack() removes is the partial copy only
            rollBack();
            m_copied = false;
            m_error = why;
            return false;
        }
    }
    // The originals go once the copy opened: it has to be on disk by then.
    QString error;
    bool synced = true;
    for (const QString &file : std::as_const(m_copiedFiles))
        synced = Store::DurableSync::syncFile(file, &error) && synced;
    for (const QString &name : {QStringLiteral("new"), QStringLiteral("cur"), QStringLiteral("tmp")}) {
        if (QFileInfo(target.filePath(name)).isDir())
            synced = Store::DurableSync::syncDirectory(target.filePath(name), &error) && synced;
    }
    synced = Store::DurableSync::syncDirectory(m_to, &error) && synced;
    m_copied = true;
    if (!synced) {
        rollBack();
        m_copied = false;
        m_error = QObject::tr("cannot copy to %1: %2").arg(QDir::toNativeSeparators(m_to), error);
        return false;
    }
    return true;
}

bool StoreMover::copyTree(const QString &from, const QString &to)
{
    auto copyFile = [this](const QString &a, const QString &b) {
        QFile in(a);
        QFile out(b);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error
                = QObject::tr("cannot copy %1: %2")
                      .arg(QDir::toNativeSeparators(a), in.isOpen() ? out.errorString() : in.errorString());
            return false;
        }
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(1 << 20);
            if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
                break;
            if (out.write(chunk) != chunk.size()) {
                m_error
                    = QObject::tr("cannot copy %1: %2").arg(QDir::toNativeSeparators(a), out.errorString());
                return false;
            }
        }
        if (!out.flush() || out.size() != in.size()) {
            m_error = QObject::tr("cannot copy %1: %2").arg(QDir::toNativeSeparators(a), out.errorString());
            return false;
        }
        m_copiedFiles.append(b);
        return true;
    };
    if (!QFileInfo(from).isDir())
        return copyFile(from, to);
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!copyFile(path, QDir(to).filePath(it.fileName())))
            return false;
    }
    return true;
}

void StoreMover::removeEntries(const QString &root)
{
    const QDir dir(root);
    for (const QString &entry : storeEntries()) {
        const QString path = dir.filePath(entry);
        if (QFileInfo(path).isDir())
            QDir(path).removeRecursively();
        else
            QFile::remove(path);
    }
}

void StoreMover::removeSource()
{
    removeEntries(m_from);
}

bool StoreMover::rollBack()
{
    const QDir source(m_from);
    const QDir target(m_to);
    if (m_copied) {
        removeEntries(m_to); // the originals were never touched: only the copy goes
        return true;
    }
    QStringList stuck;
    for (const QString &entry : std::as_const(m_moved)) {
        if (!QDir().rename(target.filePath(entry), source.filePath(entry)))
            stuck.append(target.filePath(entry));
    }
    m_moved.clear();
    if (stuck.isEmpty())
        return true;
    m_error = QObject::tr("could not put back %1; nothing was deleted")
                  .arg(QDir::toNativeSeparators(stuck.join(QStringLiteral(", "))));
    return false;
}

} // namespace MailSink::Ui
