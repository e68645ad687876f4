#include "Pop3Format.h"

#include <QCryptographicHash>

#include <cstring>

namespace MailSink::Pop3 {

QByteArray toCrlf(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(crlfSize(raw));
    const char *data = raw.data();
    const qsizetype size = raw.size();
    qsizetype start = 0;
    while (start < size) {
        const void *found = std::memchr(data + start, '\n', size - start);
        if (!found) {
            out.append(data + start, size - start);
            out.append("\r\n");
            break;
        }
        const qsizetype lf = static_cast<const char *>(found) - data;
        if (lf > 0 && data[lf - 1] == '\r') {
            out.append(data + start, lf + 1 - start);
        } else {
            out.append(data + start, lf - start);
            out.append("\r\n");
        }
        start = lf + 1;
    }
    return out;
}

qint64 crlfSize(QByteArrayView raw)
{
    const char *data = raw.data();
    const qsizetype size = raw.size();
    qint64 result = size;
    qsizetype start = 0;
    while (start < size) {
        const void *found = std::memchr(data + start, '\n', size - start);
        if (!found) {
            result += 2;
            break;
        }
        const qsizetype lf = static_cast<const char *>(found) - data;
        if (lf == 0 || data[lf - 1] != '\r')
            ++result;
        start = lf + 1;
    }
    return result;
}

QByteArray topLines(QByteArrayView crlf, qint64 bodyLines)
{
    // The header block ends at the first empty line; a message without one is all header.
    qsizetype end = -1;
    if (crlf.startsWith("\r\n")) {
        end = 2;
    } else {
        const qsizetype blank = QByteArrayView(crlf).indexOf("\r\n\r\n");
        end = blank < 0 ? crlf.size() : blank + 4;
    }
    qint64 lines = 0;
    while (end < crlf.size() && lines < bodyLines) {
        const qsizetype lf = crlf.indexOf('\n', end);
        end = lf < 0 ? crlf.size() : lf + 1;
        ++lines;
    }
    return crlf.first(end).toByteArray();
}

QByteArray dotStuff(QByteArrayView crlf)
{
    QByteArray out;
    out.reserve(crlf.size() + crlf.size() / 64 + 3);
    const char *data = crlf.data();
    const qsizetype size = crlf.size();
    qsizetype start = 0;
    while (start < size) {
        if (data[start] == '.')
            out.append('.');
        const void *found = std::memchr(data + start, '\n', size - start);
        const qsizetype next = found ? static_cast<const char *>(found) - data + 1 : size;
        out.append(data + start, next - start);
        start = next;
    }
    if (!out.isEmpty() && !out.endsWith("\r\n"))
        out.append("\r\n");
    out.append(".\r\n");
    return out;
}

QByteArray uidFor(QByteArrayView uniq)
{
    bool printable = !uniq.isEmpty() && uniq.size() <= 70;
    for (char c : uniq) {
        if (c < 0x21 || c > 0x7e) {
            printable = false;
            break;
        }
    }
    if (printable)
        return uniq.toByteArray();
    return QByteArrayLiteral("H").append(QCryptographicHash::hash(uniq, QCryptographicHash::Sha1).toHex());
}

} // namespace MailSink::Pop3
