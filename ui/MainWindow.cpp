#include "MainWindow.h"

#include "imap/ImapServer.h"
#include "pop3/Pop3Server.h"

#include "common/FileNames.h"
#include "common/Formatting.h"
#include "common/Icons.h"
#include "list/MessageListModel.h"
#include "list/MessageListView.h"
#include "message/MessageWindow.h"
#include "outgoing/OutgoingActions.h"
#include "ServerActions.h"
#include "ServerController.h"
#include "session/SessionWindow.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "StoreMover.h"
#include "common/Theme.h"
#include "desktop/TrayIcon.h"
#include "smtp/SmtpServer.h"
#include "store/MessageStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMdiArea>
#include <QMdiSubWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWidgetAction>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcUi, "mailsink.ui")

namespace MailSink::Ui {

namespace {

constexpr int MaxAutoOpenSessions = 8; // beyond this many open session windows, new ones are only listed
constexpr int MaxSessionRecords = 500;
constexpr int ManyMessages = 50; // mark read/unread in the background beyond this

MainWindow::Ask &askHook()
{
    static MainWindow::Ask hook;
    return hook;
}

bool isMessageFile(const QUrl &url)
{
    return url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile();
}

} // namespace

void MainWindow::setAskHook(Ask ask)
{
    askHook() = std::move(ask);
}

MainWindow::MainWindow(Store::MessageStore *store, Smtp::SmtpServer *server, const HostPort &address,
    Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_server(server)
    , m_settings(settings)
{
    qRegisterMetaType<Smtp::SessionInfo>();
    qRegisterMetaType<Trace>();
    setWindowTitle(tr("Mailsink"));
    setWindowIcon(Icons::messageUnread());
    setAcceptDrops(true);
    m_model = new MessageListModel(store, this);
    ServerSettings initial = ServerSettings::load(*settings);
    initial.smtp = address;
    m_controller = new ServerController(store, server, initial, this);
    connect(m_controller, &ServerController::statusChanged, this, &MainWindow::updateListening);
    createLayout();
    createActions();

    connect(server, &Smtp::SmtpServer::listeningChanged, this, &MainWindow::updateListening,
        Qt::QueuedConnection);
    connect(server, &Smtp::SmtpServer::sessionStarted, this, &MainWindow::handleSessionStarted,
        Qt::QueuedConnection);
    connect(server, &Smtp::SmtpServer::traceReceived, this, &MainWindow::handleTrace, Qt::QueuedConnection);
    connect(
        server, &Smtp::SmtpServer::transferProgress, this, &MainWindow::handleProgress, Qt::QueuedConnection);
    connect(
        server, &Smtp::SmtpServer::sessionEnded, this, &MainWindow::handleSessionEnded, Qt::QueuedConnection);
    connect(
        server, &Smtp::SmtpServer::connectionRefused, this,
        [this](const QString &client) {
            statusBar()->showMessage(
                tr("Refused a connection from %1: too many connections").arg(client), 5000);
        },
        Qt::QueuedConnection);
    connect(m_model, &MessageListModel::totalCountChanged, this, &MainWindow::updateCounts);
    // Tray icon with the unread count and new-mail notifications (batched; click opens the message).
    m_trayIcon = new TrayIcon(store, m_listenAction, this);
    m_trayIcon->setSuppressNotifications([this] { return isVisible() && isActiveWindow(); });
    connect(m_trayIcon, &TrayIcon::showRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_trayIcon, &TrayIcon::openMessageRequested, this, [this](qint64 id) {
        showNormal();
        raise();
        activateWindow();
        openMessage(id);
    });
    connect(m_trayIcon, &TrayIcon::quitRequested, this, &MainWindow::quit);
    connect(m_trayIcon, &TrayIcon::notificationsToggled, this, [this](bool on) {
        m_settings->setValue(Settings::Key::Notifications, on);
        if (m_settingsDialog)
            m_settingsDialog->notificationsBox()->setChecked(on);
    });
    connect(m_model, &MessageListModel::loaded, this, &MainWindow::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateCounts();
        // Keep a row selected after Delete so the next Delete goes on.
        if (m_view->selectionModel()->selectedRows().isEmpty() && m_view->currentIndex().isValid())
            m_view->selectRow(m_view->currentIndex().row());
    });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_view, &MessageListView::openRequested, this, [this](const QList<qint64> &ids) {
        for (qint64 id : ids.mid(0, 20))
            openMessage(id);
    });
    restoreSettings();
    applyAppSettings();
    updateListening();
    updateActions();
    updateCounts();
}

MainWindow::~MainWindow()
{
    m_jobs.waitForFinished();
}

