#include "ClientTestSupport.h"

#include "ServerFixture.h"
#include "TestSupport.h"
#include "Transcript.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace MailSink::Test {

ClientScript ClientScript::fromText(const QByteArray &text)
{
    ClientScript script;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith('!')) {
            script.m_steps.append({'!', line.mid(1).trimmed()});
            continue;
        }
        const char kind = line.at(0);
        QByteArray body = line.size() > 3 ? line.mid(3) : QByteArray();
        if (kind == 'S' || kind == 'C')
            script.m_steps.append({kind, body + "\r\n"});
        else if (kind == 'R')
            script.m_steps.append({'R', unescape(body)});
    }
    return script;
}

ClientScript ClientScript::fromFile(const QString &path)
{
    return fromText(readFile(path));
}

ClientScript::Result ClientScript::play(
    qsizetype chunkSize, const Client::ClientConfig &config, const Client::OutgoingMessage &message) const
{
    Result result;
    Client::SmtpClientSession session(config, message);
    session.connected(QStringLiteral("192.0.2.1:25"));
    QByteArray expected;
    QList<Client::SmtpClientSession::Event> events;
    auto collect = [&] {
        for (auto event : session.takeEvents())
            events.append(event);
    };
    auto check = [&](const QByteArray &where) {
        if (result.output != expected) {
            result.mismatches.append(QStringLiteral("before %1:\n  expected: %2\n  got:      %3")
                                         .arg(QString::fromUtf8(where),
                                             QString::fromUtf8(expected.toPercentEncoding(" "
                                                                                          "<>@:=.-")),
                                             QString::fromUtf8(result.output.toPercentEncoding(" <>@:=.-"))));
            expected = result.output; // report each divergence once
        }
    };
    qsizetype i = 0;
    while (i < m_steps.size()) {
        const Step &step = m_steps.at(i);
        if (step.kind == 'C' || step.kind == 'R') {
            expected += step.bytes;
            ++i;
            continue;
        }
        if (step.kind == '!') {
            check("!" + step.bytes);
            collect();
            if (step.bytes == "tls" || step.bytes == "tlsfail") {
                if (!events.contains(Client::SmtpClientSession::Event::StartTls))
                    result.mismatches.append(QStringLiteral("expected a StartTls event"));
                events.removeAll(Client::SmtpClientSession::Event::StartTls);
                if (step.bytes == "tls")
                    result.output
                        += session.tlsEstablished(QStringLiteral("TLSv1.3"), QStringLiteral("TEST"));
                else
                    session.tlsFailed(QStringLiteral("certificate rejected"));
            } else if (step.bytes == "lost") {
                session.connectionLost();
            } else if (step.bytes == "timeout") {
                result.output += session.timeout();
            }
            ++i;
            continue;
        }
        // A group of server lines arrives together, split into chunks.
        QByteArray server;
        while (i < m_steps.size() && m_steps.at(i).kind == 'S')
            server += m_steps.at(i++).bytes;
        check("S: " + server.left(server.indexOf('\r')));
        for (qsizetype pos = 0; pos < server.size(); pos += chunkSize) {
            result.output += session.receive(
                QByteArrayView(server).sliced(pos, std::min(chunkSize, server.size() - pos)));
            collect();
        }
    }
    check("end");
    collect();
    result.closeEvent = events.contains(Client::SmtpClientSession::Event::Close);
    result.finished = session.isFinished();
    result.result = session.result();
    result.trace = session.takeTrace();
    return result;
}

Client::OutgoingMessage simpleMessage(const QByteArray &data)
{
    Client::OutgoingMessage message;
    message.mailFrom = "alice@example.com";
    message.recipients = {"bob@example.com"};
    message.data = data.isEmpty() ? QByteArrayLiteral("Subject: hi\r\n\r\nhello\r\n") : data;
    return message;
}

namespace {

const char *const AiosmtpdScript = R"PY(
import asyncio, json, os, ssl, sys
from aiosmtpd.smtp import SMTP, AuthResult

outdir, mode, auth, utf8, limit, cert, key = sys.argv[1:8]
count = 0

class Handler:
    async def handle_DATA(self, server, session, envelope):
        global count
        count += 1
        with open(os.path.join(outdir, '%d.eml' % count), 'wb') as f:
            f.write(envelope.original_content or envelope.content)
        meta = {'mail_from': envelope.mail_from, 'rcpt_tos': envelope.rcpt_tos,
                'mail_options': envelope.mail_options,
                'auth_user': (session.auth_data.login.decode() if session.auth_data else None),
                'tls': session.ssl is not None or server.transport.get_extra_info('ssl_object') is not None}
        with open(os.path.join(outdir, '%d.json' % count), 'w') as f:
            json.dump(meta, f)
        return '250 2.0.0 OK queued as aio%d' % count

def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = auth.split(':', 1)
    ok = auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False, auth_data=auth_data)

