#include "ImapTranscript.h"

#include "TestSupport.h"
#include "imap/ImapSession.h"
#include "imap/StoreMailboxes.h"
#include "store/MessageStore.h"

#include <QFile>
#include <QTemporaryDir>

namespace MailSink::Test {

namespace {

QByteArray unescape(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char next = i + 1 < text.size() ? text.at(i + 1) : '\0';
        if (text.at(i) != '\\' || (next != 'r' && next != 'n' && next != '0' && next != '\\')) {
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
        broken.m_errors.append(QStringLiteral("cannot read %1").arg(path));
        return broken;
    }
    return fromText(file.readAll(), path);
}

ImapTranscript ImapTranscript::fromText(const QByteArray &text, const QString &name)
{
    ImapTranscript t;
    t.m_name = name;
    t.m_config.hostname = "mailsink.test";
    t.m_config.clientAddress = QStringLiteral("127.0.0.1");
    t.m_config.clientPort = 40000;
    int number = 0;
    for (QByteArray line : text.split('\n')) {
        ++number;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith('#') || line.startsWith("M:") || line.startsWith("!config")) {
            t.m_header += line + '\n';
            if (line.isEmpty() || line.startsWith('#'))
                continue;
        }
        const QByteArray tag = line.left(2);
        const QByteArray rest = line.size() > 3 ? line.mid(3) : QByteArray();
        if (tag == "C:") {
            t.m_steps.append({Step::Kind::Client, unescape(rest) + "\r\n", number, line});
        } else if (tag == "C~") {
            t.m_steps.append({Step::Kind::Client, unescape(rest), number, line});
        } else if (tag == "S:") {
            t.m_steps.append({Step::Kind::ExpectPrefix, unescape(rest), number, line});
        } else if (tag == "S=") {
            t.m_steps.append({Step::Kind::ExpectExact, unescape(rest), number, line});
        } else if (tag == "M:") {
            const QList<QByteArray> words = rest.simplified().split(' ');
            if (words.size() != 2) {
                t.m_errors.append(QStringLiteral("%1:%2: M: needs recipients fixture").arg(name).arg(number));
                continue;
            }
            const QByteArray raw
                = readFile(testData(QStringLiteral("imap/") + QString::fromUtf8(words.at(1))));
            if (raw.isEmpty())
                t.m_errors.append(QStringLiteral("%1:%2: no fixture").arg(name).arg(number));
            t.m_messages.append({recipientsOf(words.at(0)), raw});
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
            } else if (key == "max-line" && words.size() == 2)
                t.m_config.maxLine = words.at(1).toInt();
            else if (key == "max-literal" && words.size() == 2)
                t.m_config.maxLiteral = words.at(1).toLongLong();
            else if (key == "max-errors" && words.size() == 2)
                t.m_config.maxErrors = words.at(1).toInt();
            else
                t.m_errors.append(QStringLiteral("%1:%2: unknown config").arg(name).arg(number));
        } else if (line.startsWith('!')) {
            t.m_steps.append({Step::Kind::Action, line.mid(1), number, line});
        } else {
            t.m_errors.append(
                QStringLiteral("%1:%2: cannot parse \"%3\"").arg(name).arg(number).arg(show(line)));
        }
    }
    return t;
}

