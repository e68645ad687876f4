// MailpitApi's server endpoints: /api/v1/info, /api/v1/webui, the chaos triggers, and Mailsink's own
// /api/v1/mailsink/....
#include "MailpitApi.h"

#include "smtp/ChaosTriggers.h"
#include "store/MessageStore.h"

#include <QJsonArray>
#include <QMap>

namespace MailSink::Api {

namespace {

QJsonObject triggerJson(const Smtp::ChaosTrigger &trigger)
{
    return QJsonObject {{QStringLiteral("ErrorCode"), trigger.errorCode},
        {QStringLiteral("Probability"), trigger.probability}};
}

QJsonObject chaosJson(const Smtp::ChaosSettings &settings)
{
    return QJsonObject {
        {QStringLiteral("Sender"), triggerJson(settings.sender)},
        {QStringLiteral("Recipient"), triggerJson(settings.recipient)},
        {QStringLiteral("Authentication"), triggerJson(settings.authentication)},
    };
}

// Mailpit: a missing trigger is off; a missing or zero ErrorCode takes the default.
std::optional<Smtp::ChaosTrigger> triggerFrom(const QJsonValue &value, int defaultCode, QString *error)
{
    Smtp::ChaosTrigger trigger {defaultCode, 0};
    if (value.isUndefined() || value.isNull())
        return trigger;
    if (!value.isObject()) {
        *error = QStringLiteral("a trigger must be an object with ErrorCode and Probability");
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    for (const QString &key : {QStringLiteral("ErrorCode"), QStringLiteral("Probability")}) {
        const QJsonValue v = object.value(key);
        if (!v.isUndefined() && !v.isNull() && (!v.isDouble() || v.toDouble() != double(v.toInt()))) {
            *error = QStringLiteral("%1 must be an integer").arg(key);
            return std::nullopt;
        }
    }
    if (const int code = object.value(QStringLiteral("ErrorCode")).toInt())
        trigger.errorCode = code;
    trigger.probability = object.value(QStringLiteral("Probability")).toInt();
    return trigger;
}

} // namespace

ApiResponse MailpitApi::info() const
{
    return json(QJsonObject {
        {QStringLiteral("Version"), QStringLiteral(MAILSINK_VERSION)},
        {QStringLiteral("LatestVersion"), QString()},
        {QStringLiteral("Database"), QStringLiteral("mailsink-index.sqlite")}, // never a path
        {QStringLiteral("DatabaseSize"), 0},
        {QStringLiteral("Messages"), m_store->count()},
        {QStringLiteral("Unread"), m_store->unreadCount()},
        {QStringLiteral("Tags"), QJsonObject()},
        {QStringLiteral("RuntimeStats"),
            QJsonObject {
                {QStringLiteral("Uptime"), m_started.secsTo(QDateTime::currentDateTimeUtc())},
                {QStringLiteral("Memory"), 0},
                {QStringLiteral("MessagesDeleted"), 0},
                {QStringLiteral("SMTPAccepted"), 0},
                {QStringLiteral("SMTPAcceptedSize"), 0},
                {QStringLiteral("SMTPRejected"), 0},
                {QStringLiteral("SMTPIgnored"), 0},
            }},
    });
}

ApiResponse MailpitApi::webui() const
{
    QJsonObject relay {{QStringLiteral("Enabled"), bool(m_config.relay)}};
    if (m_config.relay) {
        relay.insert(QStringLiteral("SMTPServer"),
            QStringLiteral("%1:%2").arg(m_config.relay->host).arg(m_config.relay->port));
        relay.insert(QStringLiteral("ReturnPath"), QString());
        relay.insert(QStringLiteral("AllowedRecipients"), QString());
        relay.insert(QStringLiteral("BlockedRecipients"), QString());
        relay.insert(QStringLiteral("OverrideFrom"), QString());
        relay.insert(QStringLiteral("PreserveMessageIDs"), true);
        relay.insert(QStringLiteral("RecipientAllowlist"), QString());
    }
    return json(QJsonObject {
        {QStringLiteral("Label"), m_config.label},
        {QStringLiteral("MessageRelay"), relay},
        {QStringLiteral("SpamAssassin"), false},
        {QStringLiteral("ChaosEnabled"), bool(m_config.chaos)},
        {QStringLiteral("DuplicatesIgnored"), false},
        {QStringLiteral("HideDeleteAllButton"), false},
    });
}

ApiResponse MailpitApi::chaos(const ApiRequest &request)
{
    if (!m_config.chaos)
        return error(400, QStringLiteral("Chaos is not enabled"));
    if (request.method == "GET")
        return json(chaosJson(m_config.chaos->settings()));
    ApiResponse failure;
    const auto object = body(request, &failure);
    if (!object)
        return failure;
    QString problem;
    const auto sender = triggerFrom(object->value(QStringLiteral("Sender")), 451, &problem);
    const auto recipient
        = sender ? triggerFrom(object->value(QStringLiteral("Recipient")), 451, &problem) : std::nullopt;
    const auto auth = recipient ? triggerFrom(object->value(QStringLiteral("Authentication")), 535, &problem)
                                : std::nullopt;
    if (!auth)
        return error(400, problem);
    if (!m_config.chaos->setSettings({*sender, *recipient, *auth}, &problem))
        return error(400, problem);
    return json(chaosJson(m_config.chaos->settings()));
}

ApiResponse MailpitApi::mailsink(const ApiRequest &request, const QStringList &segments)
{
    if (request.method != "GET")
        return error(405,
            QStringLiteral("method %1 not allowed on %2")
                .arg(QString::fromLatin1(request.method), request.path));
    const QString first = segments.value(0);
    if (first == u"message" && segments.size() == 3) {
        const auto info = resolve(segments.at(1));
        if (!info)
            return error(404, QStringLiteral("no message with ID %1").arg(segments.at(1)));
        if (segments.at(2) == u"envelope") {
            QJsonObject envelope = info->envelope.toJson();
            envelope.insert(QStringLiteral("ID"), MessageFacts::id(info->id));
            QJsonArray bcc;
            const MessageFacts &f = facts(*info);
            for (const Mime::Address &a : f.bcc)
                bcc.append(a.address);
            envelope.insert(
                QStringLiteral("bcc"), bcc); // envelope recipients no header names, plus the Bcc header
            return json(envelope);
        }
        if (segments.at(2) == u"session")
            return jsonArray(traceToJson(m_store->trace(info->id)));
        return error(404, QStringLiteral("no such endpoint: %1").arg(request.path));
    }
    if (first == u"recipients" && segments.size() == 1) {
        QMap<QString, std::pair<qint64, qint64>> counts; // address -> (messages, unread)
        m_store->forEach([&](const Store::MessageInfo &info) {
            QSet<QString> seen;
            for (const QByteArray &rcpt : info.envelope.recipients) {
                const QString address = QString::fromUtf8(rcpt).toLower();
                if (seen.contains(address))
                    continue;
                seen.insert(address);
                auto &count = counts[address];
                ++count.first;
                if (!info.seen)
                    ++count.second;
            }
            return true;
        });
        QJsonArray list;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            list.append(QJsonObject {{QStringLiteral("Address"), it.key()},
                {QStringLiteral("Messages"), it.value().first},
                {QStringLiteral("Unread"), it.value().second}});
        }
        return jsonArray(list);
    }
    if (first == u"recipient" && segments.size() == 3 && segments.at(2) == u"messages") {
        const QString address = segments.at(1).toLower();
        const Page p = page(request);
        const QString query = request.query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        const Matches found = matches(query, request.query.queryItemValue(QStringLiteral("tz")), p, false,
            [&address](const Store::MessageInfo &info) {
                for (const QByteArray &rcpt : info.envelope.recipients) {
                    if (QString::fromUtf8(rcpt).compare(address, Qt::CaseInsensitive) == 0)
                        return true;
                }
                return false;
            });
        return json(summaries(found, p));
    }
    return error(404, QStringLiteral("no such endpoint: %1").arg(request.path));
}

} // namespace MailSink::Api
