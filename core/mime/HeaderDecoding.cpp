#include "HeaderDecoding.h"

#include "TransferDecoding.h"

#include <QStringDecoder>

namespace MailSink::Mime {

namespace {

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

// Labels that mail software writes but means something wider by (as browsers do, WHATWG Encoding).
QByteArray canonicalCharset(QByteArrayView charset)
{
    QByteArray name = charset.trimmed().toByteArray().toLower();
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') && name.back() == name.front())
        name = name.mid(1, name.size() - 2).trimmed();
    const qsizetype star = name.indexOf('*'); // RFC 2231 language suffix
    if (star >= 0)
        name.truncate(star);
    if (name == "gb2312" || name == "gbk" || name == "x-gbk" || name == "euc-cn" || name == "cp936"
        || name == "csgb2312" || name == "chinese")
        return "GB18030";
    if (name == "ks_c_5601-1987" || name == "ks_c_5601" || name == "euc-kr" || name == "cp949")
        return "windows-949";
    if (name == "shift_jis" || name == "sjis" || name == "x-sjis" || name == "shift-jis"
        || name == "ms_kanji")
        return "windows-31j";
    if (name == "tis-620" || name == "iso-8859-11")
        return "windows-874";
    if (name == "utf8")
        return "UTF-8";
    return name;
}

bool isAsciiLabel(QByteArrayView name)
{
    return name == "us-ascii" || name == "ascii" || name == "ansi_x3.4-1968" || name == "us";
}

} // namespace

QString utf8OrLatin1(QByteArrayView bytes)
{
    if (isAscii(bytes))
        return QString::fromLatin1(bytes);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(bytes);
}

bool isKnownCharset(QByteArrayView charset)
{
    const QByteArray name = canonicalCharset(charset);
    if (name.isEmpty())
        return false;
    if (isAsciiLabel(name))
        return true;
    return QStringDecoder(name.constData()).isValid();
}

QString decodeCharset(QByteArrayView bytes, QByteArrayView charset, bool *known)
{
    const QByteArray name = canonicalCharset(charset);
    if (known)
        *known = true;
    if (name == "utf-8" || name == "UTF-8" || isAsciiLabel(name)) {
        // Declared ASCII with 8-bit bytes in it is mislabelled, usually UTF-8.
        return utf8OrLatin1(bytes);
    }
    if (name == "iso-8859-1" || name == "latin1" || name == "l1" || name == "iso8859-1"
        || name == "iso_8859-1")
        return QString::fromLatin1(bytes);
    if (!name.isEmpty()) {
        QStringDecoder decoder(name.constData());
        if (!decoder.isValid() && name.startsWith("x-"))
            decoder = QStringDecoder(name.mid(2).constData());
        if (decoder.isValid()) {
            QString text = decoder(bytes);
            return text;
        }
    }
    if (known)
        *known = name.isEmpty();
    return utf8OrLatin1(bytes);
}

QByteArray unfold(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size());
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = raw[i];
        if (c == '\r' || c == '\n')
            continue; // folding keeps the white space that follows; a stray line end is dropped
        out.append(c);
    }
    return out;
}

QString decodeHeader(QByteArrayView raw)
{
    const QByteArray text = unfold(raw);
    if (!text.contains("=?")) {
        return utf8OrLatin1(text).trimmed();
    }
    const bool plainIsUtf8 = [&] {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)utf8(text);
        return !utf8.hasError();
    }();
    auto decodePlain = [plainIsUtf8](QByteArrayView bytes) {
        return plainIsUtf8 ? QString::fromUtf8(bytes) : QString::fromLatin1(bytes);
    };

    QString out;
    QByteArray plain; // undecoded bytes outside encoded words
    QByteArray pendingSpace; // white space after an encoded word (dropped if another one follows)
    QByteArray pending; // decoded bytes of adjacent encoded words in one charset
    QByteArray pendingCharset;
    bool afterWord = false;
    qsizetype nextClose = -1; // cached position of the next "?=", or -2 when there is none
    qsizetype closeSearchedFrom = -1;

    auto flushPending = [&] {
        if (!pending.isEmpty() || !pendingCharset.isEmpty())
            out += decodeCharset(pending, pendingCharset);
        pending.clear();
        pendingCharset.clear();
    };
    auto flushPlain = [&] {
        if (!plain.isEmpty())
            out += decodePlain(plain);
        plain.clear();
    };

    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = text[i];
        if (c == '=' && i + 1 < n && text[i + 1] == '?') {
            // =?charset?encoding?text?=  (RFC 2047 section 2)
            const qsizetype q1 = text.indexOf('?', i + 2);
            bool matched = false;
            if (q1 > i + 2 && q1 - i < 80 && q1 + 2 < n && text[q1 + 2] == '?') {
                const char enc = text[q1 + 1];
                const qsizetype textStart = q1 + 3;
                if (enc == 'B' || enc == 'b' || enc == 'Q' || enc == 'q') {
                    if (nextClose != -2 && (nextClose < textStart || closeSearchedFrom > textStart)) {
                        const qsizetype found = text.indexOf("?=", textStart);
                        nextClose = found < 0 ? -2 : found;
                        closeSearchedFrom = textStart;
                    }
                    const QByteArrayView charset = QByteArrayView(text).sliced(i + 2, q1 - i - 2);
                    bool charsetOk = true;
                    for (const char ch : charset) {
                        if (ch == ' ' || ch == '\t' || ch == '=')
                            charsetOk = false;
                    }
                    if (nextClose >= textStart && charsetOk) {
                        const QByteArrayView encoded
                            = QByteArrayView(text).sliced(textStart, nextClose - textStart);
                        QByteArray bytes;
                        if (enc == 'B' || enc == 'b') {
                            bytes = decodeBase64(encoded);
                        } else {
                            QByteArray q = encoded.toByteArray();
                            q.replace('_', ' ');
                            bytes = decodeQuotedPrintable(q);
                        }
                        if (afterWord) {
                            pendingSpace.clear(); // RFC 2047 section 6.2: space between words is dropped
                        } else {
                            flushPlain();
                        }
                        QByteArray charsetName = charset.toByteArray().toLower();
                        const qsizetype star = charsetName.indexOf('*');
                        if (star >= 0)
                            charsetName.truncate(star);
                        if (charsetName != pendingCharset)
                            flushPending();
                        pendingCharset = charsetName;
                        pending += bytes;
                        afterWord = true;
                        i = nextClose + 2;
                        matched = true;
                    }
                }
            }
            if (matched)
                continue;
        }
        if (afterWord && (c == ' ' || c == '\t')) {
            pendingSpace.append(c);
            ++i;
            continue;
        }
        if (afterWord) {
            flushPending();
            plain += pendingSpace;
            pendingSpace.clear();
            afterWord = false;
        }
        plain.append(c);
        ++i;
    }
    flushPending();
    plain += pendingSpace;
    flushPlain();
    return out.trimmed();
}

} // namespace MailSink::Mime
