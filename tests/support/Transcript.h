#pragma once

#include "smtp/SmtpSession.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace MailSink::Test {

// An SMTP conversation written as the protocol reads:
//   C: EHLO client          client line, CRLF appended
//   R: BDAT 3\r\nabc        raw client bytes with C escapes (\r \n \0 \\ \xHH), nothing appended
//   S: 250                  expected server reply line; matches as a prefix
//   # comment
// Consecutive client lines are sent together (pipelined), split into chunks of the given size;
// the replies collected are then matched against the S: lines that follow.
class Transcript
{
public:
    struct Message
    {
        QByteArray raw;
        Store::Envelope envelope;
    };
    struct Result
    {
        QStringList mismatches;
        QList<Message> messages;
        int aborted = 0;
        int startTls = 0;
        bool closed = false;
        QByteArray output;
    };

    static Transcript fromFile(const QString &path);
    static Transcript fromText(const QByteArray &text);

    Transcript &client(const QByteArray &line);
    Transcript &raw(const QByteArray &bytes);
    Transcript &server(const QByteArray &prefix);

    // When set, a commit fails (storage failure) instead of succeeding.
    Transcript &failCommits(bool fail = true);
    Result play(qsizetype chunkSize, Smtp::SessionConfig config = {}) const;

private:
    struct Step
    {
        bool fromClient;
        QByteArray bytes;
    };
    QList<Step> m_steps;
    bool m_failCommits = false;
};

QByteArray unescape(const QByteArray &text);

} // namespace MailSink::Test
