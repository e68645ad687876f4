#include "StoreMover.h"

#include "store/DurableSync.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

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
        QStringLiteral("mailsink-key.pem")};
}

bool StoreMover::move()
{
    QDir target(m_to);
    if (target.exists() && !target.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        m_error
            = QObject::tr("%1 is not empty; choose an empty folder to move the mail to, or open it as it is")
                  .arg(QDir::toNativeSeparators(m_to));
        return false;
    }
    if (!QDir().mkpath(m_to)) {
        m_error = QObject::tr("cannot create %1").arg(QDir::toNativeSeparators(m_to));
        return false;
    }
    const QDir source(m_from);
    for (const QString &entry : storeEntries()) {
        if (!QFileInfo::exists(source.filePath(entry)))
            continue;
        if (QDir().rename(source.filePath(entry), target.filePath(entry))) {
            m_moved.append(entry);
            continue;
        }
        // Another file system: copy everything, keep the originals until the copy has opened.
        rollBack();
        m_moved.clear();
        for (const QString &name : storeEntries()) {
            const QString from = source.filePath(name);
            if (QFileInfo(from).isDir()
                    ? !copyTree(from, target.filePath(name))
                    : (QFileInfo::exists(from) && !copyTree(from, target.filePath(name)))) {
                const QString error = m_error;
                QDir(m_to).removeRecursively();
                QDir().mkpath(m_to);
                m_error = error;
                return false;
            }
        }
        // The originals go once the copy opened: it has to be on disk by then.
        Store::DurableSync durable(m_to);
        QString error;
        bool synced = true;
        if (!durable.isFileSystemWide()) {
            for (const QString &file : std::as_const(m_copiedFiles))
                synced = durable.syncFile(file, &error) && synced;
        }
        for (const QString &name : {QStringLiteral("new"), QStringLiteral("cur"), QStringLiteral("tmp")}) {
            if (QFileInfo(target.filePath(name)).isDir())
                synced = durable.syncDirectory(target.filePath(name), &error) && synced;
        }
        synced = durable.syncDirectory(m_to, &error) && durable.sync(&error) && synced;
        if (!synced) {
            QDir(m_to).removeRecursively();
            QDir().mkpath(m_to);
            m_error = QObject::tr("cannot copy to %1: %2").arg(QDir::toNativeSeparators(m_to), error);
            return false;
        }
        m_copied = true;
        return true;
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

void StoreMover::removeSource()
{
    const QDir source(m_from);
    for (const QString &entry : storeEntries()) {
        const QString path = source.filePath(entry);
        if (QFileInfo(path).isDir())
            QDir(path).removeRecursively();
        else
            QFile::remove(path);
    }
}

void StoreMover::rollBack()
{
    const QDir source(m_from);
    const QDir target(m_to);
    if (m_copied) {
        for (const QString &entry : storeEntries()) {
            const QString path = target.filePath(entry);
            if (QFileInfo(path).isDir())
                QDir(path).removeRecursively();
            else
                QFile::remove(path);
        }
        return;
    }
    for (const QString &entry : std::as_const(m_moved))
        QDir().rename(target.filePath(entry), source.filePath(entry));
    m_moved.clear();
}

} // namespace MailSink::Ui