void MainWindow::createLayout()
{
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);

    auto *listPane = new QWidget(m_splitter);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    auto *filterBar = new QWidget(listPane);
    auto *filterLayout = new QHBoxLayout(filterBar);
    filterLayout->setContentsMargins(6, 4, 6, 4);
    m_filter = new QLineEdit(filterBar);
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter by subject, sender, recipient, envelope or client (Ctrl+F)"));
    m_searchBodies = new QCheckBox(tr("Also search message bodies"), filterBar);
    m_searchBodies->setToolTip(tr("Reads every stored message in the background; slower on large stores"));
    m_searchBodies->setChecked(m_settings->flag(Settings::Key::SearchBodies));
    m_model->setSearchBodies(m_searchBodies->isChecked());
    filterLayout->addWidget(m_filter, 1);
    filterLayout->addWidget(m_searchBodies);
    m_view = new MessageListView(listPane);
    m_view->setMessageModel(m_model);
    listLayout->addWidget(filterBar);
    listLayout->addWidget(m_view, 1);

    auto *filterTimer = new QTimer(this);
    filterTimer->setSingleShot(true);
    filterTimer->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, filterTimer, qOverload<>(&QTimer::start));
    connect(filterTimer, &QTimer::timeout, this, [this] { m_model->setFilter(m_filter->text()); });
    connect(m_searchBodies, &QCheckBox::toggled, this, [this](bool on) {
        m_settings->setValue(Settings::Key::SearchBodies, on);
        m_model->setSearchBodies(on);
    });
    connect(m_model, &MessageListModel::loadingChanged, this, [this](bool loading) {
        if (loading && !m_model->filter().isEmpty())
            statusBar()->showMessage(tr("Searching…"));
        else if (!loading)
            statusBar()->clearMessage();
    });

    m_mdi = new QMdiArea(m_splitter);
    m_mdi->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_mdi->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_mdi->setTabsClosable(true);
    m_mdi->setTabsMovable(true);
    m_mdi->setDocumentMode(true);
    m_mdi->setBackground(QApplication::palette().color(QPalette::Window).darker(106));
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_mdi);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);

    auto *dock = new QDockWidget(tr("Sessions"), this);
    dock->setObjectName(QStringLiteral("sessionsDock"));
    m_sessionList = new QListWidget(dock);
    m_sessionList->setToolTip(tr("Every SMTP connection; double-click to open its conversation"));
    dock->setWidget(m_sessionList);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    connect(m_sessionList, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { openSession(item->data(Qt::UserRole).toULongLong()); });

    m_listenLabel = new QLabel(this);
    m_listenLabel->setTextFormat(Qt::RichText);
    m_listenLabel->setContentsMargins(8, 0, 8, 0);
    m_countLabel = new QLabel(this);
    m_sessionLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_sessionLabel);
    statusBar()->addPermanentWidget(m_countLabel);
}

