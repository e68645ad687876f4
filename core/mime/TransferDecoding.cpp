#include "TransferDecoding.h"

#include <QStringList>

namespace MailSink::Mime {

namespace {

// Base64 alphabet values; -1 other bytes, -2 '=', -3 white space and line breaks.
struct Base64Table
{
    signed char value[256];
    constexpr Base64Table()
        : value()
    {
        for (int i = 0; i < 256; ++i)
            value[i] = -1;
        const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            value[uchar(alphabet[i])] = static_cast<signed char>(i);
        value[uchar('=')] = -2;
        value[uchar('\r')] = value[uchar('\n')] = value[uchar(' ')] = value[uchar('\t')] = -3;
    }
};
constexpr Base64Table base64Table;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isLineSpace(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

TransferEncoding transferEncodingFromName(QByteArrayView name)
{
    const QByteArray lower = name.trimmed().toByteArray().toLower();
    if (lower.isEmpty() || lower == "7bit" || lower == "8bit" || lower == "binary")
        return TransferEncoding::Identity;
    if (lower == "base64")
        return TransferEncoding::Base64;
    if (lower == "quoted-printable")
        return TransferEncoding::QuotedPrintable;
    if (lower == "x-uuencode" || lower == "x-uue" || lower == "uuencode" || lower == "uue")
        return TransferEncoding::Uuencode;
    return TransferEncoding::Unknown;
}

QByteArray decodeBase64(QByteArrayView in, bool *clean)
{
    QByteArray out;
    out.resize(in.size() / 4 * 3 + 3);
    char *dst = out.data();
    const uchar *src = reinterpret_cast<const uchar *>(in.data());
    const uchar *const end = src + in.size();
    quint32 bits = 0;
    int count = 0;
    bool ok = true;
    bool padded = false;
    while (src < end) {
        // The common case first: four alphabet characters in a row.
        if (count == 0 && !padded && end - src >= 4) {
            const int a = base64Table.value[src[0]], b = base64Table.value[src[1]],
                      c = base64Table.value[src[2]], d = base64Table.value[src[3]];
            if ((a | b | c | d) >= 0) {
                const quint32 v = quint32(a) << 18 | quint32(b) << 12 | quint32(c) << 6 | quint32(d);
                *dst++ = char(v >> 16);
                *dst++ = char(v >> 8);
                *dst++ = char(v);
                src += 4;
                continue;
            }
        }
        const int v = base64Table.value[*src++];
        if (v < 0) {
            if (v == -2)
                padded = true;
            else if (v == -1)
                ok = false;
            continue;
        }
        if (padded) {
            // Data after padding: concatenated base64 blocks. Finish the last quantum and go on.
            ok = false;
            padded = false;
            if (count == 2) {
                *dst++ = char(bits >> 4);
            } else if (count == 3) {
                *dst++ = char(bits >> 10);
                *dst++ = char(bits >> 2);
            }
            bits = 0;
            count = 0;
        }
        bits = (bits << 6) | quint32(v);
        if (++count == 4) {
            *dst++ = char(bits >> 16);
            *dst++ = char(bits >> 8);
            *dst++ = char(bits);
            bits = 0;
            count = 0;
        }
    }
    if (count == 1) {
        ok = false; // six stray bits cannot make a byte
    } else if (count == 2) {
        *dst++ = char(bits >> 4);
        ok = ok && padded;
    } else if (count == 3) {
        *dst++ = char(bits >> 10);
        *dst++ = char(bits >> 2);
        ok = ok && padded;
    }
    out.truncate(dst - out.constData());
    if (clean)
        *clean = ok;
    return out;
}

QByteArray decodeQuotedPrintable(QByteArrayView in, bool *clean)
{
    QByteArray out;
    out.resize(in.size());
    char *dst = out.data();
    bool ok = true;
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = in[i];
        if (c != '=') {
            *dst++ = c;
            continue;
        }
        if (i + 2 < n && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            *dst++ = char(hexValue(in[i + 1]) << 4 | hexValue(in[i + 2]));
            i += 2;
            continue;
        }
        // A soft line break: '=' then optional white space (added by transports) then the line end.
        qsizetype j = i + 1;
        while (j < n && isLineSpace(in[j]))
            ++j;
        if (j < n && in[j] == '\r' && j + 1 < n && in[j + 1] == '\n') {
            i = j + 1;
            continue;
        }
        if (j < n && (in[j] == '\n' || in[j] == '\r')) {
            i = j;
            continue;
        }
        if (j == n) { // '=' at the very end: a soft break before the end of the part
            i = j;
            continue;
        }
        ok = false;
        *dst++ = c;
    }
    out.truncate(dst - out.constData());
    if (clean)
        *clean = ok;
    return out;
}

QByteArray decodeUuencode(QByteArrayView in, bool *clean)
{
    QByteArray out;
    out.reserve(in.size() * 3 / 4);
    bool ok = true;
    bool begun = false;
    bool ended = false;
    qsizetype pos = 0;
    while (pos < in.size() && !ended) {
        qsizetype eol = in.indexOf('\n', pos);
        if (eol < 0)
            eol = in.size();
        QByteArrayView line = in.sliced(pos, eol - pos);
        pos = eol + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (!begun) {
            begun = line.startsWith("begin ");
            continue;
        }
        if (line == "end") {
            ended = true;
            continue;
        }
        if (line.isEmpty())
            continue;
        const auto value = [](char c) { return (uchar(c) - 32) & 63; };
        const QByteArrayView data = line.sliced(1);
        int length = value(line[0]);
        if ((length + 2) / 3 * 4 > data.size()) {
            ok = false; // a short line: only the bytes its characters fully encode
            length = qMin<qsizetype>(length, data.size() * 6 / 8);
        }
        int written = 0;
        const auto at = [&](qsizetype k) { return k < data.size() ? value(data[k]) : 0; };
        for (qsizetype i = 0; i < data.size() && written < length; i += 4) {
            const uchar bytes[3] = {uchar(at(i) << 2 | at(i + 1) >> 4),
                uchar(at(i + 1) << 4 | at(i + 2) >> 2), uchar(at(i + 2) << 6 | at(i + 3))};
            for (int b = 0; b < 3 && written < length; ++b, ++written)
                out.append(char(bytes[b]));
        }
    }
    if (clean)
        *clean = ok && begun;
    return begun ? out : in.toByteArray();
}

QByteArray decodeTransfer(QByteArrayView in, TransferEncoding encoding, bool *clean)
{
    switch (encoding) {
    case TransferEncoding::Base64:
        return decodeBase64(in, clean);
    case TransferEncoding::QuotedPrintable:
        return decodeQuotedPrintable(in, clean);
    case TransferEncoding::Uuencode:
        return decodeUuencode(in, clean);
    case TransferEncoding::Identity:
    case TransferEncoding::Unknown:
        break;
    }
    if (clean)
        *clean = true;
    return in.toByteArray();
}

QString unwrapFlowed(const QString &text, bool delSp)
{
    const QStringList lines = text.split(u'\n');
    QString out;
    out.reserve(text.size());
    QString paragraph;
    int paragraphDepth = -1;
    bool open = false; // the previous line was flowed and wants a continuation
    auto flush = [&] {
        if (paragraphDepth >= 0) {
            out += QString(paragraphDepth, u'>');
            if (paragraphDepth > 0 && !paragraph.isEmpty())
                out += u' ';
            out += paragraph;
            out += u'\n';
        }
        paragraph.clear();
        paragraphDepth = -1;
        open = false;
    };
    for (qsizetype index = 0; index < lines.size(); ++index) {
        QString line = lines.at(index);
        if (index == lines.size() - 1 && line.isEmpty())
            break; // the text ended with a line break
        int depth = 0;
        while (depth < line.size() && line.at(depth) == u'>')
            ++depth;
        line.remove(0, depth);
        if (line.startsWith(u' '))
            line.remove(0, 1); // space-stuffing (RFC 3676 section 4.4)
        const bool signature = line == QStringLiteral("-- ");
        const bool flowed = !signature && line.endsWith(u' ');
        if (open && depth != paragraphDepth)
            flush(); // a quote-depth change ends a paragraph even after a soft break
        if (!open) {
            flush();
            paragraphDepth = depth;
        }
        if (flowed && delSp)
            line.chop(1);
        paragraph += line;
        open = flowed;
        if (!flowed)
            flush();
    }
    if (paragraphDepth >= 0)
        flush();
    if (!text.endsWith(u'\n') && out.endsWith(u'\n'))
        out.chop(1); // no line break is added where the text had none
    return out;
}

} // namespace MailSink::Mime
