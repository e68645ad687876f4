#pragma once

#include "ApiConfig.h"

#include <QObject>
#include <QThread>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Api {

class ApiServer;

// Runs the HTTP API on a thread of its own, so neither the GUI thread nor the SMTP listener ever waits
// for an HTTP client or a store scan. Start and stop from the thread that owns this object.
class ApiService : public QObject
{
    Q_OBJECT

public:
    explicit ApiService(Store::MessageStore *store, QObject *parent = nullptr);
    ~ApiService() override;

    // Starts (or restarts with a new configuration); blocks until the listener is up or has failed. When a
    // restart fails the server already running keeps serving with its old configuration.
    bool start(const ApiConfig &config);
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    HostPort address() const { return m_address; }
    QString errorString() const { return m_error; }

private:
    Store::MessageStore *m_store;
    QThread m_thread;
    ApiServer *m_server = nullptr; // lives on m_thread
    HostPort m_address;
    QString m_error;
};

} // namespace MailSink::Api