void MainWindow::createActions()
{
    auto action = [this](const QIcon &icon, const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *a = new QAction(icon, text, this);
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };

    m_listenAction = action(Icons::stopListening(), tr("Stop listening"), QKeySequence(), [this] {
        if (m_server->isListening())
            stopListening();
        else
            startListening();
    });
    m_openFileAction
        = action(Icons::openFile(), tr("&Open .eml…"), QKeySequence::Open, &MainWindow::openFileDialog);
    m_openAction = action(Icons::messageRead(), tr("Open &message"), QKeySequence(), [this] {
        for (qint64 id : m_view->selectedIds().mid(0, 20))
            openMessage(id);
    });
    m_exportAction = action(
        Icons::exportMessage(), tr("&Export .eml…"), QKeySequence(tr("Ctrl+E")), &MainWindow::exportSelected);
    m_deleteAction
        = action(Icons::remove(), tr("&Delete"), QKeySequence::Delete, &MainWindow::deleteSelected);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteAllAction = action(
        Icons::removeAll(), tr("Delete &all…"), QKeySequence(tr("Ctrl+Shift+Del")), &MainWindow::deleteAll);
    m_markReadAction = action(
        Icons::markRead(), tr("Mark &read"), QKeySequence(tr("Ctrl+R")), [this] { markSelected(true); });
    m_markUnreadAction = action(
        Icons::markUnread(), tr("Mark &unread"), QKeySequence(tr("Ctrl+U")), [this] { markSelected(false); });
    // Release a caught message to a real server, or compose a test message (OutgoingActions).
    m_outgoing = new OutgoingActions(
        m_store,
        [this] {
            const ServerController::Status smtp = m_controller->status(ServerController::Listener::Smtp);
            return smtp.listening ? smtp.address : m_controller->settings().smtp;
        },
        this);
    m_outgoing->setSettings(m_settings->backend());
    m_filterAction = action(QIcon(), tr("&Filter…"), QKeySequence::Find, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    m_autoOpenAction = new QAction(tr("Open a window for each &new session"), this);
    m_autoOpenAction->setCheckable(true);
    m_autoOpenAction->setChecked(m_settings->flag(Settings::Key::AutoOpenSessions));
    connect(m_autoOpenAction, &QAction::toggled, this,
        [this](bool on) { m_settings->setValue(Settings::Key::AutoOpenSessions, on); });
    m_tabbedAction = new QAction(Icons::tabs(), tr("&Tabbed view"), this);
    m_tabbedAction->setCheckable(true);
    connect(m_tabbedAction, &QAction::toggled, this, &MainWindow::setTabbedView);

    // Right-click on the list: the message actions.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto separator = [this] {
        auto *line = new QAction(this);
        line->setSeparator(true);
        return line;
    };
    m_view->addActions({m_openAction, m_exportAction, separator(), m_markReadAction, m_markUnreadAction,
        separator(), m_deleteAction});

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openFileAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    m_settingsAction = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    // Ctrl+, where the platform names no Preferences key (GNOME, Windows).
    m_settingsAction->setShortcut(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
            ? QKeySequence(tr("Ctrl+,"))
            : QKeySequence(QKeySequence::Preferences));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *message = menuBar()->addMenu(tr("&Message"));
    message->addAction(m_openAction);
    message->addAction(m_markReadAction);
    message->addAction(m_markUnreadAction);
    message->addAction(m_outgoing->releaseAction());
    message->addAction(m_outgoing->composeAction());
    message->addSeparator();
    message->addAction(m_deleteAction);
    message->addAction(m_deleteAllAction);
    message->addSeparator();
    message->addAction(m_filterAction);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(m_listenAction);
    server->addAction(m_autoOpenAction);
    m_serverMenu = server;
    m_serverActions = new ServerActions(m_controller, m_settings, server, this);
    connect(m_serverActions, &ServerActions::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text); });

    QMenu *window = menuBar()->addMenu(tr("&Window"));
    window->addAction(m_tabbedAction);
    window->addSeparator();
    window->addAction(tr("&Tile"), m_mdi, &QMdiArea::tileSubWindows);
    window->addAction(tr("&Cascade"), m_mdi, &QMdiArea::cascadeSubWindows);
    window->addSeparator();
    QAction *next = window->addAction(tr("&Next window"), m_mdi, &QMdiArea::activateNextSubWindow);
    next->setShortcut(QKeySequence::NextChild);
    QAction *previous
        = window->addAction(tr("&Previous window"), m_mdi, &QMdiArea::activatePreviousSubWindow);
    previous->setShortcut(QKeySequence::PreviousChild);
    QAction *close = window->addAction(tr("C&lose window"), m_mdi, &QMdiArea::closeActiveSubWindow);
    close->setShortcut(QKeySequence::Close);
    window->addAction(tr("Close &all windows"), m_mdi, &QMdiArea::closeAllSubWindows);
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("sessionsDock")))
        window->addAction(dock->toggleViewAction());

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_listenAction);
    bar->addWidget(m_listenLabel);
    m_pop3Label = new QLabel(this);
    m_pop3Label->setTextFormat(Qt::RichText);
    m_pop3Label->setContentsMargins(0, 0, 8, 0);
    m_pop3LabelAction = bar->addWidget(m_pop3Label); // a toolbar shows or hides the action, not the label
    m_pop3LabelAction->setVisible(false);
    bar->addAction(m_serverActions->imapLabelAction());
    bar->addSeparator();
    bar->addAction(m_openFileAction);
    bar->addAction(m_exportAction);
    bar->addSeparator();
    bar->addAction(m_markReadAction);
    bar->addAction(m_markUnreadAction);
    bar->addAction(m_deleteAction);
    bar->addAction(m_deleteAllAction);
    bar->addSeparator();
    bar->addAction(m_tabbedAction);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->bytes(Settings::Key::MainWindowGeometry)))
        resize(1280, 820);
    restoreState(m_settings->bytes(Settings::Key::MainWindowState));
    if (!m_splitter->restoreState(m_settings->bytes(Settings::Key::SplitterState)))
        m_splitter->setSizes({320, 480});
    const QByteArray header = m_settings->bytes(Settings::Key::MessageListHeader);
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    // Sorting by anything but time is a background query; always start in arrival order.
    m_view->horizontalHeader()->setSortIndicator(MessageListModel::Received, Qt::DescendingOrder);
    m_tabbedAction->setChecked(m_settings->flag(Settings::Key::TabbedView));
}

void MainWindow::saveSettings()
{
    m_settings->setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    m_settings->setValue(Settings::Key::MainWindowState, saveState());
    m_settings->setValue(Settings::Key::SplitterState, m_splitter->saveState());
    m_settings->setValue(Settings::Key::MessageListHeader, m_view->horizontalHeader()->saveState());
    m_settings->setValue(Settings::Key::TabbedView, m_tabbedAction->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_settings->flag(Settings::Key::CloseToTray) && m_trayIcon->isVisible()) {
        hide();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_trayIcon->showMessage(tr("Mailsink keeps catching mail"),
                tr("It is still running in the system tray. Quit it from the tray menu."));
        }
        event->ignore();
        return;
    }
    saveSettings();
    m_settings->backend()->sync();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (!m_mdi || !m_trayIcon)
        return; // still being built
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        // The system switched between light and dark (or the theme setting did).
        m_mdi->setBackground(QApplication::palette().color(QPalette::Window).darker(106));
    } else if (event->type() == QEvent::WindowStateChange && isMinimized()
        && m_settings->flag(Settings::Key::CloseToTray) && m_trayIcon->isVisible()) {
        // Minimized to the tray: off the task bar until Show in the tray menu.
        QTimer::singleShot(0, this, &QWidget::hide);
    }
}

namespace {
bool s_restart = false;
}

bool MainWindow::restartRequested()
{
    return s_restart;
}

void MainWindow::restart()
{
    s_restart = true;
    quit();
    if (isVisible()) // the user kept the window (e.g. cancelled a question): no restart
        s_restart = false;
    else
        QCoreApplication::quit();
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
    m_quitting = false;
}

