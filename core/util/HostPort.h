#pragma once

#include <QHostAddress>
#include <QString>

namespace MailSink {

// "HOST:PORT", "[v6]:PORT" or ":PORT" as given on the command line.
struct HostPort
{
    QHostAddress address;
    quint16 port = 0;

    static std::optional<HostPort> parse(const QString &text, QString *error = nullptr);
    QString toString() const;
    bool isLoopback() const { return address.isLoopback(); }
};

} // namespace MailSink
