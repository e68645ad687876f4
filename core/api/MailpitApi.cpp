#include "MailpitApi.h"

#include "EventHub.h"
#include "store/MessageStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

namespace MailSink::Api {

namespace {

QString envelopeText(const Store::MessageInfo &info)
{
    QString text = QString::fromUtf8(info.envelope.mailFrom);
    for (const QByteArray &rcpt : info.envelope.recipients)
        text += u' ' + QString::fromUtf8(rcpt);
    return text;
}

} // namespace

MailpitApi::MailpitApi(Store::MessageStore *store, ApiConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(std::move(config))
    , m_facts(64 * 1024 * 1024)
    , m_started(QDateTime::currentDateTimeUtc())
    , m_gate(std::make_shared<Gate>())
{
    m_gate->api = this;
}

MailpitApi::~MailpitApi()
{
    std::lock_guard lock(m_gate->mutex);
    m_gate->api = nullptr;
}

ApiResponse MailpitApi::json(const QJsonObject &object, int status)
{
    return {status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

ApiResponse MailpitApi::jsonArray(const QJsonArray &array, int status)
{
    return {status, "application/json", QJsonDocument(array).toJson(QJsonDocument::Compact), {}};
}

ApiResponse MailpitApi::error(int status, const QString &message)
{
    return json(QJsonObject {{QStringLiteral("Error"), message}}, status);
}

ApiResponse MailpitApi::text(const QByteArray &body, int status)
{
    return {status, "text/plain; charset=utf-8", body, {}};
}

void MailpitApi::handle(const ApiRequest &request, const Responder &respond)
{
    bool deferred = false;
    ApiResponse response = route(request, respond, &deferred);
    if (!deferred)
        respond(std::move(response));
}

ApiResponse MailpitApi::route(const ApiRequest &r, const Responder &respond, bool *deferred)
{
    const QByteArray &m = r.method;
    const QString &p = r.path;
    const auto only = [&m](std::initializer_list<const char *> methods) {
        for (const char *allowed : methods) {
            if (m == allowed)
                return true;
        }
        return false;
    };
    const ApiResponse notAllowed
        = error(405, QStringLiteral("method %1 not allowed on %2").arg(QString::fromLatin1(m), p));

    if (p == u"/livez")
        return only({"GET", "HEAD"}) ? text("ok") : notAllowed;
    if (p == u"/readyz") {
        if (!only({"GET", "HEAD"}))
            return notAllowed;
        return m_store->isOpen() ? text("ok") : error(503, QStringLiteral("the store is not open"));
    }
    static const QRegularExpression viewPattern(QStringLiteral("^/view/([^/]+)\\.(html|txt)$"));
    if (const auto view = viewPattern.match(p); view.hasMatch())
        return m == "GET" ? render(view.captured(1), view.captured(2) == u"html") : notAllowed;
    if (!p.startsWith(u"/api/v1/"))
        return error(404, QStringLiteral("no such endpoint: %1").arg(p));
    const QStringList segments = p.mid(8).split(u'/');
    const QString first = segments.value(0);

    if (segments.size() == 1) {
        if (first == u"messages") {
            if (m == "GET")
                return listMessages(r);
            if (m == "PUT")
                return setRead(r);
            if (m == "DELETE")
                return deleteMessages(r);
            return notAllowed;
        }
        if (first == u"search") {
            if (m == "GET")
                return search(r);
            if (m == "DELETE")
                return deleteSearch(r);
            return notAllowed;
        }
        if (first == u"send")
            return m == "POST" ? send(r, respond, deferred) : notAllowed;
        if (first == u"info")
            return m == "GET" ? info() : notAllowed;
        if (first == u"webui")
            return m == "GET" ? webui() : notAllowed;
        if (first == u"chaos")
            return only({"GET", "PUT"}) ? chaos(r) : notAllowed;
        if (first == u"tags") {
            // Mailsink has no tags: an empty list, and setting them changes nothing.
            if (m == "GET")
                return jsonArray({});
            if (m == "PUT") {
                ApiResponse failure;
                const auto object = body(r, &failure);
                if (!object)
                    return failure;
                if (!ids(object->value(QStringLiteral("IDs")), &failure))
                    return failure;
                return text("ok");
            }
            return notAllowed;
        }
    }
    if (first == u"tags" && segments.size() == 2)
        return only({"PUT", "DELETE"}) ? text("ok") : notAllowed;
    if (first == u"message" && segments.size() >= 2) {
        const QString rest = segments.mid(2).join(u'/');
        if (rest == u"release") {
            if (m != "POST")
                return notAllowed;
            const auto info = resolve(segments.at(1));
            if (!info)
                return error(404, QStringLiteral("no message with ID %1").arg(segments.at(1)));
            return release(r, info->id, respond, deferred);
        }
        if (m != "GET")
            return notAllowed;
        return message(r, segments.at(1), rest);
    }
    if (first == u"mailsink")
        return mailsink(r, segments.mid(1));
    return error(404, QStringLiteral("no such endpoint: %1").arg(p));
}

MailpitApi::Page MailpitApi::page(const ApiRequest &request)
{
    Page page;
    bool ok = false;
    const int start = request.query.queryItemValue(QStringLiteral("start")).toInt(&ok);
    if (ok && start > 0)
        page.start = start;
    const int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (ok && limit >= 0)
        page.limit = std::min(limit, 10000);
    return page;
}

std::optional<QJsonObject> MailpitApi::body(const ApiRequest &request, ApiResponse *failure)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *failure = error(400,
            QStringLiteral("invalid JSON at offset %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *failure = error(400, QStringLiteral("the request body must be a JSON object"));
        return std::nullopt;
    }
    return document.object();
}

std::optional<QList<qint64>> MailpitApi::ids(const QJsonValue &value, ApiResponse *failure) const
{
    QList<qint64> result;
    if (value.isUndefined() || value.isNull())
        return result;
    if (!value.isArray()) {
        *failure = error(400, QStringLiteral("IDs must be an array of message IDs"));
        return std::nullopt;
    }
    for (const QJsonValue &item : value.toArray()) {
        const QString text = item.isDouble() ? QString::number(qint64(item.toDouble())) : item.toString();
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || !m_store->message(id)) {
            *failure = error(404, QStringLiteral("no message with ID %1").arg(text));
            return std::nullopt;
        }
        if (!result.contains(id))
            result.append(id);
    }
    return result;
}

std::optional<Store::MessageInfo> MailpitApi::resolve(const QString &id) const
{
    if (id == u"latest") {
        const QList<Store::MessageInfo> newest = m_store->list(1, 0);
        if (newest.isEmpty())
            return std::nullopt;
        return newest.first();
    }
    bool ok = false;
    const qint64 number = id.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return m_store->message(number);
}

std::optional<QByteArray> MailpitApi::read(const Store::MessageInfo &info) const
{
    QFile file(m_store->filePath(info));
    if (file.open(QIODevice::ReadOnly))
        return file.readAll();
    return m_store->readMessage(info.id); // renamed meanwhile (seen flag): ask the index again
}

const MessageFacts &MailpitApi::facts(const Store::MessageInfo &info)
{
    if (const MessageFacts *cached = m_facts.object(info.id))
        return *cached;
    MessageFacts *facts = nullptr;
    if (const auto raw = read(info)) {
        facts = new MessageFacts(MessageFacts::make(info, Mime::parseMessage(*raw)));
    } else {
        facts = new MessageFacts;
        facts->from = Mime::parseAddressList(info.from.toUtf8()).value(0);
        facts->to = Mime::parseAddressList(info.to.toUtf8());
    }
    const qint64 cost = facts->cost();
    m_facts.insert(info.id, facts, cost);
    if (const MessageFacts *cached = m_facts.object(info.id))
        return *cached;
    static thread_local MessageFacts uncached; // larger than the whole cache: keep it for this call
    uncached = MessageFacts::make(info, Mime::parseMessage(read(info).value_or(QByteArray())));
    return uncached;
}

void MailpitApi::forget(const QList<qint64> &ids)
{
    for (qint64 id : ids)
        m_facts.remove(id);
}

QJsonObject MailpitApi::summary(const Store::MessageInfo &info)
{
    return facts(info).summaryJson(info);
}

QJsonObject MailpitApi::stats() const
{
    return QJsonObject {
        {QStringLiteral("Total"), m_store->count()},
        {QStringLiteral("Unread"), m_store->unreadCount()},
        {QStringLiteral("Version"), QStringLiteral(MAILSINK_VERSION)},
    };
}

QJsonObject MailpitApi::summaries(const Matches &matches, Page page)
{
    QJsonArray messages;
    for (const Store::MessageInfo &info : matches.page)
        messages.append(summary(info));
    return QJsonObject {
        {QStringLiteral("total"), m_store->count()},
        {QStringLiteral("unread"), m_store->unreadCount()},
        {QStringLiteral("count"), messages.size()},
        {QStringLiteral("messages_count"), matches.total},
        {QStringLiteral("messages_unread"), matches.unread},
        {QStringLiteral("start"), page.start},
        {QStringLiteral("tags"), QJsonArray()},
        {QStringLiteral("messages"), messages},
    };
}

MailpitApi::Matches MailpitApi::matches(const QString &query, const QString &tz, Page page, bool wantIds,
    const std::function<bool(const Store::MessageInfo &)> &filter)
{
    QTimeZone zone = QTimeZone::systemTimeZone();
    if (!tz.isEmpty()) {
        const QTimeZone given(tz.toUtf8());
        if (given.isValid())
            zone = given;
    }
    const SearchQuery parsed = SearchQuery::parse(query, zone);
    Matches result;
    // The envelope is JSON in the index: read it only when a term or the filter looks at it. Page rows
    // without it are read again in full below (their summaries name Bcc recipients from the envelope).
    const bool withEnvelope = bool(filter) || parsed.needsEnvelope() || parsed.needsDetails();
    m_store->forEach(
        [&](const Store::MessageInfo &info) {
            if (filter && !filter(info))
                return true;
            SearchSubject subject;
            subject.subject = info.subject;
            subject.from = info.from;
            subject.to = info.to;
            subject.read = info.seen;
            subject.hasAttachments = info.hasAttachments;
            subject.received = info.received;
            subject.size = info.size;
            subject.envelope = envelopeText(info);
            if (!parsed.matches(subject, [&] { return facts(info).details(); }))
                return true;
            if (result.total >= page.start && result.page.size() < page.limit)
                result.page.append(info);
            ++result.total;
            if (!info.seen)
                ++result.unread;
            if (wantIds)
                result.ids.append(info.id);
            return true;
        },
        withEnvelope);
    if (!withEnvelope) {
        for (Store::MessageInfo &info : result.page) {
            if (auto full = m_store->message(info.id))
                info = *full;
        }
    }
    return result;
}

ApiResponse MailpitApi::listMessages(const ApiRequest &request)
{
    const Page p = page(request);
    Matches all;
    all.page = m_store->list(p.limit, p.start);
    all.total = m_store->count();
    all.unread = m_store->unreadCount();
    return json(summaries(all, p));
}

ApiResponse MailpitApi::search(const ApiRequest &request)
{
    const QString query = request.query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded).trimmed();
    if (query.isEmpty())
        return error(400, QStringLiteral("no search query"));
    const Page p = page(request);
    const Matches found
        = matches(query, request.query.queryItemValue(QStringLiteral("tz"), QUrl::FullyDecoded), p, false);
    return json(summaries(found, p));
}

ApiResponse MailpitApi::deleteSearch(const ApiRequest &request)
{
    const QString query = request.query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded).trimmed();
    if (query.isEmpty())
        return error(400, QStringLiteral("no search query"));
    const Matches found = matches(
        query, request.query.queryItemValue(QStringLiteral("tz"), QUrl::FullyDecoded), {0, 0}, true);
    if (!found.ids.isEmpty() && !m_store->remove(found.ids))
        return error(500, QStringLiteral("some messages could not be deleted"));
    forget(found.ids);
    return text("ok");
}

void MailpitApi::markRead(const QList<qint64> &ids, bool read)
{
    for (qint64 id : ids)
        m_store->setSeen(id, read);
}

ApiResponse MailpitApi::setRead(const ApiRequest &request)
{
    ApiResponse failure;
    const auto object = body(request, &failure);
    if (!object)
        return failure;
    const QJsonValue readValue = object->value(QStringLiteral("Read"));
    if (!readValue.isUndefined() && !readValue.isBool())
        return error(400, QStringLiteral("Read must be true or false"));
    const bool read = readValue.toBool(false);
    const auto list = ids(object->value(QStringLiteral("IDs")), &failure);
    if (!list)
        return failure;
    const QString searchText = object->value(QStringLiteral("Search")).toString().trimmed();
    if (!list->isEmpty() && !searchText.isEmpty())
        return error(400, QStringLiteral("You may specify either IDs or a search query, not both"));
    if (!searchText.isEmpty()) {
        const Matches found = matches(searchText, request.query.queryItemValue(QStringLiteral("tz")), {0, 0},
            true, [read](const Store::MessageInfo &info) { return info.seen != read; });
        markRead(found.ids, read);
    } else if (list->isEmpty()) {
        QList<qint64> all;
        m_store->forEach(
            [&](const Store::MessageInfo &info) {
                if (info.seen != read)
                    all.append(info.id);
                return true;
            },
            false);
        markRead(all, read);
    } else {
        markRead(*list, read);
    }
    return text("ok");
}

ApiResponse MailpitApi::deleteMessages(const ApiRequest &request)
{
    ApiResponse failure;
    const auto object = body(request, &failure);
    if (!object)
        return failure;
    const auto list = ids(object->value(QStringLiteral("IDs")), &failure);
    if (!list)
        return failure;
    if (list->isEmpty()) {
        if (m_hub)
            m_hub->beginTruncate();
        const bool ok = m_store->clear();
        m_facts.clear();
        if (m_hub)
            m_hub->endTruncate();
        return ok ? text("ok") : error(500, QStringLiteral("some messages could not be deleted"));
    }
    if (!m_store->remove(*list))
        return error(500, QStringLiteral("some messages could not be deleted"));
    forget(*list);
    return text("ok");
}

ApiResponse MailpitApi::message(const ApiRequest &request, const QString &id, const QString &rest)
{
    const auto info = resolve(id);
    if (!info)
        return error(404, QStringLiteral("no message with ID %1").arg(id));
    static const QRegularExpression partPattern(QStringLiteral("^part/([0-9.]+)(/thumb)?$"));
    const auto partMatch = partPattern.match(rest);
    if (!rest.isEmpty() && rest != u"raw" && rest != u"headers" && !partMatch.hasMatch())
        return error(
            404, QStringLiteral("no such endpoint: %1 (Mailsink has no %2)").arg(request.path, rest));
    const auto raw = read(*info);
    if (!raw)
        return error(404, QStringLiteral("message %1 is gone").arg(id));
    if (rest == u"raw") {
        ApiResponse response = text(*raw);
        if (request.query.queryItemValue(QStringLiteral("dl")) == u"1")
            response.headers.append(std::pair<QByteArray, QByteArray>(
                "Content-Disposition", "attachment; filename=\"" + QByteArray::number(info->id) + ".eml\""));
        return response;
    }
    const Mime::ParsedMessage parsed = Mime::parseMessage(*raw);
    if (rest == u"headers")
        return json(MessageFacts::headersJson(parsed));
    if (partMatch.hasMatch()) {
        if (!partMatch.captured(2).isEmpty())
            return error(404, QStringLiteral("Mailsink makes no thumbnails"));
        const QString path = partMatch.captured(1);
        for (const Mime::Part &part : parsed.parts()) {
            if (part.path != path)
                continue;
            ApiResponse response {200, part.contentType.toUtf8(), parsed.partContent(path), {}};
            if (!part.charset.isEmpty())
                response.contentType += "; charset=" + part.charset.toUtf8();
            const QString name = part.filename.isEmpty() ? part.contentId : part.filename;
            response.headers.append(std::pair<QByteArray, QByteArray>(
                "Content-Disposition", "inline; filename=\"" + QUrl::toPercentEncoding(name) + '"'));
            return response;
        }
        return error(404, QStringLiteral("message %1 has no part %2").arg(id, path));
    }
    // Mailpit marks a message read when its summary is fetched.
    if (!info->seen)
        m_store->setSeen(info->id, true);
    Store::MessageInfo current = *info;
    current.seen = true;
    return json(MessageFacts::messageJson(current, parsed));
}

ApiResponse MailpitApi::render(const QString &id, bool html)
{
    const auto info = resolve(id);
    const auto raw = info ? read(*info) : std::nullopt;
    if (!raw)
        return error(404, QStringLiteral("no message with ID %1").arg(id));
    const Mime::ParsedMessage parsed = Mime::parseMessage(*raw);
    const auto body = html ? parsed.html() : parsed.text();
    if (!body)
        return error(404,
            QStringLiteral("message %1 has no %2 part")
                .arg(id, html ? QStringLiteral("HTML") : QStringLiteral("text")));
    ApiResponse response {
        200, html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", body->toUtf8(), {}};
    if (html) {
        // The caught HTML is shown, never trusted: no scripts, no remote loads, no forms.
        response.headers.append(std::pair<QByteArray, QByteArray>(
            "Content-Security-Policy", "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'"));
    }
    return response;
}

} // namespace MailSink::Api
