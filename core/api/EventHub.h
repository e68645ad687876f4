#pragma once

#include "store/MessageInfo.h"

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class QWebSocket;

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Api {

class MailpitApi;

// Mailpit's live events on /api/events: {"Type": "new"|"stats"|"update"|"delete"|"truncate", "Data": ...}
// to every connected websocket client, from the store's signals (whoever changed the store: SMTP, the
// API, the desktop window). "stats" is sent at most four times a second, as Mailpit does.
class EventHub : public QObject
{
    Q_OBJECT

public:
    EventHub(Store::MessageStore *store, MailpitApi *api, QObject *parent = nullptr);
    ~EventHub() override;

    void addClient(std::unique_ptr<QWebSocket> socket);
    int clientCount() const { return int(m_clients.size()); }
    // Between these the store is emptied on purpose: one "truncate" instead of a "delete" per message.
    void beginTruncate() { m_truncating = true; }
    void endTruncate();

private:
    void broadcast(const QString &type, const QJsonValue &data);
    void handleStored(const Store::MessageInfo &info);
    void handleRemoved(const QList<qint64> &ids);
    void handleSeen(qint64 id, bool seen);
    void scheduleStats();

    Store::MessageStore *m_store;
    MailpitApi *m_api;
    QList<QWebSocket *> m_clients; // owned
    QTimer m_statsTimer;
    bool m_truncating = false;
};

} // namespace MailSink::Api
