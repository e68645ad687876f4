#pragma once

#include <QEventLoop>
#include <QMetaObject>
#include <QRunnable>

#include <atomic>
#include <memory>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink {

// The pool task shared by the SMTP and POP3 servers: runs one Connection (which owns the socket) in an
// event loop of its own on a worker thread, then tells the server the session ended. `Config` is the
// server configuration as it was when the connection was accepted; a later change applies to later
// connections only.
template<typename Server, typename Connection, typename Config>
class ConnectionTask : public QRunnable
{
public:
    ConnectionTask(Server *server, Store::MessageStore *store, std::shared_ptr<const Config> config,
        qintptr descriptor, bool implicitTls, quint64 id, std::atomic<int> *active)
        : m_server(server)
        , m_store(store)
        , m_config(std::move(config))
        , m_descriptor(descriptor)
        , m_implicitTls(implicitTls)
        , m_id(id)
        , m_active(active)
    { }

    void run() override
    {
        {
            QEventLoop loop;
            Connection connection(m_server, m_store, m_config, m_descriptor, m_implicitTls, m_id, &loop);
            QMetaObject::invokeMethod(&connection, &Connection::start, Qt::QueuedConnection);
            loop.exec();
        }
        --*m_active;
        Q_EMIT m_server->sessionEnded(m_id);
    }

private:
    Server *m_server;
    Store::MessageStore *m_store;
    std::shared_ptr<const Config> m_config;
    qintptr m_descriptor;
    bool m_implicitTls;
    quint64 m_id;
    std::atomic<int> *m_active;
};

} // namespace MailSink
