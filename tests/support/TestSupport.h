#pragma once

#include <QByteArray>
#include <QString>

namespace MailSink::Test {

QString testData(const QString &relativePath);
QByteArray readFile(const QString &path);

} // namespace MailSink::Test
