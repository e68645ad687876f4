#include "MainWindow.h"

#include "imap/ImapServer.h"
#include "pop3/Pop3Server.h"

#include "ServerActions.h"
#include "ServerController.h"
#include "StoreMover.h"
#include "common/Actions.h"
#include "common/Icons.h"
#include "common/Theme.h"
#include "desktop/TrayIcon.h"
#include "list/MessageActions.h"
#include "list/MessageListModel.h"
#include "list/MessageListView.h"
#include "message/MessageWindow.h"
#include "outgoing/OutgoingActions.h"
#include "session/SessionWindow.h"
#include "session/SessionsDock.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "smtp/SmtpServer.h"
#include "store/MessageStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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

Q_LOGGING_CATEGORY(lcUi, "mailsink.ui")

namespace MailSink::Ui {

namespace {

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
    restoreSettings();
    applyAppSettings();
    updateListening();
    updateActions();
    updateCounts();
}

MainWindow::~MainWindow()
{
    m_messageActions->waitForJobs();
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

    m_sessions = new SessionsDock(
        m_server, m_settings, m_mdi,
        [this](QWidget *widget, const QSize &size) { return addSubWindow(widget, size); }, this);
    addDockWidget(Qt::RightDockWidgetArea, m_sessions);
    connect(m_sessions, &SessionsDock::liveCountChanged, this, &MainWindow::updateCounts);

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

    m_listenAction = newAction(this, Icons::stopListening(), tr("Stop listening"), QKeySequence(), [this] {
        if (m_server->isListening())
            stopListening();
        else
            startListening();
    });
    m_openFileAction = newAction(
        this, Icons::openFile(), tr("&Open .eml…"), QKeySequence::Open, &MainWindow::openFileDialog);
    m_messageActions = new MessageActions(
        m_store, m_model, m_view, m_mdi, m_settings,
        [this](const QString &question) { return ask(question); }, this);
    connect(m_messageActions, &MessageActions::openRequested, this, [this](const QList<qint64> &ids) {
        for (qint64 id : ids)
            openMessage(id);
    });
    connect(m_messageActions, &MessageActions::statusMessage, this,
        [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    QAction *openAction = m_messageActions->openAction();
    QAction *exportAction = m_messageActions->exportAction();
    QAction *markReadAction = m_messageActions->markReadAction();
    QAction *markUnreadAction = m_messageActions->markUnreadAction();
    QAction *deleteAction = m_messageActions->deleteAction();
    QAction *deleteAllAction = m_messageActions->deleteAllAction();
    // Release a caught message to a real server, or compose a test message (OutgoingActions).
    m_outgoing = new OutgoingActions(
        m_store,
        [this] {
            const ServerController::Status smtp = m_controller->status(ServerController::Listener::Smtp);
            return smtp.listening ? smtp.address : m_controller->settings().smtp;
        },
        this);
    m_outgoing->setSettings(m_settings->backend());
    m_filterAction = newAction(this, QIcon(), tr("&Filter…"), QKeySequence::Find, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    m_tabbedAction = new QAction(Icons::tabs(), tr("&Tabbed view"), this);
    m_tabbedAction->setCheckable(true);
    connect(m_tabbedAction, &QAction::toggled, this, &MainWindow::setTabbedView);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openFileAction);
    file->addAction(exportAction);
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
    message->addAction(openAction);
    message->addAction(markReadAction);
    message->addAction(markUnreadAction);
    message->addAction(m_outgoing->releaseAction());
    message->addAction(m_outgoing->composeAction());
    message->addSeparator();
    message->addAction(deleteAction);
    message->addAction(deleteAllAction);
    message->addSeparator();
    message->addAction(m_filterAction);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(m_listenAction);
    server->addAction(m_sessions->autoOpenAction());
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
    window->addAction(m_sessions->toggleViewAction());

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_listenAction);
    bar->addWidget(m_listenLabel);
    bar->addAction(m_serverActions->pop3LabelAction());
    bar->addAction(m_serverActions->imapLabelAction());
    bar->addSeparator();
    bar->addAction(m_openFileAction);
    bar->addAction(exportAction);
    bar->addSeparator();
    bar->addAction(markReadAction);
    bar->addAction(markUnreadAction);
    bar->addAction(deleteAction);
    bar->addAction(deleteAllAction);
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
    m_sessions->applySettings();
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
    if (Pop3::Pop3Server *pop3 = m_controller->pop3Server())
        pop3->shutdown(2000);
    if (Imap::ImapServer *imap = m_controller->imapServer())
        imap->shutdown(2000);
    m_messageActions->waitForJobs();
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
    m_sessionLabel->setText(tr("Connections: %1").arg(m_sessions->liveCount()));
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

SessionWindow *MainWindow::sessionWindow(quint64 sessionId) const
{
    return m_sessions->sessionWindow(sessionId);
}

SessionWindow *MainWindow::openSession(quint64 sessionId)
{
    return m_sessions->openSession(sessionId);
}

} // namespace MailSink::Ui
