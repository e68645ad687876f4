#pragma once

#include <QString>

namespace MailSink::Store {

// Makes written files and directory entries durable, bounded by our own data: a file's data is flushed
// with fdatasync() (its size and blocks with it, not its timestamps), a directory's entries with fsync()
// of the directory. Never syncfs(): that would make every commit wait for whatever else the file system
// has dirty (a parallel build, a VM image). All functions are thread-safe.
namespace DurableSync {

// Linux: starts, then waits for, the write-back of a file's data without a journal commit
// (sync_file_range); done for every file of a batch before the first syncFileData(), the one journal
// commit that follows covers them all and the other fdatasync() calls return at once. No-ops elsewhere.
void startWriteback(int fd);
void waitWriteback(int fd);
bool syncFileData(int fd, QString *error); // an open file descriptor (POSIX); _commit() on Windows
bool syncFile(const QString &path, QString *error); // opens the file and flushes it
bool syncDirectory(const QString &path, QString *error); // no-op where renames are journaled (NTFS)
// The same for a directory kept open: openDirectory() gives -1 where there is nothing to flush (NTFS) or
// on failure (then `error` says why); syncDirectory(-1) succeeds there.
int openDirectory(const QString &path, QString *error);
bool syncDirectory(int fd, QString *error);
void closeDirectory(int fd);

} // namespace DurableSync

} // namespace MailSink::Store
