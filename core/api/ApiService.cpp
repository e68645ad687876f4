#include "ApiService.h"

#include "ApiServer.h"

namespace MailSink::Api {

ApiService::ApiService(Store::MessageStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_thread.setObjectName(QStringLiteral("mailsink-http"));
}

ApiService::~ApiService()
{
    stop();
}

bool ApiService::start(const ApiConfig &config)
{
    if (!m_thread.isRunning())
        m_thread.start();
    ApiServer *server = nullptr;
    bool ok = false;
    QString error;
    HostPort address;
    // Created on its thread so its sockets, timers and store connections belong there.
    auto *context = new QObject;
    context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        context,
        [&] {
            server = new ApiServer(m_store, config);
            ok = server->listen();
            error = server->errorString();
            address = server->address();
            if (!ok) {
                delete server;
                server = nullptr;
            }
        },
        Qt::BlockingQueuedConnection);
    context->deleteLater();
    m_error = error;
    if (!ok) {
        if (!m_server) { // a running server keeps serving where it is
            m_thread.quit();
            m_thread.wait();
        }
        return false;
    }
    if (ApiServer *previous = m_server)
        QMetaObject::invokeMethod(
            previous, [previous] { delete previous; }, Qt::BlockingQueuedConnection);
    m_server = server;
    m_address = address;
    return true;
}

void ApiService::stop()
{
    if (m_server) {
        ApiServer *server = m_server;
        m_server = nullptr;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}

} // namespace MailSink::Api
