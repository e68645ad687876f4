// Real listeners on port 0, real third-party clients; every stored file is compared byte for byte.
#include "ServerFixture.h"
#include "TestSupport.h"

#include "smtp/SmtpServer.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryFile>

#include <QThread>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;

namespace {

const QByteArray Message = "From: Alice <alice@example.com>\r\n"
                           "To: Bob <bob@example.com>\r\n"
                           "Subject: integration\r\n"
                           "\r\n"
                           "Hello Bob,\r\n"
                           ".a line that starts with a dot\r\n"
                           "bye\r\n";

QString writeTemp(QTemporaryDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath(QStringLiteral("message.eml"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    return path;
}

Store::MessageInfo onlyMessage(ServerFixture &server)
{
    REQUIRE(server.waitForMessages(1));
    const auto list = server.store().list();
    REQUIRE(list.size() == 1);
    return list.first();
}

QByteArray storedBytes(ServerFixture &server, const Store::MessageInfo &info)
{
    return readFile(server.store().filePath(info));
}

// A raw client: send, then read until `until` appears in the reply stream.
struct RawClient
{
    QTcpSocket socket;
    QByteArray received;

    bool connect(quint16 port)
    {
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return socket.waitForConnected(5000) && expect("220 ");
    }
    bool expect(const QByteArray &until, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!received.contains(until)) {
            if (timer.elapsed() > timeoutMs
                || !socket.waitForReadyRead(std::max<qint64>(1, timeoutMs - timer.elapsed())))
                return received.contains(until);
            received += socket.readAll();
        }
        return true;
    }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.waitForBytesWritten(5000);
    }
};

} // namespace

TEST_CASE("swaks: plain, STARTTLS, implicit TLS and every AUTH mechanism store exact bytes",
    "[smtp][integration][swaks]")
{
    if (!haveProgram(QStringLiteral("swaks")))
        FAIL("swaks is not installed (cmake/install-deps.sh installs it)");
    struct Mode
    {
        const char *name;
        QStringList args;
        bool tls;
        const char *authUser;
    };
    const Mode modes[] = {
        {"plain", {}, false, ""},
        {"starttls", {QStringLiteral("--tls")}, true, ""},
        {"auth-plain", {QStringLiteral("--auth"), QStringLiteral("PLAIN")}, false, "joe"},
        {"auth-login", {QStringLiteral("--auth"), QStringLiteral("LOGIN")}, false, "joe"},
        {"auth-cram-md5", {QStringLiteral("--auth"), QStringLiteral("CRAM-MD5")}, false, "joe"},
        {"tls+auth", {QStringLiteral("--tls"), QStringLiteral("--auth"), QStringLiteral("PLAIN")}, true,
            "joe"},
        {"pipelining", {QStringLiteral("--pipeline")}, false, ""},
        {"smtps", {QStringLiteral("--tls-on-connect")}, true, ""},
    };
    for (const Mode &mode : modes) {
        DYNAMIC_SECTION(mode.name)
        {
            ServerFixture server(ServerFixture::defaultConfig(), true);
            QTemporaryDir dir;
            // swaks ends the data with CRLF . CRLF itself, so the file holds no final line break.
            const QString data = QLatin1Char('@') + writeTemp(dir, Message.chopped(2));
            const bool smtps = QByteArray(mode.name) == "smtps";
            QStringList args = {QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), QString::number(smtps ? server.smtpsPort() : server.port()),
                QStringLiteral("--from"), QStringLiteral("alice@example.com"), QStringLiteral("--to"),
                QStringLiteral("bob@example.com,carol@example.com"), QStringLiteral("--data"), data,
                QStringLiteral("--helo"), QStringLiteral("swaks.example")};
            args += mode.args;
            if (*mode.authUser)
                args += {QStringLiteral("--auth-user"), QLatin1String(mode.authUser),
                    QStringLiteral("--auth-password"), QStringLiteral("secret")};
            const ProcessResult result = run(QStringLiteral("swaks"), args);
            INFO(result.out.toStdString() << result.err.toStdString());
            REQUIRE(result.exitCode == 0);
            const Store::MessageInfo info = onlyMessage(server);
            CHECK(storedBytes(server, info) == Message);
            CHECK(info.envelope.mailFrom == "alice@example.com");
            CHECK(info.envelope.recipients == QList<QByteArray> {"bob@example.com", "carol@example.com"});
            CHECK(info.envelope.helo == "swaks.example");
            CHECK(info.envelope.clientAddress == QStringLiteral("127.0.0.1"));
            CHECK(info.envelope.tlsProtocol.isEmpty() == !mode.tls);
            CHECK(info.envelope.authUser == QByteArray(mode.authUser));
            CHECK(info.subject == QStringLiteral("integration"));
            const Trace trace = server.store().trace(info.id);
            QByteArray all;
            for (const TraceEntry &entry : trace)
                all += entry.text + '\n';
            CHECK(all.contains("MAIL FROM:<alice@example.com>"));
            CHECK_FALSE(all.contains(QByteArray("secret").toBase64()));
        }
    }
}

