#pragma once

#include "lint/Check.h"

#include <QIcon>

namespace MailSink::Ui::Icons {

// Icons from the desktop theme where one exists, else drawn here so the app looks the same everywhere.
QIcon attachment();
QIcon messageUnread();
QIcon messageRead();
QIcon listening(bool on);
QIcon startListening();
QIcon stopListening();
QIcon openFile();
QIcon save();
QIcon exportMessage();
QIcon remove();
QIcon removeAll();
QIcon markRead();
QIcon markUnread();
QIcon session(bool live);
QIcon tabs();
QIcon importMessage();
QIcon forMimeType(const QString &contentType);
QIcon checkSeverity(Lint::Severity severity); // a red, amber or blue mark for the Checks tab and the list

} // namespace MailSink::Ui::Icons