bool MainWindow::startListening()
{
    const bool ok = m_controller->startSmtp();
    updateListening();
    if (!ok) {
        const QString error = m_controller->status(ServerController::Listener::Smtp).error.isEmpty()
            ? m_controller->status(ServerController::Listener::Smtps).error
            : m_controller->status(ServerController::Listener::Smtp).error;
        statusBar()->showMessage(tr("Not listening: %1").arg(error));
    }
    return ok;
}

void MainWindow::stopListening()
{
    m_controller->stopSmtp();
    updateListening();
}

void MainWindow::updateListening()
{
    using Listener = ServerController::Listener;
    const ServerController::Status smtp = m_controller->status(Listener::Smtp);
    const ServerController::Status smtps = m_controller->status(Listener::Smtps);
    const bool on = smtp.listening || smtps.listening;
    m_listenAction->setText(on ? tr("Stop listening") : tr("Start listening"));
    m_listenAction->setIcon(on ? Icons::stopListening() : Icons::startListening());
    const QString error = !smtp.error.isEmpty() ? smtp.error : smtps.error;
    QString trayLine;
    if (on) {
        QString where = smtp.listening ? smtp.address.toString() : QString();
        if (smtps.listening)
            where += (where.isEmpty() ? QString() : QStringLiteral(", "))
                + tr("SMTPS %1").arg(smtps.address.toString());
        const QString tls = smtp.listening && m_server->config().tls ? tr(" (STARTTLS)") : QString();
        m_listenLabel->setText(QStringLiteral("<span style=\"color:#1e7b34\">●</span> ")
            + tr("Listening on <b>%1</b>%2").arg(where.toHtmlEscaped(), tls));
        m_listenLabel->setToolTip(tr("Point your application's SMTP settings at %1")
                                      .arg(smtp.listening ? smtp.address.toString() : where));
        trayLine = tr("Listening on %1").arg(where);
        if (!error.isEmpty())
            m_listenLabel->setText(m_listenLabel->text()
                + QStringLiteral(" <span style=\"color:#c62828\"><b>%1</b></span>")
                      .arg(error.toHtmlEscaped()));
    } else if (!error.isEmpty()) {
        m_listenLabel->setText(QStringLiteral("<span style=\"color:#c62828\">● <b>%1</b></span>")
                                   .arg(tr("Not listening: %1").arg(error).toHtmlEscaped()));
        m_listenLabel->setToolTip(
            tr("Another program may be using the port. Quit it, or choose another port in "
               "File > Settings, then click Start listening."));
        trayLine = tr("Not listening: %1").arg(error);
    } else {
        m_listenLabel->setText(QStringLiteral("<span style=\"color:#6b7280\">●</span> ")
            + tr("Not listening (%1)").arg(m_controller->settings().smtp.toString().toHtmlEscaped()));
        m_listenLabel->setToolTip(QString());
        trayLine = tr("Not listening");
    }
    m_trayIcon->setListeningText(trayLine);
    if (m_pop3)
        updatePop3Status();
}

void MainWindow::updatePop3Status()
{
    using Listener = ServerController::Listener;
    const ServerController::Status pop3 = m_controller->status(Listener::Pop3);
    const ServerController::Status pop3s = m_controller->status(Listener::Pop3s);
    m_pop3LabelAction->setVisible(true);
    if (m_pop3Action) {
        const QSignalBlocker blocker(m_pop3Action);
        m_pop3Action->setChecked(m_controller->settings().pop3Enabled);
    }
    const QString error = !pop3.error.isEmpty() ? pop3.error : pop3s.error;
    if (!m_controller->settings().pop3Enabled) {
        m_pop3Label->setText(QStringLiteral("<span style=\"color:#6b7280\">●</span> ") + tr("POP3 off"));
        m_pop3Label->setToolTip(tr("Turn it on in Server > Serve POP3."));
    } else if (pop3.listening || pop3s.listening) {
        QString where = pop3.listening ? pop3.address.toString() : QString();
        if (pop3s.listening)
            where += (where.isEmpty() ? QString() : QStringLiteral(", "))
                + tr("POP3S %1").arg(pop3s.address.toString());
        const bool tls = pop3.listening && m_pop3->config().tls.has_value();
        m_pop3Label->setText(QStringLiteral("<span style=\"color:#1e7b34\">●</span> ")
            + tr("POP3 on <b>%1</b>%2").arg(where.toHtmlEscaped(), tls ? tr(" (STLS)") : QString()));
        m_pop3Label->setToolTip(
            tr("Mail clients can fetch the caught mail here: user \"all\" sees every message, "
               "an e-mail address as user name sees only mail to it; any password."));
        if (!error.isEmpty())
            m_pop3Label->setText(m_pop3Label->text()
                + QStringLiteral(" <span style=\"color:#c62828\"><b>%1</b></span>")
                      .arg(error.toHtmlEscaped()));
    } else {
        m_pop3Label->setText(QStringLiteral("<span style=\"color:#c62828\">● %1</span>")
                                 .arg(tr("POP3 off: %1").arg(error).toHtmlEscaped()));
        m_pop3Label->setToolTip(tr("Choose another address in File > Settings."));
    }
}

