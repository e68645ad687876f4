#pragma once

#include "HostPort.h"

#include <QTcpServer>

#include <functional>

namespace MailSink {

// A QTcpServer that hands each accepted descriptor to `handler` instead of creating a socket on the
// accepting thread, so a worker thread can own the connection (DESIGN rule 2). Used by the SMTP and
// POP3 servers.
class DescriptorListener : public QTcpServer
{
public:
    using Handler = std::function<void(qintptr)>;

    DescriptorListener(Handler handler, QObject *parent)
        : QTcpServer(parent)
        , m_handler(std::move(handler))
    { }

    // Moves the listener in `slot` to `address` without dropping it on failure: the new socket is bound
    // while the old one still listens; only when the new address needs the old one's port is the old one
    // closed first, and then it is bound again if the new address cannot be had. On success `slot` holds
    // the new listener; on failure it holds what it held before and `error` says why.
    static bool rebind(DescriptorListener *&slot, const Handler &handler, const HostPort &address,
        int backlog, QObject *parent, QString *error);

protected:
    void incomingConnection(qintptr descriptor) override { m_handler(descriptor); }

private:
    Handler m_handler;
};

} // namespace MailSink
