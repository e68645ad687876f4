#include "imap/ImapServer.h"
#include "ProtocolFixture.h"
#include "TestSupport.h"
#include "store/MessageStore.h"
#include "tls/TlsIdentity.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

using namespace MailSink;
using MailSink::Test::readFile;
using MailSink::Test::testData;

namespace {

// A store in a temporary folder and a Imap::ImapServer on port 0, serving from its own thread.
class ImapFixture : public Test::ProtocolFixture<Imap::ImapServer>
{
public:
    explicit ImapFixture(Imap::ImapServerConfig config = {}, bool imaps = false, const QString &root = {})
        : ProtocolFixture({&Imap::ImapServer::listenImaps, &Imap::ImapServer::imapsAddress,
                              QStringLiteral(IMAP_CLIENTS_DIR "/imapclient.py"), QStringLiteral("imap"),
                              {QStringLiteral("-u"), QStringLiteral("all:x")}},
            config, imaps, root)
    { }
    quint16 imapsPort() const { return tlsPort(); }
};

QByteArray fromBase64(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

Imap::ImapServerConfig tlsConfig()
{
    Imap::ImapServerConfig config;
    QString error;
    config.tls = Tls::TlsIdentity::generate(QStringLiteral("localhost"), &error);
    INFO(error.toStdString());
    REQUIRE(config.tls.has_value());
    return config;
}

const QByteArray Simple = readFile(testData(QStringLiteral("imap/simple.eml")));
const QByteArray Multipart = readFile(testData(QStringLiteral("imap/multipart.eml")));
const QByteArray Nested = readFile(testData(QStringLiteral("imap/nested.eml")));
const QByteArray BareLf = readFile(testData(QStringLiteral("imap/bare-lf.eml")));
const QByteArray EightBit = readFile(testData(QStringLiteral("imap/8bit-and-from-lines.eml")));

void checkFetched(const QJsonObject &result, ImapFixture &f, const QList<qint64> &ids)
{
    CHECK(result[QStringLiteral("exists")].toInt() == ids.size());
    const QJsonArray messages = result[QStringLiteral("messages")].toArray();
    REQUIRE(messages.size() == ids.size());
    const QList<QByteArray> raws = {Simple, Multipart, Nested};
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        CHECK(message[QStringLiteral("uid")].toInt() == ids.at(i)); // UIDs are the store ids
        CHECK(fromBase64(message[QStringLiteral("raw")]) == raws.at(i)); // byte for byte
        CHECK(message[QStringLiteral("size")].toInt() == raws.at(i).size());
    }
    CHECK(result[QStringLiteral("search_unseen")].toString() == QStringLiteral("1 2 3"));
    CHECK(result[QStringLiteral("search_from")].toString() == QStringLiteral("1"));
    CHECK(
        result[QStringLiteral("flags_after_store")].toString().contains(QStringLiteral("\\Seen \\Flagged")));
    CHECK(result[QStringLiteral("search_flagged")].toString() == QStringLiteral("1"));
    CHECK(result[QStringLiteral("structure")].toString().contains(
        QStringLiteral("\"APPLICATION\" \"PDF\" (\"NAME\" \"q1.pdf\")")));
    CHECK(result[QStringLiteral("expunged")].toArray().size() == 1);
    CHECK(result[QStringLiteral("status")].toString().contains(QStringLiteral("MESSAGES 2 UNSEEN 1")));
    // The GUI's read state and the Maildir follow: message 1 is seen (S) and flagged (F), 2 is gone.
    const auto first = f.store().message(ids.at(0));
    REQUIRE(first);
    CHECK(first->seen);
    CHECK(first->file.endsWith(QStringLiteral(":2,FS")));
    CHECK_FALSE(f.store().message(ids.at(1)));
    CHECK(f.store().count() == 2);
}

} // namespace

