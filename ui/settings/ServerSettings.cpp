#include "settings/ServerSettings.h"

#include "settings/Settings.h"

namespace MailSink::Ui {

namespace {

HostPort address(const Settings &settings, Settings::Key key)
{
    if (auto parsed = HostPort::parse(settings.text(key)))
        return *parsed;
    return *HostPort::parse(settings.defaultValue(key).toString()); // an edited INI file with a typo
}

int number(const Settings &settings, Settings::Key key, int minimum, int maximum)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return settings.defaultValue(key).toInt();
    return value;
}

} // namespace

bool sameAddress(const HostPort &a, const HostPort &b)
{
    return a.address == b.address && a.port == b.port;
}

ServerSettings ServerSettings::load(const Settings &settings)
{
    ServerSettings s;
    s.smtp = address(settings, Settings::Key::SmtpAddress);
    s.smtpsEnabled = settings.flag(Settings::Key::SmtpsEnabled);
    s.smtps = address(settings, Settings::Key::SmtpsAddress);
    s.pop3Enabled = settings.flag(Settings::Key::ServePop3);
    s.pop3 = address(settings, Settings::Key::Pop3Address);
    s.pop3sEnabled = settings.flag(Settings::Key::Pop3sEnabled);
    s.pop3s = address(settings, Settings::Key::Pop3sAddress);
    s.imapEnabled = settings.flag(Settings::Key::ServeImap);
    s.imap = address(settings, Settings::Key::ImapAddress);
    s.imapsEnabled = settings.flag(Settings::Key::ImapsEnabled);
    s.imaps = address(settings, Settings::Key::ImapsAddress);
    s.httpEnabled = settings.flag(Settings::Key::HttpEnabled);
    s.http = address(settings, Settings::Key::HttpAddress);
    s.tlsEnabled = settings.flag(Settings::Key::TlsEnabled);
    s.certificateFile = settings.text(Settings::Key::TlsCertificate);
    s.keyFile = settings.text(Settings::Key::TlsKey);
    s.authRequired = settings.flag(Settings::Key::AuthRequired);
    s.authUser = settings.text(Settings::Key::AuthUser);
    s.authPassword = settings.text(Settings::Key::AuthPassword);
    s.maxMessageSizeMiB = number(settings, Settings::Key::MaxMessageSizeMiB, 0, 4096);
    s.maxConnections = number(settings, Settings::Key::MaxConnections, 1, 4096);
    s.idleTimeoutSeconds = number(settings, Settings::Key::IdleTimeoutSeconds, 5, 24 * 3600);
    return s;
}

void ServerSettings::save(Settings &settings) const
{
    settings.setValue(Settings::Key::SmtpAddress, smtp.toString());
    settings.setValue(Settings::Key::SmtpsEnabled, smtpsEnabled);
    settings.setValue(Settings::Key::SmtpsAddress, smtps.toString());
    settings.setValue(Settings::Key::ServePop3, pop3Enabled);
    settings.setValue(Settings::Key::Pop3Address, pop3.toString());
    settings.setValue(Settings::Key::Pop3sEnabled, pop3sEnabled);
    settings.setValue(Settings::Key::Pop3sAddress, pop3s.toString());
    settings.setValue(Settings::Key::ServeImap, imapEnabled);
    settings.setValue(Settings::Key::ImapAddress, imap.toString());
    settings.setValue(Settings::Key::ImapsEnabled, imapsEnabled);
    settings.setValue(Settings::Key::ImapsAddress, imaps.toString());
    settings.setValue(Settings::Key::HttpEnabled, httpEnabled);
    settings.setValue(Settings::Key::HttpAddress, http.toString());
    settings.setValue(Settings::Key::TlsEnabled, tlsEnabled);
    settings.setValue(Settings::Key::TlsCertificate, certificateFile);
    settings.setValue(Settings::Key::TlsKey, keyFile);
    settings.setValue(Settings::Key::AuthRequired, authRequired);
    settings.setValue(Settings::Key::AuthUser, authUser);
    settings.setValue(Settings::Key::AuthPassword, authPassword);
    settings.setValue(Settings::Key::MaxMessageSizeMiB, maxMessageSizeMiB);
    settings.setValue(Settings::Key::MaxConnections, maxConnections);
    settings.setValue(Settings::Key::IdleTimeoutSeconds, idleTimeoutSeconds);
}

bool ServerSettings::operator==(const ServerSettings &o) const
{
    return sameAddress(smtp, o.smtp) && smtpsEnabled == o.smtpsEnabled && sameAddress(smtps, o.smtps)
        && pop3Enabled == o.pop3Enabled && sameAddress(pop3, o.pop3) && pop3sEnabled == o.pop3sEnabled
        && sameAddress(pop3s, o.pop3s) && imapEnabled == o.imapEnabled && sameAddress(imap, o.imap)
        && imapsEnabled == o.imapsEnabled && sameAddress(imaps, o.imaps) && httpEnabled == o.httpEnabled
        && sameAddress(http, o.http) && tlsEnabled == o.tlsEnabled && certificateFile == o.certificateFile
        && keyFile == o.keyFile && authRequired == o.authRequired && authUser == o.authUser
        && authPassword == o.authPassword && maxMessageSizeMiB == o.maxMessageSizeMiB
        && maxConnections == o.maxConnections && idleTimeoutSeconds == o.idleTimeoutSeconds;
}

void ServerOverrides::applyTo(ServerSettings &settings) const
{
    if (smtp)
        settings.smtp = *smtp;
    if (pop3)
        settings.pop3 = *pop3;
    if (imap)
        settings.imap = *imap;
    if (http)
        settings.http = *http;
    if (noHttp)
        settings.httpEnabled = false;
    if (noPop3) {
        settings.pop3Enabled = false;
        settings.pop3sEnabled = false;
    }
    if (noImap) {
        settings.imapEnabled = false;
        settings.imapsEnabled = false;
    }
    if (noTls) {
        settings.tlsEnabled = false;
        settings.smtpsEnabled = false;
        settings.pop3sEnabled = false;
        settings.imapsEnabled = false;
    }
}

void ServerOverrides::restoreSaved(ServerSettings &edited, const ServerSettings &saved) const
{
    if (smtp)
        edited.smtp = saved.smtp;
    if (pop3)
        edited.pop3 = saved.pop3;
    if (imap)
        edited.imap = saved.imap;
    if (http)
        edited.http = saved.http;
    if (noHttp)
        edited.httpEnabled = saved.httpEnabled;
    if (noPop3) {
        edited.pop3Enabled = saved.pop3Enabled;
        edited.pop3sEnabled = saved.pop3sEnabled;
    }
    if (noImap) {
        edited.imapEnabled = saved.imapEnabled;
        edited.imapsEnabled = saved.imapsEnabled;
    }
    if (noTls) {
        edited.tlsEnabled = saved.tlsEnabled;
        edited.smtpsEnabled = saved.smtpsEnabled;
        edited.pop3sEnabled = saved.pop3sEnabled;
        edited.imapsEnabled = saved.imapsEnabled;
    }
}

} // namespace MailSink::Ui
