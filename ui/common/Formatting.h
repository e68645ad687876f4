#pragma once

#include <QDateTime>
#include <QString>

namespace MailSink::Ui::Formatting {

QString size(qint64 bytes); // "12.3 KB"
QString listTime(const QDateTime &utc); // "14:03:22" today, else "2024-05-01 14:03"
QString fullTime(const QDateTime &utc); // "2024-05-01 14:03:22"
QString traceTime(qint64 msSinceEpoch); // "14:03:22.041"

} // namespace MailSink::Ui::Formatting
