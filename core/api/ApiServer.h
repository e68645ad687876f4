#pragma once

#include "ApiConfig.h"
#include "ApiExchange.h"
#include "BasicAuth.h"

#include <QAbstractHttpServer>

#include <optional>

class QTcpServer;

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Api {

class EventHub;
class MailpitApi;

// The HTTP side (RFC 9110/9112 through QtHttpServer) of the Mailpit-compatible API: Basic auth, body size
// limit, routing into MailpitApi, and websocket upgrades on /api/events into the EventHub. Owns its sockets;
// lives on one thread (ApiService's).
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    ApiServer(Store::MessageStore *store, ApiConfig config, QObject *parent = nullptr);
    ~ApiServer() override;

    bool listen(); // on config.address; false with errorString() when the address cannot be had
    HostPort address() const;
    QString errorString() const { return m_error; }
    EventHub *events() const { return m_hub; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void handleWebSocket();

    Store::MessageStore *m_store;
    ApiConfig m_config;
    std::optional<BasicAuth> m_auth;
    MailpitApi *m_api = nullptr;
    EventHub *m_hub = nullptr;
    QTcpServer *m_tcp = nullptr;
    QString m_error;
    std::optional<ApiResponse> m_refusal; // for missingHandler(): why a websocket upgrade was refused
};

} // namespace MailSink::Api