TEST_CASE(
    "Python smtplib: SMTPUTF8, several recipients, 8BITMIME, BDAT by hand", "[smtp][integration][python]")
{
    ServerFixture server;
    const QString port = QString::number(server.port());

    SECTION("SMTPUTF8 with a non-ASCII address and 8-bit body")
    {
        const ProcessResult result = python(R"PY(
import smtplib, sys
msg = "From: Jörg <jörg@例子.中国>\r\nTo: 用户@例子.中国\r\nSubject: Grüße\r\n\r\nKörper 正文\r\n".encode()
with smtplib.SMTP("127.0.0.1", int(sys.argv[1])) as s:
    s.ehlo("py.example")
    s.sendmail("jörg@例子.中国", ["用户@例子.中国", "b@example.com", "c@example.com"], msg,
               mail_options=["SMTPUTF8", "BODY=8BITMIME"])
sys.stdout.buffer.write(msg)
)PY",
            {port});
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        const Store::MessageInfo info = onlyMessage(server);
        CHECK(storedBytes(server, info) == result.out);
        CHECK(info.envelope.mailFrom == QStringLiteral("jörg@例子.中国").toUtf8());
        CHECK(info.envelope.recipients.size() == 3);
        CHECK(info.envelope.mailParameters.contains("SMTPUTF8"));
    }

    SECTION("BDAT chunks over a raw socket, pipelined")
    {
        const ProcessResult result = python(R"PY(
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
f = s.makefile("rb")
def reply():
    lines = []
    while True:
        line = f.readline()
        lines.append(line)
        if line[3:4] != b"-":
            return b"".join(lines)
assert reply().startswith(b"220")
s.sendall(b"EHLO py\r\n"); assert b"CHUNKING" in reply()
body1 = b"Subject: bdat\r\n\r\n"
body2 = b".not stuffed\r\n\x00binary\xff\r\n"
s.sendall(b"MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\n" +
          b"BDAT %d\r\n" % len(body1) + body1 + b"BDAT %d LAST\r\n" % len(body2) + body2)
out = [reply() for _ in range(4)]
assert out[0].startswith(b"250") and out[1].startswith(b"250"), out
assert out[2].startswith(b"250 2.0.0 %d octets" % len(body1)), out
assert out[3].startswith(b"250 2.0.0 Ok"), out
s.sendall(b"QUIT\r\n"); reply()
sys.stdout.buffer.write(body1 + body2)
)PY",
            {port});
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        const Store::MessageInfo info = onlyMessage(server);
        CHECK(storedBytes(server, info) == result.out);
    }
}

TEST_CASE("curl smtp:// delivers byte-identical mail", "[smtp][integration][curl]")
{
    if (!haveProgram(QStringLiteral("curl")))
        FAIL("curl is not installed");
    ServerFixture server;
    QTemporaryDir dir;
    const QString data = writeTemp(dir, Message);
    const ProcessResult result = run(QStringLiteral("curl"),
        {QStringLiteral("-sS"), QStringLiteral("smtp://127.0.0.1:%1/curl.example").arg(server.port()),
            QStringLiteral("--mail-from"), QStringLiteral("alice@example.com"), QStringLiteral("--mail-rcpt"),
            QStringLiteral("bob@example.com"), QStringLiteral("--upload-file"), data});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const Store::MessageInfo info = onlyMessage(server);
    CHECK(storedBytes(server, info) == Message);
    CHECK(info.envelope.helo == "curl.example");
}

TEST_CASE("a client dropping mid-DATA leaves nothing behind", "[smtp][integration][durability]")
{
    ServerFixture server;
    {
        RawClient client;
        REQUIRE(client.connect(server.port()));
        client.send("EHLO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n");
        REQUIRE(client.expect("354"));
        client.send("Subject: half a message\r\n\r\n" + QByteArray(100000, 'x'));
        client.socket.abort();
    }
    // The session notices, discards its tmp file, and the next client is served normally.
    RawClient next;
    REQUIRE(next.connect(server.port()));
    next.send("EHLO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n");
    REQUIRE(next.expect("354"));
    next.send("Subject: whole\r\n\r\nok\r\n.\r\nQUIT\r\n");
    REQUIRE(next.expect("221"));
    REQUIRE(server.waitForMessages(1));
    QThread::msleep(200);
    CHECK(server.store().count() == 1);
    CHECK(QDir(server.storePath() + QStringLiteral("/tmp")).entryList(QDir::Files).isEmpty());
    CHECK(QDir(server.storePath() + QStringLiteral("/new")).entryList(QDir::Files).size() == 1);
}

