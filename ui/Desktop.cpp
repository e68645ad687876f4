#include "Desktop.h"

#include "pop3/Pop3Server.h"

#include "MainWindow.h"
#include "Settings.h"
#include "Translations.h"
#include "smtp/SmtpServer.h"
#include "store/MessageStore.h"
#include "tls/TlsIdentity.h"
#include "util/HostPort.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>

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

int runDesktop(const QStringList &arguments)
{
    // Before any translated text, the option descriptions included.
    installTranslators(*QCoreApplication::instance(), languageArgument(arguments));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Desktop", "Mailsink catches outgoing mail for developers."));
    const QCommandLineOption storeOption(QStringLiteral("store"),
        QApplication::translate("Desktop", "Maildir where caught mail is kept."), QStringLiteral("DIR"));
    const QCommandLineOption smtpOption(QStringLiteral("smtp"),
        QApplication::translate("Desktop", "SMTP listen address (default 127.0.0.1:1025)."),
        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:1025"));
    const QCommandLineOption pop3Option(QStringLiteral("pop3"),
        QApplication::translate("Desktop", "POP3 listen address (default 127.0.0.1:1110)."), QStringLiteral("HOST:PORT"),
        QStringLiteral("127.0.0.1:1110"));
    const QCommandLineOption noPop3Option(
        QStringLiteral("no-pop3"), QApplication::translate("Desktop", "Do not serve POP3."));
    const QCommandLineOption noTlsOption(
        QStringLiteral("no-tls"), QApplication::translate("Desktop", "Do not offer STARTTLS."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QApplication::translate(
            "Desktop", "Interface language, e.g. zh_CN or zh_TW (default: system locale)."),
        QStringLiteral("LOCALE"));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({storeOption, smtpOption, pop3Option, noPop3Option, noTlsOption});
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("files"),
        QApplication::translate("Desktop", ".eml files to open."), QStringLiteral("[FILE.eml ...]"));
    if (!parser.parse(arguments))
        return fail(parser.errorText());

    QString error;
    const auto smtp = HostPort::parse(parser.value(smtpOption), &error);
    if (!smtp)
        return fail(QApplication::translate("Desktop", "--smtp: %1").arg(error));
    std::optional<HostPort> pop3;
    if (!parser.isSet(noPop3Option)) {
        pop3 = HostPort::parse(parser.value(pop3Option), &error);
        if (!pop3)
            return fail(QApplication::translate("Desktop", "--pop3: %1").arg(error));
    }

    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QLatin1String("hicolor"))
        QIcon::setThemeName(QStringLiteral("Adwaita"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("mail-message")));

    Store::MessageStore store;
    const QString root
        = parser.isSet(storeOption) ? parser.value(storeOption) : Store::MessageStore::defaultLocation();
    if (!store.open(root, Store::MessageStore::Mode::Exclusive))
        return fail(store.errorString());

    Smtp::ServerConfig config;
    if (!parser.isSet(noTlsOption)) {
        config.tls = Tls::TlsIdentity::loadOrGenerate(store.root(), &error);
        if (!config.tls)
            std::fprintf(stderr, "mailsink: STARTTLS disabled: %s\n", qPrintable(error));
    }
    Smtp::SmtpServer server(&store, config);

    QSettings backend;
    Settings settings(&backend);
    MainWindow window(&store, &server, *smtp, &settings);
    window.show();
    // A busy port is shown in the toolbar and status bar; the app still opens the store and files.
    window.startListening();
    // POP3 beside SMTP over the same store, so mail clients can fetch what was caught.
    std::unique_ptr<Pop3::Pop3Server> pop3Server;
    if (pop3) {
        Pop3::Pop3ServerConfig pop3Config;
        pop3Config.tls = config.tls;
        pop3Server = std::make_unique<Pop3::Pop3Server>(&store, pop3Config);
        window.setPop3Server(pop3Server.get(), *pop3); // listens unless Server > Serve POP3 is off
    }
    QStringList files = parser.positionalArguments();
    window.openFiles(files);

    const int code = QApplication::exec();
    server.shutdown(2000);
    if (pop3Server)
        pop3Server->shutdown(2000);
    store.close();
    return code;
}

} // namespace MailSink::Ui
