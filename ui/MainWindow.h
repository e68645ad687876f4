#pragma once

#include "util/HostPort.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMdiArea;
class QMdiSubWindow;
class QSplitter;

namespace MailSink::Smtp {
class SmtpServer;
}
namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

class MessageActions;
class MessageListModel;
class MessageListView;
class MessageWindow;
class OutgoingActions;
class ServerActions;
class ServerController;
class SessionWindow;
class SessionsDock;
class Settings;
class SettingsDialog;
class TrayIcon;

// The desktop app: toolbar with Start/Stop listening and the address, the message list (filter, sort,
// delete, mark read, export, drag out) above an MDI area of session and message windows, a dock that
// lists every SMTP session, and a status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Store::MessageStore *store, Smtp::SmtpServer *server, const HostPort &address,
        Settings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    MessageListModel *messageModel() const { return m_model; }
    MessageListView *messageView() const { return m_view; }
    QMdiArea *mdiArea() const { return m_mdi; }
    QLabel *listeningLabel() const { return m_listenLabel; }
    // Serve POP3, Serve IMAP and their toolbar labels.
    ServerActions *serverActions() const { return m_serverActions; }
    QLineEdit *filterEdit() const { return m_filter; }
    ServerController *serverController() const { return m_controller; }
    TrayIcon *trayIcon() const { return m_trayIcon; }
    QAction *settingsAction() const { return m_settingsAction; }
    // File > Settings: opened once, raised when asked again.
    SettingsDialog *showSettings();

    // Closes the store and opens `folder` instead, moving the mail there when `move`; listeners and the
    // list follow. On failure the previous store is open again and `error` says why.
    bool switchStore(const QString &folder, bool move, QString *error = nullptr);
    // Reads the app-level settings again (auto-open, notifications, close to tray, theme).
    void applyAppSettings();

    MessageWindow *openMessage(qint64 id);
    MessageWindow *openFile(const QString &path);
    void openFiles(const QStringList &paths);
    SessionWindow *openSession(quint64 sessionId);
    SessionWindow *sessionWindow(quint64 sessionId) const;
    QList<MessageWindow *> messageWindows() const;

    // Open, export, mark and delete what the list has selected.
    MessageActions *messageActions() const { return m_messageActions; }

    // Test seam for the yes/no questions (delete all); by default a message box.
    using Ask = std::function<bool(QWidget *parent, const QString &question)>;
    static void setAskHook(Ask ask);

public Q_SLOTS:
    bool startListening();
    void stopListening();
    void quit(); // really quits, even when closing goes to the tray
    // Quits so that main() starts Mailsink again (a new language is loaded at start).
    void restart();

public:
    static bool restartRequested();
    void openFileDialog();

Q_SIGNALS:
    void storeChanged(const QString &root); // switchStore() opened another folder

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createLayout();
    void restoreSettings();
    void saveSettings();
    void updateListening();
    void handleStoreFolderRequest(const QString &folder);
    void updateActions();
    void updateCounts();
    void setTabbedView(bool tabbed);
    QMdiSubWindow *addSubWindow(QWidget *widget, const QSize &size);
    bool ask(const QString &question);

    Store::MessageStore *m_store;
    Smtp::SmtpServer *m_server;
    Settings *m_settings;

    MessageListModel *m_model = nullptr;
    MessageListView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_searchBodies = nullptr;
    QMdiArea *m_mdi = nullptr;
    SessionsDock *m_sessions = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_listenLabel = nullptr;
    QMenu *m_serverMenu = nullptr;
    ServerActions *m_serverActions = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_sessionLabel = nullptr;
    ServerController *m_controller = nullptr;
    TrayIcon *m_trayIcon = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    QAction *m_settingsAction = nullptr;
    bool m_quitting = false;
    bool m_toldAboutTray = false;

    QAction *m_listenAction = nullptr;
    QAction *m_openFileAction = nullptr;
    QAction *m_tabbedAction = nullptr;
    QAction *m_filterAction = nullptr;
    OutgoingActions *m_outgoing = nullptr;
    MessageActions *m_messageActions = nullptr;
};

} // namespace MailSink::Ui
