#pragma once

#include <QByteArrayView>
#include <QDateTime>

namespace MailSink::Mime {

// RFC 5322 section 3.3 date-time, leniently: optional day name, two- and three-digit years
// (section 4.3), obsolete zone names, missing seconds or zone. Invalid QDateTime when unreadable.
QDateTime parseDate(QByteArrayView raw);

} // namespace MailSink::Mime