async def main():
    ctx = None
    if mode in ('starttls', 'tls'):
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cert, key)
    kwargs = dict(enable_SMTPUTF8=(utf8 == '1'), data_size_limit=int(limit) or None,
                  decode_data=False, hostname='aiosmtpd.test')
    if auth:
        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=(mode == 'starttls'))
    else:
        kwargs.update(auth_require_tls=False)
    if mode == 'starttls':
        kwargs.update(tls_context=ctx, require_starttls=True)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(Handler(), **kwargs), '127.0.0.1', 0,
                                      ssl=ctx if mode == 'tls' else None)
    print('PORT %d' % server.sockets[0].getsockname()[1], flush=True)
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    await reader.read()  # until the test closes our stdin
    server.close()

asyncio.run(main())
)PY";

const QString SystemPython = QStringLiteral("/usr/bin/python3");

} // namespace

bool makeCertificate(const QString &dir, QString *error)
{
    const ProcessResult result = run(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
            dir + QStringLiteral("/key.pem"), QStringLiteral("-out"), dir + QStringLiteral("/cert.pem"),
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    if (result.exitCode != 0 && error)
        *error = QString::fromUtf8(result.err);
    return result.exitCode == 0;
}

bool Aiosmtpd::available()
{
    static const bool have
        = run(SystemPython, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}).exitCode == 0;
    return have;
}

Aiosmtpd::Aiosmtpd(const Options &options)
{
    if (options.mode != QLatin1String("plain") && !makeCertificate(m_dir.path(), &m_error))
        return;
    QFile script(m_dir.filePath(QStringLiteral("server.py")));
    script.open(QIODevice::WriteOnly);
    script.write(AiosmtpdScript);
    script.close();
    QDir(m_dir.path()).mkdir(QStringLiteral("out"));
    m_process.start(SystemPython,
        {script.fileName(), m_dir.filePath(QStringLiteral("out")), options.mode, options.auth,
            options.smtputf8 ? QStringLiteral("1") : QStringLiteral("0"), QString::number(options.sizeLimit),
            certificatePath(), m_dir.filePath(QStringLiteral("key.pem"))});
    QElapsedTimer timer;
    timer.start();
    QByteArray output;
    while (timer.elapsed() < 20000 && !output.contains('\n')) {
        if (!m_process.waitForReadyRead(200) && m_process.state() == QProcess::NotRunning)
            break;
        output += m_process.readAllStandardOutput();
    }
    if (output.startsWith("PORT "))
        m_port = quint16(output.mid(5).trimmed().toUInt());
    else
        m_error = QString::fromUtf8(output + m_process.readAllStandardError());
}

Aiosmtpd::~Aiosmtpd()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
}

QList<Aiosmtpd::Received> Aiosmtpd::messages()
{
    QList<Received> list;
    const QDir out(m_dir.filePath(QStringLiteral("out")));
    for (int n = 1;; ++n) {
        QFile meta(out.filePath(QStringLiteral("%1.json").arg(n)));
        if (!meta.open(QIODevice::ReadOnly))
            break;
        const QJsonObject object = QJsonDocument::fromJson(meta.readAll()).object();
        Received received;
        received.data = readFile(out.filePath(QStringLiteral("%1.eml").arg(n)));
        received.mailFrom = object.value(QStringLiteral("mail_from")).toString().toUtf8();
        for (const QJsonValue &value : object.value(QStringLiteral("rcpt_tos")).toArray())
            received.recipients.append(value.toString().toUtf8());
        for (const QJsonValue &value : object.value(QStringLiteral("mail_options")).toArray())
            received.mailOptions.append(value.toString());
        received.authUser = object.value(QStringLiteral("auth_user")).toString();
        received.tls = object.value(QStringLiteral("tls")).toBool();
        list.append(received);
    }
    return list;
}

} // namespace MailSink::Test