TEST_CASE(
    "imaplib lists, fetches byte for byte, searches, stores flags and expunges", "[imap][server][imaplib]")
{
    ImapFixture f;
    const QList<qint64> ids = {f.add(Simple, {"bob@example.com"}), f.add(Multipart, {"alice@example.com"}),
        f.add(Nested, {"bob@example.com"})};
    const QJsonObject result
        = f.python(QStringLiteral("fetch"), {QStringLiteral("all"), QStringLiteral("pw")});
    CHECK(result[QStringLiteral("welcome")].toString().startsWith(
        QStringLiteral("* OK [CAPABILITY IMAP4rev1")));
    const QJsonArray list = result[QStringLiteral("list")].toArray();
    QStringList names;
    for (const QJsonValue &line : list)
        names.append(line.toString());
    CHECK(names.contains(QStringLiteral("(\\HasNoChildren) \"/\" \"INBOX\"")));
    CHECK(names.contains(QStringLiteral("(\\HasNoChildren) \"/\" \"Recipients/alice@example.com\"")));
    checkFetched(result, f, ids);
}

TEST_CASE("UIDVALIDITY and UIDs stay the same across a restart", "[imap][server][uidvalidity]")
{
    QTemporaryDir root;
    QString validity;
    qint64 id = 0;
    {
        ImapFixture f({}, false, root.path());
        id = f.add(Simple, {"bob@example.com"});
        f.add(Multipart, {"alice@example.com"});
        f.add(Nested, {"bob@example.com"});
        validity = f.python(QStringLiteral("fetch"),
                        {QStringLiteral("all"), QStringLiteral("pw")})[QStringLiteral("uidvalidity")]
                       .toString();
        f.store().close();
    }
    ImapFixture again({}, false, root.path());
    const QJsonObject result
        = again.python(QStringLiteral("fetch"), {QStringLiteral("all"), QStringLiteral("pw")});
    CHECK(!validity.isEmpty());
    CHECK(result[QStringLiteral("uidvalidity")].toString() == validity);
    CHECK(result[QStringLiteral("uids")].toArray().at(0).toInt() == id);
}

TEST_CASE("curl lists mailboxes, fetches by UID and searches", "[imap][server][curl]")
{
    ImapFixture f;
    const qint64 first = f.add(Simple, {"bob@example.com"});
    const qint64 second = f.add(Multipart, {"alice@example.com"});
    const QByteArray list = f.curl({f.url()});
    CHECK(list.contains("* LIST (\\HasNoChildren) \"/\" \"INBOX\""));
    CHECK(list.contains("\"Recipients/bob@example.com\""));
    // curl fetches BODY[] and writes the message as it is.
    CHECK(f.curl({f.url(QStringLiteral("INBOX;UID=%1").arg(second))}) == Multipart);
    CHECK(f.curl({f.url(QStringLiteral("INBOX;UID=%1;SECTION=HEADER.FIELDS%20(SUBJECT)").arg(first))})
        == "Subject: simple\r\n\r\n");
    CHECK(f.curl({f.url(QStringLiteral("INBOX?SUBJECT%20report"))}).trimmed() == "* SEARCH 2");
    CHECK(
        f.curl({f.url(QStringLiteral("INBOX")), QStringLiteral("-X"), QStringLiteral("UID SEARCH FROM ann")})
            .trimmed()
        == "* SEARCH " + QByteArray::number(first));
    CHECK(f.curl({f.url(QStringLiteral("Recipients/alice@example.com;UID=%1").arg(second))}) == Multipart);
    // A fetch marks the message read for the GUI too.
    CHECK(f.store().message(second)->seen);
}

TEST_CASE("IDLE pushes a message caught during the session", "[imap][server][idle]")
{
    ImapFixture f;
    f.add(Simple, {"bob@example.com"});
    QProcess client;
    client.start(QStringLiteral("python3"),
        {QStringLiteral(IMAP_CLIENTS_DIR "/imapclient.py"), QStringLiteral("idle"),
            QStringLiteral("127.0.0.1"), QString::number(f.port()), QStringLiteral("all"),
            QStringLiteral("x")});
    REQUIRE(client.waitForStarted());
    while (!client.canReadLine())
        REQUIRE(client.waitForReadyRead(30000));
    CHECK(client.readLine().trimmed() == "IDLING");
    f.add(Multipart, {"alice@example.com"});
    REQUIRE(client.waitForFinished(30000));
    INFO(client.readAllStandardError().toStdString());
    REQUIRE(client.exitCode() == 0);
    const QJsonObject result = ImapFixture::parse(client.readAllStandardOutput());
    CHECK(result[QStringLiteral("before")].toInt() == 1);
    CHECK(result[QStringLiteral("continuation")].toString() == QStringLiteral("+ idling"));
    CHECK(result[QStringLiteral("pushed")].toArray().contains(QStringLiteral("* 2 EXISTS")));
    CHECK(result[QStringLiteral("done")].toString() == QStringLiteral("i1 OK IDLE terminated"));
    CHECK(result[QStringLiteral("subject")].toString()
        == QStringLiteral("Subject: =?utf-8?b?UmVwb3J0IOKAkyBRMQ==?="));
}

