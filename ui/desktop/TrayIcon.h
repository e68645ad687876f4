#pragma once

#include "desktop/NotificationBatcher.h"

#include <QObject>
#include <QString>
#include <QSystemTrayIcon>
#include <QTimer>

#include <functional>
#include <memory>

class QAction;
class QMenu;

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

class DesktopNotifier;

// The system tray icon: the unread count in its tooltip, a menu (show, listen, quit) and a desktop
// notification per burst of new mail. Without a system tray (offscreen, some desktops) nothing is
// shown, but the count, the menu and the notifications work the same.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    static constexpr int RecountDelay = 200; // ms; a burst of messages costs one count query
    static constexpr int NotificationTimeout = 5000; // ms the desktop shows a notification

    TrayIcon(Store::MessageStore *store, QAction *listenAction, QObject *parent = nullptr);
    ~TrayIcon() override;

    QMenu *menu() const { return m_menu.get(); }
    QAction *showAction() const { return m_showAction; }
    QAction *quitAction() const { return m_quitAction; }
    QAction *notificationsAction() const { return m_notificationsAction; }
    NotificationBatcher *batcher() const { return m_batcher; }
    bool isVisible() const; // really shown in a system tray
    QString toolTip() const { return m_toolTip; } // what the tray icon has, or would have
    qint64 unreadCount() const { return m_unread; }

    void setNotificationsEnabled(bool enabled);
    // While `predicate` returns true (say, the main window is active) bursts raise no notification.
    void setSuppressNotifications(std::function<bool()> predicate);
    // A plain balloon from the tray (not a new-mail notification); nothing without a tray.
    void showMessage(const QString &title, const QString &body);
    // Where notifications go when there is no tray; by default the session bus's notification service.
    void setDesktopNotifier(DesktopNotifier *notifier);
    DesktopNotifier *desktopNotifier() const { return m_notifier; }
    // Another store was opened: forget its messages (pending burst, clickable ids) and count again.
    void storeChanged();
    void setListeningText(const QString &text); // a second tooltip line, "Listening on 127.0.0.1:1025"

Q_SIGNALS:
    void showRequested();
    void quitRequested();
    void notificationsToggled(bool on); // the user ticked "Notify of new mail" in the tray menu
    void openMessageRequested(qint64 id);
    void notificationShown(const MailSink::Ui::Notification &n); // also when there is no tray to show it

private:
    void scheduleRecount();
    void recount();
    void updateToolTip();
    void handleNotificationReady(const Notification &n);
    void handleActivated(QSystemTrayIcon::ActivationReason reason);
    void handleMessageClicked();

    Store::MessageStore *m_store;
    NotificationBatcher *m_batcher;
    QAction *m_showAction;
    QAction *m_quitAction;
    QAction *m_notificationsAction;
    std::unique_ptr<QMenu> m_menu;
    DesktopNotifier *m_notifier = nullptr;
    std::unique_ptr<QSystemTrayIcon> m_tray; // after m_menu: goes first, while its menu still exists
    QTimer m_recountTimer;
    std::function<bool()> m_suppress;
    qint64 m_unread = 0;
    QString m_listeningText;
    QString m_toolTip;
    QList<qint64> m_shownIds; // of the notification on screen, for a click on it
};

} // namespace MailSink::Ui
