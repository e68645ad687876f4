#pragma once

#include "util/HostPort.h"

#include <QString>

#include <optional>

namespace MailSink::Ui {

class Settings;

// What the desktop app's listeners do: addresses, TLS, AUTH and limits. Loaded from and saved to the
// Settings table; command-line options replace single fields for one run (ServerOverrides).
struct ServerSettings
{
    HostPort smtp;
    bool smtpsEnabled = false;
    HostPort smtps;
    bool pop3Enabled = true;
    HostPort pop3;
    bool pop3sEnabled = false;
    HostPort pop3s;
    bool imapEnabled = true;
    HostPort imap;
    bool imapsEnabled = false;
    HostPort imaps;
    bool httpEnabled = true; // the Mailpit-compatible HTTP API and its live events
    HostPort http;
    bool tlsEnabled = true; // STARTTLS/STLS offered, SMTPS/POP3S/IMAPS possible
    QString certificateFile; // PEM; both empty: the certificate generated and kept in the store
    QString keyFile;
    bool authRequired = false;
    QString authUser;
    QString authPassword;
    int maxMessageSizeMiB = 50; // 0: no limit
    int maxConnections = 256;
    int idleTimeoutSeconds = 300;

    static ServerSettings load(const Settings &settings);
    void save(Settings &settings) const;

    bool operator==(const ServerSettings &other) const;
    bool operator!=(const ServerSettings &other) const { return !(*this == other); }
};

// Command-line options of the desktop app: they win over the saved settings for this run only, and the
// settings dialog shows those fields as fixed.
struct ServerOverrides
{
    std::optional<HostPort> smtp;
    std::optional<HostPort> pop3;
    bool noPop3 = false;
    std::optional<HostPort> imap;
    bool noImap = false;
    bool noTls = false;
    std::optional<HostPort> http;
    bool noHttp = false;
    std::optional<QString> store;

    bool any() const { return smtp || pop3 || noPop3 || imap || noImap || noTls || http || noHttp || store; }
    void applyTo(ServerSettings &settings) const;
    // Keeps the saved value of every overridden field, so OK in the dialog never saves an override.
    void restoreSaved(ServerSettings &edited, const ServerSettings &saved) const;
};

bool sameAddress(const HostPort &a, const HostPort &b);

} // namespace MailSink::Ui