TEST_CASE("STARTTLS and implicit TLS serve the same mailboxes", "[imap][server][tls]")
{
    ImapFixture f(tlsConfig(), true);
    const QList<qint64> ids = {f.add(Simple, {"bob@example.com"}), f.add(Multipart, {"alice@example.com"}),
        f.add(Nested, {"bob@example.com"})};
    SECTION("STARTTLS")
    {
        const QJsonObject result
            = f.python(QStringLiteral("starttls"), {QStringLiteral("all"), QStringLiteral("pw")});
        CHECK(result[QStringLiteral("before")].toArray().contains(QStringLiteral("STARTTLS")));
        CHECK(result[QStringLiteral("tls")].toString().startsWith(QStringLiteral("TLSv1.")));
        CHECK_FALSE(result[QStringLiteral("capabilities")].toArray().contains(QStringLiteral("STARTTLS")));
        checkFetched(result, f, ids);
    }
    SECTION("IMAPS")
    {
        const QJsonObject result
            = f.python(QStringLiteral("imaps"), {QStringLiteral("all"), QStringLiteral("pw")}, f.imapsPort());
        CHECK(result[QStringLiteral("tls")].toString().startsWith(QStringLiteral("TLSv1.")));
        checkFetched(result, f, ids);
    }
}

TEST_CASE("a required login refuses other credentials", "[imap][server][auth]")
{
    Imap::ImapServerConfig config;
    config.session.authRequired = true;
    config.session.authUser = "user";
    config.session.authPassword = "secret";
    ImapFixture f(config);
    f.add(Simple, {"bob@example.com"});
    CHECK(f.python(QStringLiteral("login-fails"),
               {QStringLiteral("user"), QStringLiteral("wrong")})[QStringLiteral("error")]
              .toString()
              .contains(QStringLiteral("AUTHENTICATIONFAILED")));
    CHECK(f.python(QStringLiteral("login-fails"),
               {QStringLiteral("user"), QStringLiteral("secret")})[QStringLiteral("error")]
              .isNull());
}

TEST_CASE(
    "the server stays up through a hostile client and ends sessions at shutdown", "[imap][server][robust]")
{
    ImapFixture f;
    f.add(Simple, {"bob@example.com"});
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, f.port());
    REQUIRE(socket.waitForConnected(5000));
    REQUIRE(socket.waitForReadyRead(5000));
    CHECK(socket.readAll().startsWith("* OK"));
    // A line far over the limit, a literal far over its limit, then a normal command.
    socket.write(QByteArray(200 * 1024, 'x') + "\r\na1 LOGIN {99999999}\r\na2 LOGIN all x\r\n");
    QByteArray got;
    while (!got.contains("a2 OK") && socket.waitForReadyRead(5000))
        got += socket.readAll();
    CHECK(got.contains("* BAD [TOOBIG]"));
    CHECK(got.contains("a1 NO [TOOBIG]"));
    CHECK(got.contains("a2 OK"));
    // A second client still gets served meanwhile.
    CHECK(f.curl({f.url()}).contains("INBOX"));
    QMetaObject::invokeMethod(
        f.server(), [&f] { f.server()->shutdown(2000); }, Qt::BlockingQueuedConnection);
    while (!got.contains("* BYE") && socket.waitForReadyRead(5000))
        got += socket.readAll();
    CHECK(got.contains("* BYE Server shutting down"));
}

