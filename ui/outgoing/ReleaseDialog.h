#pragma once

#include "client/SmtpClientSession.h"

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace MailSink::Client {
class SmtpSender;
}
namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

class TraceView;

// A server the user sent to before. Kept in QSettings; the password never is (it goes to the
// platform keychain through QtKeychain when the build has it).
struct RemoteServer
{
    QString host;
    quint16 port = 25;
    Client::Security security = Client::Security::None;
    QString user;
    QByteArray trustedFingerprint; // SHA-256 of a certificate the user chose to trust

    QString displayName() const; // "smtp.example.com:587 (STARTTLS, alice)"
    bool sameServer(const RemoteServer &other) const; // host, port and user
};

// Sends one message to a real SMTP server: a caught message "exactly as received" (Release…), or a
// composed one. Shows the live conversation and the result; never blocks the GUI thread.
class ReleaseDialog : public QDialog
{
    Q_OBJECT

public:
    enum class State { Loading, Ready, Sending, Delivered, Failed };

    // Releases a caught message: envelope prefilled from the store, bytes read off the GUI thread.
    ReleaseDialog(Store::MessageStore *store, qint64 messageId, QWidget *parent = nullptr);
    // Sends the given message (e.g. from the composer); the envelope stays editable.
    explicit ReleaseDialog(const Client::OutgoingMessage &message, QWidget *parent = nullptr);
    ~ReleaseDialog() override;

    // Where remembered servers live; the default is a QSettings() for the application.
    void setSettings(QSettings *settings);
    void setPasswordStorageEnabled(bool enabled); // keychain on (default when built with QtKeychain)
    static bool hasPasswordStorage(); // built with QtKeychain
    void selectServer(const RemoteServer &server);

    State state() const { return m_state; }
    const Client::SendResult &lastResult() const { return m_result; }

    static QList<RemoteServer> rememberedServers(QSettings &settings);
    static void rememberServer(QSettings &settings, const RemoteServer &server); // most recent first
    static constexpr int MaxRememberedServers = 10;

public Q_SLOTS:
    void send();
    void trustCertificateAndRetry();

Q_SIGNALS:
    void stateChanged(MailSink::Ui::ReleaseDialog::State state);

protected:
    void reject() override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void setState(State state);
    void updateButtons();
    void fillEnvelope(const QByteArray &mailFrom, const QList<QByteArray> &recipients);
    void handleLoaded(const std::optional<QByteArray> &data, const QString &error);
    void handleFinished(const Client::SendResult &result);
    void handleRecentChosen(int index);
    void handleSecurityChanged(int index);
    void showResult(const Client::SendResult &result);
    void reloadRecent();
    void readPassword(const RemoteServer &server);
    void writePassword(const RemoteServer &server, const QString &password);
    RemoteServer currentServer() const;
    QList<QByteArray> recipients() const;
    QSettings &settings();

    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
    bool m_passwordStorage = true;
    State m_state = State::Loading;
    Client::OutgoingMessage m_message;
    Client::SendResult m_result;
    QList<QByteArray> m_acceptedFingerprints;
    QList<RemoteServer> m_recent;
    bool m_recentLoaded = false;
    QPointer<Client::SmtpSender> m_sender;

    QComboBox *m_recentCombo = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_storePassword = nullptr;
    QLineEdit *m_mailFrom = nullptr;
    QPlainTextEdit *m_recipients = nullptr;
    TraceView *m_trace = nullptr;
    QLabel *m_resultLabel = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_trustButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace MailSink::Ui
