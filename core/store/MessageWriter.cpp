#include "MessageWriter.h"

#include "DurableSync.h"

#include "MessageStore.h"

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace MailSink::Store {

// On Unix the file is written with plain syscalls: QFile adds a stat and fcntl calls per open,
// which shows at thousands of messages per second. Elsewhere QFile does the job.

MessageWriter::MessageWriter(MessageStore *store, QByteArray uniq, QString tmpPath)
    : m_store(store)
    , m_uniq(std::move(uniq))
    , m_tmpPath(std::move(tmpPath))
#ifndef Q_OS_UNIX
    , m_file(m_tmpPath)
#endif
{
    if (m_store->injectFault(MessageStore::Fault::Create)) {
        m_error = QStringLiteral("cannot create %1: injected failure").arg(m_tmpPath);
        return;
    }
#ifdef Q_OS_UNIX
    m_fd = ::open(QFile::encodeName(m_tmpPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (m_fd < 0)
        m_error = QStringLiteral("cannot create %1: %2")
                      .arg(m_tmpPath, QString::fromLocal8Bit(std::strerror(errno)));
#else
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
        m_error = QStringLiteral("cannot create %1: %2").arg(m_tmpPath, m_file.errorString());
#endif
}

MessageWriter::~MessageWriter()
{
    discard();
}

bool MessageWriter::write(QByteArrayView bytes)
{
    if (hasFailed())
        return false;
    if (m_head.size() < HeadLimit)
        m_head.append(bytes.first(std::min<qsizetype>(bytes.size(), HeadLimit - m_head.size())));
    if (m_store->injectFault(MessageStore::Fault::Write)) {
        m_error
            = QStringLiteral("cannot write %1: injected failure (no space left on device)").arg(m_tmpPath);
        return false;
    }
    qsizetype done = 0;
    while (done < bytes.size()) {
#ifdef Q_OS_UNIX
        const ssize_t n = ::write(m_fd, bytes.data() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = QStringLiteral("cannot write %1: %2")
                          .arg(m_tmpPath, QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
#else
        const qint64 n = m_file.write(bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            m_error = QStringLiteral("cannot write %1: %2").arg(m_tmpPath, m_file.errorString());
            return false;
        }
#endif
        done += n;
    }
    m_size += bytes.size();
    return true;
}

int MessageWriter::fileDescriptor() const
{
#ifdef Q_OS_UNIX
    return m_fd;
#else
    return m_file.isOpen() ? m_file.handle() : -1;
#endif
}

bool MessageWriter::syncAndClose(QString *error)
{
    if (hasFailed()) {
        *error = m_error;
        return false;
    }
    QString why;
    const int fd = fileDescriptor();
    if (fd >= 0 && DurableSync::syncFileData(fd, &why))
        return closeFile(error);
    closeFile(error);
    m_error = QStringLiteral("cannot write %1: %2").arg(m_tmpPath, why);
    *error = m_error;
    return false;
}

// Closes without a flush: on the committer, for a message whose bytes the journal holds.
bool MessageWriter::closeFile(QString *error)
{
    if (hasFailed()) {
        *error = m_error;
        return false;
    }
#ifdef Q_OS_UNIX
    const bool closed = m_fd >= 0 && ::close(m_fd) == 0;
    const QString why = closed ? QString() : QString::fromLocal8Bit(std::strerror(errno));
    m_fd = -1;
#else
    m_file.close();
    const bool closed = m_file.error() == QFileDevice::NoError;
    const QString why = m_file.errorString();
#endif
    if (closed)
        return true;
    m_error = QStringLiteral("cannot write %1: %2").arg(m_tmpPath, why);
    *error = m_error;
    return false;
}

void MessageWriter::discard()
{
    if (m_done)
        return;
    m_done = true;
#ifdef Q_OS_UNIX
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
#else
    m_file.close();
#endif
    QFile::remove(m_tmpPath);
}

} // namespace MailSink::Store
