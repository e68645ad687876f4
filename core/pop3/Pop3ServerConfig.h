#pragma once

#include "Pop3Config.h"
#include "tls/TlsIdentity.h"

#include <QDateTime>
#include <QMetaType>

#include <optional>

namespace MailSink::Pop3 {

struct Pop3ServerConfig
{
    Pop3Config session; // template for every session; client address filled per connection
    int maxConnections = 64; // beyond it: -ERR [SYS/TEMP] and close
    int workers = 0; // event-loop worker threads serving the connections; 0: one per core (fixed at start)
    int listenBacklog = 1024;
    int idleTimeoutMs = 10 * 60 * 1000; // RFC 1939 3: the autologout timer is at least 10 minutes
    std::optional<Tls::TlsIdentity> tls; // enables STLS and the POP3S listener
};

struct SessionInfo
{
    quint64 id = 0;
    QString clientAddress;
    quint16 clientPort = 0;
    bool implicitTls = false;
    QDateTime started;
};

} // namespace MailSink::Pop3

Q_DECLARE_METATYPE(MailSink::Pop3::SessionInfo)
