#include "desktop/TrayIcon.h"
#include "message/MessageWindow.h"
#include "desktop/NotificationBatcher.h"
#include "UiFixture.h"
#include "store/MessageStore.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <memory>

using namespace MailSink;
using namespace MailSink::Test;

namespace {

constexpr int TestInterval = 50;

// A real store in a temporary folder and a tray icon over it; messages are committed as the SMTP
// sessions do, so messageStored comes from the store's committing thread.
struct TrayFixture
{
    TrayFixture()
    {
        if (!store.open(dir.filePath(QStringLiteral("store"))))
            FAIL("cannot open the store: " << store.errorString().toStdString());
        tray = std::make_unique<Ui::TrayIcon>(&store, &listen, nullptr);
        tray->batcher()->setInterval(TestInterval);
    }
    ~TrayFixture()
    {
        tray.reset();
        store.close();
    }

    qint64 commit(const QByteArray &from, const QByteArray &subject)
    {
        QByteArray raw;
        if (!from.isEmpty())
            raw += "From: " + from + "\r\n";
        raw += "To: rcpt@example.com\r\n";
        if (!subject.isEmpty())
            raw += "Subject: " + subject + "\r\n";
        raw += "\r\nhello\r\n";
        const qint64 id = commitMessage(store, raw);
        REQUIRE(id != 0);
        return id;
    }

    QTemporaryDir dir;
    Store::MessageStore store;
    QAction listen {QStringLiteral("Start listening")};
    std::unique_ptr<Ui::TrayIcon> tray;
};

Ui::Notification notificationAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<Ui::Notification>();
}

} // namespace

TEST_CASE("one new message raises one notification with its subject and sender", "[ui][tray]")
{
    TrayFixture fixture;
    QSignalSpy shown(fixture.tray.get(), &Ui::TrayIcon::notificationShown);

    const qint64 id = fixture.commit("Alice <alice@example.com>", "Build 42 passed");
    REQUIRE(waitFor([&] { return shown.count() == 1; }));
    const Ui::Notification n = notificationAt(shown, 0);
    CHECK(n.title.toStdString() == "Build 42 passed");
    CHECK(n.body.toStdString() == "From Alice <alice@example.com>");
    CHECK(n.ids == QList<qint64> {id});

    SECTION("without Subject and From headers: (no subject), from the envelope sender")
    {
        const qint64 bare = fixture.commit({}, {});
        REQUIRE(waitFor([&] { return shown.count() == 2; }));
        const Ui::Notification second = notificationAt(shown, 1);
        CHECK(second.title.toStdString() == "(no subject)");
        CHECK(second.body.toStdString() == "From bounce@example.com");
        CHECK(second.ids == QList<qint64> {bare});
    }
}

TEST_CASE("five messages delivered quickly raise exactly one notification", "[ui][tray]")
{
    TrayFixture fixture;
    QSignalSpy shown(fixture.tray.get(), &Ui::TrayIcon::notificationShown);

    QList<qint64> ids;
    for (int i = 1; i <= 5; ++i) {
        const QByteArray n = QByteArray::number(i);
        ids.append(fixture.commit("sender" + n + "@example.com", "Subject " + n));
    }
    REQUIRE(waitFor([&] { return shown.count() == 1; }));
    QTest::qWait(4 * TestInterval); // a second notification would have come by now
    CHECK(shown.count() == 1);

    const Ui::Notification n = notificationAt(shown, 0);
    CHECK(n.title.toStdString() == "5 new messages");
    CHECK(n.body.toStdString()
        == "sender1@example.com — Subject 1\n"
           "sender2@example.com — Subject 2\n"
           "sender3@example.com — Subject 3\n"
           "and 2 more");
    CHECK(n.ids == ids);
}

TEST_CASE("with notifications off, new mail raises none and a pending burst is dropped", "[ui][tray]")
{
    TrayFixture fixture;
    QSignalSpy ready(fixture.tray->batcher(), &Ui::NotificationBatcher::notificationReady);
    QSignalSpy shown(fixture.tray.get(), &Ui::TrayIcon::notificationShown);

    fixture.tray->setNotificationsEnabled(false);
    fixture.commit("a@example.com", "while off");
    // The recount is queued behind the batcher's add(): once it is done, add() has run.
    REQUIRE(waitFor([&] { return fixture.tray->unreadCount() == 1; }));
    CHECK_FALSE(fixture.tray->batcher()->isPending());

    // A burst pending when notifications go off is discarded, not shown later.
    fixture.tray->setNotificationsEnabled(true);
    fixture.tray->batcher()->setInterval(60 * 60 * 1000);
    fixture.commit("b@example.com", "pending");
    REQUIRE(waitFor([&] { return fixture.tray->batcher()->isPending(); }));
    fixture.tray->setNotificationsEnabled(false);
    CHECK_FALSE(fixture.tray->batcher()->isPending());
    CHECK(ready.count() == 0);
    CHECK(shown.count() == 0);

    // Back on: only what arrives from now on.
    fixture.tray->setNotificationsEnabled(true);
    fixture.tray->batcher()->setInterval(TestInterval);
    const qint64 id = fixture.commit("c@example.com", "after");
    REQUIRE(waitFor([&] { return shown.count() == 1; }));
    CHECK(notificationAt(shown, 0).ids == QList<qint64> {id});
}

