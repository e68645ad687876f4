#include "outgoing/ReleaseDialog.h"
#include "OutgoingTestSupport.h"
#include "session/TraceView.h"
#include "client/SmtpSender.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;
using Client::Security;
using Ui::ReleaseDialog;

namespace {

// Drives the dialog the way a user does: fills the widgets, clicks the buttons.
struct ReleaseDriver
{
    ReleaseDialog &dialog;

    template<typename T>
    T *widget(const char *name)
    {
        auto *found = dialog.findChild<T *>(QString::fromLatin1(name));
        REQUIRE(found);
        return found;
    }
    bool waitReady()
    {
        return QTest::qWaitFor([&] { return dialog.state() != ReleaseDialog::State::Loading; }, 10000);
    }
    void setServer(const QString &host, quint16 port, Security security, const QString &user = {},
        const QString &password = {})
    {
        auto *combo = widget<QComboBox>("security");
        combo->setCurrentIndex(combo->findData(int(security)));
        widget<QLineEdit>("host")->setText(host);
        widget<QSpinBox>("port")->setValue(port);
        widget<QLineEdit>("user")->setText(user);
        widget<QLineEdit>("password")->setText(password);
    }
    bool click(const char *button)
    {
        auto *pushButton = widget<QPushButton>(button);
        if (!pushButton->isVisible() || !pushButton->isEnabled())
            return false;
        QTest::mouseClick(pushButton, Qt::LeftButton);
        return QTest::qWaitFor(
            [&] {
                return dialog.state() == ReleaseDialog::State::Delivered
                    || dialog.state() == ReleaseDialog::State::Failed;
            },
            30000);
    }
    QString result() { return widget<QLabel>("result")->text(); }
    QString trace() { return widget<Ui::TraceView>("trace")->toPlainText(); }
};

} // namespace

TEST_CASE("Release delivers the caught bytes unchanged with the edited envelope", "[ui][release]")
{
    ServerFixture source;
    ServerFixture target;
    const Client::OutgoingMessage original = sampleMessage();
    const qint64 id = catchMessage(source, original);
    TempSettings settings;

    ReleaseDialog dialog(&source.store(), id);
    dialog.setSettings(settings.settings.get());
    dialog.setPasswordStorageEnabled(false);
    dialog.show();
    ReleaseDriver ui {dialog};
    REQUIRE(ui.waitReady());
    REQUIRE(dialog.state() == ReleaseDialog::State::Ready);

    // Prefilled from the caught envelope.
    CHECK(ui.widget<QLineEdit>("mailFrom")->text() == QLatin1String("alice@example.com"));
    CHECK(ui.widget<QPlainTextEdit>("recipients")->toPlainText()
        == QLatin1String("bob@example.com\neve@example.com"));
    CHECK_FALSE(ui.widget<QPushButton>("send")->isEnabled()); // no host yet

    ui.setServer(QStringLiteral("127.0.0.1"), target.port(), Security::None);
    ui.widget<QLineEdit>("mailFrom")->setText(QStringLiteral("<bounces@example.org>"));
    ui.widget<QPlainTextEdit>("recipients")
        ->setPlainText(QStringLiteral("carol@example.net\n\nDave <dave@example.net>"));
    REQUIRE(ui.click("send"));
    INFO(ui.result().toStdString());
    REQUIRE(dialog.state() == ReleaseDialog::State::Delivered);
    CHECK(ui.result().contains(QLatin1String("Delivered")));
    CHECK(ui.trace().contains(QLatin1String("MAIL FROM:<bounces@example.org>")));
    CHECK(ui.trace().contains(QLatin1String("RCPT TO:<dave@example.net>")));

    REQUIRE(target.waitForMessages(1));
    const Store::MessageInfo released = target.store().list().constFirst();
    CHECK(target.store().readMessage(released.id).value() == source.store().readMessage(id).value());
    CHECK(target.store().readMessage(released.id).value() == original.data);
    CHECK(released.envelope.mailFrom == "bounces@example.org");
    CHECK(released.envelope.recipients == QList<QByteArray> {"carol@example.net", "dave@example.net"});

    // The server is remembered for next time.
    const auto remembered = ReleaseDialog::rememberedServers(*settings.settings);
    REQUIRE(remembered.size() == 1);
    CHECK(remembered.constFirst().host == QLatin1String("127.0.0.1"));
    CHECK(remembered.constFirst().port == target.port());
}

