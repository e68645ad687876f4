#pragma once

#include "client/SmtpSender.h"
#include "util/HostPort.h"

#include <QHostAddress>

#include <memory>
#include <optional>

namespace MailSink::Smtp {
class ChaosTriggers;
}

namespace MailSink::Api {

struct ApiConfig
{
    HostPort address {QHostAddress(QHostAddress::LocalHost), 8025}; // Mailpit's port
    QString authFile; // "user:password" lines (see BasicAuth); empty: no authentication
    std::optional<Client::SenderConfig> relay; // where POST .../release sends; none: release refused
    std::shared_ptr<Smtp::ChaosTriggers> chaos; // shared with the SMTP sessions; none: chaos disabled
    qint64 maxBodySize = 64 * 1024 * 1024; // larger request bodies get 413
    QString label = QStringLiteral("Mailsink");
};

} // namespace MailSink::Api
