#include "ServerAddress.h"

namespace MailSink::Client {

std::optional<ServerAddress> ServerAddress::parse(const QString &text, quint16 defaultPort, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<ServerAddress> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    ServerAddress result;
    QString portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return fail(QStringLiteral("missing ']' in \"%1\"").arg(text));
        result.host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            return fail(QStringLiteral("expected HOST:PORT, got \"%1\"").arg(text));
        portText = rest.mid(1);
    } else if (text.count(u':') > 1) {
        result.host = text; // a bare IPv6 address
    } else {
        const qsizetype colon = text.indexOf(u':');
        result.host = colon < 0 ? text : text.left(colon);
        portText = colon < 0 ? QString() : text.mid(colon + 1);
    }
    if (result.host.isEmpty())
        return fail(QStringLiteral("missing host in \"%1\"").arg(text));
    if (portText.isEmpty()) {
        if (defaultPort == 0)
            return fail(QStringLiteral("expected HOST:PORT, got \"%1\"").arg(text));
        result.port = defaultPort;
        return result;
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return fail(QStringLiteral("bad port in \"%1\"").arg(text));
    result.port = quint16(port);
    return result;
}

QString ServerAddress::toString() const
{
    if (host.contains(u':'))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

} // namespace MailSink::Client
