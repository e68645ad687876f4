#pragma once

#include "settings/ServerSettings.h"
#include "tls/TlsIdentity.h"

#include <QList>
#include <QMap>
#include <QObject>

#include <memory>
#include <optional>

namespace MailSink::Smtp {
class SmtpServer;
struct ServerConfig;
} // namespace MailSink::Smtp
namespace MailSink::Pop3 {
class Pop3Server;
struct Pop3ServerConfig;
} // namespace MailSink::Pop3
namespace MailSink::Imap {
class ImapServer;
struct ImapServerConfig;
} // namespace MailSink::Imap
namespace MailSink::Store {
class MessageStore;
}
namespace MailSink::Api {
class ApiService;
}
namespace MailSink::Smtp {
class ChaosTriggers;
}

namespace MailSink::Ui {

// Runs the desktop app's listeners (SMTP, SMTPS, POP3, POP3S, IMAP, IMAPS, the HTTP API) from ServerSettings.
// apply() takes effect at once: session settings (TLS, AUTH, limits) for new connections, and only a listener
// whose address or on/off state changed is moved; a listener that cannot have its new address keeps the old
// one and reports why.
class ServerController : public QObject
{
    Q_OBJECT

public:
    enum class Listener { Smtp, Smtps, Pop3, Pop3s, Imap, Imaps, Http };
    struct Status
    {
        bool listening = false;
        HostPort address; // where it listens (the real port when 0 was asked for)
        QString error; // why it does not listen on what was asked, or empty
    };
    struct ApplyResult
    {
        QList<Listener> moved; // started, stopped or moved to a new address
        QMap<Listener, QString> errors; // could not listen there; still on the previous address
        QString tlsError; // the certificate could not be loaded; TLS as before
        bool ok() const { return errors.isEmpty() && tlsError.isEmpty(); }
    };

    ServerController(Store::MessageStore *store, Smtp::SmtpServer *smtp, const ServerSettings &initial,
        QObject *parent = nullptr);

    void setPop3Server(Pop3::Pop3Server *pop3);
    Pop3::Pop3Server *pop3Server() const { return m_pop3; }
    void setImapServer(Imap::ImapServer *imap);
    Imap::ImapServer *imapServer() const { return m_imap; }
    Smtp::SmtpServer *smtpServer() const { return m_smtp; }
    void setOverrides(const ServerOverrides &overrides) { m_overrides = overrides; }
    const ServerOverrides &overrides() const { return m_overrides; }

    const ServerSettings &settings() const { return m_settings; }
    Status status(Listener listener) const { return m_status.value(listener); }
    bool isSmtpRunning() const { return m_smtpRunning; } // Start/Stop listening

    bool startSmtp(); // SMTP, and SMTPS when enabled; false if one of them could not listen
    void stopSmtp();
    // The HTTP API reads the store on a thread of its own: stop it before the store closes; apply() starts
    // it again.
    void stopHttp();
    Api::ApiService *api() const { return m_api; }
    ApplyResult apply(const ServerSettings &wanted);
    // A new self-signed certificate in the store folder, in use at once when no certificate file is set.
    bool regenerateCertificate(QString *error);
    // After the store folder changed: the generated certificate is the one kept in the new folder.
    void reloadTls();

    // The session and limit parts of `settings` over a server configuration.
    static void configure(Smtp::ServerConfig &config, const ServerSettings &settings,
        const std::optional<Tls::TlsIdentity> &tls);
    static void configure(Pop3::Pop3ServerConfig &config, const ServerSettings &settings,
        const std::optional<Tls::TlsIdentity> &tls);
    static void configure(Imap::ImapServerConfig &config, const ServerSettings &settings,
        const std::optional<Tls::TlsIdentity> &tls);
    static std::optional<Tls::TlsIdentity> loadTls(
        const ServerSettings &settings, const QString &storeRoot, QString *error);
    static QString listenerName(Listener listener);

Q_SIGNALS:
    void statusChanged();

private:
    bool wantedOn(Listener listener, const ServerSettings &settings, bool tls) const;
    static HostPort &addressOf(ServerSettings &settings, Listener listener);
    bool listen(Listener listener, const HostPort &address);
    void stop(Listener listener);
    void refresh();
    void pushConfig();

    Store::MessageStore *m_store;
    Smtp::SmtpServer *m_smtp;
    Pop3::Pop3Server *m_pop3 = nullptr;
    Imap::ImapServer *m_imap = nullptr;
    ServerSettings m_settings;
    ServerOverrides m_overrides;
    std::optional<Tls::TlsIdentity> m_tls;
    bool m_smtpRunning = false;
    QMap<Listener, Status> m_status;
    Api::ApiService *m_api = nullptr;
    std::shared_ptr<Smtp::ChaosTriggers> m_chaos; // set over the API, met by every SMTP session
};

} // namespace MailSink::Ui
