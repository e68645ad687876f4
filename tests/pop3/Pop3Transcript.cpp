#include "Pop3Transcript.h"

#include "TestSupport.h"
#include "pop3/Pop3Session.h"

#include <QFile>

namespace MailSink::Test {

namespace {

QByteArray unescape(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != '\\' || i + 1 == text.size()) {
            out.append(text.at(i));
            continue;
        }
        const char c = text.at(++i);
        out.append(c == 'r' ? '\r' : c == 'n' ? '\n' : c == '0' ? '\0' : c);
    }
    return out;
}

QString show(const QByteArray &line)
{
    return QString::fromUtf8(QByteArray(line).replace('\r', "\\r").replace('\0', "\\0"));
}

} // namespace

Pop3Transcript Pop3Transcript::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Pop3Transcript broken;
        broken.m_errors.append(QStringLiteral("cannot read %1").arg(path));
        return broken;
    }
    return fromText(file.readAll(), path);
}

Pop3Transcript Pop3Transcript::fromText(const QByteArray &text, const QString &name)
{
    Pop3Transcript t;
    t.m_name = name;
    t.m_config.hostname = "mailsink.test";
    t.m_config.apopTimestamp = "<1896.697170952@dbc.mtview.ca.us>"; // the RFC 1939 7 example
    t.m_config.clientAddress = QStringLiteral("127.0.0.1");
    t.m_config.clientPort = 40000;
    t.m_config.clock = [] { return qint64(1700000000000); };
    int number = 0;
    for (QByteArray line : text.split('\n')) {
        ++number;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QByteArray tag = line.left(2);
        const QByteArray rest = line.size() > 3 ? line.mid(3) : QByteArray();
        if (tag == "C:") {
            t.m_steps.append({Step::Kind::Client, unescape(rest) + "\r\n", number});
        } else if (tag == "C~") {
            t.m_steps.append({Step::Kind::Client, unescape(rest), number});
        } else if (tag == "S:") {
            t.m_steps.append({Step::Kind::ExpectPrefix, rest, number});
        } else if (tag == "S=") {
            t.m_steps.append({Step::Kind::ExpectExact, unescape(rest), number});
        } else if (tag == "M:") {
            const QList<QByteArray> words = rest.simplified().split(' ');
            if (words.size() != 4) {
                t.m_errors.append(
                    QStringLiteral("%1:%2: M: needs id uid recipients fixture").arg(name).arg(number));
                continue;
            }
            FakeStore::Message message;
            message.id = words.at(0).toLongLong();
            message.uid = words.at(1);
            if (words.at(2) != "-")
                message.recipients = words.at(2).split(',');
            message.raw = readFile(testData(QStringLiteral("pop3/") + QString::fromUtf8(words.at(3))));
            if (message.raw.isEmpty() && words.at(3) != "empty.eml")
                t.m_errors.append(QStringLiteral("%1:%2: no fixture %3")
                                      .arg(name)
                                      .arg(number)
                                      .arg(QString::fromUtf8(words.at(3))));
            t.m_messages.append(message);
        } else if (line.startsWith("!config ")) {
            const QList<QByteArray> words = line.mid(8).simplified().split(' ');
            const QByteArray &key = words.at(0);
            if (key == "stls")
                t.m_config.startTlsAvailable = true;
            else if (key == "implicit-tls")
                t.m_config.implicitTls = true;
            else if (key == "auth" && words.size() == 3) {
                t.m_config.authRequired = true;
                t.m_config.authUser = words.at(1);
                t.m_config.authPassword = words.at(2);
            } else if (key == "max-errors" && words.size() == 2)
                t.m_config.maxErrors = words.at(1).toInt();
            else if (key == "max-line" && words.size() == 2)
                t.m_config.maxCommandLine = words.at(1).toInt();
            else
                t.m_errors.append(QStringLiteral("%1:%2: unknown config").arg(name).arg(number));
        } else if (line.startsWith('!')) {
            t.m_steps.append({Step::Kind::Action, line.mid(1), number});
        } else {
            t.m_errors.append(
                QStringLiteral("%1:%2: cannot parse \"%3\"").arg(name).arg(number).arg(show(line)));
        }
    }
    return t;
}