TEST_CASE(
    "idle clients get 421 4.4.2 and are disconnected, talking ones are not", "[smtp][integration][timeout]")
{
    Smtp::ServerConfig config = ServerFixture::defaultConfig();
    config.idleTimeoutMs = 400;
    ServerFixture server(config);
    RawClient client;
    REQUIRE(client.connect(server.port()));
    client.send("EHLO client\r\n");
    REQUIRE(client.expect("250 HELP"));
    SECTION("silent from the start") { }
    SECTION("talking for three idle periods, then silent")
    {
        // A command every 100 ms: the timer fires meanwhile and finds the session active each time.
        for (int i = 0; i < 12; ++i) {
            QThread::msleep(100);
            client.send("NOOP\r\n");
            REQUIRE(client.expect("250 2.0.0"));
        }
    }
    REQUIRE(client.expect("421 4.4.2", 5000));
    client.socket.waitForDisconnected(2000);
    CHECK(client.socket.state() == QAbstractSocket::UnconnectedState);
}

TEST_CASE("beyond the connection limit new clients get 421 4.7.0", "[smtp][integration][limits]")
{
    Smtp::ServerConfig config = ServerFixture::defaultConfig();
    config.maxConnections = 2;
    ServerFixture server(config);
    RawClient a, b, c;
    REQUIRE(a.connect(server.port()));
    REQUIRE(b.connect(server.port()));
    c.socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    REQUIRE(c.socket.waitForConnected(5000));
    REQUIRE(c.expect("421 4.7.0"));
    // The two admitted sessions still work.
    a.send("NOOP\r\n");
    CHECK(a.expect("250 2.0.0"));
}

TEST_CASE("storage failure over a real socket replies 452 4.3.1 and leaves nothing",
    "[smtp][integration][durability]")
{
    using Fault = Store::MessageStore::Fault;
    for (const Fault fault : {Fault::Create, Fault::Write, Fault::Sync, Fault::Rename, Fault::Index}) {
        ServerFixture server;
        server.store().setFaultInjector([fault](Fault f) { return f == fault; });
        RawClient client;
        REQUIRE(client.connect(server.port()));
        client.send("EHLO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n");
        REQUIRE(client.expect("354"));
        client.send("Subject: doomed\r\n\r\nx\r\n.\r\n");
        INFO("fault " << int(fault));
        CHECK(client.expect("452 4.3.1"));
        // After the disk recovers the same session stores the next message.
        server.store().setFaultInjector({});
        client.send("MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\nSubject: fine\r\n\r\ny\r\n.\r\n");
        CHECK(client.expect("Ok: queued as"));
        CHECK(server.store().count() == 1);
        CHECK(QDir(server.storePath() + QStringLiteral("/tmp")).entryList(QDir::Files).isEmpty());
        CHECK(QDir(server.storePath() + QStringLiteral("/new")).entryList(QDir::Files).size() == 1);
    }
}

TEST_CASE("concurrent sessions commit safely", "[smtp][integration][concurrency]")
{
    ServerFixture server;
    const ProcessResult result = python(R"PY(
import smtplib, sys, threading
port = int(sys.argv[1]); errors = []
def worker(n):
    try:
        with smtplib.SMTP("127.0.0.1", port) as s:
            for i in range(25):
                s.sendmail("a@example.com", ["b@example.com"], b"Subject: %d-%d\r\n\r\nbody\r\n" % (n, i))
    except Exception as e:
        errors.append(e)
threads = [threading.Thread(target=worker, args=(n,)) for n in range(20)]
[t.start() for t in threads]; [t.join() for t in threads]
sys.exit(1 if errors else 0)
)PY",
        {QString::number(server.port())});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    REQUIRE(server.waitForMessages(500));
    const auto list = server.store().list();
    QSet<QString> subjects;
    for (const auto &info : list)
        subjects.insert(info.subject);
    CHECK(subjects.size() == 500);
}

TEST_CASE(
    "transfer progress reports the final byte count of a paused transfer", "[smtp][integration][progress]")
{
    ServerFixture server;
    std::atomic<qint64> last {0};
    QObject context;
    QObject::connect(
        server.server(), &Smtp::SmtpServer::transferProgress, &context,
        [&](quint64, qint64 bytes) { last = bytes; }, Qt::DirectConnection);
    RawClient client;
    REQUIRE(client.connect(server.port()));
    client.send("EHLO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n");
    REQUIRE(client.expect("354"));
    const QByteArray part = QByteArray(5000, 'x') + "\r\n";
    for (int i = 0; i < 3; ++i) { // bursts closer together than the 100 ms throttle
        client.send(part);
        QThread::msleep(20);
    }
    QElapsedTimer timer;
    timer.start();
    while (last.load() != 3 * part.size() && timer.elapsed() < 3000)
        QThread::msleep(20);
    CHECK(last.load() == 3 * part.size());
}
