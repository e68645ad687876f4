#pragma once

#include <QByteArray>
#include <QString>

namespace MailSink::Ui {

// Files handed to other applications (drag and drop, "Open"): each goes into its own subfolder of one
// private temporary folder (mode 0700) that lives until the app exits, so a file manager that copies
// after the drop still finds it, and two attachments with the same name never collide.
namespace TemporaryFiles {

// `name` is sanitized here. Returns the absolute path, or an empty string and sets `error`.
QString write(const QString &name, const QByteArray &bytes, QString *error = nullptr);
QString copy(const QString &sourcePath, const QString &name, QString *error = nullptr);
QString root();

} // namespace TemporaryFiles

} // namespace MailSink::Ui
