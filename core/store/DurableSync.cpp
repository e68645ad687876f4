#include "DurableSync.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <io.h>
#endif

namespace MailSink::Store {

DurableSync::DurableSync(const QString &root)
{
#ifdef Q_OS_LINUX
    m_rootFd = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#else
    Q_UNUSED(root);
#endif
}

DurableSync::~DurableSync()
{
#ifdef Q_OS_UNIX
    if (m_rootFd >= 0)
        ::close(m_rootFd);
#endif
}

bool DurableSync::isFileSystemWide() const
{
    return m_rootFd >= 0;
}

bool DurableSync::sync(QString *error)
{
#ifdef Q_OS_LINUX
    if (m_rootFd >= 0) {
        if (::syncfs(m_rootFd) == 0)
            return true;
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
#endif
    Q_UNUSED(error);
    return true;
}

bool DurableSync::syncFile(const QString &path, QString *error)
{
    if (isFileSystemWide())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite)) {
        if (error)
            *error = file.errorString();
        return false;
    }
#if defined(Q_OS_UNIX)
    if (::fsync(file.handle()) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
#elif defined(Q_OS_WIN)
    if (::_commit(file.handle()) != 0) {
        if (error)
            *error = QStringLiteral("cannot flush %1").arg(path);
        return false;
    }
#endif
    return true;
}

bool DurableSync::syncDirectory(const QString &path, QString *error)
{
    if (isFileSystemWide())
        return true;
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
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

} // namespace MailSink::Store
