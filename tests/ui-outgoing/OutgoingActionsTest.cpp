#include "outgoing/OutgoingActions.h"
#include "outgoing/ComposeDialog.h"
#include "OutgoingTestSupport.h"
#include "outgoing/ReleaseDialog.h"

#include <QAction>
#include <QMainWindow>
#include <QTest>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;

TEST_CASE("OutgoingActions enables Release for a current message and opens both dialogs", "[ui][actions]")
{
    ServerFixture sink;
    const qint64 id = catchMessage(sink, sampleMessage());
    TempSettings settings;
    QMainWindow window;
    Ui::OutgoingActions actions(
        &sink.store(),
        [&] {
            return HostPort {QHostAddress(QHostAddress::LocalHost), sink.port()};
        },
        &window);
    actions.setSettings(settings.settings.get());

    CHECK_FALSE(actions.releaseAction()->isEnabled());
    CHECK(actions.composeAction()->isEnabled());
    CHECK(actions.openRelease() == nullptr);
    actions.setCurrentMessage(id);
    CHECK(actions.releaseAction()->isEnabled());

    actions.releaseAction()->trigger();
    auto *release = window.findChild<Ui::ReleaseDialog *>();
    REQUIRE(release);
    CHECK(release->isVisible());
    CHECK(QTest::qWaitFor([&] { return release->state() == Ui::ReleaseDialog::State::Ready; }, 10000));
    release->close(); // deleted on close
    CHECK(QTest::qWaitFor([&] { return window.findChild<Ui::ReleaseDialog *>() == nullptr; }, 5000));

    actions.composeAction()->trigger();
    auto *compose = window.findChild<Ui::ComposeDialog *>();
    REQUIRE(compose);
    CHECK(compose->isVisible());
    compose->close();

    actions.setCurrentMessage(std::nullopt);
    CHECK_FALSE(actions.releaseAction()->isEnabled());
}