TEST_CASE("A release that fails shows the stage and the server's reply", "[ui][release]")
{
    ServerFixture source;
    const qint64 id = catchMessage(source, sampleMessage());
    TempSettings settings;
    ReleaseDialog dialog(&source.store(), id);
    dialog.setSettings(settings.settings.get());
    dialog.show();
    ReleaseDriver ui {dialog};
    REQUIRE(ui.waitReady());

    SECTION("connection refused")
    {
        ui.setServer(QStringLiteral("127.0.0.1"), closedPort(), Security::None);
        REQUIRE(ui.click("send"));
        INFO(ui.result().toStdString());
        CHECK(dialog.state() == ReleaseDialog::State::Failed);
        CHECK(dialog.lastResult().stage == Client::Stage::Connect);
        CHECK(ui.result().contains(QLatin1String("Not delivered")));
        CHECK(ui.result().contains(QLatin1String("cannot connect")));
    }
    SECTION("a server that requires AUTH answers MAIL with 530")
    {
        Smtp::ServerConfig config = ServerFixture::defaultConfig();
        config.session.authRequired = true;
        config.session.authUser = "joe";
        config.session.authPassword = "secret";
        ServerFixture strict(config);
        ui.setServer(QStringLiteral("127.0.0.1"), strict.port(), Security::None);
        REQUIRE(ui.click("send"));
        INFO(ui.result().toStdString());
        CHECK(dialog.state() == ReleaseDialog::State::Failed);
        CHECK(dialog.lastResult().stage == Client::Stage::Mail);
        CHECK(ui.result().contains(QLatin1String("530")));
        CHECK(ui.trace().contains(QLatin1String("530")));
        CHECK(strict.store().count() == 0);

        // Wrong password: the AUTH stage and 535.
        ui.setServer(QStringLiteral("127.0.0.1"), strict.port(), Security::None, QStringLiteral("joe"),
            QStringLiteral("wrong"));
        REQUIRE(ui.click("send"));
        CHECK(dialog.lastResult().stage == Client::Stage::Auth);
        CHECK(ui.result().contains(QLatin1String("535")));

        // Right password: delivered, and the settings file never sees it, even when the user asks to
        // remember it (it goes to the keychain when the build has QtKeychain; with no keychain service
        // running, as here, that just fails quietly: there is no plain-text fallback).
        ui.setServer(QStringLiteral("127.0.0.1"), strict.port(), Security::None, QStringLiteral("joe"),
            QStringLiteral("secret"));
        ui.widget<QCheckBox>("storePassword")->setChecked(true);
        CHECK(ui.widget<QCheckBox>("storePassword")->isVisible() == ReleaseDialog::hasPasswordStorage());
        REQUIRE(ui.click("send"));
        QTest::qWait(500); // let a keychain job finish
        INFO(ui.result().toStdString());
        CHECK(dialog.state() == ReleaseDialog::State::Delivered);
        CHECK(strict.waitForMessages(1));
        const QByteArray ini = settings.fileContents();
        CHECK(ini.contains("joe"));
        CHECK_FALSE(ini.contains("secret"));
        CHECK_FALSE(ui.trace().contains(QLatin1String("secret")));
    }
    // No freeze: the dialog stays responsive and Close is there.
    CHECK(ui.widget<QPushButton>("close")->isEnabled());
}

TEST_CASE(
    "An untrusted certificate can be trusted from the dialog and the retry succeeds", "[ui][release][tls]")
{
    ServerFixture source;
    ServerFixture target(ServerFixture::defaultConfig(), true);
    REQUIRE(target.smtpsPort() != 0);
    const qint64 id = catchMessage(source, sampleMessage());
    TempSettings settings;
    ReleaseDialog dialog(&source.store(), id);
    dialog.setSettings(settings.settings.get());
    dialog.show();
    ReleaseDriver ui {dialog};
    REQUIRE(ui.waitReady());

    const bool implicit = GENERATE(false, true);
    CAPTURE(implicit);
    ui.setServer(QStringLiteral("127.0.0.1"), implicit ? target.smtpsPort() : target.port(),
        implicit ? Security::ImplicitTls : Security::StartTls);
    CHECK_FALSE(ui.widget<QPushButton>("trust")->isVisible());
    REQUIRE(ui.click("send"));
    INFO(ui.result().toStdString());
    REQUIRE(dialog.state() == ReleaseDialog::State::Failed);
    CHECK(dialog.lastResult().stage == (implicit ? Client::Stage::Connect : Client::Stage::StartTls));
    CHECK(dialog.lastResult().peerFingerprint == certificateFingerprint());
    CHECK(ui.result().contains(QString::fromLatin1(certificateFingerprint())));
    CHECK(ui.widget<QPushButton>("trust")->isVisible());
    CHECK(target.store().count() == 0);

    REQUIRE(ui.click("trust"));
    INFO(ui.result().toStdString());
    REQUIRE(dialog.state() == ReleaseDialog::State::Delivered);
    CHECK_FALSE(dialog.lastResult().tlsProtocol.isEmpty());
    CHECK_FALSE(ui.widget<QPushButton>("trust")->isVisible());
    REQUIRE(target.waitForMessages(1));
    CHECK(target.store().readMessage(target.store().list().constFirst().id).value() == sampleMessage().data);

    // The trusted fingerprint is remembered with the server, so the next release just works.
    const auto remembered = ReleaseDialog::rememberedServers(*settings.settings);
    REQUIRE(remembered.size() == 1);
    CHECK(remembered.constFirst().trustedFingerprint == certificateFingerprint());
    ReleaseDialog again(&source.store(), id);
    again.setSettings(settings.settings.get());
    again.show();
    ReleaseDriver ui2 {again};
    REQUIRE(ui2.waitReady());
    CHECK(ui2.widget<QSpinBox>("port")->value() == (implicit ? target.smtpsPort() : target.port()));
    REQUIRE(ui2.click("send"));
    INFO(ui2.result().toStdString());
    CHECK(again.state() == ReleaseDialog::State::Delivered);
}

