#include "desktop/TrayIcon.h"

#include "desktop/DesktopNotifier.h"

#include "common/Icons.h"
#include "store/MessageStore.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QSignalBlocker>

namespace MailSink::Ui {

TrayIcon::TrayIcon(Store::MessageStore *store, QAction *listenAction, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_batcher(new NotificationBatcher(this))
    , m_showAction(new QAction(tr("&Show Mailsink"), this))
    , m_quitAction(new QAction(tr("&Quit"), this))
    , m_notificationsAction(new QAction(tr("&Notify of new mail"), this))
    , m_menu(std::make_unique<QMenu>())
{
    qRegisterMetaType<Store::MessageInfo>();
    qRegisterMetaType<QList<qint64>>();
    qRegisterMetaType<Notification>();

    m_menu->addAction(m_showAction);
    if (listenAction)
        m_menu->addAction(listenAction);
    m_notificationsAction->setCheckable(true);
    m_notificationsAction->setChecked(true);
    m_menu->addAction(m_notificationsAction);
    m_menu->addSeparator();
    m_menu->addAction(m_quitAction);
    connect(m_showAction, &QAction::triggered, this, &TrayIcon::showRequested);
    connect(m_quitAction, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_notificationsAction, &QAction::toggled, this, [this](bool on) {
        m_batcher->setEnabled(on);
        Q_EMIT notificationsToggled(on);
    });

    // The store signals come from its committing thread.
    connect(store, &Store::MessageStore::messageStored, m_batcher, &NotificationBatcher::add,
        Qt::QueuedConnection);
    connect(
        store, &Store::MessageStore::messageStored, this, &TrayIcon::scheduleRecount, Qt::QueuedConnection);
    connect(
        store, &Store::MessageStore::messagesRemoved, this, &TrayIcon::scheduleRecount, Qt::QueuedConnection);
    connect(store, &Store::MessageStore::seenChanged, this, &TrayIcon::scheduleRecount, Qt::QueuedConnection);
    connect(m_batcher, &NotificationBatcher::notificationReady, this, &TrayIcon::handleNotificationReady);

    m_recountTimer.setSingleShot(true);
    m_recountTimer.setInterval(RecountDelay);
    connect(&m_recountTimer, &QTimer::timeout, this, &TrayIcon::recount);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray
            = std::make_unique<QSystemTrayIcon>(Icons::messageRead()); // the unread icon once there is mail
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray.get(), &QSystemTrayIcon::activated, this, &TrayIcon::handleActivated);
        connect(m_tray.get(), &QSystemTrayIcon::messageClicked, this, &TrayIcon::handleMessageClicked);
    } else
        setDesktopNotifier(new DesktopNotifier(this)); // no tray (GNOME): the notification service
    recount();
    if (m_tray)
        m_tray->show();
}

void TrayIcon::setDesktopNotifier(DesktopNotifier *notifier)
{
    if (m_notifier && m_notifier->parent() == this)
        delete m_notifier;
    m_notifier = notifier;
    if (!m_notifier)
        return;
    connect(m_notifier, &DesktopNotifier::activated, this, [this](const QList<qint64> &ids) {
        if (ids.size() == 1)
            Q_EMIT openMessageRequested(ids.constFirst());
        else
            Q_EMIT showRequested();
    });
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

void TrayIcon::setNotificationsEnabled(bool enabled)
{
    const QSignalBlocker blocker(m_notificationsAction); // a setting read, not a user's toggle
    m_notificationsAction->setChecked(enabled);
    m_batcher->setEnabled(enabled);
}

void TrayIcon::setSuppressNotifications(std::function<bool()> predicate)
{
    m_suppress = std::move(predicate);
}

void TrayIcon::showMessage(const QString &title, const QString &body)
{
    m_shownIds.clear(); // a click on it shows the window
    if (m_tray)
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, NotificationTimeout);
}

void TrayIcon::storeChanged()
{
    // New messages of the old store still queued to the batcher (the store's committer has stopped; the
    // new store has not taken mail yet) would announce ids that now mean other messages.
    QCoreApplication::removePostedEvents(m_batcher, QEvent::MetaCall);
    m_batcher->clear();
    m_shownIds.clear();
    if (m_notifier)
        m_notifier->forget();
    recount();
}

void TrayIcon::setListeningText(const QString &text)
{
    if (m_listeningText == text)
        return;
    m_listeningText = text;
    updateToolTip();
}

void TrayIcon::scheduleRecount()
{
    if (!m_recountTimer.isActive())
        m_recountTimer.start();
}

void TrayIcon::recount()
{
    const qint64 before = m_unread;
    m_unread = m_store->unreadCount();
    if (m_tray && (before == 0) != (m_unread == 0))
        m_tray->setIcon(m_unread > 0 ? Icons::messageUnread() : Icons::messageRead());
    updateToolTip();
}

void TrayIcon::updateToolTip()
{
    QString tip = tr("Mailsink") + u'\n'
        + (m_unread == 0        ? tr("No unread messages")
                : m_unread == 1 ? tr("1 unread message")
                                : tr("%1 unread messages").arg(m_unread));
    if (!m_listeningText.isEmpty())
        tip += u'\n' + m_listeningText;
    if (tip == m_toolTip)
        return;
    m_toolTip = tip;
    if (m_tray)
        m_tray->setToolTip(m_toolTip);
}

void TrayIcon::handleNotificationReady(const Notification &n)
{
    if (m_suppress && m_suppress())
        return;
    m_shownIds = n.ids;
    if (m_tray)
        m_tray->showMessage(n.title, n.body, Icons::messageUnread(), NotificationTimeout);
    else if (m_notifier && m_notifier->isAvailable())
        m_notifier->show(n);
    Q_EMIT notificationShown(n);
}

void TrayIcon::handleActivated(QSystemTrayIcon::ActivationReason reason)
{
    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
        Q_EMIT showRequested();
}

void TrayIcon::handleMessageClicked()
{
    if (m_shownIds.size() == 1)
        Q_EMIT openMessageRequested(m_shownIds.constFirst());
    else
        Q_EMIT showRequested();
}

} // namespace MailSink::Ui
