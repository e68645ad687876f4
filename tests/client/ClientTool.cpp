// Dispatches like app/main.cpp will: argv[0] basename "sendmail", or argv[1] "sendmail"/"release".
#include "client/ClientCommands.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (QFileInfo(arguments.value(0)).fileName() == QLatin1String("sendmail")
        || arguments.value(1) == QLatin1String("sendmail"))
        return MailSink::Client::runSendmail(arguments);
    if (arguments.value(1) == QLatin1String("release"))
        return MailSink::Client::runRelease(arguments);
    std::fputs("usage: mailsink_client_tool sendmail|release ...\n", stderr);
    return 2;
}
