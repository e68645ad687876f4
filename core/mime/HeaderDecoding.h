#pragma once

#include <QByteArrayView>
#include <QString>

namespace MailSink::Mime {

// RFC 2047 encoded words (B and Q, any charset, adjacent words joined before charset decoding) in an
// unstructured header value. Folding is removed; bytes outside encoded words are taken as UTF-8 when
// they are valid UTF-8, else as Latin-1 (RFC 6532 allows UTF-8; anything else is a guess, but lossless).
QString decodeHeader(QByteArrayView raw);

// Bytes in the named charset to Unicode through QStringDecoder (ICU on Debian). Unknown or missing
// charsets fall back losslessly: UTF-8 when the bytes are valid UTF-8, else Latin-1. `known` tells
// whether the charset was recognised.
QString decodeCharset(QByteArrayView bytes, QByteArrayView charset, bool *known = nullptr);

// True when the charset name is one QStringDecoder can decode (after the aliases we apply).
bool isKnownCharset(QByteArrayView charset);

// Removes header folding (RFC 5322 section 2.2.3): CRLF followed by white space becomes that white space.
QByteArray unfold(QByteArrayView raw);

// Valid UTF-8 as UTF-8, anything else as Latin-1. Never loses a byte.
QString utf8OrLatin1(QByteArrayView bytes);

} // namespace MailSink::Mime
