#pragma once

#include <QTcpServer>

#include <functional>

namespace MailSink {

// A QTcpServer that hands each accepted descriptor to `handler` instead of creating a socket on the
// accepting thread, so a worker thread can own the connection (DESIGN rule 2). Used by the SMTP and
// POP3 servers.
class DescriptorListener : public QTcpServer
{
public:
    DescriptorListener(std::function<void(qintptr)> handler, QObject *parent)
        : QTcpServer(parent)
        , m_handler(std::move(handler))
    { }

protected:
    void incomingConnection(qintptr descriptor) override { m_handler(descriptor); }

private:
    std::function<void(qintptr)> m_handler;
};

} // namespace MailSink
