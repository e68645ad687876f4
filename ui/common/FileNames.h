#pragma once

#include <QString>

class QDir;

namespace MailSink::Ui {

// Turns a name taken from a message (an attachment's filename, a subject) into one that is safe to
// create inside a folder on Linux, macOS and Windows: no path components, no separators, no control or
// bidi-override characters, no leading dots, no Windows device names, at most MaxFileNameBytes of UTF-8.
QString sanitizeFileName(const QString &name, const QString &fallback = QStringLiteral("attachment"));

// `dir/name`, or `dir/name (2).ext`, ... when that already exists. `name` must already be sanitized.
QString uniqueFilePath(const QDir &dir, const QString &name);

inline constexpr int MaxFileNameBytes = 200;

} // namespace MailSink::Ui