TEST_CASE("no notification is shown while the suppress predicate holds", "[ui][tray]")
{
    TrayFixture fixture;
    bool windowActive = true;
    fixture.tray->setSuppressNotifications([&] { return windowActive; });
    QSignalSpy ready(fixture.tray->batcher(), &Ui::NotificationBatcher::notificationReady);
    QSignalSpy shown(fixture.tray.get(), &Ui::TrayIcon::notificationShown);

    fixture.commit("a@example.com", "while active");
    REQUIRE(waitFor([&] { return ready.count() == 1; }));
    CHECK(shown.count() == 0);

    windowActive = false;
    const qint64 id = fixture.commit("b@example.com", "while away");
    REQUIRE(waitFor([&] { return shown.count() == 1; }));
    CHECK(notificationAt(shown, 0).ids == QList<qint64> {id});
}

TEST_CASE("the tooltip shows the unread count and follows seen and delete", "[ui][tray]")
{
    TrayFixture fixture;
    auto &tray = *fixture.tray;
    CHECK(tray.unreadCount() == 0);
    CHECK(tray.toolTip().toStdString() == "Mailsink\nNo unread messages");

    const qint64 first = fixture.commit("a@example.com", "one");
    const qint64 second = fixture.commit("b@example.com", "two");
    REQUIRE(waitFor([&] { return tray.unreadCount() == 2; }));
    CHECK(tray.toolTip().toStdString() == "Mailsink\n2 unread messages");

    REQUIRE(fixture.store.setSeen(first, true));
    REQUIRE(waitFor([&] { return tray.unreadCount() == 1; }));
    CHECK(tray.toolTip().toStdString() == "Mailsink\n1 unread message");

    tray.setListeningText(QStringLiteral("Listening on 127.0.0.1:1025"));
    CHECK(tray.toolTip().toStdString() == "Mailsink\n1 unread message\nListening on 127.0.0.1:1025");

    REQUIRE(fixture.store.remove({second}));
    REQUIRE(waitFor([&] { return tray.unreadCount() == 0; }));
    CHECK(tray.toolTip().toStdString() == "Mailsink\nNo unread messages\nListening on 127.0.0.1:1025");

    SECTION("a new tray icon counts what is already in the store")
    {
        REQUIRE(fixture.store.setSeen(first, false));
        Ui::TrayIcon another(&fixture.store, nullptr, nullptr);
        CHECK(another.unreadCount() == 1);
        CHECK(another.toolTip().toStdString() == "Mailsink\n1 unread message");
    }
}

TEST_CASE("the tray menu shows, listens and quits", "[ui][tray]")
{
    TrayFixture fixture;
    auto &tray = *fixture.tray;
    CHECK(tray.isVisible() == QSystemTrayIcon::isSystemTrayAvailable());

    const QList<QAction *> actions = tray.menu()->actions();
    REQUIRE(actions.size() == 5);
    CHECK(actions.at(0) == tray.showAction());
    CHECK(actions.at(1) == &fixture.listen);
    CHECK(actions.at(2) == tray.notificationsAction());
    CHECK(actions.at(3)->isSeparator());
    CHECK(actions.at(4) == tray.quitAction());

    // "Notify of new mail" in the menu turns the notifications off and says so; a setting read is silent.
    QSignalSpy toggled(&tray, &Ui::TrayIcon::notificationsToggled);
    CHECK(tray.notificationsAction()->isChecked());
    tray.notificationsAction()->trigger();
    CHECK_FALSE(tray.batcher()->isEnabled());
    REQUIRE(toggled.size() == 1);
    CHECK(toggled.at(0).at(0).toBool() == false);
    tray.setNotificationsEnabled(true);
    CHECK(tray.notificationsAction()->isChecked());
    CHECK(tray.batcher()->isEnabled());
    CHECK(toggled.size() == 1);

    QSignalSpy show(&tray, &Ui::TrayIcon::showRequested);
    QSignalSpy quit(&tray, &Ui::TrayIcon::quitRequested);
    tray.showAction()->trigger();
    CHECK(show.count() == 1);
    CHECK(quit.count() == 0);
    tray.quitAction()->trigger();
    CHECK(quit.count() == 1);
    CHECK(show.count() == 1);
}

TEST_CASE(
    "the main window follows the tray: a notification click opens the message, Quit quits", "[ui][tray]")
{
    UiFixture ui;
    REQUIRE(ui.deliver("From: a@example.com\r\nSubject: from the tray\r\n\r\nhello\r\n"));
    const qint64 id = ui.store().list(1).value(0).id;
    REQUIRE(id != 0);
    Ui::TrayIcon *tray = ui.window().trayIcon();
    REQUIRE(tray);
    const auto actions = tray->menu()->actions();
    CHECK(std::any_of(actions.begin(), actions.end(),
        [](QAction *a) { return a->text().contains(QStringLiteral("listening")); }));

    Q_EMIT tray->openMessageRequested(id);
    REQUIRE(waitFor([&] { return ui.window().messageWindows().size() == 1; }));
    CHECK(ui.window().messageWindows().first()->storedId() == id);

    // Without a system tray (as here), "close to tray" must not hide the window where no one can find it.
    ui.settings().setValue(Ui::Settings::Key::CloseToTray, true);
    REQUIRE_FALSE(tray->isVisible());
    CHECK(ui.window().close()); // accepted: a real close, not a hide
    CHECK_FALSE(ui.window().isVisible());
    ui.window().show();
    Q_EMIT tray->quitRequested();
    CHECK_FALSE(ui.window().isVisible());
}
