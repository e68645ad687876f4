#include "desktop/DesktopNotifier.h"

#include <QCoreApplication>

#if MAILSINK_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace MailSink::Ui {

namespace {

#if MAILSINK_HAVE_DBUS
const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");

// The body may be shown as markup (Desktop Notifications Specification, "Markup"): escape it.
QString bodyText(const QString &plain)
{
    return plain.toHtmlEscaped();
}
#endif

} // namespace

struct DesktopNotifier::Bus
{
#if MAILSINK_HAVE_DBUS
    explicit Bus(const QDBusConnection &c)
        : connection(c)
    { }
    QDBusConnection connection;
#endif
};

DesktopNotifier::DesktopNotifier(QObject *parent)
#if MAILSINK_HAVE_DBUS
    : DesktopNotifier(QDBusConnection::sessionBus(), parent) {}
#else
    : QObject(parent)
{ }
#endif

#if MAILSINK_HAVE_DBUS
    DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::make_unique<Bus>(bus))
{
    if (!m_bus->connection.isConnected())
        return;
    m_bus->connection.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
        SLOT(handleActionInvoked(uint, QString)));
    m_bus->connection.connect(
        Service, Path, Interface, QStringLiteral("NotificationClosed"), this, SLOT(handleClosed(uint, uint)));
}
#else
DesktopNotifier::DesktopNotifier(const QDBusConnection &, QObject *parent)
    : QObject(parent)
{ }
#endif

DesktopNotifier::~DesktopNotifier() = default;

bool DesktopNotifier::isAvailable() const
{
#if MAILSINK_HAVE_DBUS
    return m_bus && m_bus->connection.isConnected();
#else
    return false;
#endif
}

void DesktopNotifier::show(const Notification &notification)
{
#if MAILSINK_HAVE_DBUS
    if (!isAvailable())
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("mailsink"));
    hints.insert(QStringLiteral("category"), QStringLiteral("email.arrived"));
    call << QStringLiteral("Mailsink") << m_lastId << QStringLiteral("mailsink") << notification.title
         << bodyText(notification.body) << QStringList {QStringLiteral("default"), tr("Open")} << hints << -1;
    auto *watcher = new QDBusPendingCallWatcher(m_bus->connection.asyncCall(call), this);
    const QList<qint64> ids = notification.ids;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, ids](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        w->deleteLater();
        if (reply.isError())
            return; // no notification service: nothing to show, nothing lost
        m_ids.remove(m_lastId);
        m_lastId = reply.value();
        m_ids.insert(m_lastId, ids);
        Q_EMIT shown(m_lastId);
    });
#else
    Q_UNUSED(notification);
#endif
}

void DesktopNotifier::forget()
{
    m_ids.clear();
}

void DesktopNotifier::handleActionInvoked(uint id, const QString &action)
{
    const auto it = m_ids.constFind(id);
    if (it != m_ids.constEnd() && action == QLatin1String("default"))
        Q_EMIT activated(*it);
}

void DesktopNotifier::handleClosed(uint id, uint)
{
    if (id == m_lastId)
        m_lastId = 0;
    m_ids.remove(id);
}

} // namespace MailSink::Ui