TEST_CASE(
    "a message renamed by the GUI after SELECT is still fetched, byte for byte", "[imap][server][rename]")
{
    ImapFixture f;
    const qint64 id = f.add(Multipart, {"bob@example.com"});
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, f.port());
    REQUIRE(socket.waitForConnected(5000));
    auto exchange = [&socket](const QByteArray &tag, const QByteArray &command) {
        socket.write(tag + ' ' + command + "\r\n");
        const QByteArray tagged = tag + ' ';
        QByteArray got;
        while (!got.contains(QByteArray("\r\n" + tagged)) && !got.startsWith(tagged)
            && socket.waitForReadyRead(5000))
            got += socket.readAll();
        return got;
    };
    REQUIRE(socket.waitForReadyRead(5000));
    socket.readAll();
    CHECK(exchange("a1", "LOGIN all x").contains("a1 OK"));
    CHECK(exchange("a2", "SELECT INBOX").contains("a2 OK"));
    const QString before = f.store().message(id)->file;
    // The GUI marks it read: the file moves from new/ to cur/ with the S info letter.
    REQUIRE(f.store().setSeen(id, true));
    const QString after = f.store().message(id)->file;
    REQUIRE(after != before);
    CHECK_FALSE(QFile::exists(f.root() + u'/' + before));
    const QByteArray got = exchange("a3", "UID FETCH " + QByteArray::number(id) + " BODY.PEEK[]");
    const QByteArray literal = "{" + QByteArray::number(Multipart.size()) + "}\r\n";
    REQUIRE(got.contains(literal));
    CHECK(got.mid(got.indexOf(literal) + literal.size(), Multipart.size()) == Multipart);
    CHECK(got.contains("a3 OK"));
    // And IMAP's own flag change (a second rename) is followed too.
    CHECK(exchange("a4", "UID STORE " + QByteArray::number(id) + " +FLAGS (\\Flagged)").contains("a4 OK"));
    CHECK(f.store().message(id)->file.endsWith(QStringLiteral(":2,FS")));
    CHECK(exchange("a5", "UID FETCH " + QByteArray::number(id) + " BODY.PEEK[]").contains(literal));
}

