#pragma once

#include "SessionConfig.h"
#include "tls/TlsIdentity.h"

#include <QDateTime>
#include <QMetaType>

#include <optional>

namespace MailSink::Smtp {

struct ServerConfig
{
    SessionConfig session; // template for every session; client address filled per connection
    int maxConnections = 256; // beyond it: 421 4.7.0
    int workers = 0; // event-loop worker threads serving the connections; 0: one per core (fixed at start)
    int listenBacklog = 1024;
    int idleTimeoutMs = 5 * 60 * 1000;
    std::optional<Tls::TlsIdentity> tls; // enables STARTTLS and the SMTPS listener
};

struct SessionInfo
{
    quint64 id = 0;
    QString clientAddress;
    quint16 clientPort = 0;
    bool implicitTls = false;
    QDateTime started;
};

} // namespace MailSink::Smtp

Q_DECLARE_METATYPE(MailSink::Smtp::SessionInfo)
