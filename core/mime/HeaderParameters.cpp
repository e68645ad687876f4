#include "HeaderParameters.h"

#include "HeaderDecoding.h"

#include <QMap>

#include <algorithm>

namespace MailSink::Mime {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = char(c | 0x20);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray percentDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            out.append(char(hexValue(in[i + 1]) << 4 | hexValue(in[i + 2])));
            i += 2;
        } else {
            out.append(in[i]);
        }
    }
    return out;
}

class Cursor
{
public:
    explicit Cursor(QByteArrayView text)
        : m_text(text)
    { }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    void skip() { ++m_pos; }

    // White space and (nested) comments, RFC 5322 CFWS.
    void skipCfws()
    {
        while (!atEnd()) {
            if (isSpace(peek())) {
                skip();
            } else if (peek() == '(') {
                int depth = 0;
                while (!atEnd()) {
                    const char c = peek();
                    skip();
                    if (c == '\\' && !atEnd())
                        skip();
                    else if (c == '(')
                        ++depth;
                    else if (c == ')' && --depth == 0)
                        break;
                }
            } else {
                break;
            }
        }
    }

    // Up to (not including) any of `stops`, trimmed.
    QByteArray until(QByteArrayView stops)
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !stops.contains(peek()))
            skip();
        return m_text.sliced(start, m_pos - start).trimmed().toByteArray();
    }

    // A quoted-string with backslash escapes; the opening quote is the current character.
    QByteArray quoted()
    {
        QByteArray out;
        skip();
        while (!atEnd()) {
            const char c = peek();
            skip();
            if (c == '"')
                break;
            if (c == '\\' && !atEnd()) {
                out.append(peek());
                skip();
            } else if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out;
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

struct Section
{
    int index = -1; // -1: not a continuation
    bool extended = false;
    QByteArray value;
    bool quoted = false;
};

} // namespace

HeaderParameters HeaderParameters::parse(QByteArrayView raw)
{
    HeaderParameters result;
    Cursor cursor(raw);
    cursor.skipCfws();
    QByteArray value = cursor.until(";");
    // Comments inside the value ("text/plain (plain text)") are not part of it.
    const qsizetype comment = value.indexOf('(');
    if (comment >= 0)
        value.truncate(comment);
    value = value.trimmed().toLower();
    value.replace(' ', QByteArray()); // "text / plain" from sloppy writers
    result.m_value = value;

    QList<QByteArray> order; // parameter names in first-seen order
    QMap<QByteArray, QList<Section>> sections;
    while (!cursor.atEnd()) {
        if (cursor.peek() == ';') {
            cursor.skip();
            continue;
        }
        cursor.skipCfws();
        if (cursor.atEnd())
            break;
        QByteArray name = cursor.until("=;").toLower();
        if (cursor.atEnd() || cursor.peek() == ';') {
            continue; // a name without a value: ignore it
        }
        cursor.skip(); // '='
        cursor.skipCfws();
        Section section;
        if (!cursor.atEnd() && cursor.peek() == '"') {
            section.value = cursor.quoted();
            section.quoted = true;
            cursor.until(";"); // garbage after the closing quote
        } else {
            // A token; sloppy writers leave spaces in unquoted file names, so take up to the ';'.
            section.value = cursor.until(";");
        }
        if (name.isEmpty())
            continue;
        // RFC 2231: name*, name*0, name*0*, name*1 ...
        const qsizetype star = name.indexOf('*');
        QByteArray base = name;
        if (star > 0) {
            base = name.left(star);
            QByteArray rest = name.mid(star + 1);
            if (rest.endsWith('*')) {
                section.extended = true;
                rest.chop(1);
            }
            if (rest.isEmpty()) {
                section.index = -1;
                section.extended = true; // "name*" is always extended
            } else {
                bool ok = false;
                const int index = rest.toInt(&ok);
                if (!ok || index < 0 || index > 999) {
                    base = name; // not a 2231 name after all
                    section.extended = false;
                } else {
                    section.index = index;
                }
            }
        }
        if (!sections.contains(base))
            order.append(base);
        sections[base].append(section);
    }

    for (const QByteArray &name : std::as_const(order)) {
        QList<Section> list = sections.value(name);
        // Prefer the RFC 2231 form over a plain one given for old readers.
        const bool hasContinuation = std::any_of(
            list.cbegin(), list.cend(), [](const Section &s) { return s.index >= 0 || s.extended; });
        QString decoded;
        if (!hasContinuation) {
            const Section &plain = list.front();
            decoded = decodeHeader(plain.value);
            result.m_raw.append({name, plain.value.isNull() ? QByteArray("") : plain.value});
        } else {
            const auto single = std::find_if(
                list.cbegin(), list.cend(), [](const Section &s) { return s.index < 0 && s.extended; });
            QList<Section> parts;
            if (single != list.cend()) {
                parts.append(*single);
            } else {
                for (const Section &s : std::as_const(list)) {
                    if (s.index >= 0)
                        parts.append(s);
                }
                std::stable_sort(parts.begin(), parts.end(),
                    [](const Section &a, const Section &b) { return a.index < b.index; });
            }
            QByteArray charset;
            QByteArray bytes;
            bool first = true;
            for (const Section &s : std::as_const(parts)) {
                QByteArrayView text = s.value;
                if (s.extended && first) {
                    // charset'language'value; a sloppy writer may omit the quotes entirely.
                    const qsizetype q1 = text.indexOf('\'');
                    const qsizetype q2 = q1 >= 0 ? text.sliced(q1 + 1).indexOf('\'') : -1;
                    if (q1 >= 0 && q2 >= 0) {
                        charset = text.first(q1).toByteArray();
                        text = text.sliced(q1 + 1 + q2 + 1);
                    }
                }
                first = false;
                bytes += s.extended ? percentDecode(text) : text.toByteArray();
            }
            decoded = charset.isEmpty() ? decodeHeader(bytes) : decodeCharset(bytes, charset);
            result.m_raw.append({name, bytes.isNull() ? QByteArray("") : bytes});
        }
        result.m_parameters.append({name, decoded});
    }
    return result;
}

QString HeaderParameters::parameter(QByteArrayView name) const
{
    for (const auto &[key, value] : m_parameters) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.isNull() ? QStringLiteral("") : value;
    }
    return {};
}

QByteArray HeaderParameters::rawParameter(QByteArrayView name) const
{
    for (const auto &[key, value] : m_raw) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace MailSink::Mime