TEST_CASE(
    "Remembered servers round-trip through the settings file without passwords", "[ui][release][settings]")
{
    TempSettings settings;
    Ui::RemoteServer first;
    first.host = QStringLiteral("smtp.example.com");
    first.port = 587;
    first.security = Security::StartTls;
    first.user = QStringLiteral("alice");
    Ui::RemoteServer second;
    second.host = QStringLiteral("mail.example.org");
    second.port = 465;
    second.security = Security::ImplicitTls;
    second.trustedFingerprint = "AB:CD:EF";
    ReleaseDialog::rememberServer(*settings.settings, first);
    ReleaseDialog::rememberServer(*settings.settings, second);
    ReleaseDialog::rememberServer(*settings.settings, first); // used again: moves to the front

    QSettings reread(settings.path(), QSettings::IniFormat);
    const auto servers = ReleaseDialog::rememberedServers(reread);
    REQUIRE(servers.size() == 2);
    CHECK(servers.at(0).host == first.host);
    CHECK(servers.at(0).port == 587);
    CHECK(servers.at(0).security == Security::StartTls);
    CHECK(servers.at(0).user == QLatin1String("alice"));
    CHECK(servers.at(1).host == second.host);
    CHECK(servers.at(1).security == Security::ImplicitTls);
    CHECK(servers.at(1).trustedFingerprint == "AB:CD:EF");

    // A dialog preselects the most recent one and leaves the password field empty.
    const Client::OutgoingMessage message = sampleMessage();
    ReleaseDialog dialog(message);
    dialog.setPasswordStorageEnabled(false);
    dialog.setSettings(&reread);
    ReleaseDriver ui {dialog};
    CHECK(ui.widget<QLineEdit>("host")->text() == first.host);
    CHECK(ui.widget<QSpinBox>("port")->value() == 587);
    CHECK(ui.widget<QComboBox>("security")->currentData().toInt() == int(Security::StartTls));
    CHECK(ui.widget<QLineEdit>("user")->text() == QLatin1String("alice"));
    CHECK(ui.widget<QLineEdit>("password")->text().isEmpty());
    ui.widget<QComboBox>("recentServers")->setCurrentIndex(2);
    Q_EMIT ui.widget<QComboBox>("recentServers")->activated(2);
    CHECK(ui.widget<QLineEdit>("host")->text() == second.host);
    CHECK(ui.widget<QSpinBox>("port")->value() == 465);

    for (int i = 0; i < ReleaseDialog::MaxRememberedServers + 5; ++i) {
        Ui::RemoteServer server;
        server.host = QStringLiteral("host%1.example").arg(i);
        ReleaseDialog::rememberServer(reread, server);
    }
    CHECK(ReleaseDialog::rememberedServers(reread).size() == ReleaseDialog::MaxRememberedServers);
    CHECK_FALSE(settings.fileContents().toLower().contains("password"));
}

TEST_CASE(
    "A server that never answers leaves the dialog responsive, and Cancel ends the attempt", "[ui][release]")
{
    QTcpServer silent; // accepts, never greets
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    const Client::OutgoingMessage message = sampleMessage();
    TempSettings settings;
    ReleaseDialog dialog(message);
    dialog.setSettings(settings.settings.get());
    dialog.show();
    ReleaseDriver ui {dialog};
    REQUIRE(dialog.state() == ReleaseDialog::State::Ready);
    ui.setServer(QStringLiteral("127.0.0.1"), silent.serverPort(), Security::None);

    QTest::mouseClick(ui.widget<QPushButton>("send"), Qt::LeftButton);
    CHECK(dialog.state() == ReleaseDialog::State::Sending);
    QTest::qWait(300); // the event loop keeps running while the sender waits for the greeting
    CHECK(dialog.state() == ReleaseDialog::State::Sending);
    CHECK(silent.hasPendingConnections());
    CHECK_FALSE(ui.widget<QPushButton>("send")->isEnabled());
    CHECK_FALSE(ui.widget<QLineEdit>("host")->isEnabled());
    auto *close = ui.widget<QPushButton>("close");
    CHECK(close->text().remove(u'&') == QLatin1String("Cancel"));

    QTest::mouseClick(close, Qt::LeftButton);
    CHECK(dialog.state() == ReleaseDialog::State::Failed);
    CHECK(dialog.isVisible()); // the first click cancels, the dialog stays to show why
    CHECK(ui.result().contains(QLatin1String("aborted")));
    CHECK(ui.widget<QPushButton>("send")->isEnabled());
    CHECK(ReleaseDialog::rememberedServers(*settings.settings).isEmpty()); // only delivered-to servers

    QTest::mouseClick(close, Qt::LeftButton);
    CHECK_FALSE(dialog.isVisible());
}
