// The mailsink binary as CI uses it: serve, list, exit codes, restart and reconciliation.
#include "ServerFixture.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>

using namespace MailSink::Test;

namespace {

const QString Binary = QStringLiteral(MAILSINK_BINARY);

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// `mailsink serve` in the background; the constructor waits for its start-up lines.
struct Serve
{
    QProcess process;
    quint16 port = freePort();

    explicit Serve(const QString &store, const QStringList &extra = {},
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.setProcessEnvironment(environment);
        process.start(Binary,
            QStringList {QStringLiteral("serve"), QStringLiteral("--store"), store, QStringLiteral("--smtp"),
                QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--pop3"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--http"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--imap"), QStringLiteral("127.0.0.1:0")}
                + extra);
        process.waitForStarted();
        QElapsedTimer timer;
        timer.start();
        while (!output.contains(" messages)") && timer.elapsed() < 10000
            && process.state() == QProcess::Running) {
            process.waitForReadyRead(100);
            output += process.readAllStandardOutput();
        }
    }
    ~Serve()
    {
        if (process.state() == QProcess::Running) {
            process.kill();
            process.waitForFinished();
        }
    }
    int stop()
    {
        ::kill(pid_t(process.processId()), SIGTERM);
        process.waitForFinished(15000);
        output += process.readAllStandardOutput();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    QByteArray output;
};

void send(quint16 port, const QByteArray &subject)
{
    const ProcessResult result = python(R"PY(
import smtplib, sys
with smtplib.SMTP("127.0.0.1", int(sys.argv[1])) as s:
    s.sendmail("ci@example.com", ["dev@example.com"], b"Subject: " + sys.argv[2].encode() + b"\r\n\r\nbody\r\n")
)PY",
        {QString::number(port), QString::fromUtf8(subject)});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
}

QJsonArray listJson(const QString &store)
{
    const ProcessResult result
        = run(Binary, {QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--store"), store});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return QJsonDocument::fromJson(result.out).array();
}

} // namespace

TEST_CASE("serve prints where it listens and one line per message, SIGTERM exits 0", "[cli]")
{
    QTemporaryDir dir;
    Serve serve(dir.path());
    REQUIRE(serve.output.contains("SMTP on 127.0.0.1:"));
    REQUIRE(serve.output.contains(QDir(dir.path()).absolutePath().toUtf8()));
    send(serve.port, "hello from CI");
    QElapsedTimer timer;
    timer.start();
    while (!serve.output.contains("hello from CI") && timer.elapsed() < 10000) {
        serve.process.waitForReadyRead(100);
        serve.output += serve.process.readAllStandardOutput();
    }
    CHECK(serve.output.contains("<ci@example.com> -> dev@example.com  \"hello from CI\""));
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve's message lines carry the local time of receipt", "[cli]")
{
    // A POSIX zone (no tzdata needed): five hours and 45 minutes east of UTC.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TZ"), QStringLiteral("XYZ-05:45"));
    QTemporaryDir dir;
    Serve serve(dir.path(), {}, environment);
    for (const QByteArray subject : {"first of two", "second of two"})
        send(serve.port, subject);
    QElapsedTimer timer;
    timer.start();
    while (!serve.output.contains("second of two") && timer.elapsed() < 10000) {
        serve.process.waitForReadyRead(100);
        serve.output += serve.process.readAllStandardOutput();
    }
    const QDateTime localNow = QDateTime::currentDateTimeUtc().addSecs(5 * 3600 + 45 * 60);
    int lines = 0;
    for (const QByteArray &line : serve.output.split('\n')) {
        if (!line.contains("of two\""))
            continue;
        ++lines;
        INFO(line.toStdString());
        QDateTime stamp = QDateTime::fromString(
            QString::fromLatin1(line.left(19)), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        REQUIRE(stamp.isValid());
        stamp.setTimeSpec(Qt::UTC);
        CHECK(std::abs(stamp.secsTo(localNow)) < 60);
    }
    CHECK(lines == 2);
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve also serves IMAP over the same store", "[cli][imap]")
{
    QTemporaryDir dir;
    Serve serve(dir.path());
    const qsizetype at = serve.output.indexOf("IMAP on 127.0.0.1:");
    REQUIRE(at >= 0);
    const QByteArray imapPort = serve.output.mid(at + 18).split(' ').first().split(',').first().trimmed();
    send(serve.port, "fetch me over IMAP");
    const ProcessResult result = python(R"PY(
import imaplib, sys, time
for _ in range(50):
    box = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
    box.login("all", "x")
    if int(box.select("INBOX")[1][0]): break
    box.logout(); time.sleep(0.1)
print(box.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1][0][1].decode())
box.logout()
)PY",
        {QString::fromUtf8(imapPort)});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.contains("Subject: fetch me over IMAP"));
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve also serves POP3 over the same store", "[cli][pop3]")
{
    QTemporaryDir dir;
    Serve serve(dir.path());
    const qsizetype at = serve.output.indexOf("POP3 on 127.0.0.1:");
    REQUIRE(at >= 0);
    const QByteArray pop3Port = serve.output.mid(at + 18).split(' ').first().split(',').first().trimmed();
    send(serve.port, "fetch me");
    const ProcessResult result = python(R"PY(
import poplib, sys, time
for _ in range(50):
    box = poplib.POP3("127.0.0.1", int(sys.argv[1]))
    box.user("all"); box.pass_("x")
    if box.stat()[0]: break
    box.quit(); time.sleep(0.1)
print(b"\n".join(box.retr(1)[1]).decode())
box.quit()
)PY",
        {QString::fromUtf8(pop3Port)});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.contains("Subject: fetch me"));
    CHECK(serve.stop() == 0);
}

TEST_CASE("stopping and starting again loses nothing", "[cli][durability]")
{
    QTemporaryDir dir;
    {
        Serve serve(dir.path());
        for (int i = 0; i < 5; ++i)
            send(serve.port, "message " + QByteArray::number(i));
        REQUIRE(serve.stop() == 0);
    }
    {
        Serve again(dir.path());
        REQUIRE(again.output.contains("(5 messages)"));
        send(again.port, "after restart");
        REQUIRE(again.stop() == 0);
    }
    const QJsonArray list = listJson(dir.path());
    REQUIRE(list.size() == 6);
    const QJsonObject newest = list.at(0).toObject();
    CHECK(newest.value(QStringLiteral("subject")).toString() == QStringLiteral("after restart"));
    CHECK(newest.value(QStringLiteral("size")).toInt() > 0);
    CHECK(QFile::exists(newest.value(QStringLiteral("file")).toString()));
    const QJsonObject envelope = newest.value(QStringLiteral("envelope")).toObject();
    CHECK(envelope.value(QStringLiteral("mail_from")).toString() == QStringLiteral("ci@example.com"));
    CHECK(envelope.value(QStringLiteral("rcpt_to")).toArray().at(0).toString()
        == QStringLiteral("dev@example.com"));
    CHECK(newest.value(QStringLiteral("seen")).toBool() == false);
    for (const char *key : {"id", "file", "received", "size", "subject", "from", "to", "envelope", "seen"})
        CHECK(newest.contains(QLatin1String(key)));
}

TEST_CASE("on start the store indexes unknown Maildir files and cleans tmp/", "[cli][store]")
{
    QTemporaryDir dir;
    for (const char *sub : {"new", "cur", "tmp"})
        QDir(dir.path()).mkpath(QLatin1String(sub));
    QFile dropped(dir.filePath(QStringLiteral("new/1700000000.M1P1.elsewhere")));
    dropped.open(QIODevice::WriteOnly);
    dropped.write("Subject: dropped in by hand\r\n\r\nhi\r\n");
    dropped.close();
    QFile stray(dir.filePath(QStringLiteral("tmp/1700000001.M2P2.crashed")));
    stray.open(QIODevice::WriteOnly);
    stray.write("Subject: half writ");
    stray.close();
    {
        Serve serve(dir.path());
        REQUIRE(serve.output.contains("(1 messages)"));
        REQUIRE(serve.stop() == 0);
    }
    CHECK_FALSE(QFile::exists(stray.fileName()));
    const QJsonArray list = listJson(dir.path());
    REQUIRE(list.size() == 1);
    const QJsonObject message = list.at(0).toObject();
    CHECK(message.value(QStringLiteral("subject")).toString() == QStringLiteral("dropped in by hand"));
    CHECK(message.value(QStringLiteral("envelope")).toObject().value(QStringLiteral("known")).toBool()
        == false);
}

TEST_CASE("bad options, a port in use and an unusable store exit 2 with one line", "[cli][errors]")
{
    QTemporaryDir dir;
    auto check = [](const ProcessResult &result, const char *needle) {
        INFO(result.err.toStdString());
        CHECK(result.exitCode == 2);
        CHECK(result.err.contains(needle));
        CHECK(result.err.trimmed().count('\n') == 0);
    };
    check(run(Binary, {QStringLiteral("serve"), QStringLiteral("--bogus")}), "Unknown option");
    check(run(Binary,
              {QStringLiteral("serve"), QStringLiteral("--store"), dir.path(), QStringLiteral("--smtp"),
                  QStringLiteral("nonsense")}),
        "--smtp");
    check(run(Binary,
              {QStringLiteral("serve"), QStringLiteral("--store"), dir.path(), QStringLiteral("--max-size"),
                  QStringLiteral("-5")}),
        "--max-size");

    QTcpServer occupied;
    REQUIRE(occupied.listen(QHostAddress::LocalHost, 0));
    check(run(Binary,
              {QStringLiteral("serve"), QStringLiteral("--store"), dir.path(), QStringLiteral("--smtp"),
                  QStringLiteral("127.0.0.1:%1").arg(occupied.serverPort())}),
        "cannot listen on 127.0.0.1:");

    QFile file(dir.filePath(QStringLiteral("not-a-folder")));
    file.open(QIODevice::WriteOnly);
    file.close();
    check(
        run(Binary,
            {QStringLiteral("serve"), QStringLiteral("--store"), file.fileName() + QStringLiteral("/Maildir"),
                QStringLiteral("--smtp"), QStringLiteral("127.0.0.1:0")}),
        "cannot create the store folder");

    // A second server on the same store is refused: the store is locked.
    Serve first(dir.path());
    REQUIRE(first.output.contains("SMTP on"));
    check(run(Binary,
              {QStringLiteral("serve"), QStringLiteral("--store"), dir.path(), QStringLiteral("--smtp"),
                  QStringLiteral("127.0.0.1:0")}),
        "is in use by another Mailsink");
    // ...while list still reads it.
    CHECK(run(Binary, {QStringLiteral("list"), QStringLiteral("--store"), dir.path()}).exitCode == 0);
}

TEST_CASE("listening beyond loopback warns", "[cli][security]")
{
    QTemporaryDir dir;
    Serve serve(dir.path(), {QStringLiteral("--smtp"), QStringLiteral("0.0.0.0:%1").arg(freePort())});
    serve.stop();
    CHECK(serve.process.readAllStandardError().contains("reachable from other machines"));
}

TEST_CASE(
    "inspect prints a stored message by ID with its envelope and session, or an .eml file", "[cli][mime]")
{
    QTemporaryDir dir;
    {
        Serve serve(dir.path());
        send(serve.port, "=?utf-8?q?Gr=C3=BC=C3=9Fe?=");
        REQUIRE(serve.stop() == 0);
    }
    const QJsonObject listed = listJson(dir.path()).at(0).toObject();
    CHECK(listed.value(QStringLiteral("subject")).toString()
        == QStringLiteral("Grüße")); // decoded in the index
    const QString id = QString::number(listed.value(QStringLiteral("id")).toInteger());
    ProcessResult result = run(Binary,
        {QStringLiteral("inspect"), id, QStringLiteral("--json"), QStringLiteral("--store"), dir.path()});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    CHECK(json.value(QStringLiteral("subject")).toString() == QStringLiteral("Grüße"));
    CHECK(json.value(QStringLiteral("envelope")).toObject().value(QStringLiteral("rcpt_to")).toArray().size()
        == 1);
    CHECK(json.value(QStringLiteral("session")).toArray().size() > 5);
    CHECK(json.value(QStringLiteral("parts")).toArray().size() == 1);

    const QString eml = dir.filePath(QStringLiteral("one.eml"));
    QFile file(eml);
    file.open(QIODevice::WriteOnly);
    file.write("From: Ann <ann@example.com>\r\nSubject: from a file\r\n\r\nbody text\r\n");
    file.close();
    result = run(Binary, {QStringLiteral("inspect"), eml});
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.contains("from a file"));
    CHECK(result.out.contains("body text"));

