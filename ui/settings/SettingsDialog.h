#pragma once

#include "ServerController.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace MailSink::Ui {

class Settings;

// Edit > Settings: listeners, TLS, AUTH, limits, the store folder and the app's own behaviour. OK and
// Apply take effect at once through the ServerController (only changed listeners move); a listener that
// cannot have its new address keeps the old one, and the dialog stays open saying why. Fields fixed by a
// command-line option for this run are shown but cannot be edited.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(ServerController *controller, Settings *settings, const QString &storeFolder,
        QWidget *parent = nullptr);

    // Applies and saves what the dialog shows; false (and the reason shown) when something did not take.
    bool applyChanges();
    QString errorText() const;
    // After the main window switched stores (or declined to): the folder now in use.
    void setStoreFolder(const QString &folder);

    // The fields, for tests and screenshots.
    struct Endpoint
    {
        QCheckBox *enabled = nullptr; // null for SMTP, which is always on (Start/Stop listening)
        QLineEdit *host = nullptr;
        QSpinBox *port = nullptr;
    };
    Endpoint endpoint(ServerController::Listener listener) const { return m_endpoints.value(listener); }
    QCheckBox *tlsBox() const { return m_tls; }
    QRadioButton *certificateFromFiles() const { return m_certFiles; }
    QLineEdit *certificateEdit() const { return m_certEdit; }
    QLineEdit *keyEdit() const { return m_keyEdit; }
    QCheckBox *authBox() const { return m_auth; }
    QLineEdit *authUserEdit() const { return m_authUser; }
    QLineEdit *authPasswordEdit() const { return m_authPassword; }
    QSpinBox *maxSizeBox() const { return m_maxSize; }
    QSpinBox *maxConnectionsBox() const { return m_maxConnections; }
    QSpinBox *idleTimeoutBox() const { return m_idleTimeout; }
    QLineEdit *storeEdit() const { return m_storeEdit; }
    QCheckBox *autoOpenBox() const { return m_autoOpen; }
    QCheckBox *notificationsBox() const { return m_notifications; }
    QCheckBox *closeToTrayBox() const { return m_closeToTray; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

Q_SIGNALS:
    // The app-level settings (auto-open, notifications, tray, theme) were saved; read them again.
    void appSettingsChanged();
    void languageChanged(const QString &language); // takes effect at the next start
    // The user picked another store folder; the main window asks whether to move the mail there.
    void storeFolderChangeRequested(const QString &folder);
    void statusMessage(const QString &text);

private:
    QWidget *createListenPage();
    QWidget *createSecurityPage();
    QWidget *createLimitsPage();
    QWidget *createAppPage();
    Endpoint addEndpoint(
        QGridLayout *grid, int row, ServerController::Listener listener, const QString &label, bool optional);
    void load();
    std::optional<ServerSettings> collect(QStringList *problems) const;
    void showErrors(const QStringList &errors);
    void updateEnabled();
    void lockOverridden();
    void generateCertificate();

    ServerController *m_controller;
    Settings *m_settings;
    QString m_storeFolder;
    QMap<ServerController::Listener, Endpoint> m_endpoints;
    QCheckBox *m_tls = nullptr;
    QRadioButton *m_certGenerated = nullptr;
    QRadioButton *m_certFiles = nullptr;
    QLineEdit *m_certEdit = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QWidget *m_certFileRow = nullptr;
    QCheckBox *m_auth = nullptr;
    QLineEdit *m_authUser = nullptr;
    QLineEdit *m_authPassword = nullptr;
    QSpinBox *m_maxSize = nullptr;
    QSpinBox *m_maxConnections = nullptr;
    QSpinBox *m_idleTimeout = nullptr;
    QLineEdit *m_storeEdit = nullptr;
    QCheckBox *m_autoOpen = nullptr;
    QCheckBox *m_notifications = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_overrideNote = nullptr;
    QLabel *m_errors = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace MailSink::Ui
