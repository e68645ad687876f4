#pragma once

#include <QString>

namespace MailSink::Store {

// Makes written files and directory entries durable, bounded by our own data: a file's data is flushed
// with fdatasync() (its size and blocks with it, not its timestamps), a directory's entries with fsync()
// of the directory. Never syncfs(): that would make every commit wait for whatever else the file system
// has dirty (a parallel build, a VM image). All functions are thread-safe.
namespace DurableSync {

bool syncFileData(int fd, QString *error); // an open file descriptor (POSIX); _commit() on Windows
bool syncFile(const QString &path, QString *error); // opens the file and flushes it
bool syncDirectory(const QString &path, QString *error); // no-op where renames are journaled (NTFS)

} // namespace DurableSync

} // namespace MailSink::Store
