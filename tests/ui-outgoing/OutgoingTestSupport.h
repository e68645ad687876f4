#pragma once

#include "ServerFixture.h"
#include "client/SmtpClientSession.h"

#include <QByteArray>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

namespace MailSink::Test {

// A message with an attachment, CRLF line ends, caught by `sink` through real SMTP; returns its id.
qint64 catchMessage(ServerFixture &sink, const Client::OutgoingMessage &message);
Client::OutgoingMessage sampleMessage();

// An INI file in a temporary folder, for the remembered servers.
struct TempSettings
{
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    TempSettings();
    QString path() const { return dir.filePath(QStringLiteral("mailsink.ini")); }
    QByteArray fileContents();
};

QByteArray certificateFingerprint(); // of ServerFixture::defaultConfig()'s certificate
quint16 closedPort(); // a loopback port nobody listens on

} // namespace MailSink::Test
