#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace MailSink::Test {

// What the POP3 and IMAP transcripts share. A transcript is written as the protocol reads:
//   C: <line>      client line (CRLF added);  C~ <bytes>  bytes as they are (escapes \r \n \0 \\)
//   S: <prefix>    the next server line starts with <prefix>;  S= <line>  it is exactly <line>
//   !<action ...>  drives the session; # comments; everything else is the protocol's set-up (M:, !config)
// Consecutive C lines are sent together (pipelined), split into chunks of the given size.
struct TranscriptStep
{
    enum class Kind { Client, ExpectPrefix, ExpectExact, Action };
    Kind kind;
    QByteArray text;
    int line = 0;
    QByteArray source; // the line as written
};

struct ParsedTranscript
{
    QString name;
    QList<TranscriptStep> steps;
    QStringList errors; // problems in the transcript itself
    QByteArray header; // the set-up lines, for recording
};

// Unknown escapes stay as written, so IMAP flags such as \Seen or \Recent survive.
QByteArray unescapeLine(const QByteArray &text);
QString showLine(const QByteArray &line);

// `setup` takes the protocol's own lines (M:, !config ...): it returns false for a line it does not know.
using SetupLine = std::function<bool(const QByteArray &line, int number, QStringList &errors)>;
ParsedTranscript parseTranscript(const QByteArray &text, const QString &name, const SetupLine &setup);

// The !config keys POP3 and IMAP share: stls | implicit-tls | auth USER PASS | max-errors N.
// False for a key it does not know.
template <typename Config>
bool commonConfig(Config &config, const QList<QByteArray> &words)
{
    const QByteArray &key = words.at(0);
    if (key == "stls")
        config.startTlsAvailable = true;
    else if (key == "implicit-tls")
        config.implicitTls = true;
    else if (key == "auth" && words.size() == 3) {
        config.authRequired = true;
        config.authUser = words.at(1);
        config.authPassword = words.at(2);
    } else if (key == "max-errors" && words.size() == 2)
        config.maxErrors = words.at(1).toInt();
    else
        return false;
    return true;
}

// Plays a parsed transcript against a sans-IO session (Pop3Session, ImapSession: greeting(), receive(),
// takeEvents() with StartTls/Close, tlsEstablished(), connectionLost(), shutdown(), isClosed()). The
// actions every protocol has are handled here (!tls !lost !shutdown !long N, !expect closed|open|events-tls);
// the rest go to `action`, which returns false for one it does not know.
template<typename Session>
class TranscriptPlayer
{
public:
    using Action = std::function<bool(const QList<QByteArray> &words, int line)>;

    TranscriptPlayer(Session &session, const ParsedTranscript &transcript, qsizetype chunk)
        : m_session(session)
        , m_transcript(transcript)
        , m_chunk(chunk)
    {
        mismatches = transcript.errors;
    }

    // `interleave`: each client line is answered before the next is sent (for recording).
    void play(const Action &action, bool interleave = false)
    {
        recorded = m_transcript.header;
        take(m_session.greeting());
        for (const TranscriptStep &step : m_transcript.steps) {
            if (step.kind == TranscriptStep::Kind::Client) {
                m_client += step.text;
                recorded += step.source + '\n';
                if (interleave) {
                    flush();
                    record();
                }
                continue;
            }
            flush();
            record();
            if (step.kind == TranscriptStep::Kind::Action) {
                recorded += step.source + '\n';
                act(step, action);
                record();
            } else {
                expect(step);
            }
        }
        flush();
        record();
        for (const QByteArray &line : std::as_const(m_lines))
            mismatch(0, QStringLiteral("unexpected server line \"%1\"").arg(showLine(line)));
        if (!m_buffer.isEmpty())
            mismatch(0, QStringLiteral("unterminated server output \"%1\"").arg(showLine(m_buffer)));
    }

