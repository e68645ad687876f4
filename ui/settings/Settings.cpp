#include "settings/Settings.h"

#include <QDir>
#include <QSettings>
#include <QSize>

namespace MailSink::Ui {

namespace {

struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant (*fallback)();
};

const Entry Table[] = {
    {Settings::Key::MainWindowGeometry, "window/geometry", [] { return QVariant(); }},
    {Settings::Key::MainWindowState, "window/state", [] { return QVariant(); }},
    {Settings::Key::SplitterState, "window/splitter", [] { return QVariant(); }},
    {Settings::Key::MessageListHeader, "messageList/header", [] { return QVariant(); }},
    {Settings::Key::AttachmentListHeader, "messageWindow/attachmentHeader", [] { return QVariant(); }},
    {Settings::Key::MessageWindowSize, "messageWindow/size", [] { return QVariant(QSize(860, 620)); }},
    {Settings::Key::SessionWindowSize, "sessionWindow/size", [] { return QVariant(QSize(640, 420)); }},
    {Settings::Key::AutoOpenSessions, "sessions/autoOpen", [] { return QVariant(true); }},
    {Settings::Key::ServePop3, "pop3/enabled", [] { return QVariant(true); }},
    {Settings::Key::TabbedView, "window/tabbedView", [] { return QVariant(false); }},
    {Settings::Key::LastDirectory, "files/lastDirectory", [] { return QVariant(QDir::homePath()); }},
    {Settings::Key::SearchBodies, "messageList/searchBodies", [] { return QVariant(false); }},
    {Settings::Key::SmtpAddress, "smtp/address", [] { return QVariant(QStringLiteral("127.0.0.1:1025")); }},
    {Settings::Key::SmtpsEnabled, "smtps/enabled", [] { return QVariant(false); }},
    {Settings::Key::SmtpsAddress, "smtps/address", [] { return QVariant(QStringLiteral("127.0.0.1:1465")); }},
    {Settings::Key::Pop3Address, "pop3/address", [] { return QVariant(QStringLiteral("127.0.0.1:1110")); }},
    {Settings::Key::Pop3sEnabled, "pop3s/enabled", [] { return QVariant(false); }},
    {Settings::Key::Pop3sAddress, "pop3s/address", [] { return QVariant(QStringLiteral("127.0.0.1:1995")); }},
    {Settings::Key::ServeImap, "imap/enabled", [] { return QVariant(true); }},
    {Settings::Key::ImapAddress, "imap/address", [] { return QVariant(QStringLiteral("127.0.0.1:1143")); }},
    {Settings::Key::ImapsEnabled, "imaps/enabled", [] { return QVariant(false); }},
    {Settings::Key::ImapsAddress, "imaps/address", [] { return QVariant(QStringLiteral("127.0.0.1:1993")); }},
    {Settings::Key::HttpEnabled, "http/enabled", [] { return QVariant(true); }},
    {Settings::Key::HttpAddress, "http/address", [] { return QVariant(QStringLiteral("127.0.0.1:8025")); }},
    {Settings::Key::TlsEnabled, "tls/enabled", [] { return QVariant(true); }},
    // Empty: the self-signed certificate generated once and kept in the store folder.
    {Settings::Key::TlsCertificate, "tls/certificate", [] { return QVariant(QString()); }},
    {Settings::Key::TlsKey, "tls/key", [] { return QVariant(QString()); }},
    {Settings::Key::AuthRequired, "auth/required", [] { return QVariant(false); }},
    {Settings::Key::AuthUser, "auth/user", [] { return QVariant(QString()); }},
    // A test credential for the local sink, kept like every other setting (the dialog says so).
    {Settings::Key::AuthPassword, "auth/password", [] { return QVariant(QString()); }},
    {Settings::Key::MaxMessageSizeMiB, "limits/maxMessageSizeMiB", [] { return QVariant(50); }},
    {Settings::Key::MaxConnections, "limits/maxConnections", [] { return QVariant(256); }},
    {Settings::Key::IdleTimeoutSeconds, "limits/idleTimeoutSeconds", [] { return QVariant(300); }},
    // Empty: MessageStore::defaultLocation().
    {Settings::Key::StoreFolder, "store/folder", [] { return QVariant(QString()); }},
    {Settings::Key::Notifications, "notifications/enabled", [] { return QVariant(true); }},
    {Settings::Key::CloseToTray, "tray/closeToTray", [] { return QVariant(false); }},
    // Empty: $MAILSINK_LANG, else the system's UI languages.
    {Settings::Key::Language, "ui/language", [] { return QVariant(QString()); }},
    // "system" follows the desktop's palette and its changes; "light" and "dark" fix one.
    {Settings::Key::Theme, "ui/theme", [] { return QVariant(QStringLiteral("system")); }},
};

const Entry &entry(Settings::Key key)
{
    for (const Entry &e : Table) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

} // namespace

Settings::Settings(QSettings *settings)
    : m_settings(settings)
{ }

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    return m_settings->value(QLatin1String(e.name), e.fallback());
}

QVariant Settings::defaultValue(Key key) const
{
    return entry(key).fallback();
}

QString Settings::keyName(Key key) const
{
    return QLatin1String(entry(key).name);
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QLatin1String(entry(key).name), value);
}

} // namespace MailSink::Ui
