#include "pop3/Pop3Server.h"
#include "ProtocolFixture.h"
#include "TestSupport.h"
#include "pop3/MaildropRegistry.h"
#include "pop3/Pop3Format.h"
#include "store/MessageStore.h"
#include "tls/TlsIdentity.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

using namespace MailSink;
using MailSink::Test::readFile;
using MailSink::Test::testData;

namespace {

// A store in a temporary folder and a Pop3::Pop3Server on port 0, serving from its own thread.
class Pop3Fixture : public Test::ProtocolFixture<Pop3::Pop3Server>
{
public:
    explicit Pop3Fixture(Pop3::Pop3ServerConfig config = {}, bool pop3s = false, const QString &root = {})
        : ProtocolFixture({&Pop3::Pop3Server::listenPop3s, &Pop3::Pop3Server::pop3sAddress,
                              QStringLiteral(POP3_CLIENTS_DIR "/pop3client.py"), QStringLiteral("pop3"), {}},
            config, pop3s, root)
    { }
    quint16 pop3sPort() const { return tlsPort(); }
};

QByteArray fromBase64(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

Pop3::Pop3ServerConfig tlsConfig()
{
    Pop3::Pop3ServerConfig config;
    QString error;
    config.tls = Tls::TlsIdentity::generate(QStringLiteral("localhost"), &error);
    INFO(error.toStdString());
    REQUIRE(config.tls.has_value());
    return config;
}

// Waits (processing events) until `done` or 10 s have passed.
template<typename F>
bool waitFor(F done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

const QByteArray Simple = readFile(testData(QStringLiteral("pop3/simple.eml")));
const QByteArray BareLf = readFile(testData(QStringLiteral("pop3/bare-lf.eml")));
const QByteArray Multi = readFile(testData(QStringLiteral("pop3/multi-rcpt.eml")));

} // namespace

TEST_CASE("poplib fetches, lists and deletes over a real socket", "[pop3][server][poplib]")
{
    Pop3Fixture f;
    const qint64 first = f.add(Simple, {"bob@example.com"});
    const qint64 second = f.add(BareLf, {"alice@example.com"});
    const qint64 third = f.add(Multi, {"alice@example.com", "bob@example.com"});
    QList<qint64> removedIds;
    QObject receiver;
    QObject::connect(&f.store(), &Store::MessageStore::messagesRemoved, &receiver,
        [&](const QList<qint64> &ids) { removedIds += ids; });

    const QJsonObject result = f.python(
        QStringLiteral("fetch"), {QStringLiteral("all"), QStringLiteral("pw"), QStringLiteral("2")});
    CHECK(result[QStringLiteral("welcome")].toString().startsWith(
        QStringLiteral("+OK Mailsink POP3 server ready <")));
    CHECK(strings(result[QStringLiteral("capa")])
        == QStringList({QStringLiteral("AUTH-RESP-CODE"), QStringLiteral("IMPLEMENTATION"),
            QStringLiteral("PIPELINING"), QStringLiteral("RESP-CODES"), QStringLiteral("SASL"),
            QStringLiteral("TOP"), QStringLiteral("UIDL"), QStringLiteral("USER")}));
    const QJsonArray stat = result[QStringLiteral("stat")].toArray();
    CHECK(stat.at(0).toInt() == 3);
    CHECK(stat.at(1).toInt() == Simple.size() + Pop3::crlfSize(BareLf) + Multi.size());
    CHECK(strings(result[QStringLiteral("list")])
        == QStringList({QStringLiteral("1 %1").arg(Simple.size()),
            QStringLiteral("2 %1").arg(Pop3::crlfSize(BareLf)), QStringLiteral("3 %1").arg(Multi.size())}));
    // UIDL is the Maildir unique name, in store order.
    const QStringList uidl = strings(result[QStringLiteral("uidl")]);
    REQUIRE(uidl.size() == 3);
    CHECK(uidl.at(0)
        == QStringLiteral("1 ") + QString::fromLatin1(Pop3::uidFor(f.store().message(first)->uniq)));
    CHECK(uidl.at(2)
        == QStringLiteral("3 ") + QString::fromLatin1(Pop3::uidFor(f.store().message(third)->uniq)));

    const QJsonArray messages = result[QStringLiteral("messages")].toArray();
    REQUIRE(messages.size() == 3);
    CHECK(fromBase64(messages.at(0)[QStringLiteral("retr")]) == Simple);
    CHECK(fromBase64(messages.at(1)[QStringLiteral("retr")]) == Pop3::toCrlf(BareLf));
    CHECK(fromBase64(messages.at(2)[QStringLiteral("retr")]) == Multi);
    CHECK(fromBase64(messages.at(0)[QStringLiteral("top")]) == Pop3::topLines(Simple, 0));

    // DELE 2 + QUIT removed the message from the store (and told the GUI); RETR marked the others seen.
    CHECK(result[QStringLiteral("quit")].toString().contains(QStringLiteral("1 message deleted")));
    CHECK(f.store().ids() == QList<qint64>({third, first}));
    CHECK(!f.store().message(second));
    CHECK(f.store().message(first)->seen);
    CHECK(f.store().message(third)->seen);
    CHECK(waitFor([&] { return removedIds == QList<qint64> {second}; }));
}

TEST_CASE("an e-mail address as user name sees only its own messages", "[pop3][server][poplib]")
{
    Pop3Fixture f;
    f.add(Simple, {"bob@example.com"});
    f.add(BareLf, {"alice@example.com"});
    f.add(Multi, {"alice@example.com", "BOB@example.com"});
    const QJsonObject result
        = f.python(QStringLiteral("fetch"), {QStringLiteral("Bob@Example.COM"), QStringLiteral("pw")});
    const QJsonArray messages = result[QStringLiteral("messages")].toArray();
    REQUIRE(messages.size() == 2);
    CHECK(fromBase64(messages.at(0)[QStringLiteral("retr")]) == Simple);
    CHECK(fromBase64(messages.at(1)[QStringLiteral("retr")]) == Multi);
}

TEST_CASE("UIDL values survive a restart of server and store", "[pop3][server][poplib]")
{
    QTemporaryDir root;
    const QStringList login {QStringLiteral("all"), QStringLiteral("x")};
    QStringList before;
    {
        Pop3Fixture f({}, false, root.path());
        f.add(Simple, {"bob@example.com"});
        f.add(Multi, {"bob@example.com"});
        before = strings(f.python(QStringLiteral("fetch"), login)[QStringLiteral("uidl")]);
    }
    Pop3Fixture again({}, false, root.path());
    const QStringList after = strings(again.python(QStringLiteral("fetch"), login)[QStringLiteral("uidl")]);
    REQUIRE(before.size() == 2);
    CHECK(after == before);
}

TEST_CASE("APOP with the timestamp banner and a required secret", "[pop3][server][poplib][apop]")
{
    Pop3::Pop3ServerConfig config;
    config.session.authRequired = true;
    config.session.authUser = "tester";
    config.session.authPassword = "s3cret";
    Pop3Fixture f(config);
    f.add(Simple, {"bob@example.com"});
    const QJsonObject result
        = f.python(QStringLiteral("apop"), {QStringLiteral("tester"), QStringLiteral("s3cret")});
    CHECK(result[QStringLiteral("wrong")].toString().startsWith(QStringLiteral("-ERR [AUTH]")));
    CHECK(result[QStringLiteral("login")].toString().startsWith(QStringLiteral("+OK Logged in")));
    CHECK(result[QStringLiteral("stat")].toArray().at(0).toInt() == 1);
}

TEST_CASE("STLS upgrades the connection and the session goes on encrypted", "[pop3][server][poplib][tls]")
{
    Pop3Fixture f(tlsConfig());
    f.add(Simple, {"bob@example.com"});
    const QJsonObject result = f.python(QStringLiteral("stls"), {QStringLiteral("all"), QStringLiteral("x")});
    CHECK(strings(result[QStringLiteral("capa_before")]).contains(QStringLiteral("STLS")));
    CHECK_FALSE(strings(result[QStringLiteral("capa_after")]).contains(QStringLiteral("STLS")));
    CHECK(result[QStringLiteral("stls")].toString() == QStringLiteral("+OK Begin TLS negotiation"));
    CHECK_FALSE(result[QStringLiteral("cipher")].toString().isEmpty());
    const QJsonArray messages = result[QStringLiteral("messages")].toArray();
    REQUIRE(messages.size() == 1);
    CHECK(fromBase64(messages.at(0)[QStringLiteral("retr")]) == Simple);
}

TEST_CASE("POP3S speaks TLS from the first byte", "[pop3][server][poplib][tls]")
{
    Pop3Fixture f(tlsConfig(), true);
    f.add(Simple, {"bob@example.com"});
    const QJsonObject result
        = f.python(QStringLiteral("pop3s"), {QStringLiteral("all"), QStringLiteral("x")}, f.pop3sPort());
    CHECK(result[QStringLiteral("welcome")].toString().startsWith(QStringLiteral("+OK Mailsink POP3")));
    CHECK_FALSE(strings(result[QStringLiteral("capa")]).contains(QStringLiteral("STLS")));
    const QJsonArray messages = result[QStringLiteral("messages")].toArray();
    REQUIRE(messages.size() == 1);
    CHECK(fromBase64(messages.at(0)[QStringLiteral("retr")]) == Simple);
}

TEST_CASE("a second session gets [IN-USE] while the maildrop is locked", "[pop3][server][poplib][lock]")
{
    Pop3Fixture f;
    f.add(Simple, {"bob@example.com"});
    const QJsonObject result = f.python(QStringLiteral("lock"), {QStringLiteral("all")});
    CHECK(result[QStringLiteral("first")].toString().contains(QStringLiteral("+OK Logged in")));
    CHECK(result[QStringLiteral("second")].toString().startsWith(QStringLiteral("-ERR [IN-USE]")));
    CHECK(result[QStringLiteral("second_retry")].toString().contains(QStringLiteral("+OK Logged in")));
}

TEST_CASE(
    "a connection dropped without QUIT deletes nothing and frees the lock", "[pop3][server][poplib][lock]")
{
    Pop3Fixture f;
    f.add(Simple, {"bob@example.com"});
    f.add(Multi, {"bob@example.com"});
    const QJsonObject result = f.python(QStringLiteral("drop"), {QStringLiteral("all")});
    CHECK(result[QStringLiteral("dele")].toString().startsWith(QStringLiteral("+OK")));
    CHECK(result[QStringLiteral("stat_after")].toArray().at(0).toInt() == 2);
    CHECK(f.store().count() == 2);
    CHECK(waitFor([&] { return !f.server()->registry()->isLocked(QStringLiteral("*")); }));
}

TEST_CASE("curl lists and retrieves a message byte for byte", "[pop3][server][curl]")
{
    Pop3Fixture f;
    const qint64 id = f.add(Simple, {"bob@example.com"});
    f.add(Multi, {"alice@example.com"});
    const QByteArray list = f.curl({f.url(), QStringLiteral("-u"), QStringLiteral("all:x")});
    CHECK(list
        == "1 " + QByteArray::number(Simple.size()) + "\r\n2 " + QByteArray::number(Multi.size()) + "\r\n");
    const QByteArray retrieved
        = f.curl({f.url(QStringLiteral("1")), QStringLiteral("-u"), QStringLiteral("all:x")});
    const auto info = f.store().message(id);
    REQUIRE(info);
    CHECK(retrieved == readFile(f.store().filePath(*info)));
    CHECK(retrieved == Simple);
    CHECK(info->seen);
}

TEST_CASE("curl over STLS and POP3S", "[pop3][server][curl][tls]")
{
    Pop3Fixture f(tlsConfig(), true);
    f.add(Multi, {"alice@example.com"});
    const QStringList auth {
        QStringLiteral("-k"), QStringLiteral("-u"), QStringLiteral("alice@example.com:x")};
    CHECK(f.curl(QStringList {QStringLiteral("--ssl-reqd"), f.url(QStringLiteral("1"))} + auth) == Multi);
    CHECK(f.curl(QStringList {QStringLiteral("pop3s://127.0.0.1:%1/1").arg(f.pop3sPort())} + auth) == Multi);
}

TEST_CASE("over-long lines and idle clients are cut off", "[pop3][server][limits]")
{
    Pop3::Pop3ServerConfig config;
    config.idleTimeoutMs = 300;
    Pop3Fixture f(config);
    const QJsonObject longLine
        = f.python(QStringLiteral("raw"), {QStringLiteral("USER ") + QString(5000, u'x')});
    CHECK(longLine[QStringLiteral("received")].toString().contains(QStringLiteral("-ERR Line too long")));
    const QJsonObject idle = f.python(QStringLiteral("raw"), {QStringLiteral("USER all\\r\\nPASS x\\r\\n")});
    CHECK(idle[QStringLiteral("received")].toString().contains(QStringLiteral("+OK Logged in")));
    CHECK(idle[QStringLiteral("received")].toString().endsWith(
        QStringLiteral("-ERR Disconnected for inactivity\r\n")));
    CHECK(waitFor([&] { return !f.server()->registry()->isLocked(QStringLiteral("*")); }));
}

TEST_CASE("connections beyond the limit are refused with [SYS/TEMP]", "[pop3][server][limits]")
{
    Pop3::Pop3ServerConfig config;
    config.maxConnections = 1;
    Pop3Fixture f(config);
    // The first client holds its connection open (it logs in and waits) while the second arrives.
    QProcess holder;
    holder.start(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral("import poplib,sys,time; b=poplib.POP3('127.0.0.1',%1); b.user('all'); "
                           "b.pass_('x'); print('in', flush=True); sys.stdin.readline(); b.quit()")
                .arg(f.port())});
    REQUIRE(holder.waitForStarted());
    while (!holder.canReadLine())
        REQUIRE(holder.waitForReadyRead(30000));
    const QJsonObject refused = f.python(QStringLiteral("raw"), {QString()});
    CHECK(refused[QStringLiteral("received")].toString()
        == QStringLiteral("-ERR [SYS/TEMP] Too many connections, try again later\r\n"));
    holder.write("\n");
    holder.closeWriteChannel();
    REQUIRE(holder.waitForFinished(30000));
    CHECK(holder.exitCode() == 0);
}

TEST_CASE("shutdown ends live sessions without deleting", "[pop3][server]")
{
    Pop3Fixture f;
    f.add(Simple, {"bob@example.com"});
    QProcess client;
    client.start(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral("import poplib,sys; b=poplib.POP3('127.0.0.1',%1); b.user('all'); b.pass_('x'); "
                           "b.dele(1); print('in', flush=True); sys.stdin.readline(); "
                           "print(b.sock.recv(1000).decode(), flush=True)")
                .arg(f.port())});
    REQUIRE(client.waitForStarted());
    while (!client.canReadLine())
        REQUIRE(client.waitForReadyRead(30000));
    client.readLine();
    QMetaObject::invokeMethod(
        f.server(), [&] { f.server()->shutdown(2000); }, Qt::BlockingQueuedConnection);
    client.write("\n");
    client.closeWriteChannel();
    REQUIRE(client.waitForFinished(30000));
    CHECK(client.readAllStandardOutput().startsWith("-ERR [SYS/TEMP] Server shutting down"));
    CHECK(f.store().count() == 1);
}

