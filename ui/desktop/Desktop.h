#pragma once

#include "settings/ServerSettings.h"

#include <QStringList>

#include <optional>

namespace MailSink::Ui {

class Settings;

// The desktop app's command line: options that override the saved settings for one run, and files.
struct DesktopOptions
{
    ServerOverrides overrides;
    QString language; // --lang
    QStringList files;
};

// Parses argv (program name first); nullopt and `error` when it does not parse. Shared by main(), which
// needs the store folder to find a running instance, and runDesktop().
std::optional<DesktopOptions> parseDesktopOptions(const QStringList &arguments, QString *error = nullptr);

// --store, else the folder saved in the settings, else MessageStore::defaultLocation().
QString desktopStoreFolder(const DesktopOptions &options, const Settings &settings);

// Runs the desktop app in the QApplication that main() created; `arguments` are argv, including
// any .eml files to open. Returns the exit status.
int runDesktop(const QStringList &arguments);

} // namespace MailSink::Ui
