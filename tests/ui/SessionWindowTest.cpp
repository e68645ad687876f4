#include "session/SessionWindow.h"
#include "session/TraceView.h"
#include "UiFixture.h"

#include <catch2/catch.hpp>

#include <QMdiArea>
#include <QMdiSubWindow>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>

using namespace MailSink;
using namespace MailSink::Test;
using Ui::SessionWindow;

namespace {

SessionWindow *onlySessionWindow(UiFixture &ui)
{
    const QList<SessionWindow *> windows = ui.sessionWindows();
    return windows.isEmpty() ? nullptr : windows.first();
}

} // namespace

TEST_CASE("each connection opens a live session window", "[ui][session]")
{
    UiFixture ui;
    REQUIRE(ui.deliver(readUiTestData(QStringLiteral("plain.eml"))));
    SessionWindow *window = nullptr;
    REQUIRE(waitFor([&] { return (window = onlySessionWindow(ui)) && !window->isLive(); }));
    const QString trace = window->traceView()->toPlainText();
    CHECK(trace.contains(QStringLiteral("→ EHLO ui-test.example")));
    CHECK(trace.contains(QStringLiteral("← 220")));
    CHECK(trace.contains(QStringLiteral("→ MAIL FROM:<sender@example.com>")));
    CHECK(trace.contains(QStringLiteral("• message data:")));
}

TEST_CASE("closing a live session window asks, then ends the connection", "[ui][session]")
{
    UiFixture ui;
    auto connected = std::make_shared<std::atomic_bool>(false);
    auto client = idleClientAsync(ui.port(), connected);
    SessionWindow *window = nullptr;
    REQUIRE(waitFor([&] {
        return *connected && (window = onlySessionWindow(ui)) && window->traceView()->entryCount() >= 3;
    }));
    REQUIRE(window->isLive());

    int asked = 0;
    SessionWindow::setConfirmHook([&](QWidget *) {
        ++asked;
        return false;
    });
    window->parentWidget()->close(); // the QMdiSubWindow
    CHECK(asked == 1);
    CHECK(onlySessionWindow(ui) == window); // "no" keeps it open and connected
    CHECK(client.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);

    SessionWindow::setConfirmHook([&](QWidget *) {
        ++asked;
        return true;
    });
    window->parentWidget()->close();
    SessionWindow::setConfirmHook({});
    CHECK(asked == 2);
    REQUIRE(waitFor(
        [&] { return client.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 15000));
    const QByteArray said = client.get();
    INFO(said.toStdString());
    CHECK(said.startsWith("421"));
    CHECK(said.contains("[closed]"));
    REQUIRE(waitFor([&] { return onlySessionWindow(ui) == nullptr; }));
}

TEST_CASE("a session window shows the bytes of a message still arriving", "[ui][session][progress]")
{
    UiFixture ui;
    auto done = std::make_shared<std::atomic_bool>(false);
    auto sawProgress = std::make_shared<std::atomic_bool>(false);
    auto client = std::async(std::launch::async, [port = ui.port(), done, sawProgress] {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        socket.waitForConnected(5000);
        auto say = [&](const QByteArray &line) {
            socket.write(line + "\r\n");
            socket.flush();
            socket.waitForReadyRead(5000);
            return socket.readAll();
        };
        socket.waitForReadyRead(5000);
        socket.readAll();
        say("EHLO big.example");
        say("MAIL FROM:<big@example.com>");
        say("RCPT TO:<rcpt@example.com>");
        say("DATA");
        socket.write("Subject: big\r\n\r\n");
        QByteArray chunk;
        for (int i = 0; i < 800; ++i)
            chunk += QByteArray(78, 'A') + "\r\n";
        // Keep sending until the window has shown progress (or 15 s), then finish the message.
        for (int i = 0; i < 1000 && !*sawProgress; ++i) {
            socket.write(chunk);
            socket.waitForBytesWritten(2000);
            QThread::msleep(20);
        }
        const QByteArray reply = say(".");
        say("QUIT");
        *done = true;
        return reply;
    });
    SessionWindow *window = nullptr;
    REQUIRE(waitFor(
        [&] {
            window = onlySessionWindow(ui);
            static const QRegularExpression progress(QStringLiteral("receiving message: [0-9.,]+ [kM]B"));
            return window && window->statusText().contains(progress);
        },
        20000));
    *sawProgress = true;
    REQUIRE(waitFor([&] { return done->load(); }, 20000));
    CHECK(client.get().startsWith("250"));
    REQUIRE(waitFor([&] { return !window->isLive(); }));
    CHECK_FALSE(window->statusText().contains(QStringLiteral("receiving")));
    CHECK(window->statusText().contains(QStringLiteral("messages: 1")));
}
