#include "Cli.h"
#include "Desktop.h"
#include "client/ClientCommands.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>

#include <memory>

using namespace MailSink;

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Mailsink"));
    QCoreApplication::setApplicationName(QStringLiteral("mailsink"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILSINK_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // Installed (or linked) under the name "sendmail", this binary is a drop-in sendmail.
    const bool asSendmail = QFileInfo(arguments.value(0)).baseName() == QLatin1String("sendmail");
    const QString command = asSendmail ? QStringLiteral("sendmail") : arguments.value(1);
    const bool headless = asSendmail || command == QLatin1String("sendmail") || command == QLatin1String("release")
        || command == QLatin1String("serve") || command == QLatin1String("list")
        || command == QLatin1String("inspect") || command == QLatin1String("--help")
        || command == QLatin1String("-h") || command == QLatin1String("--version")
        || command == QLatin1String("help");

    if (!headless) {
        QApplication app(argc, argv);
        return Ui::runDesktop(arguments);
    }
    // Headless commands need no GUI; the plain Unix event dispatcher is lighter than glib's.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    if (command == QLatin1String("serve"))
        return Cli::runServe(arguments);
    if (command == QLatin1String("list"))
        return Cli::runList(arguments);
    if (command == QLatin1String("inspect"))
        return Cli::runInspect(arguments);
    if (command == QLatin1String("sendmail"))
        return Client::runSendmail(arguments);
    if (command == QLatin1String("release"))
        return Client::runRelease(arguments);
    return Cli::runUsage(arguments);
}