    void take(const QByteArray &out)
    {
        output += out;
        m_buffer += out;
        qsizetype crlf;
        while ((crlf = m_buffer.indexOf("\r\n")) >= 0) {
            m_lines.append(m_buffer.left(crlf));
            allLines.append(m_buffer.left(crlf));
            m_buffer.remove(0, crlf + 2);
        }
        for (const auto &event : m_session.takeEvents()) {
            using Type = decltype(event.type);
            if (event.type == Type::StartTls)
                tlsRequested = true;
            if (event.type == Type::Close)
                closed = true;
        }
    }
    void mismatch(int line, const QString &text)
    {
        mismatches.append(
            QStringLiteral("%1:%2 (chunk %3): %4").arg(m_transcript.name).arg(line).arg(m_chunk).arg(text));
    }

    QStringList mismatches;
    QByteArray output;
    QByteArray recorded; // the transcript with the S= lines the session actually gave
    QList<QByteArray> allLines;
    bool closed = false;
    bool tlsRequested = false;

private:
    void flush()
    {
        for (qsizetype i = 0; i < m_client.size(); i += m_chunk)
            take(m_session.receive(
                QByteArrayView(m_client).sliced(i, std::min(m_chunk, m_client.size() - i))));
        m_client.clear();
    }
    void record()
    {
        for (qsizetype i = m_recordedLines; i < allLines.size(); ++i) {
            const QByteArray &line = allLines.at(i);
            recorded += (line.isEmpty() ? QByteArray("S=") : "S= " + line) + '\n';
        }
        m_recordedLines = allLines.size();
    }
    void expect(const TranscriptStep &step)
    {
        if (m_lines.isEmpty()) {
            mismatch(step.line, QStringLiteral("expected \"%1\", got nothing").arg(showLine(step.text)));
            return;
        }
        const QByteArray got = m_lines.takeFirst();
        const bool match
            = step.kind == TranscriptStep::Kind::ExpectExact ? got == step.text : got.startsWith(step.text);
        if (!match)
            mismatch(step.line,
                QStringLiteral("expected \"%1\", got \"%2\"").arg(showLine(step.text), showLine(got)));
    }
    void act(const TranscriptStep &step, const Action &action)
    {
        const QList<QByteArray> words = step.text.simplified().split(' ');
        const QByteArray &name = words.at(0);
        const QByteArray what = words.value(1);
        if (name == "tls") {
            if (!tlsRequested)
                mismatch(step.line, QStringLiteral("!tls without a StartTls event"));
            tlsRequested = false;
            take(m_session.tlsEstablished(
                QStringLiteral("TLSv1.3"), QStringLiteral("TLS_AES_256_GCM_SHA384")));
        } else if (name == "lost") {
            m_session.connectionLost();
            closed = true;
        } else if (name == "shutdown") {
            take(m_session.shutdown());
        } else if (name == "long") {
            m_client += QByteArray(what.toInt(), 'x') + "\r\n";
        } else if (name == "expect" && what == "closed") {
            if (!(closed && m_session.isClosed()))
                mismatch(step.line, QStringLiteral("session is still open"));
        } else if (name == "expect" && what == "open") {
            if (m_session.isClosed())
                mismatch(step.line, QStringLiteral("session is closed"));
        } else if (name == "expect" && what == "events-tls") {
            if (!tlsRequested)
                mismatch(step.line, QStringLiteral("no StartTls event"));
        } else if (!action(words, step.line)) {
            mismatch(step.line, QStringLiteral("unknown action !%1").arg(QString::fromUtf8(step.text)));
        }
    }

    Session &m_session;
    const ParsedTranscript &m_transcript;
    qsizetype m_chunk;
    QByteArray m_client; // client bytes not yet sent
    QByteArray m_buffer; // server output not yet split into lines
    QList<QByteArray> m_lines; // server lines not yet matched
    qsizetype m_recordedLines = 0;
};

} // namespace MailSink::Test
