#include "EventHub.h"

#include "MailpitApi.h"
#include "store/MessageStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

namespace MailSink::Api {

EventHub::EventHub(Store::MessageStore *store, MailpitApi *api, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_api(api)
{
    m_statsTimer.setSingleShot(true);
    m_statsTimer.setInterval(250);
    connect(&m_statsTimer, &QTimer::timeout, this,
        [this] { broadcast(QStringLiteral("stats"), m_api->stats()); });
    // Queued from the committer and other threads; direct when the API itself changed the store.
    connect(store, &Store::MessageStore::messageStored, this, &EventHub::handleStored);
    connect(store, &Store::MessageStore::messagesRemoved, this, &EventHub::handleRemoved);
    connect(store, &Store::MessageStore::seenChanged, this, &EventHub::handleSeen);
}

EventHub::~EventHub()
{
    for (QWebSocket *client : std::as_const(m_clients)) {
        client->disconnect(this);
        client->abort();
        delete client;
    }
}

void EventHub::addClient(std::unique_ptr<QWebSocket> socket)
{
    QWebSocket *client = socket.release();
    client->setParent(nullptr);
    m_clients.append(client);
    connect(client, &QWebSocket::disconnected, this, [this, client] {
        m_clients.removeAll(client);
        client->deleteLater();
    });
    // Clients only listen; Mailpit ignores what they send, and so do we.
    connect(client, &QWebSocket::textMessageReceived, this, [](const QString &) {});
}

void EventHub::broadcast(const QString &type, const QJsonValue &data)
{
    if (m_clients.isEmpty())
        return;
    const QString text = QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("Type"), type},
            {QStringLiteral("Data"), data}}).toJson(QJsonDocument::Compact));
    for (QWebSocket *client : std::as_const(m_clients))
        client->sendTextMessage(text);
}

void EventHub::scheduleStats()
{
    if (!m_statsTimer.isActive())
        m_statsTimer.start();
}

void EventHub::handleStored(const Store::MessageInfo &info)
{
    if (!m_clients.isEmpty())
        broadcast(QStringLiteral("new"), m_api->summary(info));
    scheduleStats();
}

void EventHub::handleRemoved(const QList<qint64> &ids)
{
    m_api->forget(ids);
    if (!m_truncating) {
        for (qint64 id : ids)
            broadcast(QStringLiteral("delete"), QJsonObject {{QStringLiteral("ID"), QString::number(id)}});
    }
    scheduleStats();
}

void EventHub::endTruncate()
{
    m_truncating = false;
    broadcast(QStringLiteral("truncate"), QJsonValue::Null);
    scheduleStats();
}

void EventHub::handleSeen(qint64 id, bool seen)
{
    broadcast(QStringLiteral("update"),
        QJsonObject {{QStringLiteral("ID"), QString::number(id)}, {QStringLiteral("Read"), seen}});
    scheduleStats();
}

} // namespace MailSink::Api