void MainWindow::setPop3Server(Pop3::Pop3Server *server, const HostPort &address)
{
    m_pop3 = server;
    m_controller->setPop3Server(server);
    if (!m_pop3Action) {
        m_pop3Action = new QAction(tr("Serve &POP3"), this);
        m_pop3Action->setCheckable(true);
        m_pop3Action->setToolTip(tr("Let mail clients fetch the caught mail over POP3"));
        m_serverMenu->addAction(m_pop3Action);
        connect(m_pop3Action, &QAction::toggled, this, [this](bool on) {
            m_settings->setValue(Settings::Key::ServePop3, on);
            applyPop3(on);
        });
    }
    m_pop3Action->setEnabled(!m_controller->overrides().noPop3);
    ServerSettings wanted = m_controller->settings();
    wanted.pop3 = address;
    m_controller->apply(wanted);
    updatePop3Status();
    const QString error = m_controller->status(ServerController::Listener::Pop3).error;
    if (!error.isEmpty())
        statusBar()->showMessage(tr("POP3 off: %1").arg(error));
}

void MainWindow::applyPop3(bool on)
{
    if (!m_pop3)
        return;
    ServerSettings wanted = m_controller->settings();
    wanted.pop3Enabled = on;
    m_controller->apply(wanted);
    updatePop3Status();
    const QString error = m_controller->status(ServerController::Listener::Pop3).error;
    if (on && !error.isEmpty())
        statusBar()->showMessage(tr("POP3 off: %1").arg(error));
}

SettingsDialog *MainWindow::showSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_controller, m_settings, m_store->root(), this);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &SettingsDialog::appSettingsChanged, this, &MainWindow::applyAppSettings);
        connect(m_settingsDialog, &SettingsDialog::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
        connect(m_settingsDialog, &SettingsDialog::storeFolderChangeRequested, this,
            &MainWindow::handleStoreFolderRequest);
        connect(m_settingsDialog, &SettingsDialog::languageChanged, this, [this] {
            if (ask(tr("The new language is used when Mailsink starts again. Restart Mailsink now?")))
                QTimer::singleShot(0, this, &MainWindow::restart);
        });
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
    return m_settingsDialog;
}

void MainWindow::applyAppSettings()
{
    m_autoOpenAction->setChecked(m_settings->flag(Settings::Key::AutoOpenSessions));
    m_trayIcon->setNotificationsEnabled(m_settings->flag(Settings::Key::Notifications));
    applyTheme(m_settings->text(Settings::Key::Theme));
    m_mdi->setBackground(QApplication::palette().color(QPalette::Window).darker(106));
}

void MainWindow::handleStoreFolderRequest(const QString &folder)
{
    QMessageBox box(QMessageBox::Question, tr("Change the store folder"),
        tr("Use %1 as the store folder from now on?").arg(QDir::toNativeSeparators(folder)),
        QMessageBox::Cancel, m_settingsDialog ? static_cast<QWidget *>(m_settingsDialog) : this);
    box.setInformativeText(tr("Move the stored messages (%1) there (the folder must be empty), or open the "
                              "folder as it is and leave the mail where it is now.")
                               .arg(m_store->count()));
    QPushButton *move = box.addButton(tr("&Move the mail"), QMessageBox::AcceptRole);
    QPushButton *open = box.addButton(tr("&Open the folder"), QMessageBox::AcceptRole);
    box.setDefaultButton(move);
    const auto clicked = [&box] { return qobject_cast<QPushButton *>(box.clickedButton()); };
    box.exec();
    if (clicked() != move && clicked() != open)
        return;
    QString error;
    const bool ok = switchStore(folder, clicked() == move, &error);
    if (m_settingsDialog)
        m_settingsDialog->setStoreFolder(m_store->root());
    if (!ok)
        QMessageBox::warning(this, tr("Store folder"), error);
}

