#pragma once

#include "LineTranscript.h"
#include "imap/ImapConfig.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace MailSink::Test {

// An IMAP conversation (C:, C~, S:, S= and the shared actions: see LineTranscript.h), played against an
// ImapSession over a real MessageStore in a temporary folder (UIDs are the store ids: 1, 2, ... in M: order):
//   M: <recipient,...|-> <fixture>   a caught message (tests/data/imap/<fixture>)
//   !config stls | implicit-tls | auth USER PASS | max-line N | max-literal N | max-errors N
//   !timeout          the autologout check
//   !advance MS       the session's clock moves on
//   !deliver <recipients|-> <fixture>   a message is caught now; the session hears of it
//   !changed          the session hears the store changed
//   !expect seen UID | unseen UID | flags UID <index flags> | removed UID | present UID | file UID <suffix>
class ImapTranscript
{
public:
    struct Run
    {
        QStringList mismatches;
        bool closed = false;
        QByteArray output;
        QByteArray recorded; // the transcript with the S= lines the session actually gave
    };

    static ImapTranscript fromFile(const QString &path);
    static ImapTranscript fromText(const QByteArray &text, const QString &name = QStringLiteral("inline"));
    // `interleave`: each client line is answered before the next is sent (for recording).
    Run play(qsizetype chunk, bool interleave = false) const;

private:
    struct Message
    {
        QList<QByteArray> recipients;
        QByteArray raw;
    };
    ParsedTranscript m_transcript;
    Imap::ImapConfig m_config;
    QList<Message> m_messages;
};

} // namespace MailSink::Test
