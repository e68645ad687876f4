#include "desktop/Desktop.h"

#include "imap/ImapServer.h"
#include "pop3/Pop3Server.h"

#include "MainWindow.h"
#include "ServerActions.h"
#include "ServerController.h"
#include "common/Theme.h"
#include "common/Translations.h"
#include "settings/Settings.h"
#include "smtp/SmtpServer.h"
#include "store/MessageStore.h"
#include "tls/TlsIdentity.h"
#include "util/HostPort.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include <cstdio>

namespace MailSink::Ui {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "mailsink: %s\n", qPrintable(message));
    QMessageBox::critical(nullptr, QApplication::translate("Desktop", "Mailsink"), message);
    return 2;
}

} // namespace

std::optional<DesktopOptions> parseDesktopOptions(const QStringList &arguments, QString *error)
{
    auto failed = [error](const QString &why) -> std::optional<DesktopOptions> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Desktop", "Mailsink catches outgoing mail for developers."));
    const QCommandLineOption storeOption(QStringLiteral("store"),
        QApplication::translate("Desktop", "Maildir where caught mail is kept."), QStringLiteral("DIR"));
    const QCommandLineOption smtpOption(QStringLiteral("smtp"),
        QApplication::translate("Desktop", "SMTP listen address (default 127.0.0.1:1025)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption pop3Option(QStringLiteral("pop3"),
        QApplication::translate("Desktop", "POP3 listen address (default 127.0.0.1:1110)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption noPop3Option(
        QStringLiteral("no-pop3"), QApplication::translate("Desktop", "Do not serve POP3."));
    const QCommandLineOption imapOption(QStringLiteral("imap"),
        QApplication::translate("Desktop", "IMAP listen address (default 127.0.0.1:1143)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption noImapOption(
        QStringLiteral("no-imap"), QApplication::translate("Desktop", "Do not serve IMAP."));
    const QCommandLineOption httpOption(QStringLiteral("http"),
        QApplication::translate("Desktop", "Mailpit-compatible HTTP API address (default 127.0.0.1:8025)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption noHttpOption(
        QStringLiteral("no-http"), QApplication::translate("Desktop", "Do not serve the HTTP API."));
    const QCommandLineOption noTlsOption(
        QStringLiteral("no-tls"), QApplication::translate("Desktop", "Do not offer STARTTLS."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QApplication::translate(
            "Desktop", "Interface language, e.g. zh_CN or zh_TW (default: system locale)."),
        QStringLiteral("LOCALE"));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({storeOption, smtpOption, pop3Option, noPop3Option, imapOption, noImapOption,
        httpOption, noHttpOption, noTlsOption});
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("files"),
        QApplication::translate("Desktop", ".eml files to open."), QStringLiteral("[FILE.eml ...]"));
    if (!parser.parse(arguments))
        return failed(parser.errorText());

    DesktopOptions options;
    QString why;
    if (parser.isSet(smtpOption)) {
        options.overrides.smtp = HostPort::parse(parser.value(smtpOption), &why);
        if (!options.overrides.smtp)
            return failed(QApplication::translate("Desktop", "--smtp: %1").arg(why));
    }
    if (parser.isSet(pop3Option)) {
        options.overrides.pop3 = HostPort::parse(parser.value(pop3Option), &why);
        if (!options.overrides.pop3)
            return failed(QApplication::translate("Desktop", "--pop3: %1").arg(why));
    }
    options.overrides.noPop3 = parser.isSet(noPop3Option);
    if (parser.isSet(imapOption)) {
        options.overrides.imap = HostPort::parse(parser.value(imapOption), &why);
        if (!options.overrides.imap)
            return failed(QApplication::translate("Desktop", "--imap: %1").arg(why));
    }
    options.overrides.noImap = parser.isSet(noImapOption);
    if (parser.isSet(httpOption)) {
        options.overrides.http = HostPort::parse(parser.value(httpOption), &why);
        if (!options.overrides.http)
            return failed(QApplication::translate("Desktop", "--http: %1").arg(why));
    }
    options.overrides.noHttp = parser.isSet(noHttpOption);
    options.overrides.noTls = parser.isSet(noTlsOption);
    if (parser.isSet(storeOption))
        options.overrides.store = parser.value(storeOption);
    options.language = parser.value(langOption);
    options.files = parser.positionalArguments();
    return options;
}

QString desktopStoreFolder(const DesktopOptions &options, const Settings &settings)
{
    if (options.overrides.store)
        return *options.overrides.store;
    const QString saved = settings.text(Settings::Key::StoreFolder);
    return saved.isEmpty() ? Store::MessageStore::defaultLocation() : saved;
}

int runDesktop(const QStringList &arguments)
{
    QSettings backend;
    Settings settings(&backend);
    // Before any translated text: --lang, else $MAILSINK_LANG, else the language chosen in the settings,
    // else the system's.
    QString language = languageArgument(arguments);
    if (language.isEmpty() && !qEnvironmentVariableIsSet("MAILSINK_LANG"))
        language = settings.text(Settings::Key::Language);
    installTranslators(*QCoreApplication::instance(), language);
    QString error;
    const auto options = parseDesktopOptions(arguments, &error);
    if (!options)
        return fail(error);

    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QLatin1String("hicolor"))
        QIcon::setThemeName(QStringLiteral("Adwaita"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("mailsink"), QIcon::fromTheme(QStringLiteral("mail-message"))));
    applyTheme(settings.text(Settings::Key::Theme));

    Store::MessageStore store;
    if (!store.open(desktopStoreFolder(*options, settings), Store::MessageStore::Mode::Exclusive))
        return fail(store.errorString());

    // Saved settings, then the command line for this run.
    ServerSettings effective = ServerSettings::load(settings);
    options->overrides.applyTo(effective);
    QString tlsError;
    std::optional<Tls::TlsIdentity> tls = ServerController::loadTls(effective, store.root(), &tlsError);
    if (effective.tlsEnabled && !tls) // the setting stays on; OK in the settings tries again
        std::fprintf(stderr, "mailsink: TLS disabled: %s\n", qPrintable(tlsError));
    Smtp::ServerConfig config;
    ServerController::configure(config, effective, tls);
    Smtp::SmtpServer server(&store, config);
    Pop3::Pop3ServerConfig pop3Config;
    ServerController::configure(pop3Config, effective, tls);
    Pop3::Pop3Server pop3Server(&store, pop3Config);
    Imap::ImapServerConfig imapConfig;
    ServerController::configure(imapConfig, effective, tls);
    Imap::ImapServer imapServer(&store, imapConfig);

    MainWindow window(&store, &server, effective.smtp, &settings);
    ServerController *controller = window.serverController();
    controller->setOverrides(options->overrides);
    controller->apply(effective);
    window.show();
    // A busy port is shown in the toolbar and status bar; the app still opens the store and files.
    window.startListening();
    // POP3 beside SMTP over the same store, so mail clients can fetch what was caught.
    window.serverActions()->setPop3Server(&pop3Server, effective.pop3);
    // IMAP likewise; flags set over IMAP (\Seen) reach the list through the store's signals.
    window.serverActions()->setImapServer(&imapServer, effective.imap);
    if (!tlsError.isEmpty() && !tls)
        window.statusBar()->showMessage(QApplication::translate("Desktop", "TLS is off: %1").arg(tlsError));
    window.openFiles(options->files);

    const int code = QApplication::exec();
    controller->stopHttp(); // before the store closes: the API reads it on its own thread
    server.shutdown(2000);
    pop3Server.shutdown(2000);
    imapServer.shutdown(2000);
    store.close();
    return code;
}

} // namespace MailSink::Ui
