#include "SmtpReplyParser.h"

namespace MailSink::Client {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

void SmtpReplyParser::clear()
{
    m_buffer.clear();
    m_current = {};
}

QList<QByteArray> SmtpReplyParser::takeLines()
{
    QList<QByteArray> lines;
    lines.swap(m_seen);
    return lines;
}

std::optional<SmtpReply> SmtpReplyParser::next()
{
    if (hasError())
        return std::nullopt;
    for (;;) {
        // Lines end in CRLF; a bare LF is accepted too, as real servers sometimes send one.
        const qsizetype lf = m_buffer.indexOf('\n');
        if (lf < 0) {
            if (m_buffer.size() > MaxLine)
                m_error = QStringLiteral("reply line longer than %1 octets").arg(MaxLine);
            return std::nullopt;
        }
        QByteArray line = m_buffer.left(lf);
        m_buffer.remove(0, lf + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        m_seen.append(line);
        // "ddd", "ddd text" or "ddd-text" (RFC 5321 4.2).
        if (line.size() < 3 || !isDigit(line.at(0)) || !isDigit(line.at(1)) || !isDigit(line.at(2))
            || (line.size() > 3 && line.at(3) != ' ' && line.at(3) != '-')) {
            m_error = QStringLiteral("malformed reply line \"%1\"").arg(QString::fromUtf8(line.left(200)));
            return std::nullopt;
        }
        const int code = line.left(3).toInt();
        if (!m_current.lines.isEmpty() && code != m_current.code) {
            m_error = QStringLiteral("reply code changed within a multi-line reply: \"%1\"")
                          .arg(QString::fromUtf8(line.left(200)));
            return std::nullopt;
        }
        m_current.code = code;
        m_current.lines.append(line.size() > 4 ? line.mid(4) : QByteArray());
        if (line.size() > 3 && line.at(3) == '-') {
            if (m_current.lines.size() >= MaxLines) {
                m_error = QStringLiteral("reply with more than %1 lines").arg(MaxLines);
                return std::nullopt;
            }
            continue;
        }
        SmtpReply reply = std::move(m_current);
        m_current = {};
        return reply;
    }
}

} // namespace MailSink::Client
