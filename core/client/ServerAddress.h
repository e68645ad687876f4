#pragma once

#include <QString>

#include <optional>

namespace MailSink::Client {

// A server to connect to: "HOST:PORT", "[v6]:PORT", or a bare HOST with a default port.
// Unlike HostPort (listen addresses), HOST may be a DNS name.
struct ServerAddress
{
    QString host;
    quint16 port = 0;

    static std::optional<ServerAddress> parse(
        const QString &text, quint16 defaultPort = 0, QString *error = nullptr);
    QString toString() const;
};

} // namespace MailSink::Client
