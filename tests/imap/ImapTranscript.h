#pragma once

#include "imap/ImapConfig.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace MailSink::Test {

// An IMAP conversation written as the protocol reads, played against an ImapSession over a real
// MessageStore in a temporary folder (UIDs are the store ids: 1, 2, ... in M: order):
//   M: <recipient,...|-> <fixture>   a caught message (tests/data/imap/<fixture>)
//   C: <line>        client line (CRLF added); C~ <bytes> sends bytes as they are (escapes \r \n \0 \\)
//   S: <prefix>      the next server line starts with <prefix>;  S= <line>  it is exactly <line>
//   !config stls | implicit-tls | auth USER PASS | max-line N | max-literal N | max-errors N
//   !tls !lost !shutdown !timeout   drive the session (TLS established, peer gone, stop, autologout check)
//   !advance MS       the session's clock moves on
//   !deliver <recipients|-> <fixture>   a message is caught now; the session hears of it
//   !long N           a client line of N 'x' octets plus CRLF
//   !expect seen UID | unseen UID | flags UID <index flags> | removed UID | present UID | closed | open |
//   events-tls
// Consecutive C lines are sent together (pipelined), split into chunks of the given size.
class ImapTranscript
{
public:
    struct Run
    {
        QStringList mismatches;
        bool closed = false;
        QByteArray output;
        QByteArray recorded; // the transcript with the S= lines the session actually gave
        QList<QByteArray> allLines;
        qsizetype recordedLines = 0;
    };

    static ImapTranscript fromFile(const QString &path);
    static ImapTranscript fromText(const QByteArray &text, const QString &name = QStringLiteral("inline"));
    // `interleave`: each client line is answered before the next is sent (for recording).
    Run play(qsizetype chunk, bool interleave = false) const;

private:
    struct Step
    {
        enum class Kind { Client, ExpectPrefix, ExpectExact, Action };
        Kind kind;
        QByteArray text;
        int line = 0;
        QByteArray source; // the line as written
    };
    struct Message
    {
        QList<QByteArray> recipients;
        QByteArray raw;
    };
    QString m_name;
    Imap::ImapConfig m_config;
    QList<Message> m_messages;
    QList<Step> m_steps;
    QStringList m_errors;
    QByteArray m_header; // M: and !config lines, for recording
};

} // namespace MailSink::Test
