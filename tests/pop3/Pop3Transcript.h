#pragma once

#include "FakeMaildrop.h"
#include "pop3/Pop3Config.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <memory>

namespace MailSink::Test {

// A POP3 conversation written as the protocol reads, played against a Pop3Session:
//   M: <id> <uid> <recipient,...|-> <fixture>   a message in the maildrop (tests/data/pop3/<fixture>)
//   C: <line>        client line (CRLF added); C~ <bytes> sends bytes as they are
//                    (escapes in both: \r \n \0 \\)
//   S: <prefix>      the next server line starts with <prefix>;  S= <line>  it is exactly <line>
//   !config stls | implicit-tls | auth USER PASS | max-errors N | max-line N
//   !tls !lost !idle !shutdown    drive the session (the TLS handshake succeeds; the peer goes away; ...)
//   !long N          a client line of N 'x' octets plus CRLF
//   !lock KEY        another session holds maildrop KEY;  !unlock KEY
//   !fail-read  !fail-remove     the store starts failing
//   !expect removed 1,2 | seen 1 | closed | open | locked KEY | unlocked KEY | events-tls
// Consecutive C lines are sent together (pipelined), split into chunks of the given size.
class Pop3Transcript
{
public:
    struct Run
    {
        QStringList mismatches;
        std::shared_ptr<FakeStore> store;
        bool closed = false;
        QByteArray output;
    };

    static Pop3Transcript fromFile(const QString &path);
    static Pop3Transcript fromText(const QByteArray &text, const QString &name = QStringLiteral("inline"));
    Run play(qsizetype chunk) const;

private:
    struct Step
    {
        enum class Kind { Client, ExpectPrefix, ExpectExact, Action };
        Kind kind;
        QByteArray text;
        int line = 0;
    };
    QString m_name;
    Pop3::Pop3Config m_config;
    QList<FakeStore::Message> m_messages;
    QList<Step> m_steps;
    QStringList m_errors; // problems in the transcript itself
};

} // namespace MailSink::Test
