#include "Transcript.h"

#include "TestSupport.h"

namespace MailSink::Test {

QByteArray unescape(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c != '\\' || i + 1 >= text.size()) {
            out.append(c);
            continue;
        }
        const char next = text.at(++i);
        switch (next) {
        case 'r':
            out.append('\r');
            break;
        case 'n':
            out.append('\n');
            break;
        case '0':
            out.append('\0');
            break;
        case 't':
            out.append('\t');
            break;
        case 'x':
            out.append(char(text.mid(i + 1, 2).toInt(nullptr, 16)));
            i += 2;
            break;
        default:
            out.append(next);
        }
    }
    return out;
}

Transcript Transcript::fromText(const QByteArray &text)
{
    Transcript transcript;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith("C: ") || line == "C:")
            transcript.client(line.mid(3));
        else if (line.startsWith("R: "))
            transcript.raw(unescape(line.mid(3)));
        else if (line.startsWith("S: "))
            transcript.server(line.mid(3));
    }
    return transcript;
}

Transcript Transcript::fromFile(const QString &path)
{
    return fromText(readFile(path));
}

Transcript &Transcript::client(const QByteArray &line)
{
    m_steps.append({true, line + "\r\n"});
    return *this;
}

Transcript &Transcript::raw(const QByteArray &bytes)
{
    m_steps.append({true, bytes});
    return *this;
}

Transcript &Transcript::server(const QByteArray &prefix)
{
    m_steps.append({false, prefix});
    return *this;
}

Transcript &Transcript::failCommits(bool fail)
{
    m_failCommits = fail;
    return *this;
}

Transcript::Result Transcript::play(qsizetype chunkSize, Smtp::SessionConfig config) const
{
    Result result;
    if (config.clientAddress.isEmpty())
        config.clientAddress = QStringLiteral("127.0.0.1");
    Smtp::SmtpSession session(config);
    QByteArray pendingReplies = session.greeting();
    QByteArray current;
    bool open = false;
    int queue = 0;
    bool tlsPending = false;

    auto handleEvents = [&](QByteArray &out) {
        for (;;) {
            auto events = session.takeEvents();
            if (events.empty())
                return;
            for (auto &event : events) {
                using Type = Smtp::Event::Type;
                switch (event.type) {
                case Type::MessageBegin:
                    current.clear();
                    open = true;
                    break;
                case Type::MessageData:
                    if (!open)
                        result.mismatches.append(QStringLiteral("data event without an open message"));
                    current.append(event.data);
                    break;
                case Type::MessageAborted:
                    open = false;
                    current.clear();
                    ++result.aborted;
                    break;
                case Type::MessageComplete:
                    open = false;
                    if (m_failCommits) {
                        out += session.commitFinished(false, {}, QStringLiteral("injected"));
                    } else {
                        result.messages.append({current, session.envelope()});
                        out += session.commitFinished(true, QByteArray::number(++queue));
                    }
                    break;
                case Type::StartTls:
                    // The handshake happens after everything the client already sent has arrived.
                    ++result.startTls;
                    tlsPending = true;
                    break;
                case Type::Close:
                    result.closed = true;
                    break;
                }
            }
        }
    };

    qsizetype i = 0;
    QByteArray replies = pendingReplies;
    while (i <= m_steps.size()) {
        // Match expected server lines against what has been replied so far.
        while (i < m_steps.size() && !m_steps.at(i).fromClient) {
            const qsizetype eol = replies.indexOf("\r\n");
            const QByteArray expected = m_steps.at(i).bytes;
            if (eol < 0) {
                result.mismatches.append(
                    QStringLiteral("expected \"%1\", got nothing").arg(QString::fromUtf8(expected)));
            } else {
                const QByteArray line = replies.left(eol);
                replies.remove(0, eol + 2);
                if (!line.startsWith(expected))
                    result.mismatches.append(QStringLiteral("expected \"%1\", got \"%2\"")
                                                 .arg(QString::fromUtf8(expected), QString::fromUtf8(line)));
            }
            ++i;
        }
        if (i >= m_steps.size())
            break;
        QByteArray batch;
        while (i < m_steps.size() && m_steps.at(i).fromClient)
            batch += m_steps.at(i++).bytes;
        const qsizetype step = chunkSize <= 0 ? batch.size() : chunkSize;
        for (qsizetype pos = 0; pos < batch.size(); pos += step) {
            QByteArray out
                = session.receive(QByteArrayView(batch).sliced(pos, std::min(step, batch.size() - pos)));
            handleEvents(out);
            replies += out;
            result.output += out;
        }
        if (tlsPending) {
            tlsPending = false;
            QByteArray out = session.tlsEstablished(QStringLiteral("TLSv1.3"), QStringLiteral("TEST"));
            handleEvents(out);
            replies += out;
        }
    }
    if (!replies.isEmpty())
        result.mismatches.append(
            QStringLiteral("unexpected replies: \"%1\"").arg(QString::fromUtf8(replies)));
    return result;
}

} // namespace MailSink::Test
