#pragma once

#include "HostPort.h"
#include "ListenerPair.h"
#include "WorkerPool.h"

#include <QByteArray>
#include <QHash>
#include <QMetaObject>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace MailSink {

// Takes a connection over the limit, sends `refusal` unless it is implicit TLS (there is no session to
// send it in), closes it and returns the client's address.
QString refuseConnection(QObject *owner, qintptr descriptor, bool implicitTls, const QByteArray &refusal);

// What every protocol server is made of beside its protocol: the configuration that new connections take
// a snapshot of, the listener pair, the event-loop workers and the table of live connections. The servers
// are QObjects with their own signals (moc takes no templates) and delegate the rest here.
// Config needs maxConnections, workers, listenBacklog and tls; Connection is a QObject with requestClose().
template<typename Config, typename Connection>
class ServerCore
{
public:
    ServerCore(QObject *owner, Config config, ListenerPair::Incoming incoming,
        std::function<void(bool listening)> listeningChanged)
        : m_config(std::make_shared<const Config>(std::move(config)))
        , m_listeners(owner, std::move(incoming), std::move(listeningChanged))
        , m_workers(std::make_unique<WorkerPool>(m_config->workers))
    { }
    ServerCore(const ServerCore &) = delete;
    ServerCore &operator=(const ServerCore &) = delete;

    Config config() const
    {
        std::lock_guard lock(m_configMutex);
        return *m_config;
    }
    std::shared_ptr<const Config> snapshot() const
    {
        std::lock_guard lock(m_configMutex);
        return m_config;
    }
    // Applies to connections accepted from now on; without a TLS identity the implicit-TLS listener stops.
    void setConfig(Config config)
    {
        const bool tls = config.tls.has_value();
        {
            std::lock_guard lock(m_configMutex);
            m_config = std::make_shared<const Config>(std::move(config));
        }
        if (!tls)
            m_listeners.stop(true); // implicit TLS needs a certificate
    }

    // `protocol` names the implicit-TLS service in the error, e.g. "IMAPS".
    bool listen(bool implicitTls, const HostPort &address, const char *protocol, QString *error)
    {
        const std::shared_ptr<const Config> config = snapshot();
        if (implicitTls && !config->tls) {
            *error = QStringLiteral("cannot listen for %1 on %2: no TLS certificate")
                         .arg(QLatin1String(protocol), address.toString());
            return false;
        }
        return m_listeners.listen(implicitTls, address, config->listenBacklog, error);
    }
    ListenerPair &listeners() { return m_listeners; }
    const ListenerPair &listeners() const { return m_listeners; }

    // Counts a new connection in and gives it an id, or returns 0 when the limit is reached.
    quint64 admit(const Config &config)
    {
        if (m_active.load() >= config.maxConnections)
            return 0;
        ++m_active;
        return ++m_nextId;
    }
    // Makes the connection on a worker thread; it stays counted until unregistered.
    void start(std::function<QObject *()> make) { m_workers->start(std::move(make)); }
    int active() const { return m_active.load(); }

    // Called by a connection once it runs on its worker; false: the server is stopping, end at once.
    bool registerConnection(quint64 id, Connection *connection)
    {
        std::lock_guard lock(m_connectionsMutex);
        m_connections.insert(id, connection);
        return !m_stopping;
    }
    // Called from the connection's destructor (also when it never registered).
    void unregisterConnection(quint64 id)
    {
        std::lock_guard lock(m_connectionsMutex);
        m_connections.remove(id);
        --m_active;
    }
    bool isStopping() const
    {
        std::lock_guard lock(m_connectionsMutex);
        return m_stopping;
    }

    // Queues `method` on the connection's own thread. Thread-safe.
    void invoke(quint64 id, void (Connection::*method)())
    {
        std::lock_guard lock(m_connectionsMutex);
        if (Connection *connection = m_connections.value(id))
            QMetaObject::invokeMethod(connection, method, Qt::QueuedConnection);
    }
    void invokeAll(void (Connection::*method)())
    {
        std::lock_guard lock(m_connectionsMutex);
        for (Connection *connection : std::as_const(m_connections))
            QMetaObject::invokeMethod(connection, method, Qt::QueuedConnection);
    }

    // Stops listening, asks every connection to end with `end`, waits up to graceMs for them; those still
    // running then get `cutOff` (when given) and are waited for without limit.
    template<typename Warn>
    void shutdown(void (Connection::*end)(), int graceMs, void (Connection::*cutOff)(), Warn warn)
    {
        m_listeners.stopAll();
        {
            std::lock_guard lock(m_connectionsMutex);
            m_stopping = true; // a connection registering from now on ends at once
        }
        invokeAll(end);
        if (!m_workers->waitForDone(graceMs)) {
            warn();
            if (cutOff)
                invokeAll(cutOff);
            m_workers->waitForDone();
        }
        std::lock_guard lock(m_connectionsMutex);
        m_stopping = false;
    }

private:
    mutable std::mutex m_configMutex;
    std::shared_ptr<const Config> m_config; // guarded by m_configMutex
    ListenerPair m_listeners;
    std::atomic<int> m_active {0};
    std::atomic<quint64> m_nextId {0};
    mutable std::mutex m_connectionsMutex;
    bool m_stopping = false; // guarded by m_connectionsMutex
    QHash<quint64, Connection *> m_connections;
    // Last: destroyed first, while the members its connections use still live.
    std::unique_ptr<WorkerPool> m_workers;
};

} // namespace MailSink
