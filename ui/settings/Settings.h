#pragma once

#include <QByteArray>
#include <QVariant>

class QSettings;

namespace MailSink::Ui {

// The desktop app's settings over a QSettings passed in by the caller (tests use an INI file in a
// QTemporaryDir). Every key and its default lives in one table in Settings.cpp.
class Settings
{
public:
    enum class Key {
        MainWindowGeometry,
        MainWindowState,
        SplitterState,
        MessageListHeader,
        AttachmentListHeader,
        MessageWindowSize,
        SessionWindowSize,
        AutoOpenSessions,
        TabbedView,
        LastDirectory,
        SearchBodies,
        ServePop3,
        // Listeners and limits (ServerSettings reads and writes these).
        SmtpAddress,
        SmtpsEnabled,
        SmtpsAddress,
        Pop3Address,
        Pop3sEnabled,
        Pop3sAddress,
        ServeImap,
        ImapAddress,
        ImapsEnabled,
        ImapsAddress,
        HttpEnabled,
        HttpAddress,
        TlsEnabled,
        TlsCertificate,
        TlsKey,
        AuthRequired,
        AuthUser,
        AuthPassword,
        MaxMessageSizeMiB,
        MaxConnections,
        IdleTimeoutSeconds,
        // The app.
        StoreFolder,
        Notifications,
        CloseToTray,
        Language,
        Theme,
    };

    explicit Settings(QSettings *settings);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    QByteArray bytes(Key key) const { return value(key).toByteArray(); }
    bool flag(Key key) const { return value(key).toBool(); }
    QString text(Key key) const { return value(key).toString(); }

    QSettings *backend() const { return m_settings; }
    QVariant defaultValue(Key key) const;
    QString keyName(Key key) const;

private:
    QSettings *m_settings;
};

} // namespace MailSink::Ui
