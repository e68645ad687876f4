#pragma once

#include <QString>

namespace MailSink::Ui {

// "system" keeps the platform style and palette (and follows their changes); "light" and "dark" use
// Fusion with a fixed palette. Unknown names mean "system".
void applyTheme(const QString &name);
QString currentTheme();

} // namespace MailSink::Ui
