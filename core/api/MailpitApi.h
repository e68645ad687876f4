#pragma once

#include "ApiConfig.h"
#include "ApiExchange.h"
#include "MessageFacts.h"

#include <QCache>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <memory>
#include <mutex>
#include <optional>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Api {

class EventHub;

// Mailpit's REST API v1 (https://mailpit.axllent.org/docs/api-v1/) over a Mailsink store, plus
// Mailsink's own /api/v1/mailsink/... endpoints. Socket-free: requests in, responses out (some later,
// e.g. a release waits for the other server). Lives on the API thread; the store is thread-safe.
class MailpitApi : public QObject
{
    Q_OBJECT

public:
    MailpitApi(Store::MessageStore *store, ApiConfig config, QObject *parent = nullptr);
    ~MailpitApi() override;

    void handle(const ApiRequest &request, const Responder &respond);
    void setEventHub(EventHub *hub) { m_hub = hub; }

    // The summary Mailpit lists and sends in "new" events.
    QJsonObject summary(const Store::MessageInfo &info);
    QJsonObject stats() const; // {Total, Unread, Version}
    void forget(const QList<qint64> &ids); // drop cached facts of removed messages

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse jsonArray(const QJsonArray &array, int status = 200);
    static ApiResponse error(int status, const QString &message); // {"Error": message}
    static ApiResponse text(const QByteArray &body, int status = 200);

private:
    struct Page
    {
        int start = 0;
        int limit = 50;
    };
    struct Matches
    {
        QList<Store::MessageInfo> page;
        QList<qint64> ids; // every match, newest first (only when asked for)
        qint64 total = 0;
        qint64 unread = 0;
    };

    ApiResponse route(const ApiRequest &request, const Responder &respond, bool *deferred);
    ApiResponse listMessages(const ApiRequest &request);
    ApiResponse setRead(const ApiRequest &request);
    ApiResponse deleteMessages(const ApiRequest &request);
    ApiResponse search(const ApiRequest &request);
    ApiResponse deleteSearch(const ApiRequest &request);
    ApiResponse message(const ApiRequest &request, const QString &id, const QString &rest);
    ApiResponse render(const QString &id, bool html); // Mailpit's /view/{ID}.html and .txt
    ApiResponse release(const ApiRequest &request, qint64 id, const Responder &respond, bool *deferred);
    ApiResponse send(const ApiRequest &request, const Responder &respond, bool *deferred);
    ApiResponse info() const;
    ApiResponse webui() const;
    ApiResponse chaos(const ApiRequest &request);
    ApiResponse mailsink(const ApiRequest &request, const QStringList &segments);

    std::optional<Store::MessageInfo> resolve(const QString &id) const; // "latest" or a number
    std::optional<QByteArray> read(const Store::MessageInfo &info) const;
    const MessageFacts &facts(const Store::MessageInfo &info);
    Matches matches(const QString &query, const QString &tz, Page page, bool wantIds,
        const std::function<bool(const Store::MessageInfo &)> &filter = {});
    QJsonObject summaries(const Matches &matches, Page page);
    static Page page(const ApiRequest &request);
    static std::optional<QJsonObject> body(const ApiRequest &request, ApiResponse *failure);
    std::optional<QList<qint64>> ids(const QJsonValue &value, ApiResponse *failure) const;
    void markRead(const QList<qint64> &ids, bool read);

    Store::MessageStore *m_store;
    ApiConfig m_config;
    EventHub *m_hub = nullptr;
    QCache<qint64, MessageFacts> m_facts;
    QDateTime m_started;
    struct Gate
    {
        std::mutex mutex;
        MailpitApi *api = nullptr;
    };
    std::shared_ptr<Gate> m_gate; // lets store callbacks on other threads reach this object while it lives
};

} // namespace MailSink::Api
