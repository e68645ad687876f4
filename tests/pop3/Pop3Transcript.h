#pragma once

#include "FakeMaildrop.h"
#include "LineTranscript.h"
#include "pop3/Pop3Config.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <memory>

namespace MailSink::Test {

// A POP3 conversation (C:, C~, S:, S= and the shared actions: see LineTranscript.h), played against a
// Pop3Session over a FakeMaildrop:
//   M: <id> <uid> <recipient,...|-> <fixture>   a message in the maildrop (tests/data/pop3/<fixture>)
//   !config stls | implicit-tls | auth USER PASS | max-errors N | max-line N
//   !idle            the autologout timer fires
//   !lock KEY        another session holds maildrop KEY;  !unlock KEY
//   !fail-read  !fail-remove     the store starts failing
//   !expect removed 1,2 | seen 1 | locked KEY | unlocked KEY
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
    bool setup(const QByteArray &line, int number, QStringList &errors);

    ParsedTranscript m_transcript;
    Pop3::Pop3Config m_config;
    QList<FakeStore::Message> m_messages;
};

} // namespace MailSink::Test
