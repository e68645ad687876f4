#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace MailSink::Mime {

// RFC 2045 section 6: Content-Transfer-Encoding.
enum class TransferEncoding { Identity, Base64, QuotedPrintable, Uuencode, Unknown };

TransferEncoding transferEncodingFromName(QByteArrayView name);

// Base64 (RFC 2045 section 6.8) that skips characters outside the alphabet and tolerates missing or
// misplaced padding. `clean` is set to false when anything other than line breaks had to be skipped.
QByteArray decodeBase64(QByteArrayView in, bool *clean = nullptr);

// Quoted-printable (RFC 2045 section 6.7). Malformed escapes are kept literally; lower-case hex is
// accepted. `clean` is set to false when an escape was malformed.
QByteArray decodeQuotedPrintable(QByteArrayView in, bool *clean = nullptr);

// uuencode ("x-uuencode", not in any RFC but decoded by mail clients since the 1990s): the lines between
// "begin MODE NAME" and "end", each prefixed with its length. `clean` is false without a begin line or with
// malformed lines (then what was readable is returned).
QByteArray decodeUuencode(QByteArrayView in, bool *clean = nullptr);

// Decodes with the given encoding; `clean` as above (always true for identity).
QByteArray decodeTransfer(QByteArrayView in, TransferEncoding encoding, bool *clean = nullptr);

// RFC 3676 format=flowed: joins soft-broken lines, removes space-stuffing (and the soft-break space
// itself when delsp=yes). `text` uses '\n' line ends.
QString unwrapFlowed(const QString &text, bool delSp);

} // namespace MailSink::Mime
