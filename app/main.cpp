#include "Cli.h"

#include <QCoreApplication>

using namespace MailSink;

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Mailsink"));
    QCoreApplication::setApplicationName(QStringLiteral("mailsink"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILSINK_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const QString command = arguments.value(1);

    QCoreApplication app(argc, argv);
    if (command == QLatin1String("serve"))
        return Cli::runServe(arguments);
    if (command == QLatin1String("list"))
        return Cli::runList(arguments);
    return Cli::runUsage(arguments);
}