TEST_CASE("fetchmail downloads every message and deletes them", "[pop3][server][fetchmail]")
{
    const QString fetchmail = QStandardPaths::findExecutable(QStringLiteral("fetchmail"));
    if (fetchmail.isEmpty()) {
        WARN("fetchmail is not installed (Debian package fetchmail); skipped");
        return;
    }
    Pop3Fixture f;
    f.add(Simple, {"bob@example.com"});
    f.add(BareLf, {"alice@example.com"});
    QTemporaryDir work;
    const QString out = work.filePath(QStringLiteral("delivered"));
    const QString rc = work.filePath(QStringLiteral("fetchmailrc"));
    {
        QFile file(rc);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("set no syslog\n"
                                  "poll 127.0.0.1 service %1 protocol POP3 uidl no envelope timeout 30\n"
                                  "  user \"all\" password \"x\" is \"%2\" here\n"
                                  "  sslproto \"\" fetchall nokeep\n"
                                  "  mda \"/bin/sh -c 'cat >> %3; echo ==MAILSINK-SPLIT== >> %3'\"\n")
                       .arg(f.port())
                       .arg(qEnvironmentVariable("USER", QStringLiteral("root")), out)
                       .toUtf8());
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FETCHMAILHOME"), work.path());
    environment.insert(QStringLiteral("HOME"), work.path());
    process.setProcessEnvironment(environment);
    process.start(fetchmail,
        {QStringLiteral("--nodetach"), QStringLiteral("-f"), rc, QStringLiteral("--idfile"),
            work.filePath(QStringLiteral("ids"))});
    REQUIRE(process.waitForFinished(120000));
    INFO(process.readAllStandardError().toStdString() << process.readAllStandardOutput().toStdString());
    REQUIRE(process.exitCode() == 0); // 0: mail was retrieved
    const QByteArray delivered = readFile(out);
    CHECK(delivered.count("==MAILSINK-SPLIT==") == 2);
    CHECK(delivered.contains("Subject: simple"));
    CHECK(delivered.contains(".leading dot"));
    CHECK(delivered.contains("Subject: bare LF"));
    CHECK(f.store().count() == 0); // fetchmail deleted what it fetched (DELE + QUIT)
}

TEST_CASE("a message arriving during a session waits for the next session", "[pop3][server][snapshot]")
{
    Pop3Fixture f;
    f.add(Simple, {"bob@example.com"});
    QProcess client;
    client.start(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral("import poplib,sys; b=poplib.POP3('127.0.0.1',%1); b.user('all'); b.pass_('x'); "
                           "print(b.stat()[0], flush=True); sys.stdin.readline(); print(b.stat()[0]); "
                           "print(len(b.list()[1])); b.quit(); "
                           "c=poplib.POP3('127.0.0.1',%1); c.user('all'); c.pass_('x'); print(c.stat()[0]); "
                           "c.quit()")
                .arg(f.port())});
    REQUIRE(client.waitForStarted());
    while (!client.canReadLine())
        REQUIRE(client.waitForReadyRead(30000));
    f.add(Multi, {"bob@example.com"});
    client.write("\n");
    client.closeWriteChannel();
    REQUIRE(client.waitForFinished(30000));
    CHECK(client.exitCode() == 0);
    // STAT before, STAT and LIST after the new message arrived, then STAT of a new session.
    CHECK(client.readAllStandardOutput().simplified().split(' ') == QList<QByteArray>({"1", "1", "1", "2"}));
}
