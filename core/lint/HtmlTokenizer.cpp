#include "HtmlTokenizer.h"

namespace MailSink::Lint {

namespace {

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isRawTextElement(const QString &name)
{
    return name == u"style" || name == u"script" || name == u"title" || name == u"textarea";
}

} // namespace

QString HtmlToken::attribute(QStringView name) const
{
    for (const auto &[key, value] : attributes) {
        if (key == name)
            return value.isNull() ? QStringLiteral("") : value;
    }
    return {};
}

bool HtmlToken::hasAttribute(QStringView name) const
{
    for (const auto &attribute : attributes) {
        if (attribute.first == name)
            return true;
    }
    return false;
}

HtmlTokenizer::HtmlTokenizer(QStringView html)
    : m_html(html)
{ }

QString HtmlTokenizer::decodeCharacterReferences(QStringView text)
{
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != u'&') {
            out += c;
            continue;
        }
        const qsizetype semicolon = text.indexOf(u';', i + 1);
        if (semicolon < 0 || semicolon - i > 10) {
            out += c;
            continue;
        }
        const QStringView name = text.sliced(i + 1, semicolon - i - 1);
        char32_t code = 0;
        if (name.startsWith(u'#')) {
            bool ok = false;
            const uint value = (name.size() > 1 && (name[1] == u'x' || name[1] == u'X'))
                ? name.sliced(2).toUInt(&ok, 16)
                : name.sliced(1).toUInt(&ok, 10);
            if (ok && value > 0 && value <= 0x10FFFF)
                code = value;
        } else if (name == u"amp") {
            code = u'&';
        } else if (name == u"lt") {
            code = u'<';
        } else if (name == u"gt") {
            code = u'>';
        } else if (name == u"quot") {
            code = u'"';
        } else if (name == u"apos") {
            code = u'\'';
        } else if (name == u"nbsp") {
            code = 0xA0;
        }
        if (code == 0) {
            out += c;
            continue;
        }
        out += QString::fromUcs4(&code, 1);
        i = semicolon;
    }
    return out;
}

void HtmlTokenizer::skipTo(QStringView terminator)
{
    const qsizetype end = m_html.indexOf(terminator, m_at);
    m_at = end < 0 ? m_html.size() : end + terminator.size();
}

void HtmlTokenizer::readTag(HtmlToken *token, bool end)
{
    // m_at is on the first letter of the name.
    const qsizetype nameBegin = m_at;
    while (m_at < m_html.size() && !isSpace(m_html[m_at]) && m_html[m_at] != u'/' && m_html[m_at] != u'>')
        ++m_at;
    token->kind = end ? HtmlToken::Kind::EndTag : HtmlToken::Kind::StartTag;
    token->name = m_html.sliced(nameBegin, m_at - nameBegin).toString().toLower();
    while (m_at < m_html.size()) {
        const QChar c = m_html[m_at];
        if (c == u'>') {
            ++m_at;
            break;
        }
        if (isSpace(c)) {
            ++m_at;
            continue;
        }
        if (c == u'/') {
            ++m_at;
            if (m_at < m_html.size() && m_html[m_at] == u'>')
                token->selfClosing = true;
            continue;
        }
        const qsizetype attributeBegin = m_at;
        ++m_at; // a name may start with '=' (HTML 5 13.2.5.32); take at least one character
        while (m_at < m_html.size() && !isSpace(m_html[m_at]) && m_html[m_at] != u'/' && m_html[m_at] != u'>'
            && m_html[m_at] != u'=')
            ++m_at;
        QString name = m_html.sliced(attributeBegin, m_at - attributeBegin).toString().toLower();
        while (m_at < m_html.size() && isSpace(m_html[m_at]))
            ++m_at;
        QString value;
        if (m_at < m_html.size() && m_html[m_at] == u'=') {
            ++m_at;
            while (m_at < m_html.size() && isSpace(m_html[m_at]))
                ++m_at;
            if (m_at < m_html.size() && (m_html[m_at] == u'"' || m_html[m_at] == u'\'')) {
                const QChar quote = m_html[m_at++];
                qsizetype close = m_html.indexOf(quote, m_at);
                if (close < 0)
                    close = m_html.size();
                value = decodeCharacterReferences(m_html.sliced(m_at, close - m_at));
                m_at = qMin(close + 1, m_html.size());
            } else {
                const qsizetype valueBegin = m_at;
                while (m_at < m_html.size() && !isSpace(m_html[m_at]) && m_html[m_at] != u'>')
                    ++m_at;
                value = decodeCharacterReferences(m_html.sliced(valueBegin, m_at - valueBegin));
            }
        }
        if (!end)
            token->attributes.append({std::move(name), std::move(value)});
    }
    if (!end && !token->selfClosing && isRawTextElement(token->name))
        m_rawTextEnd = QStringLiteral("</") + token->name;
}

bool HtmlTokenizer::next(HtmlToken *token)
{
    *token = HtmlToken();
    if (m_at >= m_html.size())
        return false;

    if (!m_rawTextEnd.isEmpty()) {
        // Inside <style> or <script>: everything up to the matching end tag is text.
        qsizetype end = m_html.indexOf(m_rawTextEnd, m_at, Qt::CaseInsensitive);
        if (end < 0)
            end = m_html.size();
        const QString name = m_rawTextEnd.mid(2);
        m_rawTextEnd.clear();
        if (end > m_at) {
            token->kind = HtmlToken::Kind::Text;
            token->text = m_html.sliced(m_at, end - m_at).toString();
            if (name == u"title" || name == u"textarea")
                token->text = decodeCharacterReferences(token->text);
            m_at = end;
            return true;
        }
    }

    if (m_html[m_at] == u'<' && m_at + 1 < m_html.size()) {
        const QChar after = m_html[m_at + 1];
        if (m_html.sliced(m_at).startsWith(u"<!--")) {
            const qsizetype begin = m_at + 4;
            skipTo(u"-->");
            token->kind = HtmlToken::Kind::Comment;
            token->text
                = m_html.sliced(begin, qMax<qsizetype>(0, qMin(m_at - 3, m_html.size()) - begin)).toString();
            return true;
        }
        if (after == u'!' || after == u'?') { // doctype, CDATA, processing instruction
            const qsizetype begin = m_at + 2;
            skipTo(u">");
            token->kind = HtmlToken::Kind::Comment;
            token->text = m_html.sliced(begin, qMax<qsizetype>(0, m_at - 1 - begin)).toString();
            return true;
        }
        if (after == u'/' && m_at + 2 < m_html.size() && isAsciiLetter(m_html[m_at + 2])) {
            m_at += 2;
            readTag(token, true);
            return true;
        }
        if (isAsciiLetter(after)) {
            m_at += 1;
            readTag(token, false);
            return true;
        }
    }

    // Text up to the next '<' that can start markup (a lone '<' is text).
    const qsizetype begin = m_at;
    ++m_at;
    while (m_at < m_html.size()) {
        const qsizetype lt = m_html.indexOf(u'<', m_at);
        if (lt < 0 || lt + 1 >= m_html.size()) {
            m_at = m_html.size();
            break;
        }
        const QChar after = m_html[lt + 1];
        m_at = lt;
        if (isAsciiLetter(after) || after == u'/' || after == u'!' || after == u'?')
            break;
        ++m_at;
    }
    token->kind = HtmlToken::Kind::Text;
    token->text = decodeCharacterReferences(m_html.sliced(begin, m_at - begin));
    return true;
}

} // namespace MailSink::Lint
