#include "TestSupport.h"

#include <QFile>

namespace MailSink::Test {

QString testData(const QString &relativePath)
{
    return QStringLiteral(MAILSINK_TEST_DATA "/") + relativePath;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace MailSink::Test