TEST_CASE("fetchmail reads every message over IMAP, byte for byte", "[imap][server][fetchmail]")
{
    const QString fetchmail = QStandardPaths::findExecutable(QStringLiteral("fetchmail"));
    if (fetchmail.isEmpty()) {
        WARN("fetchmail is not installed (Debian package fetchmail); skipped");
        return;
    }
    ImapFixture f;
    const QList<qint64> ids = {f.add(Simple, {"bob@example.com"}), f.add(Multipart, {"alice@example.com"}),
        f.add(Nested, {"bob@example.com"})};
    QTemporaryDir work;
    const QString out = work.filePath(QStringLiteral("delivered"));
    const QString rc = work.filePath(QStringLiteral("fetchmailrc"));
    {
        QFile file(rc);
        REQUIRE(file.open(QIODevice::WriteOnly));
        // invisible: no Received field of its own; norewrite: addresses as they are; keep: no deletion.
        file.write(QStringLiteral("set no syslog\nset invisible\n"
                                  "poll 127.0.0.1 service %1 protocol IMAP timeout 30\n"
                                  "  user \"all\" password \"x\" is \"%2\" here\n"
                                  "  sslproto \"\" fetchall keep norewrite\n"
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
    QList<QByteArray> messages;
    const QByteArray delivered = readFile(out);
    const QByteArray split = "==MAILSINK-SPLIT==\n";
    for (qsizetype pos = 0, next; (next = delivered.indexOf(split, pos)) >= 0; pos = next + split.size())
        messages.append(delivered.mid(pos, next - pos));
    REQUIRE(messages.size() == 3);
    // An MDA gets local line endings (LF); otherwise each message is exactly what was caught.
    const QList<QByteArray> raws = {Simple, Multipart, Nested};
    for (qsizetype i = 0; i < raws.size(); ++i) {
        QByteArray expected = raws.at(i);
        expected.replace("\r\n", "\n");
        CHECK(messages.at(i) == expected);
    }
    CHECK(f.store().count() == 3); // keep: nothing deleted
    CHECK(f.store().message(ids.at(0))->seen); // fetchmail read them
}

TEST_CASE(
    "neomutt copies every message over IMAP to a Maildir with the bytes caught", "[imap][server][neomutt]")
{
    const QString neomutt = QStandardPaths::findExecutable(QStringLiteral("neomutt"));
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (neomutt.isEmpty() || script.isEmpty()) {
        WARN("neomutt or script is not installed (Debian packages neomutt, bsdutils); skipped");
        return;
    }
    ImapFixture f;
    const QList<QByteArray> raws = {Simple, Multipart, Nested, EightBit};
    QList<qint64> ids;
    for (const QByteArray &raw : raws)
        ids.append(f.add(raw, {"bob@example.com"}));
    QTemporaryDir work;
    const QString copied = work.filePath(QStringLiteral("copied"));
    for (const char *sub : {"cur", "new", "tmp"})
        REQUIRE(QDir().mkpath(copied + u'/' + QLatin1String(sub)));
    const QString rc = work.filePath(QStringLiteral("muttrc"));
    {
        QFile file(rc);
        REQUIRE(file.open(QIODevice::WriteOnly));
        // No caches and no questions: a question (such as "~/Mail does not exist. Create it?" when $folder
        // is missing) would eat the first pushed keys. Mailbox order, so nothing depends on dates. The
        // pushed keys tag every message, copy the tagged ones to the local Maildir, then delete "simple"
        // and quit, which expunges it (delete=yes).
        file.write(
            QStringLiteral("set folder='%2' imap_user=all imap_pass=x ssl_force_tls=no ssl_starttls=no\n"
                           "unset header_cache message_cachedir\n"
                           "set sort=mailbox-order mbox_type=Maildir\n"
                           "set confirmappend=no confirmcreate=no quit=yes delete=yes\n"
                           "set wait_key=no beep=no help=no\n"
                           "push \"<tag-pattern>~A<enter><tag-prefix><copy-message><kill-line>%1<enter>"
                           "<untag-pattern>~A<enter><delete-pattern>~i simple@example.com<enter><quit>\"\n")
                .arg(copied, work.path())
                .toUtf8());
    }
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), work.path());
    environment.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
    process.setProcessEnvironment(environment);
    // neomutt is a curses program and wants a terminal: script(1) gives it a pseudo-terminal.
    const QString command
        = QStringLiteral("'%1' -n -F '%2' -f 'imap://all@127.0.0.1:%3/INBOX'").arg(neomutt, rc).arg(f.port());
    process.start(script, {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
    REQUIRE(process.waitForStarted());
    const bool finished = process.waitForFinished(120000);
    if (!finished)
        process.kill();
    INFO("neomutt's screen: " << process.readAll().right(4000).toStdString());
    REQUIRE(finished);
    REQUIRE(process.exitCode() == 0);

    QList<QByteArray> got;
    for (const char *sub : {"cur", "new"}) {
        const QDir dir(copied + u'/' + QLatin1String(sub));
        for (const QString &name : dir.entryList(QDir::Files))
            got.append(readFile(dir.filePath(name)));
    }
    // neomutt keeps messages with local line endings: it turns each CRLF of the IMAP literal into LF
    // (imap_read_literal). Copying to a Maildir it adds no From_ line and no Status header (the flags go
    // into the file name), but ends the header with Content-Length and Lines of the body it received.
    // Every other byte must be what was caught.
    QList<QByteArray> expected;
    for (QByteArray raw : raws) {
        raw.replace("\r\n", "\n");
        const qsizetype split = raw.indexOf("\n\n") + 1;
        const QByteArray body = raw.mid(split + 1);
        expected.append(raw.left(split) + "Content-Length: " + QByteArray::number(body.size())
            + "\nLines: " + QByteArray::number(body.count('\n')) + "\n\n" + body);
    }
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    CHECK(got == expected);
    // Its delete and expunge reached the store.
    CHECK_FALSE(f.store().message(ids.at(0)));
    CHECK(f.store().count() == 3);
}
