#pragma once

#include <QStringList>

namespace MailSink::Ui {

// Runs the desktop app in the QApplication that main() created; `arguments` are argv, including
// any .eml files to open. Returns the exit status.
int runDesktop(const QStringList &arguments);

} // namespace MailSink::Ui
