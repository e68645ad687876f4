#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace MailSink::Pop3 {

// How a stored message goes over the wire (RFC 1939 3): CRLF line endings, byte-stuffed, ".\r\n".

// The message with every bare LF turned into CRLF and a final CRLF added if the last line lacks one.
QByteArray toCrlf(QByteArrayView raw);
// toCrlf(raw).size() without building it: the size LIST and STAT report.
qint64 crlfSize(QByteArrayView raw);
// The headers, the blank line and the first `bodyLines` lines of the body (RFC 1939 7, TOP).
QByteArray topLines(QByteArrayView crlf, qint64 bodyLines);
// A multi-line response body: lines starting with '.' get another '.', then the terminating ".\r\n".
QByteArray dotStuff(QByteArrayView crlf);
// The UIDL value of a Maildir unique name: the name itself when it is 1 to 70 printable ASCII
// characters (RFC 1939 7), otherwise a hash of it, so it stays the same across sessions and restarts.
QByteArray uidFor(QByteArrayView uniq);

} // namespace MailSink::Pop3
