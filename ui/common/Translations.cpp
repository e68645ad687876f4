#include "common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

namespace MailSink::Ui {

namespace {

Q_LOGGING_CATEGORY(lcTranslations, "mailsink.ui.translations")

const auto s_translatorName = QStringLiteral("mailsink-translator");

} // namespace

QString translationFor(const QString &localeName)
{
    const QStringList parts = QString(localeName).replace(u'-', u'_').section(u'.', 0, 0).split(u'_');
    if (parts.value(0).compare(QLatin1String("zh"), Qt::CaseInsensitive) != 0)
        return {};
    for (const QString &part : parts.mid(1)) {
        const QString p = part.toLower();
        if (p == QLatin1String("hant") || p == QLatin1String("tw") || p == QLatin1String("hk")
            || p == QLatin1String("mo"))
            return QStringLiteral("zh_TW");
        if (p == QLatin1String("hans") || p == QLatin1String("cn") || p == QLatin1String("sg"))
            return QStringLiteral("zh_CN");
    }
    return QStringLiteral("zh_CN");
}

QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg == QLatin1String("--lang") || arg == QLatin1String("-lang"))
            return arguments.value(i + 1);
        for (const auto prefix : {QLatin1String("--lang="), QLatin1String("-lang=")}) {
            if (arg.startsWith(prefix))
                return arg.mid(prefix.size());
        }
    }
    return {};
}

void installTranslators(QCoreApplication &app, const QString &override)
{
    const auto previous = app.findChildren<QTranslator *>(s_translatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : previous) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }

    QString requested = override;
    if (requested.isEmpty())
        requested = qEnvironmentVariable("MAILSINK_LANG");
    QString catalogue;
    if (!requested.isEmpty()) {
        catalogue = translationFor(requested);
        QLocale::setDefault(QLocale(catalogue.isEmpty() ? requested : catalogue));
    } else {
        // The first language we can serve wins; English is the source text, so it ends the search.
        const QStringList languages = QLocale::system().uiLanguages();
        for (const QString &language : languages) {
            if (language.startsWith(QLatin1String("en"), Qt::CaseInsensitive))
                break;
            catalogue = translationFor(language);
            if (!catalogue.isEmpty())
                break;
        }
    }
    if (catalogue.isEmpty())
        return;

    const QString qtPath = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    auto *qt = new QTranslator(&app);
    qt->setObjectName(s_translatorName);
    if (qt->load(QLatin1String("qtbase_") + catalogue, qtPath)
        || qt->load(QLatin1String("qt_") + catalogue, qtPath))
        QCoreApplication::installTranslator(qt);
    else {
        qCInfo(lcTranslations) << "no Qt translation for" << catalogue << "in" << qtPath;
        delete qt;
    }

    auto *own = new QTranslator(&app);
    own->setObjectName(s_translatorName);
    if (own->load(QLatin1String("mailsink_") + catalogue, QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else {
        qCWarning(lcTranslations) << "cannot load the embedded translation" << catalogue;
        delete own;
    }
}

} // namespace MailSink::Ui
