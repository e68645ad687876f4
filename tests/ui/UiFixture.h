#pragma once

#include "MainWindow.h"
#include "settings/Settings.h"
#include "smtp/SmtpServer.h"
#include "store/MessageStore.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <future>
#include <memory>

namespace MailSink::Ui {
class SessionWindow;
}

namespace MailSink::Test {

QString uiTestData(const QString &name);
QByteArray readUiTestData(const QString &name);

// Commits `raw` straight to the store, as an SMTP session does (messageStored comes from the committing
// thread); returns the new id, or 0 if the store refused it.
qint64 commitMessage(Store::MessageStore &store, const QByteArray &raw,
    const QByteArray &mailFrom = "bounce@example.com",
    const QList<QByteArray> &recipients = {"rcpt@example.com"});

// Waits, processing events, until `condition` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000);

// A blocking SMTP client on its own thread, so the GUI thread keeps accepting and delivering signals.
struct SmtpScript
{
    QByteArray from = "sender@example.com";
    QList<QByteArray> recipients = {"rcpt@example.com"};
    QByteArray message; // without dot-stuffing; CRLF line ends
};
std::future<bool> sendAsync(quint16 port, SmtpScript script);
// Connects, says EHLO and waits: resolves with what the server said after that (e.g. a 421 on close).
std::future<QByteArray> idleClientAsync(quint16 port, std::shared_ptr<std::atomic_bool> connected);

// A store in a temporary folder, an SMTP server on 127.0.0.1:0 and the real MainWindow, settings in an
// INI file in the same folder.
class UiFixture
{
public:
    explicit UiFixture(bool tls = false, const std::function<void(Ui::Settings &)> &configure = {});
    ~UiFixture();

    Store::MessageStore &store() { return *m_store; }
    Smtp::SmtpServer &server() { return *m_server; }
    Ui::MainWindow &window() { return *m_window; }
    // The session windows open in the MDI area (live or ended), in its order.
    QList<Ui::SessionWindow *> sessionWindows() const;
    Ui::Settings &settings() { return *m_settings; }
    QSettings &settingsBackend() { return *m_backend; }
    QString storePath() const { return m_dir.filePath(QStringLiteral("store")); }
    QString tempPath() const { return m_dir.path(); }
    quint16 port() const;

    // Sends over a real socket and waits until the message is in the list model.
    bool deliver(const QByteArray &raw, const QList<QByteArray> &recipients = {"rcpt@example.com"});

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store::MessageStore> m_store;
    std::unique_ptr<Smtp::SmtpServer> m_server;
    std::unique_ptr<QSettings> m_backend;
    std::unique_ptr<Ui::Settings> m_settings;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace MailSink::Test
