#include "ImapReader.h"

#include "ImapFormat.h"

namespace MailSink::Imap {

ImapReader::ImapReader(const QByteArray &command)
    : m_data(command)
{ }

bool ImapReader::consume(char c)
{
    if (peek() != c || atEnd())
        return false;
    ++m_pos;
    return true;
}

std::optional<QByteArray> ImapReader::tag()
{
    const qsizetype begin = m_pos;
    while (!atEnd() && peek() != '+' && (isAtomChar(peek()) || peek() == ']'))
        ++m_pos;
    if (m_pos == begin)
        return std::nullopt;
    return m_data.mid(begin, m_pos - begin);
}

std::optional<QByteArray> ImapReader::atom()
{
    const qsizetype begin = m_pos;
    while (!atEnd() && isAtomChar(peek()))
        ++m_pos;
    if (m_pos == begin)
        return std::nullopt;
    return m_data.mid(begin, m_pos - begin);
}

std::optional<QByteArray> ImapReader::fetchName()
{
    const qsizetype begin = m_pos;
    while (!atEnd() && isAtomChar(peek()) && peek() != '[')
        ++m_pos;
    if (m_pos == begin)
        return std::nullopt;
    return m_data.mid(begin, m_pos - begin);
}

std::optional<QByteArray> ImapReader::string()
{
    if (consume('"')) {
        QByteArray out;
        while (!atEnd()) {
            const char c = m_data.at(m_pos++);
            if (c == '"')
                return out;
            if (c == '\\') {
                if (atEnd())
                    return std::nullopt;
                const char escaped = m_data.at(m_pos++);
                if (escaped != '"' && escaped != '\\')
                    return std::nullopt; // RFC 3501 9: only quoted-specials may be escaped
                out += escaped;
                continue;
            }
            if (c == '\r' || c == '\n')
                return std::nullopt;
            out += c;
        }
        return std::nullopt;
    }
    if (peek() != '{')
        return std::nullopt;
    const qsizetype close = m_data.indexOf('}', m_pos);
    if (close < 0)
        return std::nullopt;
    QByteArray digits = m_data.mid(m_pos + 1, close - m_pos - 1);
    if (digits.endsWith('+'))
        digits.chop(1);
    bool ok = false;
    const qint64 length = digits.toLongLong(&ok);
    if (!ok || length < 0 || digits.isEmpty() || digits.startsWith('-') || digits.startsWith('+'))
        return std::nullopt;
    const qsizetype begin = close + 3; // "}\r\n"
    if (m_data.mid(close + 1, 2) != "\r\n" || begin + length > m_data.size())
        return std::nullopt;
    m_pos = begin + length;
    return m_data.mid(begin, length);
}

std::optional<QByteArray> ImapReader::astring()
{
    if (peek() == '"' || peek() == '{')
        return string();
    const qsizetype begin = m_pos;
    while (!atEnd() && (isAtomChar(peek()) || peek() == ']'))
        ++m_pos;
    if (m_pos == begin)
        return std::nullopt;
    return m_data.mid(begin, m_pos - begin);
}

std::optional<QByteArray> ImapReader::listMailbox()
{
    if (peek() == '"' || peek() == '{')
        return string();
    const qsizetype begin = m_pos;
    while (!atEnd() && (isAtomChar(peek()) || peek() == ']' || peek() == '%' || peek() == '*'))
        ++m_pos;
    if (m_pos == begin)
        return std::nullopt;
    return m_data.mid(begin, m_pos - begin);
}

std::optional<quint32> ImapReader::number()
{
    const qsizetype begin = m_pos;
    quint64 value = 0;
    while (!atEnd() && peek() >= '0' && peek() <= '9') {
        value = value * 10 + quint64(peek() - '0');
        if (value > 0xffffffffULL)
            return std::nullopt;
        ++m_pos;
    }
    if (m_pos == begin)
        return std::nullopt;
    return quint32(value);
}

std::optional<QByteArray> ImapReader::sequenceSet()
{
    const qsizetype begin = m_pos;
    while (!atEnd()) {
        const char c = peek();
        if (!((c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*'))
            break;
        ++m_pos;
    }
    if (m_pos == begin)
        return std::nullopt;
    return m_data.mid(begin, m_pos - begin);
}

QByteArray ImapReader::until(char stop)
{
    const qsizetype begin = m_pos;
    while (!atEnd() && peek() != stop)
        ++m_pos;
    return m_data.mid(begin, m_pos - begin);
}

std::optional<MessageFlags> ImapReader::flagList()
{
    MessageFlags flags;
    auto flag = [&]() -> bool {
        QByteArray name;
        if (consume('\\')) {
            const auto word = atom();
            if (!word)
                return false;
            name = '\\' + *word;
            if (name.compare("\\Recent", Qt::CaseInsensitive) == 0)
                return true; // cannot be stored; ignored
        } else {
            const auto word = atom();
            if (!word)
                return false;
            name = *word;
        }
        return flags.addFlag(name);
    };
    if (consume('(')) {
        bool first = true;
        while (!consume(')')) {
            if (!first && !space())
                return std::nullopt;
            first = false;
            if (!flag())
                return std::nullopt;
        }
        return flags;
    }
    do {
        if (!flag())
            return std::nullopt;
    } while (space());
    return flags;
}

} // namespace MailSink::Imap
