#include "MessageHeaders.h"

namespace MailSink::Client {

namespace {

// Calls `visit(start, end, nameEnd)` for each field of the header section: [start, end) covers the
// field with its continuation lines and line ends.
template<typename Visit>
void forEachField(const QByteArray &message, Visit visit)
{
    qsizetype pos = 0;
    while (pos < message.size()) {
        qsizetype lineEnd = message.indexOf('\n', pos);
        if (lineEnd < 0)
            lineEnd = message.size();
        else
            ++lineEnd;
        const QByteArrayView line = QByteArrayView(message).sliced(pos, lineEnd - pos);
        if (line == "\r\n" || line == "\n")
            return; // end of the header section
        qsizetype end = lineEnd;
        while (end < message.size() && (message.at(end) == ' ' || message.at(end) == '\t')) {
            const qsizetype next = message.indexOf('\n', end);
            end = next < 0 ? message.size() : next + 1;
        }
        const qsizetype colon = message.indexOf(':', pos);
        if (colon > pos && colon < lineEnd)
            visit(pos, end, colon);
        else if (!line.startsWith("From "))
            return; // not a header field: the body begins without a blank line
        pos = end;
    }
}

} // namespace

QList<QByteArray> MessageHeaders::values(const QByteArray &message, QByteArrayView name)
{
    QList<QByteArray> result;
    forEachField(message, [&](qsizetype start, qsizetype end, qsizetype colon) {
        if (QByteArrayView(message).sliced(start, colon - start).trimmed().compare(name, Qt::CaseInsensitive)
            != 0)
            return;
        QByteArray value = message.mid(colon + 1, end - colon - 1);
        value.replace("\r\n", "");
        value.replace("\n", "");
        result.append(value.trimmed());
    });
    return result;
}

QByteArray MessageHeaders::removeField(const QByteArray &message, QByteArrayView name)
{
    QByteArray out;
    qsizetype copied = 0;
    forEachField(message, [&](qsizetype start, qsizetype end, qsizetype colon) {
        if (QByteArrayView(message).sliced(start, colon - start).trimmed().compare(name, Qt::CaseInsensitive)
            != 0)
            return;
        out += QByteArrayView(message).sliced(copied, start - copied);
        copied = end;
    });
    out += QByteArrayView(message).sliced(copied);
    return out;
}

QList<QByteArray> MessageHeaders::addresses(QByteArrayView value)
{
    QList<QByteArray> result;
    QByteArray current; // text outside comments and angle brackets
    QByteArray angle;
    bool haveAngle = false;
    bool inAngle = false;
    bool quoted = false;
    int comment = 0;
    auto flush = [&] {
        QByteArray address = haveAngle ? angle : current;
        address = address.trimmed();
        // A source route "@a,@b:user@host" (RFC 5322 4.4) is dropped.
        if (address.startsWith('@') && address.contains(':'))
            address = address.mid(address.indexOf(':') + 1);
        if (!address.isEmpty())
            result.append(address);
        current.clear();
        angle.clear();
        haveAngle = false;
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (comment > 0) {
            if (c == '\\')
                ++i;
            else if (c == '(')
                ++comment;
            else if (c == ')')
                --comment;
            continue;
        }
        QByteArray &target = inAngle ? angle : current;
        if (quoted) {
            target += c;
            if (c == '\\' && i + 1 < value.size())
                target += value[++i];
            else if (c == '"')
                quoted = false;
            continue;
        }
        switch (c) {
        case '"':
            quoted = true;
            target += c;
            break;
        case '(':
            comment = 1;
            break;
        case '<':
            inAngle = true;
            haveAngle = true;
            angle.clear();
            break;
        case '>':
            inAngle = false;
            break;
        case ':':
            if (inAngle)
                angle += c;
            else
                current.clear(); // "group name:" starts a group (RFC 5322 3.4)
            break;
        case ',':
        case ';':
            if (inAngle)
                angle += c;
            else
                flush();
            break;
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            break; // outside quotes an addr-spec has no whitespace (obsolete "user @ host" forms join up)
        default:
            target += c;
            break;
        }
    }
    flush();
    return result;
}

QByteArray MessageHeaders::canonicalLineEnds(QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size() + data.size() / 32 + 2);
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < data.size() && data[i + 1] == '\n')
                ++i;
        } else if (c == '\n') {
            out += "\r\n";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace MailSink::Client
