// `mailsink serve` end to end: a message caught over SMTP while an IMAP client IDLEs reaches that client.
#include "ServerFixture.h"
#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>

using namespace MailSink::Test;

namespace {

// `mailsink serve` with SMTP and IMAP on ports the system picks; the constructor reads them from the
// start-up line ("SMTP on 127.0.0.1:N, IMAP on 127.0.0.1:M").
struct Serve
{
    QProcess process;
    QByteArray output;
    quint16 smtpPort = 0;
    quint16 imapPort = 0;

    explicit Serve(const QString &store)
    {
        process.start(QStringLiteral(MAILSINK_BINARY),
            {QStringLiteral("serve"), QStringLiteral("--store"), store, QStringLiteral("--smtp"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--imap"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--no-pop3"), QStringLiteral("--no-http")});
        REQUIRE(process.waitForStarted());
        while (!output.contains(" messages)")) {
            INFO(output.toStdString() << process.readAllStandardError().toStdString());
            REQUIRE(process.waitForReadyRead(30000));
            output += process.readAllStandardOutput();
        }
        smtpPort = port("SMTP");
        imapPort = port("IMAP");
    }
    ~Serve()
    {
        if (process.state() == QProcess::Running) {
            process.kill();
            process.waitForFinished();
        }
    }
    quint16 port(const char *protocol) const
    {
        const QRegularExpressionMatch match
            = QRegularExpression(QLatin1String(protocol) + QStringLiteral(" on 127\\.0\\.0\\.1:(\\d+)"))
                  .match(QString::fromUtf8(output));
        INFO(output.toStdString());
        REQUIRE(match.hasMatch());
        return match.captured(1).toUShort();
    }
    int stop()
    {
        ::kill(pid_t(process.processId()), SIGTERM);
        process.waitForFinished(30000);
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
};

// Every message file in a Maildir (new/ and cur/).
QList<QByteArray> maildirMessages(const QString &root)
{
    QList<QByteArray> messages;
    for (const QString &sub : {QStringLiteral("new"), QStringLiteral("cur")}) {
        const QDir dir(root + u'/' + sub);
        for (const QString &name : dir.entryList(QDir::Files))
            messages.append(readFile(dir.filePath(name)));
    }
    return messages;
}

} // namespace

TEST_CASE("an IMAP client that IDLEs gets the message serve catches over SMTP, byte for byte",
    "[imap][serve][idle]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Serve serve(dir.path());
    // 8-bit UTF-8, leading dots (dot-stuffed on the wire), a "From " line, folded and trailing white space.
    const QByteArray sent = readFile(testData(QStringLiteral("imap/8bit-and-from-lines.eml")));
    REQUIRE(sent.contains("\r\n.a line"));

    QProcess client;
    client.start(QStringLiteral("python3"),
        {QStringLiteral(IMAP_CLIENTS_DIR "/imapclient.py"), QStringLiteral("idle"),
            QStringLiteral("127.0.0.1"), QString::number(serve.imapPort), QStringLiteral("all"),
            QStringLiteral("x")});
    REQUIRE(client.waitForStarted());
    while (!client.canReadLine()) {
        INFO(client.readAllStandardError().toStdString());
        REQUIRE(client.waitForReadyRead(30000));
    }
    REQUIRE(client.readLine().trimmed() == "IDLING"); // selected INBOX, got "+ idling"

    // Caught over SMTP only now, by the same serve process, while the client waits in IDLE.
    const ProcessResult smtp = python(R"PY(
import smtplib, sys
with open(sys.argv[2], "rb") as f:
    raw = f.read()
with smtplib.SMTP("127.0.0.1", int(sys.argv[1])) as s:
    s.ehlo()
    s.sendmail("juergen@example.com", ["bob@example.com"], raw, mail_options=["BODY=8BITMIME"])
)PY",
        {QString::number(serve.smtpPort), testData(QStringLiteral("imap/8bit-and-from-lines.eml"))});
    INFO(smtp.err.toStdString());
    REQUIRE(smtp.exitCode == 0);

    REQUIRE(client.waitForFinished(60000));
    INFO(client.readAllStandardError().toStdString());
    REQUIRE(client.exitCode() == 0);
    const QByteArray out = client.readAllStandardOutput();
    INFO(out.toStdString());
    const QJsonObject result = QJsonDocument::fromJson(out).object();
    CHECK(result[QStringLiteral("before")].toInt() == 0);
    CHECK(result[QStringLiteral("pushed")].toArray().contains(QStringLiteral("* 1 EXISTS")));
    CHECK(result[QStringLiteral("done")].toString() == QStringLiteral("i1 OK IDLE terminated"));
    CHECK(result[QStringLiteral("subject")].toString()
        == QStringLiteral("Subject: bytes a mail client must keep"));
    // The store adds no Received field or anything else: IMAP serves exactly the DATA bytes, unstuffed.
    CHECK(QByteArray::fromBase64(result[QStringLiteral("raw")].toString().toLatin1()) == sent);
    CHECK(maildirMessages(dir.path()) == QList<QByteArray> {sent});
    CHECK(serve.stop() == 0);
}
