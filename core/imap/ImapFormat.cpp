#include "ImapFormat.h"

#include <cstdio>

namespace MailSink::Imap {

QByteArray string(QByteArrayView bytes)
{
    bool quotable = bytes.size() < 1024;
    for (qsizetype i = 0; quotable && i < bytes.size(); ++i) {
        const uchar c = uchar(bytes[i]);
        if (c == '\r' || c == '\n' || c == 0 || c >= 0x80)
            quotable = false;
    }
    if (!quotable)
        return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes.toByteArray();
    QByteArray out;
    out.reserve(bytes.size() + 2);
    out += '"';
    for (char c : bytes) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

QByteArray nstring(const QByteArray &bytes)
{
    return bytes.isNull() ? QByteArrayLiteral("NIL") : string(bytes);
}

QByteArray nstring(const QString &text)
{
    return text.isNull() ? QByteArrayLiteral("NIL") : string(text.toUtf8());
}

QByteArray dateTime(const QDateTime &time)
{
    static const char *const Months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "\"%02d-%s-%04d %02d:%02d:%02d +0000\"", d.day(),
        Months[qBound(1, d.month(), 12) - 1], d.year(), t.hour(), t.minute(), t.second());
    return QByteArray(buffer);
}

QByteArray toCrlf(QByteArrayView raw)
{
    if (crlfSize(raw) == raw.size())
        return raw.toByteArray();
    QByteArray out;
    out.reserve(raw.size() + raw.size() / 32);
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'))
            out += '\r';
        out += raw[i];
    }
    return out;
}

qint64 crlfSize(QByteArrayView raw)
{
    qint64 size = raw.size();
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lf = raw.indexOf('\n', pos);
        if (lf < 0)
            break;
        if (lf == 0 || raw[lf - 1] != '\r')
            ++size;
        pos = lf + 1;
    }
    return size;
}

bool isAtomChar(char c)
{
    const uchar u = uchar(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    switch (c) {
    case '(':
    case ')':
    case '{':
    case '%':
    case '*':
    case '"':
    case '\\':
    case ']':
        return false;
    default:
        return true;
    }
}

} // namespace MailSink::Imap