    result = run(Binary, {QStringLiteral("inspect"), dir.filePath(QStringLiteral("missing.eml"))});
    CHECK(result.exitCode == 2);
    result = run(
        Binary, {QStringLiteral("inspect"), QStringLiteral("999"), QStringLiteral("--store"), dir.path()});
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains("no message with id 999"));
}

TEST_CASE("serve with a given certificate and required credentials", "[cli][tls][auth]")
{
    if (!haveProgram(QStringLiteral("openssl")) || !haveProgram(QStringLiteral("swaks")))
        FAIL("openssl and swaks are needed (cmake/install-deps.sh installs them)");
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem")),
                  key = dir.filePath(QStringLiteral("key.pem"));
    const ProcessResult made = run(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=given.example"),
            QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    REQUIRE(made.exitCode == 0);
    QFile password(dir.filePath(QStringLiteral("password")));
    password.open(QIODevice::WriteOnly);
    password.write("s3cret\n");
    password.close();
    Serve serve(dir.filePath(QStringLiteral("store")),
        {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key,
            QStringLiteral("--auth-required"), QStringLiteral("--auth-user"), QStringLiteral("ci"),
            QStringLiteral("--auth-password-file"), password.fileName()});
    REQUIRE(serve.output.contains("(STARTTLS)"));
    auto swaks = [&](const QString &pass) {
        return run(QStringLiteral("swaks"),
            {QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(serve.port),
                QStringLiteral("--tls"), QStringLiteral("--auth"), QStringLiteral("LOGIN"),
                QStringLiteral("--auth-user"), QStringLiteral("ci"), QStringLiteral("--auth-password"), pass,
                QStringLiteral("--to"), QStringLiteral("x@example.com")});
    };
    const ProcessResult good = swaks(QStringLiteral("s3cret"));
    INFO(good.out.toStdString());
    CHECK(good.exitCode == 0);
    CHECK(good.out.contains("CN=given.example"));
    const ProcessResult bad = swaks(QStringLiteral("wrong"));
    CHECK(bad.exitCode != 0);
    CHECK(bad.out.contains("535 5.7.8"));
    CHECK(serve.stop() == 0);
    CHECK(listJson(dir.filePath(QStringLiteral("store"))).size() == 1);
}

TEST_CASE(
    "sendmail and release go through the mailsink binary, also when it is named sendmail", "[cli][client]")
{
    QTemporaryDir dir;
    Serve serve(dir.filePath(QStringLiteral("store")));
    const QString smtp = QStringLiteral("127.0.0.1:%1").arg(serve.port);
    ProcessResult result = run(Binary,
        {QStringLiteral("sendmail"), QStringLiteral("-t"), QStringLiteral("-i"), QStringLiteral("-f"),
            QStringLiteral("php@example.com"), QStringLiteral("--smtp"), smtp},
        "To: a@example.com\nBcc: hidden@example.com\nSubject: php mail()\n\n.hello\n");
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);

    const QString link = dir.filePath(QStringLiteral("sendmail"));
    REQUIRE(QFile::link(Binary, link));
    QProcess named;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MAILSINK_SMTP"), smtp);
    named.setProcessEnvironment(env);
    named.start(link, {QStringLiteral("-oi"), QStringLiteral("cron@example.com")});
    named.write("Subject: from cron\n\nok\n");
    named.closeWriteChannel();
    REQUIRE(named.waitForFinished(30000));
    CHECK(named.exitCode() == 0);

    QElapsedTimer timer;
    timer.start();
    QJsonArray list;
    while ((list = listJson(dir.filePath(QStringLiteral("store")))).size() < 2 && timer.elapsed() < 10000)
        QThread::msleep(50);
    REQUIRE(list.size() == 2);
    QJsonObject php;
    for (const QJsonValue &value : list) {
        if (value.toObject().value(QStringLiteral("subject")).toString() == QStringLiteral("php mail()"))
            php = value.toObject();
    }
    REQUIRE_FALSE(php.isEmpty());
    const QJsonObject envelope = php.value(QStringLiteral("envelope")).toObject();
    CHECK(envelope.value(QStringLiteral("mail_from")).toString() == QStringLiteral("php@example.com"));
    CHECK(envelope.value(QStringLiteral("rcpt_to")).toArray().size() == 2); // Bcc is an envelope recipient...
    const QByteArray sent = readFile(php.value(QStringLiteral("file")).toString());
    CHECK_FALSE(sent.contains("hidden@example.com")); // ...but not in the delivered copy
    CHECK(sent.contains("\r\n.hello\r\n"));

    // Release the stored message, byte for byte, to another server.
    QTemporaryDir other;
    Serve target(other.filePath(QStringLiteral("store")));
    INFO(target.output.toStdString() << target.process.readAllStandardError().toStdString());
    REQUIRE(target.output.contains("SMTP on"));
    result = run(Binary,
        {QStringLiteral("release"), QString::number(php.value(QStringLiteral("id")).toInteger()),
            QStringLiteral("--to"), QStringLiteral("127.0.0.1:%1").arg(target.port),
            QStringLiteral("--store"), dir.filePath(QStringLiteral("store"))});
    INFO(result.err.toStdString() << result.out.toStdString());
    REQUIRE(result.exitCode == 0);
    REQUIRE(target.stop() == 0);
    const QJsonArray released = listJson(other.filePath(QStringLiteral("store")));
    REQUIRE(released.size() == 1);
    CHECK(readFile(released.at(0).toObject().value(QStringLiteral("file")).toString()) == sent);
}

