#include "LineTranscript.h"

namespace MailSink::Test {

QByteArray unescapeLine(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char next = i + 1 < text.size() ? text.at(i + 1) : '\0';
        if (text.at(i) != '\\' || (next != 'r' && next != 'n' && next != '0' && next != '\\')) {
            out.append(text.at(i));
            continue;
        }
        ++i;
        out.append(next == 'r' ? '\r' : next == 'n' ? '\n' : next == '0' ? '\0' : next);
    }
    return out;
}

QString showLine(const QByteArray &line)
{
    return QString::fromUtf8(QByteArray(line).replace('\r', "\\r").replace('\0', "\\0"));
}

ParsedTranscript parseTranscript(const QByteArray &text, const QString &name, const SetupLine &setup)
{
    using Kind = TranscriptStep::Kind;
    ParsedTranscript t;
    t.name = name;
    int number = 0;
    for (QByteArray line : text.split('\n')) {
        ++number;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith('#')) {
            t.header += line + '\n';
            continue;
        }
        const QByteArray tag = line.left(2);
        const QByteArray rest = line.size() > 3 ? line.mid(3) : QByteArray();
        if (tag == "C:")
            t.steps.append({Kind::Client, unescapeLine(rest) + "\r\n", number, line});
        else if (tag == "C~")
            t.steps.append({Kind::Client, unescapeLine(rest), number, line});
        else if (tag == "S:")
            t.steps.append({Kind::ExpectPrefix, unescapeLine(rest), number, line});
        else if (tag == "S=")
            t.steps.append({Kind::ExpectExact, unescapeLine(rest), number, line});
        else if (setup(line, number, t.errors))
            t.header += line + '\n';
        else if (line.startsWith('!'))
            t.steps.append({Kind::Action, line.mid(1), number, line});
        else
            t.errors.append(
                QStringLiteral("%1:%2: cannot parse \"%3\"").arg(name).arg(number).arg(showLine(line)));
    }
    return t;
}

} // namespace MailSink::Test
