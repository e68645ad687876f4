#include "common/TemporaryFiles.h"

#include "common/FileNames.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <memory>

namespace MailSink::Ui::TemporaryFiles {

namespace {

QTemporaryDir *directory()
{
    static std::unique_ptr<QTemporaryDir> dir;
    if (!dir || !dir->isValid())
        dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/mailsink-XXXXXX"));
    return dir->isValid() ? dir.get() : nullptr;
}

QString freshFolder(QString *error)
{
    static int counter = 0;
    QTemporaryDir *dir = directory();
    if (!dir) {
        if (error)
            *error = QCoreApplication::translate("TemporaryFiles", "cannot create a temporary folder");
        return {};
    }
    const QString path = dir->filePath(QString::number(++counter));
    if (!QDir().mkpath(path)) {
        if (error)
            *error = QCoreApplication::translate("TemporaryFiles", "cannot create %1").arg(path);
        return {};
    }
    return path;
}

} // namespace

QString root()
{
    QTemporaryDir *dir = directory();
    return dir ? dir->path() : QString();
}

QString write(const QString &name, const QByteArray &bytes, QString *error)
{
    const QString folder = freshFolder(error);
    if (folder.isEmpty())
        return {};
    const QString path = QDir(folder).filePath(sanitizeFileName(name));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return {};
    }
    return path;
}

QString copy(const QString &sourcePath, const QString &name, QString *error)
{
    const QString folder = freshFolder(error);
    if (folder.isEmpty())
        return {};
    const QString path = QDir(folder).filePath(sanitizeFileName(name));
    QFile source(sourcePath);
    if (!source.copy(path)) {
        if (error)
            *error = source.errorString();
        return {};
    }
    return path;
}

} // namespace MailSink::Ui::TemporaryFiles
