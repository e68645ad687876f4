#include "ApiServer.h"

#include "EventHub.h"
#include "MailpitApi.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

namespace MailSink::Api {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

void write(QHttpServerResponder &&responder, const ApiResponse &response)
{
    QHttpServerResponse out(
        response.contentType, response.body, QHttpServerResponder::StatusCode(response.status));
    for (const auto &[name, value] : response.headers)
        out.setHeader(name, value);
    out.write(std::move(responder));
}

} // namespace

ApiServer::ApiServer(Store::MessageStore *store, ApiConfig config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(store)
    , m_config(std::move(config))
{
    m_api = new MailpitApi(store, m_config, this);
    m_hub = new EventHub(store, m_api, this);
    m_api->setEventHub(m_hub);
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &ApiServer::handleWebSocket);
}

ApiServer::~ApiServer() = default;

bool ApiServer::listen()
{
    if (!m_config.authFile.isEmpty()) {
        m_auth = BasicAuth::load(m_config.authFile, &m_error);
        if (!m_auth)
            return false;
    }
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(m_config.address.address, m_config.address.port)) {
        m_error = QStringLiteral("cannot listen for HTTP on %1: %2")
                      .arg(m_config.address.toString(), tcp->errorString());
        return false;
    }
    m_tcp = tcp.release();
    bind(m_tcp); // the HTTP server takes ownership
    return true;
}

HostPort ApiServer::address() const
{
    HostPort result = m_config.address;
    if (m_tcp)
        result.port = m_tcp->serverPort();
    return result;
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // A websocket upgrade (RFC 6455 4.2): Qt 6.4 hands the socket to its websocket server when this returns
    // true without answering; false makes it call missingHandler(), which answers with m_refusal.
    if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        if (request.url().path() != u"/api/events") {
            m_refusal = MailpitApi::error(404, QStringLiteral("websockets only on /api/events"));
            return false;
        }
        if (m_auth && !m_auth->check(request.value("Authorization"))) {
            m_refusal = MailpitApi::error(401, QStringLiteral("authentication required"));
            m_refusal->headers.append(
                std::pair<QByteArray, QByteArray>("WWW-Authenticate", "Basic realm=\"Mailsink\""));
            return false;
        }
        return true;
    }
    ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    // HTML forms and URLSearchParams (which mailpit-api uses) encode a space as '+'; QUrlQuery keeps it.
    QString query = request.url().query(QUrl::FullyEncoded);
    query.replace(u'+', QLatin1String("%20"));
    r.query = QUrlQuery(query);
    for (const auto &[name, value] : request.headers())
        r.headers.append(std::pair<QByteArray, QByteArray>(name, value));
    r.peer = socket->peerAddress();
    r.peerPort = socket->peerPort();

    QHttpServerResponder responder = makeResponder(request, socket);
    const bool probe = r.path == u"/livez" || r.path == u"/readyz"; // Mailpit leaves these open too
    if (m_auth && !probe) {
        const auto user = m_auth->check(r.header("Authorization"));
        if (!user) {
            ApiResponse denied = MailpitApi::error(401, QStringLiteral("authentication required"));
            denied.headers.append(std::pair<QByteArray, QByteArray>(
                "WWW-Authenticate", "Basic realm=\"Mailsink\", charset=\"UTF-8\""));
            write(std::move(responder), denied);
            return true;
        }
        r.authUser = *user;
    }
    if (request.body().size() > m_config.maxBodySize) {
        write(std::move(responder),
            MailpitApi::error(413, QStringLiteral("request body over %1 bytes").arg(m_config.maxBodySize)));
        return true;
    }
    r.body = request.body();

    // Most answers are immediate; a release or a send answers later, if the client is still there.
    auto pending = std::make_shared<std::optional<QHttpServerResponder>>(std::move(responder));
    QPointer<QTcpSocket> alive(socket);
    m_api->handle(r, [pending, alive](ApiResponse response) {
        if (!pending->has_value())
            return;
        if (!alive) {
            // The socket is gone: a responder must not touch it, not even to destroy itself cleanly.
            new QHttpServerResponder(std::move(**pending)); // intentionally leaked (rare: client hung up)
            pending->reset();
            return;
        }
        write(std::move(**pending), response);
        pending->reset();
    });
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    write(makeResponder(request, socket),
        m_refusal.value_or(MailpitApi::error(404, QStringLiteral("not found"))));
    m_refusal.reset();
}

void ApiServer::handleWebSocket()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        if (!socket)
            continue;
        if (socket->requestUrl().path() != u"/api/events") {
            socket->close(
                QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("websocket only on /api/events"));
            socket.release()->deleteLater();
            continue;
        }
        if (m_auth && !m_auth->check(socket->request().rawHeader("Authorization"))) {
            socket->close(
                QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("authentication required"));
            socket.release()->deleteLater();
            continue;
        }
        m_hub->addClient(std::move(socket));
    }
}

} // namespace MailSink::Api
