#pragma once

#include <QString>
#include <QStringList>

namespace MailSink::Store {

// Makes written files and directory entries durable. On Linux one syncfs() flushes a whole
// batch of messages at once (group commit); elsewhere each file and directory is synced.
class DurableSync
{
public:
    explicit DurableSync(const QString &root);
    ~DurableSync();
    DurableSync(const DurableSync &) = delete;
    DurableSync &operator=(const DurableSync &) = delete;

    // True when sync() covers every file of the file system, so syncFile() is a no-op.
    bool isFileSystemWide() const;
    bool syncFile(const QString &path, QString *error);
    bool syncDirectory(const QString &path, QString *error);
    bool sync(QString *error); // file system wide flush where available

private:
    int m_rootFd = -1;
};

} // namespace MailSink::Store
