#include "DurableSync.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <io.h>
#endif

namespace MailSink::Store::DurableSync {

namespace {

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

void startWriteback(int fd)
{
#ifdef Q_OS_LINUX
    ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    Q_UNUSED(fd);
#endif
}

void waitWriteback(int fd)
{
#ifdef Q_OS_LINUX
    ::sync_file_range(
        fd, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
#else
    Q_UNUSED(fd);
#endif
}

bool syncFileData(int fd, QString *error)
{
#if defined(Q_OS_LINUX)
    const int rc = ::fdatasync(fd);
#elif defined(Q_OS_UNIX)
    const int rc = ::fsync(fd);
#elif defined(Q_OS_WIN)
    const int rc = ::_commit(fd);
#else
    const int rc = 0;
#endif
    if (rc == 0)
        return true;
    if (error)
        *error = lastError();
    return false;
}

bool syncFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return syncFileData(file.handle(), error);
}

bool syncDirectory(const QString &path, QString *error)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (error)
            *error = lastError();
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
#else
    Q_UNUSED(path);
    Q_UNUSED(error); // NTFS makes renames durable through its journal
#endif
    return true;
}

int openDirectory(const QString &path, QString *error)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && error)
        *error = lastError();
    return fd;
#else
    Q_UNUSED(path);
    Q_UNUSED(error);
    return -1;
#endif
}

bool syncDirectory(int fd, QString *error)
{
#ifdef Q_OS_UNIX
    if (fd < 0 || ::fsync(fd) != 0) {
        if (error)
            *error = fd < 0 ? QStringLiteral("the folder is not open") : lastError();
        return false;
    }
#else
    Q_UNUSED(fd);
    Q_UNUSED(error);
#endif
    return true;
}

void closeDirectory(int fd)
{
#ifdef Q_OS_UNIX
    if (fd >= 0)
        ::close(fd);
#else
    Q_UNUSED(fd);
#endif
}

} // namespace MailSink::Store::DurableSync
