#include "Envelope.h"

#include "util/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace MailSink::Store {

QByteArray Envelope::toJsonBytes() const
{
    JsonWriter json;
    json.beginObject();
    json.key("known").boolean(known);
    json.key("mail_from");
    known ? json.string(mailFrom) : json.null();
    json.key("mail_parameters").string(mailParameters);
    json.key("rcpt_to").beginArray();
    for (const QByteArray &address : recipients)
        json.string(address);
    json.endArray();
    json.key("helo").stringOrNull(helo);
    json.key("esmtp").boolean(extended);
    json.key("client_address").stringOrNull(clientAddress.toUtf8());
    json.key("client_port").number(clientPort);
    json.key("tls_protocol").stringOrNull(tlsProtocol.toUtf8());
    json.key("tls_cipher").stringOrNull(tlsCipher.toUtf8());
    json.key("auth_user").stringOrNull(authUser);
    json.key("received")
        .string(received.isValid() ? JsonWriter::isoUtc(received.toMSecsSinceEpoch()) : QByteArray());
    json.endObject();
    return json.take();
}

QJsonObject Envelope::toJson() const
{
    return QJsonDocument::fromJson(toJsonBytes()).object();
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
    envelope.received
        = QDateTime::fromString(object.value(QStringLiteral("received")).toString(), Qt::ISODateWithMs);
    return envelope;
}

} // namespace MailSink::Store
