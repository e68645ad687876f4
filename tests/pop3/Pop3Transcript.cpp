#include "Pop3Transcript.h"

#include "TestSupport.h"
#include "pop3/Pop3Session.h"

#include <QFile>

namespace MailSink::Test {

Pop3Transcript Pop3Transcript::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Pop3Transcript broken;
        broken.m_transcript.errors.append(QStringLiteral("cannot read %1").arg(path));
        return broken;
    }
    return fromText(file.readAll(), path);
}

Pop3Transcript Pop3Transcript::fromText(const QByteArray &text, const QString &name)
{
    Pop3Transcript t;
    t.m_config.hostname = "mailsink.test";
    t.m_config.apopTimestamp = "<1896.697170952@dbc.mtview.ca.us>"; // the RFC 1939 7 example
    t.m_config.clientAddress = QStringLiteral("127.0.0.1");
    t.m_config.clientPort = 40000;
    t.m_config.clock = [] { return qint64(1700000000000); };
    t.m_transcript
        = parseTranscript(text, name, [&t, &name](const QByteArray &line, int number, QStringList &errors) {
              auto error = [&](const QString &problem) {
                  errors.append(QStringLiteral("%1:%2: %3").arg(name).arg(number).arg(problem));
              };
              if (line.startsWith("M:")) {
                  const QList<QByteArray> words = line.mid(3).simplified().split(' ');
                  if (words.size() != 4) {
                      error(QStringLiteral("M: needs id uid recipients fixture"));
                      return true;
                  }
                  FakeStore::Message message;
                  message.id = words.at(0).toLongLong();
                  message.uid = words.at(1);
                  if (words.at(2) != "-")
                      message.recipients = words.at(2).split(',');
                  message.raw = readFile(testData(QStringLiteral("pop3/") + QString::fromUtf8(words.at(3))));
                  if (message.raw.isEmpty() && words.at(3) != "empty.eml")
                      error(QStringLiteral("no fixture %1").arg(QString::fromUtf8(words.at(3))));
                  t.m_messages.append(message);
                  return true;
              }
              if (!line.startsWith("!config "))
                  return false;
              const QList<QByteArray> words = line.mid(8).simplified().split(' ');
              const QByteArray &key = words.at(0);
              if (key == "max-line" && words.size() == 2)
                  t.m_config.maxCommandLine = words.at(1).toInt();
              else if (!commonConfig(t.m_config, words))
                  error(QStringLiteral("unknown config"));
              return true;
          });
    return t;
}

Pop3Transcript::Run Pop3Transcript::play(qsizetype chunk) const
{
    Run run;
    run.store = std::make_shared<FakeStore>();
    run.store->messages = m_messages;
    Pop3::Pop3Session session(m_config, std::make_unique<FakeMaildrop>(run.store));
    TranscriptPlayer player(session, m_transcript, chunk);

    auto ids = [](const QByteArray &value) {
        QList<qint64> result;
        for (const QByteArray &id : value.split(','))
            if (!id.isEmpty())
                result.append(id.toLongLong());
        std::sort(result.begin(), result.end());
        return result;
    };
    auto sorted = [](QList<qint64> list) {
        std::sort(list.begin(), list.end());
        return list;
    };
    auto showIds = [](const QList<qint64> &list) {
        QStringList parts;
        for (qint64 id : list)
            parts.append(QString::number(id));
        return parts.join(u',');
    };
    player.play([&](const QList<QByteArray> &words, int line) {
        const QByteArray &action = words.at(0);
        const QByteArray arg = words.value(1);
        const QByteArray value = words.value(2);
        FakeStore &store = *run.store;
        if (action == "idle")
            player.take(session.idleTimeout());
        else if (action == "lock")
            store.registry.tryLock(QString::fromUtf8(arg));
        else if (action == "unlock")
            store.registry.unlock(QString::fromUtf8(arg));
        else if (action == "fail-read")
            store.failRead = true;
        else if (action == "fail-remove")
            store.failRemove = true;
        else if (action != "expect")
            return false;
        else if (arg == "removed") {
            if (sorted(store.removed) != ids(value))
                player.mismatch(line,
                    QStringLiteral("removed %1, expected %2")
                        .arg(showIds(store.removed), showIds(ids(value))));
        } else if (arg == "seen") {
            if (sorted(store.seen) != ids(value))
                player.mismatch(line,
                    QStringLiteral("seen %1, expected %2").arg(showIds(store.seen), showIds(ids(value))));
        } else if (arg == "locked") {
            if (!store.registry.isLocked(QString::fromUtf8(value)))
                player.mismatch(
                    line, QStringLiteral("maildrop %1 is not locked").arg(QString::fromUtf8(value)));
        } else if (arg == "unlocked") {
            if (store.registry.isLocked(QString::fromUtf8(value)))
                player.mismatch(line, QStringLiteral("maildrop %1 is locked").arg(QString::fromUtf8(value)));
        } else {
            return false;
        }
        return true;
    });
    run.mismatches = player.mismatches;
    run.closed = player.closed;
    run.output = player.output;
    return run;
}

} // namespace MailSink::Test
