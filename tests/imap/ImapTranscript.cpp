#include "ImapTranscript.h"

#include "TestSupport.h"
#include "imap/ImapSession.h"
#include "imap/StoreMailboxes.h"
#include "store/MessageStore.h"

#include <QFile>
#include <QTemporaryDir>

namespace MailSink::Test {

namespace {

QList<QByteArray> recipientsOf(const QByteArray &word)
{
    return word == "-" ? QList<QByteArray>() : word.split(',');
}

bool commit(Store::MessageStore &store, const QByteArray &raw, const QList<QByteArray> &recipients)
{
    auto writer = store.beginMessage();
    if (!writer->write(raw))
        return false;
    Store::Envelope envelope;
    envelope.mailFrom = "sender@example.com";
    envelope.recipients = recipients;
    envelope.received = QDateTime(QDate(2024, 3, 5), QTime(12, 0), Qt::UTC);
    return store.commit(std::move(writer), envelope, {}).ok;
}

} // namespace

ImapTranscript ImapTranscript::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImapTranscript broken;
        broken.m_transcript.errors.append(QStringLiteral("cannot read %1").arg(path));
        return broken;
    }
    return fromText(file.readAll(), path);
}

ImapTranscript ImapTranscript::fromText(const QByteArray &text, const QString &name)
{
    ImapTranscript t;
    t.m_config.hostname = "mailsink.test";
    t.m_config.clientAddress = QStringLiteral("127.0.0.1");
    t.m_config.clientPort = 40000;
    t.m_transcript
        = parseTranscript(text, name, [&t, &name](const QByteArray &line, int number, QStringList &errors) {
              auto error = [&](const QString &problem) {
                  errors.append(QStringLiteral("%1:%2: %3").arg(name).arg(number).arg(problem));
              };
              if (line.startsWith("M:")) {
                  const QList<QByteArray> words = line.mid(3).simplified().split(' ');
                  if (words.size() != 2) {
                      error(QStringLiteral("M: needs recipients fixture"));
                      return true;
                  }
                  const QByteArray raw
                      = readFile(testData(QStringLiteral("imap/") + QString::fromUtf8(words.at(1))));
                  if (raw.isEmpty())
                      error(QStringLiteral("no fixture"));
                  t.m_messages.append({recipientsOf(words.at(0)), raw});
                  return true;
              }
              if (!line.startsWith("!config "))
                  return false;
              const QList<QByteArray> words = line.mid(8).simplified().split(' ');
              const QByteArray &key = words.at(0);
              if (key == "max-line" && words.size() == 2)
                  t.m_config.maxLine = words.at(1).toInt();
              else if (key == "max-literal" && words.size() == 2)
                  t.m_config.maxLiteral = words.at(1).toLongLong();
              else if (!commonConfig(t.m_config, words))
                  error(QStringLiteral("unknown config"));
              return true;
          });
    return t;
}

ImapTranscript::Run ImapTranscript::play(qsizetype chunk, bool interleave) const
{
    Run run;
    QTemporaryDir dir;
    Store::MessageStore store;
    if (!dir.isValid() || !store.open(dir.path())) {
        run.mismatches.append(QStringLiteral("cannot open a store"));
        return run;
    }
    store.metaValue(
        QStringLiteral("imap-uidvalidity"), QStringLiteral("1700000000")); // fixed for the S= lines
    bool stored = true;
    for (const Message &message : m_messages)
        stored = commit(store, message.raw, message.recipients) && stored;
    qint64 clock = 1700000000000;
    Imap::ImapConfig config = m_config;
    config.clock = [&clock] { return clock; };
    Imap::ImapSession session(config, std::make_unique<Imap::StoreMailboxes>(&store));
    TranscriptPlayer player(session, m_transcript, chunk);
    if (!stored)
        player.mismatches.append(QStringLiteral("cannot store a fixture"));

    player.play(
        [&](const QList<QByteArray> &words, int line) {
            const QByteArray &action = words.at(0);
            const QByteArray arg = words.value(1);
            if (action == "timeout") {
                player.take(session.checkTimeout());
            } else if (action == "advance") {
                clock += arg.toLongLong();
            } else if (action == "deliver") {
                const QByteArray raw
                    = readFile(testData(QStringLiteral("imap/") + QString::fromUtf8(words.value(2))));
                if (!commit(store, raw, recipientsOf(arg)))
                    player.mismatch(line, QStringLiteral("cannot deliver"));
                player.take(session.mailboxChanged());
            } else if (action == "changed") {
                player.take(session.mailboxChanged());
            } else if (action == "expect") {
                const qint64 id = words.value(2).toLongLong();
                const auto info = store.message(id);
                if (arg == "seen") {
                    if (!(info && info->seen))
                        player.mismatch(line, QStringLiteral("message %1 is not seen").arg(id));
                } else if (arg == "unseen") {
                    if (!(info && !info->seen))
                        player.mismatch(line, QStringLiteral("message %1 is seen").arg(id));
                } else if (arg == "removed") {
                    if (info)
                        player.mismatch(line, QStringLiteral("message %1 is still stored").arg(id));
                } else if (arg == "present") {
                    if (!info)
                        player.mismatch(line, QStringLiteral("message %1 is gone").arg(id));
                } else if (arg == "flags") {
                    const QByteArray want = words.mid(3).join(' ');
                    if (store.flags(id) != want)
                        player.mismatch(line,
                            QStringLiteral("flags of %1 are \"%2\", expected \"%3\"")
                                .arg(id)
                                .arg(QString::fromUtf8(store.flags(id)), QString::fromUtf8(want)));
                    if (info && !want.isEmpty() && !info->file.contains(QLatin1String(":2,")))
                        player.mismatch(line, QStringLiteral("file %1 has no Maildir flags").arg(info->file));
                } else if (arg == "file") {
                    const QByteArray want = words.value(3);
                    if (!info || !info->file.endsWith(QString::fromUtf8(want)))
                        player.mismatch(line,
                            QStringLiteral("file of %1 is %2, expected ...%3")
                                .arg(id)
                                .arg(info ? info->file : QString(), QString::fromUtf8(want)));
                } else {
                    return false;
                }
            } else {
                return false;
            }
            return true;
        },
        interleave);
    run.mismatches = player.mismatches;
    run.closed = player.closed;
    run.output = player.output;
    run.recorded = player.recorded;
    store.close();
    return run;
}

} // namespace MailSink::Test
