#pragma once

#include "desktop/NotificationBatcher.h"

#include <QHash>
#include <QObject>

#include <memory>

class QDBusConnection;

namespace MailSink::Ui {

// Desktop notifications through the freedesktop.org notification service (org.freedesktop.Notifications
// on the session bus), for desktops without a system tray such as GNOME. Each burst replaces the popup
// of the previous one; clicking it (the "default" action) reports the messages it announced. Without
// QtDBus, or without a session bus, isAvailable() is false and show() does nothing.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QObject *parent = nullptr); // the session bus
    DesktopNotifier(const QDBusConnection &bus, QObject *parent);
    ~DesktopNotifier() override;

    bool isAvailable() const;
    void show(const Notification &notification);
    void forget(); // the messages announced so far are gone (another store)

Q_SIGNALS:
    void activated(const QList<qint64> &ids);
    void shown(uint notificationId); // the service accepted it (tests)

private Q_SLOTS: // connected by name to the service's signals
    void handleActionInvoked(uint id, const QString &action);
    void handleClosed(uint id, uint reason);

private:
    struct Bus;
    std::unique_ptr<Bus> m_bus;
    uint m_lastId = 0;
    QHash<uint, QList<qint64>> m_ids;
};

} // namespace MailSink::Ui
