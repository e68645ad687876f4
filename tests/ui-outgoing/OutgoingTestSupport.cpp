#include "OutgoingTestSupport.h"

#include "client/SmtpSender.h"

#include <QFile>
#include <QTcpServer>

#include <catch2/catch.hpp>

namespace MailSink::Test {

Client::OutgoingMessage sampleMessage()
{
    Client::OutgoingMessage message;
    message.mailFrom = "alice@example.com";
    message.recipients = {"bob@example.com", "eve@example.com"};
    message.data = "From: Alice <alice@example.com>\r\n"
                   "To: Bob <bob@example.com>\r\n"
                   "Subject: Quarterly figures\r\n"
                   "Message-ID: <release-test@example.com>\r\n"
                   "MIME-Version: 1.0\r\n"
                   "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                   "\r\n"
                   "--b1\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n"
                   "\r\n"
                   "Hello Bob,\r\n"
                   ".a line that starts with a dot\r\n"
                   "  trailing spaces kept   \r\n"
                   "--b1\r\n"
                   "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
                   "Content-Disposition: attachment; filename=\"data.bin\"\r\n"
                   "Content-Transfer-Encoding: base64\r\n"
                   "\r\n"
                   "AAECAwQFBgcICQ==\r\n"
                   "--b1--\r\n";
    return message;
}

qint64 catchMessage(ServerFixture &sink, const Client::OutgoingMessage &message)
{
    const qint64 before = sink.store().count();
    Client::SenderConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = sink.port();
    const Client::SendResult result = Client::SmtpSender::sendAndWait(config, message);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    REQUIRE(sink.waitForMessages(before + 1));
    return sink.store().list(1).constFirst().id;
}

TempSettings::TempSettings()
    : settings(std::make_unique<QSettings>(path(), QSettings::IniFormat))
{ }

QByteArray TempSettings::fileContents()
{
    settings->sync();
    QFile file(path());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray certificateFingerprint()
{
    return Client::SmtpSender::fingerprint(ServerFixture::defaultConfig().tls->certificate);
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace MailSink::Test
