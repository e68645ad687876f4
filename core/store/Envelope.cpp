#include "Envelope.h"

#include <QJsonArray>

namespace MailSink::Store {

QJsonObject Envelope::toJson() const
{
    QJsonArray rcpt;
    for (const QByteArray &address : recipients)
        rcpt.append(QString::fromUtf8(address));
    auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return QJsonObject{
        {QStringLiteral("known"), known},
        {QStringLiteral("mail_from"), known ? QJsonValue(QString::fromUtf8(mailFrom)) : QJsonValue()},
        {QStringLiteral("mail_parameters"), QString::fromUtf8(mailParameters)},
        {QStringLiteral("rcpt_to"), rcpt},
        {QStringLiteral("helo"), orNull(QString::fromUtf8(helo))},
        {QStringLiteral("esmtp"), extended},
        {QStringLiteral("client_address"), orNull(clientAddress)},
        {QStringLiteral("client_port"), clientPort},
        {QStringLiteral("tls_protocol"), orNull(tlsProtocol)},
        {QStringLiteral("tls_cipher"), orNull(tlsCipher)},
        {QStringLiteral("auth_user"), orNull(QString::fromUtf8(authUser))},
        {QStringLiteral("received"), received.toUTC().toString(Qt::ISODateWithMs)},
    };
}

Envelope Envelope::fromJson(const QJsonObject &object)
{
    Envelope envelope;
    envelope.known = object.value(QStringLiteral("known")).toBool(true);
    envelope.mailFrom = object.value(QStringLiteral("mail_from")).toString().toUtf8();
    envelope.mailParameters = object.value(QStringLiteral("mail_parameters")).toString().toUtf8();
    for (const QJsonValue &value : object.value(QStringLiteral("rcpt_to")).toArray())
        envelope.recipients.append(value.toString().toUtf8());
    envelope.helo = object.value(QStringLiteral("helo")).toString().toUtf8();
    envelope.extended = object.value(QStringLiteral("esmtp")).toBool();
    envelope.clientAddress = object.value(QStringLiteral("client_address")).toString();
    envelope.clientPort = quint16(object.value(QStringLiteral("client_port")).toInt());
    envelope.tlsProtocol = object.value(QStringLiteral("tls_protocol")).toString();
    envelope.tlsCipher = object.value(QStringLiteral("tls_cipher")).toString();
    envelope.authUser = object.value(QStringLiteral("auth_user")).toString().toUtf8();
    envelope.received = QDateTime::fromString(object.value(QStringLiteral("received")).toString(), Qt::ISODateWithMs);
    return envelope;
}

} // namespace MailSink::Store
