#include "ServerActions.h"
#include "UiFixture.h"

#include "pop3/Pop3Server.h"

#include <QAction>
#include <QLabel>
#include <QTcpSocket>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;

TEST_CASE("the toolbar shows POP3, and Server > Serve POP3 turns it off and on, remembered", "[ui][pop3]")
{
    UiFixture fixture;
    Pop3::Pop3Server pop3(&fixture.store(), {});
    fixture.window().serverActions()->setPop3Server(&pop3, *HostPort::parse(QStringLiteral("127.0.0.1:0")));
    REQUIRE(pop3.isListening());
    CHECK(fixture.window().serverActions()->pop3Label()->text().contains(QStringLiteral("POP3 on")));
    CHECK(fixture.window().serverActions()->pop3Action()->isChecked());

    // A real client is served.
    {
        QTcpSocket client;
        client.connectToHost(QStringLiteral("127.0.0.1"), pop3.address().port);
        REQUIRE(client.waitForConnected(5000));
        REQUIRE(waitFor([&] { return client.bytesAvailable() > 0 || client.waitForReadyRead(10); }));
        CHECK(client.readAll().startsWith("+OK"));
    }

    fixture.window().serverActions()->pop3Action()->setChecked(false);
    CHECK_FALSE(pop3.isListening());
    CHECK(fixture.window().serverActions()->pop3Label()->text().contains(QStringLiteral("POP3 off")));
    CHECK(fixture.settings().flag(Ui::Settings::Key::ServePop3) == false);

    fixture.window().serverActions()->pop3Action()->setChecked(true);
    CHECK(pop3.isListening());
    CHECK(fixture.settings().flag(Ui::Settings::Key::ServePop3) == true);
}