Pop3Transcript::Run Pop3Transcript::play(qsizetype chunk) const
{
    Run run;
    run.mismatches = m_errors;
    run.store = std::make_shared<FakeStore>();
    run.store->messages = m_messages;
    Pop3::Pop3Session session(m_config, std::make_unique<FakeMaildrop>(run.store));

    QByteArray buffer; // server output not yet split into lines
    QList<QByteArray> lines;
    bool tlsRequested = false;
    auto take = [&](const QByteArray &out) {
        run.output += out;
        buffer += out;
        qsizetype crlf;
        while ((crlf = buffer.indexOf("\r\n")) >= 0) {
            lines.append(buffer.left(crlf));
            buffer.remove(0, crlf + 2);
        }
        for (const Pop3::Event &event : session.takeEvents()) {
            if (event.type == Pop3::Event::Type::StartTls)
                tlsRequested = true;
            if (event.type == Pop3::Event::Type::Close)
                run.closed = true;
        }
    };
    QByteArray client;
    auto flush = [&] {
        for (qsizetype i = 0; i < client.size(); i += chunk)
            take(session.receive(QByteArrayView(client).sliced(i, std::min(chunk, client.size() - i))));
        client.clear();
    };
    auto mismatch = [&](int line, const QString &text) {
        run.mismatches.append(
            QStringLiteral("%1:%2 (chunk %3): %4").arg(m_name).arg(line).arg(chunk).arg(text));
    };

    take(session.greeting());
    for (const Step &step : m_steps) {
        if (step.kind == Step::Kind::Client) {
            client += step.text;
            continue;
        }
        flush();
        if (step.kind == Step::Kind::ExpectPrefix || step.kind == Step::Kind::ExpectExact) {
            if (lines.isEmpty()) {
                mismatch(step.line, QStringLiteral("expected \"%1\", got nothing").arg(show(step.text)));
                continue;
            }
            const QByteArray got = lines.takeFirst();
            const bool match
                = step.kind == Step::Kind::ExpectExact ? got == step.text : got.startsWith(step.text);
            if (!match)
                mismatch(
                    step.line, QStringLiteral("expected \"%1\", got \"%2\"").arg(show(step.text), show(got)));
            continue;
        }
        const QList<QByteArray> words = step.text.simplified().split(' ');
        const QByteArray &action = words.at(0);
        const QByteArray arg = words.value(1);
        if (action == "tls") {
            if (!tlsRequested)
                mismatch(step.line, QStringLiteral("!tls without a StartTls event"));
            tlsRequested = false;
            take(session.tlsEstablished(QStringLiteral("TLSv1.3"), QStringLiteral("TLS_AES_256_GCM_SHA384")));
        } else if (action == "lost") {
            session.connectionLost();
            run.closed = true;
        } else if (action == "idle") {
            take(session.idleTimeout());
        } else if (action == "shutdown") {
            take(session.shutdown());
        } else if (action == "long") {
            client += QByteArray(arg.toInt(), 'x') + "\r\n";
        } else if (action == "lock") {
            run.store->registry.tryLock(QString::fromUtf8(arg));
        } else if (action == "unlock") {
            run.store->registry.unlock(QString::fromUtf8(arg));
        } else if (action == "fail-read") {
            run.store->failRead = true;
        } else if (action == "fail-remove") {
            run.store->failRemove = true;
        } else if (action == "expect") {
            const QByteArray what = arg;
            const QByteArray value = words.value(2);
            auto ids = [&value] {
                QList<qint64> result;
                for (const QByteArray &id : value.split(','))
                    if (!id.isEmpty())
                        result.append(id.toLongLong());
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
            if (what == "removed" && sorted(run.store->removed) != sorted(ids()))
                mismatch(step.line,
                    QStringLiteral("removed %1, expected %2")
                        .arg(showIds(run.store->removed), showIds(ids())));
            else if (what == "seen" && sorted(run.store->seen) != sorted(ids()))
                mismatch(step.line,
                    QStringLiteral("seen %1, expected %2").arg(showIds(run.store->seen), showIds(ids())));
            else if (what == "closed" && !(run.closed && session.isClosed()))
                mismatch(step.line, QStringLiteral("session is still open"));
            else if (what == "open" && session.isClosed())
                mismatch(step.line, QStringLiteral("session is closed"));
            else if (what == "locked" && !run.store->registry.isLocked(QString::fromUtf8(value)))
                mismatch(
                    step.line, QStringLiteral("maildrop %1 is not locked").arg(QString::fromUtf8(value)));
            else if (what == "unlocked" && run.store->registry.isLocked(QString::fromUtf8(value)))
                mismatch(step.line, QStringLiteral("maildrop %1 is locked").arg(QString::fromUtf8(value)));
            else if (what == "events-tls" && !tlsRequested)
                mismatch(step.line, QStringLiteral("no StartTls event"));
        } else {
            mismatch(step.line, QStringLiteral("unknown action !%1").arg(QString::fromUtf8(action)));
        }
    }
    flush();
    for (const QByteArray &line : std::as_const(lines))
        mismatch(0, QStringLiteral("unexpected server line \"%1\"").arg(show(line)));
    if (!buffer.isEmpty())
        mismatch(0, QStringLiteral("unterminated server output \"%1\"").arg(show(buffer)));
    return run;
}

} // namespace MailSink::Test
