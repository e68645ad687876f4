#pragma once

#include "ImapConfig.h"
#include "tls/TlsIdentity.h"

#include <QDateTime>
#include <QMetaType>

#include <optional>

namespace MailSink::Imap {

struct ImapServerConfig
{
    ImapConfig session; // template for every session; client address filled per connection
    int maxConnections = 64; // beyond it: * BYE and close
    int workers = 0; // event-loop worker threads serving the connections; 0: one per core (fixed at start)
    int listenBacklog = 1024;
    int changeDelayMs = 20; // store changes within this time reach a session as one update
    std::optional<Tls::TlsIdentity> tls; // enables STARTTLS and the IMAPS listener
};

struct SessionInfo
{
    quint64 id = 0;
    QString clientAddress;
    quint16 clientPort = 0;
    bool implicitTls = false;
    QDateTime started;
};

} // namespace MailSink::Imap

Q_DECLARE_METATYPE(MailSink::Imap::SessionInfo)