ImapTranscript::Run ImapTranscript::play(qsizetype chunk, bool interleave) const
{
    Run run;
    run.mismatches = m_errors;
    QTemporaryDir dir;
    Store::MessageStore store;
    if (!dir.isValid() || !store.open(dir.path())) {
        run.mismatches.append(QStringLiteral("cannot open a store"));
        return run;
    }
    store.metaValue(
        QStringLiteral("imap-uidvalidity"), QStringLiteral("1700000000")); // fixed for the S= lines
    for (const Message &message : m_messages) {
        if (!commit(store, message.raw, message.recipients))
            run.mismatches.append(QStringLiteral("cannot store a fixture"));
    }
    qint64 clock = 1700000000000;
    Imap::ImapConfig config = m_config;
    config.clock = [&clock] { return clock; };
    Imap::ImapSession session(config, std::make_unique<Imap::StoreMailboxes>(&store));

    QByteArray buffer;
    QList<QByteArray> lines;
    bool tlsRequested = false;
    auto take = [&](const QByteArray &out) {
        run.output += out;
        buffer += out;
        qsizetype crlf;
        while ((crlf = buffer.indexOf("\r\n")) >= 0) {
            lines.append(buffer.left(crlf));
            run.allLines.append(buffer.left(crlf));
            buffer.remove(0, crlf + 2);
        }
        for (const Imap::Event &event : session.takeEvents()) {
            if (event.type == Imap::Event::Type::StartTls)
                tlsRequested = true;
            if (event.type == Imap::Event::Type::Close)
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

    auto record = [&] {
        for (qsizetype i = run.recordedLines; i < run.allLines.size(); ++i) {
            const QByteArray &line = run.allLines.at(i);
            run.recorded += (line.isEmpty() ? QByteArray("S=") : "S= " + line) + '\n';
        }
        run.recordedLines = run.allLines.size();
    };
    run.recorded = m_header;
    take(session.greeting());
    for (const Step &step : m_steps) {
        if (step.kind == Step::Kind::Client) {
            client += step.text;
            run.recorded += step.source + '\n';
            if (interleave) {
                flush();
                record();
            }
            continue;
        }
        flush();
        record();
        if (step.kind == Step::Kind::Action)
            run.recorded += step.source + '\n';
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
        } else if (action == "shutdown") {
            take(session.shutdown());
        } else if (action == "timeout") {
            take(session.checkTimeout());
        } else if (action == "advance") {
            clock += arg.toLongLong();
        } else if (action == "deliver") {
            const QByteArray raw
                = readFile(testData(QStringLiteral("imap/") + QString::fromUtf8(words.value(2))));
            if (!commit(store, raw, recipientsOf(arg)))
                mismatch(step.line, QStringLiteral("cannot deliver"));
            take(session.mailboxChanged());
        } else if (action == "changed") {
            take(session.mailboxChanged());
        } else if (action == "long") {
            client += QByteArray(arg.toInt(), 'x') + "\r\n";
        } else if (action == "expect") {
            const qint64 id = words.value(2).toLongLong();
            const auto info = store.message(id);
            if (arg == "seen" && !(info && info->seen))
                mismatch(step.line, QStringLiteral("message %1 is not seen").arg(id));
            else if (arg == "unseen" && !(info && !info->seen))
                mismatch(step.line, QStringLiteral("message %1 is seen").arg(id));
            else if (arg == "removed" && info)
                mismatch(step.line, QStringLiteral("message %1 is still stored").arg(id));
            else if (arg == "present" && !info)
                mismatch(step.line, QStringLiteral("message %1 is gone").arg(id));
            else if (arg == "flags") {
                const QByteArray want = words.mid(3).join(' ');
                if (store.flags(id) != want)
                    mismatch(step.line,
                        QStringLiteral("flags of %1 are \"%2\", expected \"%3\"")
                            .arg(id)
                            .arg(QString::fromUtf8(store.flags(id)), QString::fromUtf8(want)));
                if (info && !want.isEmpty() && !info->file.contains(QLatin1String(":2,")))
                    mismatch(step.line, QStringLiteral("file %1 has no Maildir flags").arg(info->file));
            } else if (arg == "file") {
                const QByteArray want = words.value(3);
                if (!info || !info->file.endsWith(QString::fromUtf8(want)))
                    mismatch(step.line,
                        QStringLiteral("file of %1 is %2, expected ...%3")
                            .arg(id)
                            .arg(info ? info->file : QString(), QString::fromUtf8(want)));
            } else if (arg == "closed" && !(run.closed && session.isClosed()))
                mismatch(step.line, QStringLiteral("session is still open"));
            else if (arg == "open" && session.isClosed())
                mismatch(step.line, QStringLiteral("session is closed"));
            else if (arg == "events-tls" && !tlsRequested)
                mismatch(step.line, QStringLiteral("no StartTls event"));
        } else {
            mismatch(step.line, QStringLiteral("unknown action !%1").arg(QString::fromUtf8(action)));
        }
        record();
    }
    flush();
    record();
    for (const QByteArray &line : std::as_const(lines))
        mismatch(0, QStringLiteral("unexpected server line \"%1\"").arg(show(line)));
    if (!buffer.isEmpty())
        mismatch(0, QStringLiteral("unterminated server output \"%1\"").arg(show(buffer)));
    store.close();
    return run;
}

} // namespace MailSink::Test