bool MainWindow::switchStore(const QString &folder, bool move, QString *error)
{
    const QString previous = m_store->root();
    if (QDir::cleanPath(QDir(folder).absolutePath()) == QDir::cleanPath(previous) && m_store->isOpen())
        return true;
    // Nothing may touch the store while it changes hands: sessions end (a message in transfer is
    // finished first), background jobs and the list's query finish, windows on stored messages close.
    const bool smtpWasRunning = m_controller->isSmtpRunning();
    m_server->shutdown(5000);
    if (m_pop3)
        m_pop3->shutdown(2000);
    if (Imap::ImapServer *imap = m_controller->imapServer())
        imap->shutdown(2000);
    m_jobs.waitForFinished();
    m_model->stopQuery();
    m_controller->stopHttp(); // apply() in reopen() starts it again
    for (MessageWindow *window : messageWindows()) {
        if (window->storedId() != 0)
            window->parentWidget()->close();
    }
    m_store->close();

    // Listening again only with a store open: without one every message would get a 4xx.
    auto reopen = [&](const QString &root) {
        const bool opened = m_store->open(root, Store::MessageStore::Mode::Exclusive);
        m_model->refresh();
        m_trayIcon->storeChanged();
        if (!opened)
            return false;
        m_controller->reloadTls();
        if (smtpWasRunning)
            m_controller->startSmtp();
        m_controller->apply(m_controller->settings()); // POP3, IMAP and their TLS listeners as they were
        updateListening();
        return true;
    };
    auto listenerProblems = [this] {
        QStringList problems;
        for (auto listener : {ServerController::Listener::Smtp, ServerController::Listener::Smtps,
                 ServerController::Listener::Pop3, ServerController::Listener::Pop3s,
                 ServerController::Listener::Imap, ServerController::Listener::Imaps,
                 ServerController::Listener::Http}) {
            const QString why = m_controller->status(listener).error;
            if (!why.isEmpty())
                problems << tr("%1: %2").arg(ServerController::listenerName(listener), why);
        }
        return problems.isEmpty() ? QString() : u' ' + problems.join(QStringLiteral("; "));
    };
    auto fail = [&](QString why) {
        if (!m_store->isOpen()) {
            why += u' '
                + tr("No store is open and Mailsink is not listening; choose a store folder in File > "
                     "Settings.");
            QMessageBox::critical(this, tr("Store folder"), why);
        }
        why += listenerProblems();
        if (error)
            *error = why;
        statusBar()->showMessage(why);
        return false;
    };

    StoreMover mover(previous, folder);
    if (move && !mover.move()) {
        mover.releaseLock();
        if (!reopen(previous))
            return fail(mover.errorString() + u' '
                + tr("Cannot open %1 again: %2")
                      .arg(QDir::toNativeSeparators(previous), m_store->errorString()));
        return fail(mover.errorString());
    }
    if (!reopen(folder)) {
        QString why = tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(folder), m_store->errorString());
        m_store->close();
        if (move && !mover.rollBack()) {
            // Half moved: leave every file where it is, say where, and do not serve either half.
            mover.releaseLock();
            return fail(why + u' ' + mover.errorString());
        }
        mover.releaseLock();
        if (!reopen(previous))
            return fail(why + u' '
                + tr("Cannot open %1 again: %2")
                      .arg(QDir::toNativeSeparators(previous), m_store->errorString()));
        return fail(why);
    }
    if (move && mover.copied())
        mover.removeSource(); // still under the old folder's lock
    mover.releaseLock();
    if (!m_controller->overrides().store)
        m_settings->setValue(Settings::Key::StoreFolder, m_store->root());
    Q_EMIT storeChanged(m_store->root());
    const QString done = move ? tr("Mail moved to %1").arg(QDir::toNativeSeparators(m_store->root()))
                              : tr("Store folder: %1").arg(QDir::toNativeSeparators(m_store->root()));
    statusBar()->showMessage(done + listenerProblems(), 10000);
    return true;
}

void MainWindow::updateActions()
{
    const bool any = !m_view->selectionModel()->selectedRows().isEmpty();
    m_openAction->setEnabled(any);
    m_exportAction->setEnabled(any);
    m_deleteAction->setEnabled(any);
    m_markReadAction->setEnabled(any);
    m_markUnreadAction->setEnabled(any);
    const QList<qint64> ids = m_view->selectedIds();
    m_outgoing->setCurrentMessage(ids.isEmpty() ? std::nullopt : std::optional<qint64>(ids.first()));
}

void MainWindow::updateCounts()
{
    const qint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    if (m_model->filter().isEmpty())
        m_countLabel->setText(tr("Messages: %1").arg(total));
    else
        m_countLabel->setText(tr("Shown: %1 of %2").arg(shown).arg(total));
    m_deleteAllAction->setEnabled(total > 0);
    int live = 0;
    for (const SessionRecord &record : std::as_const(m_sessions))
        live += record.live ? 1 : 0;
    m_sessionLabel->setText(tr("Connections: %1").arg(live));
}

void MainWindow::setTabbedView(bool tabbed)
{
    m_mdi->setViewMode(tabbed ? QMdiArea::TabbedView : QMdiArea::SubWindowView);
}

