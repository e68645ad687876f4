// Notifications through org.freedesktop.Notifications, against a fake service on a private bus.
#include "desktop/DesktopNotifier.h"
#include "desktop/TrayIcon.h"
#include "UiFixture.h"
#include "store/MessageStore.h"

#include <QAction>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#if MAILSINK_HAVE_DBUS
#include <QDBusConnection>
#endif

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;

#if MAILSINK_HAVE_DBUS

namespace {

// What a notification daemon (GNOME Shell, dunst, ...) sees, and the signals it sends.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString app;
        uint replaces = 0;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;
    uint next = 40;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary,
        const QString &body, const QStringList &actions, const QVariantMap &hints, int)
    {
        calls.append({app, replaces, icon, summary, body, actions, hints});
        return replaces ? replaces : ++next;
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);
};

// A dbus-daemon of the test's own, so nothing reaches the user's desktop.
struct PrivateBus
{
    QProcess daemon;
    QString address;
    PrivateBus()
    {
        const QString program = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (program.isEmpty())
            return;
        daemon.start(program,
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
        if (!daemon.waitForStarted(5000))
            return;
        while (!daemon.canReadLine() && daemon.waitForReadyRead(5000)) { }
        address = QString::fromUtf8(daemon.readLine()).trimmed();
    }
    ~PrivateBus()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-service"));
        QDBusConnection::disconnectFromBus(QStringLiteral("mailsink"));
        daemon.kill();
        daemon.waitForFinished(5000);
    }
};

} // namespace

TEST_CASE("without a tray, new mail goes to the notification service and a click opens the message",
    "[ui][tray][dbus]")
{
    PrivateBus bus;
    if (bus.address.isEmpty()) {
        WARN("no dbus-daemon here: the D-Bus notification path is not exercised");
        return;
    }
    QDBusConnection service = QDBusConnection::connectToBus(bus.address, QStringLiteral("fake-service"));
    REQUIRE(service.isConnected());
    FakeNotifications fake;
    REQUIRE(service.registerService(QStringLiteral("org.freedesktop.Notifications")));
    REQUIRE(service.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &fake,
        QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));

    QTemporaryDir dir;
    Store::MessageStore store;
    REQUIRE(store.open(dir.filePath(QStringLiteral("store"))));
    QAction listen(QStringLiteral("Stop listening"));
    Ui::TrayIcon tray(&store, &listen, nullptr);
    tray.batcher()->setInterval(50);
    auto *notifier = new Ui::DesktopNotifier(
        QDBusConnection::connectToBus(bus.address, QStringLiteral("mailsink")), &tray);
    tray.setDesktopNotifier(notifier);
    REQUIRE(notifier->isAvailable());
    QSignalSpy shown(notifier, &Ui::DesktopNotifier::shown);
    QSignalSpy open(&tray, &Ui::TrayIcon::openMessageRequested);
    QSignalSpy showWindow(&tray, &Ui::TrayIcon::showRequested);

    auto commit = [&](const QByteArray &subject) {
        const QByteArray raw = "From: Dev <dev@example.com>\r\nSubject: " + subject + "\r\n\r\nhi\r\n";
        const qint64 id = commitMessage(store, raw, "dev@example.com", {"qa@example.com"});
        REQUIRE(id != 0);
        return id;
    };

    const qint64 id = commit("Order <1> & more");
    REQUIRE(waitFor([&] { return shown.size() == 1; }));
    REQUIRE(fake.calls.size() == 1);
    const FakeNotifications::Call call = fake.calls.first();
    CHECK(call.app.toStdString() == "Mailsink");
    CHECK(call.replaces == 0);
    CHECK(call.summary.toStdString() == "Order <1> & more");
    CHECK(call.body.toStdString() == "From Dev &lt;dev@example.com&gt;"); // markup-escaped
    CHECK(call.actions.value(0).toStdString() == "default");
    CHECK(call.hints.value(QStringLiteral("desktop-entry")).toString().toStdString() == "mailsink");
    CHECK(call.hints.value(QStringLiteral("category")).toString().toStdString() == "email.arrived");

    const uint first = shown.at(0).at(0).toUInt();
    Q_EMIT fake.ActionInvoked(first, QStringLiteral("default"));
    REQUIRE(waitFor([&] { return open.size() == 1; }));
    CHECK(open.at(0).at(0).toLongLong() == id);

    // The next burst replaces the popup instead of stacking another, and a click shows the window.
    commit("second");
    commit("third");
    REQUIRE(waitFor([&] { return shown.size() == 2; }));
    REQUIRE(fake.calls.size() == 2);
    CHECK(fake.calls.at(1).replaces == first);
    CHECK(fake.calls.at(1).summary.toStdString() == "2 new messages");
    Q_EMIT fake.ActionInvoked(shown.at(1).at(0).toUInt(), QStringLiteral("default"));
    REQUIRE(waitFor([&] { return showWindow.size() == 1; }));

    // Someone else's notification id is ignored.
    Q_EMIT fake.ActionInvoked(9999, QStringLiteral("default"));
    QTest::qWait(100);
    CHECK(open.size() == 1);
    CHECK(showWindow.size() == 1);
    store.close();
}

#include "DesktopNotifierTest.moc"

#else

TEST_CASE("without QtDBus there is no notification service to talk to", "[ui][tray][dbus]")
{
    Ui::DesktopNotifier notifier;
    CHECK_FALSE(notifier.isAvailable());
}

#endif
