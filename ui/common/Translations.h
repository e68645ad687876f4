#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace MailSink::Ui {

// The catalogue Mailsink ships for a locale name or BCP 47 tag ("zh_CN", "zh-Hant-TW", "zh_HK"):
// "zh_CN" or "zh_TW", or empty when the UI stays in its English source text.
QString translationFor(const QString &localeName);

// The value of `--lang LOCALE` / `--lang=LOCALE` in argv, or empty. Translators have to be installed
// before the command-line options are built, since their descriptions are translated too.
QString languageArgument(const QStringList &arguments);

// Installs Qt's own translations (qtbase_*.qm from QLibraryInfo::TranslationsPath) and Mailsink's
// (embedded under :/i18n) for `override`, else $MAILSINK_LANG, else the system's UI languages.
// Calling it again replaces the translators installed by the previous call.
void installTranslators(QCoreApplication &app, const QString &override = {});

} // namespace MailSink::Ui
