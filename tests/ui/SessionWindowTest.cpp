#include "SessionWindow.h"
#include "TraceView.h"
#include "UiFixture.h"

#include <catch2/catch.hpp>

#include <QMdiArea>
#include <QMdiSubWindow>

using namespace MailSink;
using namespace MailSink::Test;
using Ui::SessionWindow;

namespace {

SessionWindow *onlySessionWindow(UiFixture &ui)
{
    for (QMdiSubWindow *sub : ui.window().mdiArea()->subWindowList()) {
        if (auto *window = qobject_cast<SessionWindow *>(sub->widget()))
            return window;
    }
    return nullptr;
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
    REQUIRE(waitFor([&] { return *connected && (window = onlySessionWindow(ui)) && window->traceView()->entryCount() >= 3; }));
    REQUIRE(window->isLive());

    int asked = 0;
    SessionWindow::setConfirmHook([&](QWidget *) { ++asked; return false; });
    window->parentWidget()->close(); // the QMdiSubWindow
    CHECK(asked == 1);
    CHECK(onlySessionWindow(ui) == window); // "no" keeps it open and connected
    CHECK(client.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);

    SessionWindow::setConfirmHook([&](QWidget *) { ++asked; return true; });
    window->parentWidget()->close();
    SessionWindow::setConfirmHook({});
    CHECK(asked == 2);
    REQUIRE(waitFor([&] { return client.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 15000));
    const QByteArray said = client.get();
    INFO(said.toStdString());
    CHECK(said.startsWith("421"));
    CHECK(said.contains("[closed]"));
    REQUIRE(waitFor([&] { return onlySessionWindow(ui) == nullptr; }));
}
