// MailpitApi's outgoing endpoints: release a caught message to a real server, send a new one
// (POST /api/v1/send).
#include "MailpitApi.h"

#include "client/MessageBuilder.h"
#include "client/MessageHeaders.h"
#include "store/MessageStore.h"

#include <QRegularExpression>

namespace MailSink::Api {

namespace {

bool isValidAddress(const QString &address)
{
    static const QRegularExpression pattern(QStringLiteral("^[^\\s@<>,;\"]+@[^\\s@<>,;\"]+$"));
    return pattern.match(address).hasMatch();
}

} // namespace

ApiResponse MailpitApi::release(
    const ApiRequest &request, qint64 id, const Responder &respond, bool *deferred)
{
    ApiResponse failure;
    const auto object = body(request, &failure);
    if (!object)
        return failure;
    const QJsonValue toValue = object->value(QStringLiteral("To"));
    if (!toValue.isArray() || toValue.toArray().isEmpty())
        return error(400, QStringLiteral("No valid addresses found"));
    Client::OutgoingMessage outgoing;
    for (const QJsonValue &to : toValue.toArray()) {
        const auto parsed = Mime::parseAddressList(to.toString().toUtf8());
        if (parsed.size() != 1 || !isValidAddress(parsed.first().address))
            return error(400, QStringLiteral("Invalid email address: %1").arg(to.toString()));
        outgoing.recipients.append(parsed.first().address.toUtf8());
    }
    if (!m_config.relay)
        return error(400, QStringLiteral("no relay server is configured (start with --relay HOST:PORT)"));
    const auto info = m_store->message(id);
    const auto raw = info ? read(*info) : std::nullopt;
    if (!raw)
        return error(404, QStringLiteral("no message with ID %1").arg(id));
    outgoing.mailFrom = info->envelope.known
        ? info->envelope.mailFrom
        : Client::MessageHeaders::addresses(Client::MessageHeaders::values(*raw, "From").value(0)).value(0);
    outgoing.data = Client::MessageHeaders::removeField(*raw, "Bcc");
    auto *sender = new Client::SmtpSender(*m_config.relay, this);
    connect(sender, &Client::SmtpSender::finished, this, [sender, respond](const Client::SendResult &result) {
        sender->deleteLater();
        if (result.ok)
            respond(text("ok"));
        else
            respond(error(502, QStringLiteral("release failed: %1").arg(result.error)));
    });
    *deferred = true;
    sender->send(outgoing);
    return {};
}

ApiResponse MailpitApi::send(const ApiRequest &request, const Responder &respond, bool *deferred)
{
    ApiResponse failure;
    const auto object = body(request, &failure);
    if (!object)
        return failure;
    Client::MessageBuilder builder;
    QList<QByteArray> recipients;
    const auto mailbox = [](const QJsonValue &value, Client::Mailbox *out) {
        const QJsonObject o = value.toObject();
        out->address = o.value(QStringLiteral("Email")).toString().trimmed();
        out->name = o.value(QStringLiteral("Name")).toString();
        return value.isObject() && isValidAddress(out->address);
    };
    Client::Mailbox from;
    if (!mailbox(object->value(QStringLiteral("From")), &from))
        return error(400, QStringLiteral("From.Email is missing or not an e-mail address"));
    builder.setFrom(from);
    for (const char *field : {"To", "Cc"}) {
        const QJsonValue list = object->value(QLatin1String(field));
        if (!list.isUndefined() && !list.isArray())
            return error(400, QStringLiteral("%1 must be an array").arg(QLatin1String(field)));
        for (const QJsonValue &value : list.toArray()) {
            Client::Mailbox box;
            if (!mailbox(value, &box))
                return error(
                    400, QStringLiteral("invalid %1 address: %2").arg(QLatin1String(field), box.address));
            field[0] == 'T' ? builder.addTo(box) : builder.addCc(box);
        }
    }
    const QJsonValue bcc = object->value(QStringLiteral("Bcc"));
    if (!bcc.isUndefined() && !bcc.isArray())
        return error(400, QStringLiteral("Bcc must be an array of addresses"));
    for (const QJsonValue &value : bcc.toArray()) {
        if (!isValidAddress(value.toString().trimmed()))
            return error(400, QStringLiteral("invalid Bcc address: %1").arg(value.toString()));
        builder.addBcc({QString(), value.toString().trimmed()});
    }
    const QJsonValue replyTo = object->value(QStringLiteral("ReplyTo"));
    if (replyTo.isArray() && !replyTo.toArray().isEmpty()) {
        Client::Mailbox box;
        if (!mailbox(replyTo.toArray().first(), &box))
            return error(400, QStringLiteral("invalid Reply-To address: %1").arg(box.address));
        builder.setReplyTo(box);
    }
    builder.setSubject(object->value(QStringLiteral("Subject")).toString());
    builder.setText(object->value(QStringLiteral("Text")).toString());
    builder.setHtml(object->value(QStringLiteral("HTML")).toString());
    for (const QJsonValue &value : object->value(QStringLiteral("Attachments")).toArray()) {
        const QJsonObject a = value.toObject();
        const auto decoded
            = QByteArray::fromBase64Encoding(a.value(QStringLiteral("Content")).toString().toLatin1(),
                QByteArray::AbortOnBase64DecodingErrors);
        const QString name = a.value(QStringLiteral("Filename")).toString();
        if (!decoded || name.isEmpty())
            return error(400, QStringLiteral("an attachment needs a Filename and base64 Content"));
        QByteArray type = a.value(QStringLiteral("ContentType")).toString().toLatin1();
        if (type.isEmpty())
            type = "application/octet-stream";
        const QString cid = a.value(QStringLiteral("ContentID")).toString();
        if (cid.isEmpty())
            builder.addAttachment(name, type, *decoded);
        else
            builder.addInline(name, type, *decoded, cid.toUtf8());
    }
    static const QStringList restricted = {QStringLiteral("to"), QStringLiteral("from"), QStringLiteral("cc"),
        QStringLiteral("bcc"), QStringLiteral("reply-to"), QStringLiteral("date"), QStringLiteral("subject"),
        QStringLiteral("content-type"), QStringLiteral("mime-version")};
    const QJsonObject headers = object->value(QStringLiteral("Headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        static const QRegularExpression fieldName(QStringLiteral("^[!-9;-~]+$"));
        if (restricted.contains(it.key().toLower()) || !fieldName.match(it.key()).hasMatch())
            return error(400, QStringLiteral("header %1 cannot be set").arg(it.key()));
        builder.addHeader(it.key().toLatin1(), it.value().toString());
    }
    QStringList tags;
    for (const QJsonValue &tag : object->value(QStringLiteral("Tags")).toArray())
        tags.append(tag.toString());
    if (!tags.isEmpty())
        builder.addHeader("X-Tags", tags.join(QStringLiteral(", ")));
    recipients = builder.envelopeRecipients();
    if (recipients.isEmpty())
        return error(400, QStringLiteral("no recipients: give To, Cc or Bcc"));

    const QByteArray raw = builder.build();
    auto writer = m_store->beginMessage();
    if (!writer || !writer->write(raw))
        return error(500, QStringLiteral("the message could not be stored"));
    Store::Envelope envelope;
    envelope.mailFrom = builder.envelopeSender();
    envelope.recipients = recipients;
    envelope.helo = "api";
    envelope.clientAddress = request.peer.toString();
    envelope.clientPort = request.peerPort;
    envelope.authUser = request.authUser.toUtf8();
    envelope.received = QDateTime::currentDateTimeUtc();
    Trace trace;
    trace.append({QDateTime::currentMSecsSinceEpoch(), TraceEntry::Kind::Event,
        "HTTP POST /api/v1/send from " + request.peer.toString().toUtf8() + ':'
            + QByteArray::number(request.peerPort)});
    *deferred = true;
    // The reply waits for the store's batch, on the committer thread; hop back to this thread unless this
    // API has gone meanwhile (the gate is closed in the destructor).
    m_store->commitAsync(
        std::move(writer), envelope, trace, [gate = m_gate, respond](const Store::CommitResult &result) {
            std::lock_guard lock(gate->mutex);
            if (!gate->api)
                return;
            QMetaObject::invokeMethod(gate->api, [result, respond] {
                if (result.ok)
                    respond(json(QJsonObject {{QStringLiteral("ID"), MessageFacts::id(result.id)}}));
                else
                    respond(
                        error(500, QStringLiteral("the message could not be stored: %1").arg(result.error)));
            });
        });
    return {};
}

} // namespace MailSink::Api
