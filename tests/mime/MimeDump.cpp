// mime_dump FILE.eml [--json]: prints what the MIME adapter makes of a file (a development aid).

#include "mime/ParsedMessage.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    for (const QString &path : args.mid(1)) {
        if (path.startsWith(u'-'))
            continue;
        QString error;
        const auto message = MailSink::Mime::parseFile(path, &error);
        if (!error.isEmpty()) {
            QTextStream(stderr) << error << '\n';
            return 2;
        }
        if (args.contains(QStringLiteral("--json")))
            out << QJsonDocument(MailSink::Mime::inspectJson(message)).toJson(QJsonDocument::Indented);
        else
            out << MailSink::Mime::inspectText(message);
    }
    return 0;
}
