#include "HostPort.h"

#include <QCoreApplication>

namespace MailSink {

std::optional<HostPort> HostPort::parse(const QString &text, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<HostPort> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return fail(QStringLiteral("expected HOST:PORT, got \"%1\"").arg(text));
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QStringLiteral("bad port in \"%1\"").arg(text));
    HostPort result;
    result.port = quint16(port);
    if (host.isEmpty() || host == QLatin1String("localhost"))
        result.address = QHostAddress(QHostAddress::LocalHost);
    else if (host == QLatin1String("*"))
        result.address = QHostAddress(QHostAddress::Any);
    else if (!result.address.setAddress(host))
        return fail(
            QStringLiteral("bad address \"%1\" (use an IP address such as 127.0.0.1 or 0.0.0.0)").arg(host));
    return result;
}

QString HostPort::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

} // namespace MailSink