QMdiSubWindow *MainWindow::addSubWindow(QWidget *widget, const QSize &size)
{
    QMdiSubWindow *sub = m_mdi->addSubWindow(widget);
    sub->setAttribute(Qt::WA_DeleteOnClose);
    sub->setWindowIcon(widget->windowIcon());
    const QSize room = m_mdi->viewport()->size();
    sub->resize(room.isValid() && room.width() > 200 ? size.boundedTo(room) : size);
    sub->show();
    sub->installEventFilter(this);
    return sub;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Remember the size the user gives message and session windows (not while tiled or maximized).
    if (event->type() == QEvent::Resize && m_mdi->viewMode() == QMdiArea::SubWindowView) {
        auto *sub = qobject_cast<QMdiSubWindow *>(watched);
        if (sub && sub->isVisible() && !sub->isMaximized() && !sub->isMinimized() && sub->underMouse()) {
            if (qobject_cast<MessageWindow *>(sub->widget()))
                m_settings->setValue(Settings::Key::MessageWindowSize, sub->size());
            else if (qobject_cast<SessionWindow *>(sub->widget()))
                m_settings->setValue(Settings::Key::SessionWindowSize, sub->size());
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

QList<MessageWindow *> MainWindow::messageWindows() const
{
    QList<MessageWindow *> windows;
    for (QMdiSubWindow *sub : m_mdi->subWindowList()) {
        if (auto *window = qobject_cast<MessageWindow *>(sub->widget()))
            windows.append(window);
    }
    return windows;
}

MessageWindow *MainWindow::openMessage(qint64 id)
{
    for (QMdiSubWindow *sub : m_mdi->subWindowList()) {
        auto *window = qobject_cast<MessageWindow *>(sub->widget());
        if (window && window->storedId() == id) {
            m_mdi->setActiveSubWindow(sub);
            return window;
        }
    }
    auto *window = new MessageWindow(m_store, id, m_settings);
    window->setWindowIcon(Icons::messageRead());
    connect(window, &MessageWindow::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    QMdiSubWindow *sub = addSubWindow(window, m_settings->value(Settings::Key::MessageWindowSize).toSize());
    connect(
        window, &MessageWindow::loaded, sub, [sub, window] { sub->setWindowTitle(window->windowTitle()); });
    return window;
}

MessageWindow *MainWindow::openFile(const QString &path)
{
    auto *window = new MessageWindow(path, m_store, m_settings);
    window->setWindowIcon(Icons::openFile());
    connect(window, &MessageWindow::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    QMdiSubWindow *sub = addSubWindow(window, m_settings->value(Settings::Key::MessageWindowSize).toSize());
    connect(window, &MessageWindow::loaded, sub, [sub, window] {
        if (window->message().error.isEmpty())
            qCInfo(lcUi) << "opened" << window->filePath() << "subject" << window->subjectText();
        else
            qCInfo(lcUi) << "cannot show" << window->filePath() << window->message().error;
        sub->setWindowTitle(
            QObject::tr("%1 — %2").arg(window->windowTitle(), QFileInfo(window->filePath()).fileName()));
    });
    return window;
}

void MainWindow::openFiles(const QStringList &paths)
{
    for (const QString &path : paths)
        openFile(path);
}

void MainWindow::openFileDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open messages"),
        m_settings->text(Settings::Key::LastDirectory),
        tr("E-mail messages (*.eml *.msg *.txt);;All files (*)"));
    if (paths.isEmpty())
        return;
    m_settings->setValue(Settings::Key::LastDirectory, QFileInfo(paths.first()).absolutePath());
    openFiles(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    // Our own drags (a message or attachment dragged out) must not come back in as files to open.
    if (event->source() == nullptr && event->mimeData()->hasUrls()) {
        const QList<QUrl> urls = event->mimeData()->urls();
        if (std::any_of(urls.begin(), urls.end(), isMessageFile)) {
            event->acceptProposedAction();
            return;
        }
    }
    event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (isMessageFile(url))
            paths.append(url.toLocalFile());
    }
    openFiles(paths);
    event->acceptProposedAction();
}

bool MainWindow::ask(const QString &question)
{
    if (askHook())
        return askHook()(this, question);
    return QMessageBox::question(
               this, tr("Mailsink"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void MainWindow::deleteSelected()
{
    const QList<qint64> ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    // Deleting unlinks files: off the GUI thread. The list updates from messagesRemoved.
    m_jobs.addFuture(QtConcurrent::run([store = m_store, ids] { store->remove(ids); }));
    statusBar()->showMessage(tr("Messages deleted: %1").arg(ids.size()), 3000);
}

void MainWindow::deleteAll()
{
    const qint64 total = m_model->totalCount();
    if (total == 0 || !ask(tr("Delete all stored messages (%1)? This cannot be undone.").arg(total)))
        return;
    for (MessageWindow *window : messageWindows()) {
        if (window->storedId() != 0)
            window->parentWidget()->close();
    }
    m_jobs.addFuture(QtConcurrent::run([store = m_store] { store->clear(); }));
    statusBar()->showMessage(tr("Deleting all messages…"), 3000);
}

void MainWindow::markSelected(bool seen)
{
    const QList<qint64> ids = m_view->selectedIds();
    auto mark = [store = m_store, ids, seen] {
        for (qint64 id : ids)
            store->setSeen(id, seen);
    };
    if (ids.size() > ManyMessages)
        m_jobs.addFuture(QtConcurrent::run(mark));
    else
        mark();
}

bool MainWindow::exportMessages(const QList<qint64> &ids, const QString &target, QString *error)
{
    const bool toFolder = QFileInfo(target).isDir();
    for (qint64 id : ids) {
        const auto info = m_store->message(id);
        if (!info)
            continue;
        const QString path = toFolder
            ? uniqueFilePath(QDir(target),
                sanitizeFileName(info->subject.left(80), tr("message %1").arg(id)) + QStringLiteral(".eml"))
            : target;
        if (QFileInfo::exists(path) && !toFolder)
            QFile::remove(path);
        // A file copy: byte-identical to what the client sent.
        QFile source(m_store->filePath(*info));
        if (!source.copy(path)) {
            if (error)
                *error = tr("Cannot write %1: %2").arg(path, source.errorString());
            return false;
        }
    }
    return true;
}

void MainWindow::exportSelected()
{
    // From a message window when one has focus, else the selection in the list.
    if (QMdiSubWindow *sub = m_mdi->activeSubWindow();
        sub && sub->isAncestorOf(QApplication::focusWidget())) {
        if (auto *window = qobject_cast<MessageWindow *>(sub->widget())) {
            window->exportMessage();
            return;
        }
    }
    const QList<qint64> ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    const QString last = m_settings->text(Settings::Key::LastDirectory);
    QString target;
    if (ids.size() == 1) {
        const auto info = m_store->message(ids.first());
        const QString name = sanitizeFileName(info ? info->subject.left(80) : QString(), tr("message"))
            + QStringLiteral(".eml");
        target = QFileDialog::getSaveFileName(this, tr("Export message"), QDir(last).filePath(name),
            tr("E-mail messages (*.eml);;All files (*)"));
        if (!target.isEmpty())
            m_settings->setValue(Settings::Key::LastDirectory, QFileInfo(target).absolutePath());
    } else {
        target = QFileDialog::getExistingDirectory(this, tr("Export the selected messages to"), last);
        if (!target.isEmpty())
            m_settings->setValue(Settings::Key::LastDirectory, target);
    }
    if (target.isEmpty())
        return;
    QString error;
    if (!exportMessages(ids, target, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Messages exported: %1").arg(ids.size()), 5000);
}

SessionWindow *MainWindow::sessionWindow(quint64 sessionId) const
{
    const auto it = m_sessions.constFind(sessionId);
    if (it == m_sessions.constEnd() || !it->window)
        return nullptr;
    return qobject_cast<SessionWindow *>(it->window->widget());
}

SessionWindow *MainWindow::openSession(quint64 sessionId)
{
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return nullptr;
    if (it->window) {
        m_mdi->setActiveSubWindow(it->window);
        return qobject_cast<SessionWindow *>(it->window->widget());
    }
    auto *window = new SessionWindow(it->info);
    window->appendTrace(it->trace);
    if (it->bytes >= 0)
        window->setTransferred(it->bytes);
    if (!it->live)
        window->setEnded();
    connect(window, &SessionWindow::closeSessionRequested, this,
        [this](quint64 id) { m_server->closeSession(id); });
    QMdiSubWindow *active = m_mdi->activeSubWindow();
    it->window = addSubWindow(window, m_settings->value(Settings::Key::SessionWindowSize).toSize());
    it->window->setWindowTitle(window->title());
    // A session that opens by itself must not take the focus from what the user is reading.
    if (active && active != it->window.data())
        m_mdi->setActiveSubWindow(active);
    return window;
}

void MainWindow::handleSessionStarted(const Smtp::SessionInfo &info)
{
    SessionRecord record;
    record.info = info;
    record.item = new QListWidgetItem(m_sessionList);
    record.item->setData(Qt::UserRole, info.id);
    m_sessionList->insertItem(0, m_sessionList->takeItem(m_sessionList->row(record.item)));
    m_sessions.insert(info.id, record);
    m_sessionOrder.append(info.id);
    updateSessionItem(record);
    trimSessions();
    updateCounts();
    if (m_autoOpenAction->isChecked()) {
        // Make room by closing the oldest finished session window; if all are live, only list it.
        int open = 0;
        for (const SessionRecord &other : std::as_const(m_sessions))
            open += other.window ? 1 : 0;
        for (auto it = m_sessionOrder.cbegin(); open >= MaxAutoOpenSessions && it != m_sessionOrder.cend();
             ++it) {
            SessionRecord &other = m_sessions[*it];
            if (!other.live && other.window) {
                other.window->close();
                --open;
            }
        }
        if (open < MaxAutoOpenSessions)
            openSession(info.id);
    }
}

void MainWindow::handleTrace(quint64 id, const Trace &lines)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    it->trace.append(lines);
    if (SessionWindow *window = sessionWindow(id))
        window->appendTrace(lines);
}

void MainWindow::handleProgress(quint64 id, qint64 bytes)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    it->bytes = bytes;
    if (SessionWindow *window = sessionWindow(id))
        window->setTransferred(bytes);
    updateSessionItem(*it);
}

void MainWindow::handleSessionEnded(quint64 id)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    it->live = false;
    it->bytes = -1;
    if (SessionWindow *window = sessionWindow(id)) {
        window->setEnded();
        it->window->setWindowIcon(window->windowIcon());
    }
    updateSessionItem(*it);
    updateCounts();
}

void MainWindow::updateSessionItem(const SessionRecord &record)
{
    if (!record.item)
        return;
    QString text = tr("#%1  %2:%3  %4")
                       .arg(record.info.id)
                       .arg(record.info.clientAddress)
                       .arg(record.info.clientPort)
                       .arg(record.info.started.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    if (record.bytes >= 0)
        text += u'\n' + tr("receiving %1").arg(Formatting::size(record.bytes));
    record.item->setText(text);
    record.item->setIcon(Icons::session(record.live));
    record.item->setToolTip(record.live ? tr("Connected") : tr("Ended"));
}

void MainWindow::trimSessions()
{
    while (m_sessionOrder.size() > MaxSessionRecords) {
        // Forget the oldest ended session without an open window.
        auto victim = std::find_if(m_sessionOrder.begin(), m_sessionOrder.end(), [this](quint64 id) {
            const SessionRecord &record = m_sessions[id];
            return !record.live && !record.window;
        });
        if (victim == m_sessionOrder.end())
            return;
        delete m_sessions[*victim].item;
        m_sessions.remove(*victim);
        m_sessionOrder.erase(victim);
    }
}

} // namespace MailSink::Ui