TEST_CASE("SIGTERM lets a message in transfer finish, then ends the session with 421", "[cli][durability]")
{
    QTemporaryDir dir;
    Serve serve(dir.path());
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), serve.port);
    REQUIRE(client.waitForConnected(5000));
    QByteArray received;
    auto expect = [&](const QByteArray &what) {
        QElapsedTimer timer;
        timer.start();
        while (!received.contains(what) && timer.elapsed() < 10000) {
            if (client.waitForReadyRead(200))
                received += client.readAll();
        }
        return received.contains(what);
    };
    REQUIRE(expect("220 "));
    client.write("EHLO a\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");
    REQUIRE(expect("354 "));
    client.write("Subject: in flight\r\n\r\nfirst half\r\n");
    client.flush();
    ::kill(pid_t(serve.process.processId()), SIGTERM);
    QThread::msleep(300);
    client.write("second half\r\n.\r\n");
    client.flush();
    CHECK(expect("250 2.0.0 Ok: queued as"));
    CHECK(expect("421 4.3.2"));
    REQUIRE(serve.process.waitForFinished(15000));
    CHECK(serve.process.exitCode() == 0);
    // Acknowledged while stopping, so printed too, after the line that says it is stopping.
    serve.output += serve.process.readAllStandardOutput();
    INFO(serve.output.toStdString());
    CHECK(serve.output.contains("Stopping"));
    CHECK(serve.output.indexOf("\"in flight\"") > serve.output.indexOf("Stopping"));
    const QJsonArray list = listJson(dir.path());
    REQUIRE(list.size() == 1);
    CHECK(readFile(list.at(0).toObject().value(QStringLiteral("file")).toString())
        == "Subject: in flight\r\n\r\nfirst half\r\nsecond half\r\n");
}
