#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace MailSink::Imap {

// How values go over the wire (RFC 3501 section 4): strings as quoted strings where they can be, else as
// literals; NIL for absent values; date-time in the INTERNALDATE form.

// A quoted string when the bytes allow one (no CR, LF, NUL or 8-bit, short), else a {n} literal.
QByteArray string(QByteArrayView bytes);
// string(), or NIL for a null array.
QByteArray nstring(const QByteArray &bytes);
QByteArray nstring(const QString &text); // UTF-8; NIL when null
// "17-Jul-1996 02:44:25 -0700" (RFC 3501 date-time), in UTC.
QByteArray dateTime(const QDateTime &time);
// The message with every bare LF turned into CRLF (RFC 3501 2.3.1: messages are sent with CRLF).
QByteArray toCrlf(QByteArrayView raw);
qint64 crlfSize(QByteArrayView raw);
// Whether an atom may be written as it is (RFC 3501 ATOM-CHAR).
bool isAtomChar(char c);

} // namespace MailSink::Imap
