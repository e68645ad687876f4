#include "UiFixture.h"

#include "pop3/Pop3Server.h"

#include "ServerActions.h"
#include "ServerController.h"
#include "common/Theme.h"
#include "list/MessageListModel.h"
#include "settings/ServerSettings.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSpinBox>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <catch2/catch.hpp>

#include <future>

using namespace MailSink;
using namespace MailSink::Test;
using Listener = Ui::ServerController::Listener;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// EHLO and MAIL on a thread of its own (the GUI thread accepts); resolves with everything the server said.
std::future<QByteArray> ehloAsync(quint16 port)
{
    return std::async(std::launch::async, [port] {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForConnected(5000))
            return QByteArray("[no connection]");
        QByteArray said;
        auto readUntil = [&](const QByteArray &end) {
            while (!said.contains(end) && socket.waitForReadyRead(5000))
                said += socket.readAll();
        };
        readUntil("\r\n");
        socket.write("EHLO settings.test\r\n");
        readUntil("250 ");
        readUntil("\r\n");
        const qsizetype mark = said.size();
        socket.write("MAIL FROM:<probe@example.com>\r\n");
        while (said.indexOf("\r\n", mark) < 0 && socket.waitForReadyRead(5000))
            said += socket.readAll();
        socket.write("QUIT\r\n");
        socket.waitForBytesWritten(1000);
        return said;
    });
}

QByteArray await(std::future<QByteArray> &future)
{
    waitFor([&] { return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 15000);
    return future.get();
}

bool accepts(quint16 port)
{
    auto said = ehloAsync(port);
    return await(said).startsWith("220");
}

struct Pop3Fixture
{
    UiFixture ui;
    Pop3::Pop3Server pop3 {&ui.store(), {}};
    Pop3Fixture()
    {
        ui.window().serverActions()->setPop3Server(&pop3, *HostPort::parse(QStringLiteral("127.0.0.1:0")));
    }
    ~Pop3Fixture() { ui.window().close(); }
};

} // namespace

TEST_CASE("server settings round-trip through the settings table, bad values fall back to defaults",
    "[ui][settings]")
{
    QTemporaryDir dir;
    QSettings backend(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Ui::Settings settings(&backend);

    const Ui::ServerSettings defaults = Ui::ServerSettings::load(settings);
    CHECK(defaults.smtp.toString().toStdString() == "127.0.0.1:1025");
    CHECK(defaults.pop3.toString().toStdString() == "127.0.0.1:1110");
    CHECK_FALSE(defaults.smtpsEnabled);
    CHECK(defaults.tlsEnabled);
    CHECK(defaults.maxMessageSizeMiB == 50);
    CHECK(defaults.maxConnections == 256);
    CHECK(defaults.idleTimeoutSeconds == 300);

    Ui::ServerSettings edited = defaults;
    edited.smtp = *HostPort::parse(QStringLiteral("0.0.0.0:2525"));
    edited.smtpsEnabled = true;
    edited.smtps = *HostPort::parse(QStringLiteral("[::1]:2465"));
    edited.pop3Enabled = false;
    edited.authRequired = true;
    edited.authUser = QStringLiteral("dev");
    edited.authPassword = QStringLiteral("s3cret ünïcode");
    edited.certificateFile = QStringLiteral("/etc/cert.pem");
    edited.keyFile = QStringLiteral("/etc/key.pem");
    edited.maxMessageSizeMiB = 0;
    edited.maxConnections = 7;
    edited.idleTimeoutSeconds = 30;
    edited.save(settings);
    backend.sync();

    QSettings reread(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Ui::Settings rereadSettings(&reread);
    CHECK(Ui::ServerSettings::load(rereadSettings) == edited);
    CHECK(reread.value(QStringLiteral("smtp/address")).toString().toStdString() == "0.0.0.0:2525");

    reread.setValue(QStringLiteral("smtp/address"), QStringLiteral("not an address"));
    reread.setValue(QStringLiteral("limits/maxConnections"), -5);
    const Ui::ServerSettings repaired = Ui::ServerSettings::load(rereadSettings);
    CHECK(repaired.smtp.toString().toStdString() == "127.0.0.1:1025");
    CHECK(repaired.maxConnections == 256);
}

TEST_CASE("changing the POP3 port in the dialog moves only the POP3 listener", "[ui][settings]")
{
    Pop3Fixture f;
    Ui::ServerController *controller = f.ui.window().serverController();
    const quint16 smtpPort = f.ui.port();
    const quint16 oldPop3 = f.pop3.address().port;
    REQUIRE(oldPop3 != 0);

    // An SMTP client in the middle of a session must not notice.
    auto connected = std::make_shared<std::atomic_bool>(false);
    auto idle = idleClientAsync(smtpPort, connected);
    REQUIRE(waitFor([&] { return connected->load(); }));

    Ui::SettingsDialog *dialog = f.ui.window().showSettings();
    const quint16 newPop3 = freePort();
    dialog->endpoint(Listener::Pop3).port->setValue(newPop3);
    const auto before = controller->settings();
    REQUIRE(dialog->applyChanges());
    CHECK(dialog->errorText().isEmpty());

    CHECK(f.pop3.address().port == newPop3);
    CHECK(f.ui.server().address().port == smtpPort);
    CHECK(idle.wait_for(std::chrono::milliseconds(200)) == std::future_status::timeout); // still connected
    CHECK(f.ui.settings().text(Ui::Settings::Key::Pop3Address).toStdString()
        == QStringLiteral("127.0.0.1:%1").arg(newPop3).toStdString());
    CHECK(controller->settings().smtp.port == before.smtp.port);

    QTcpSocket old;
    old.connectToHost(QStringLiteral("127.0.0.1"), oldPop3);
    CHECK_FALSE(old.waitForConnected(2000)); // nothing listens there any more

    // Applying again with nothing changed moves nothing.
    const auto again = controller->apply(controller->settings());
    CHECK(again.moved.isEmpty());
    f.ui.server().closeSession(0);
}

TEST_CASE("a port in use is reported in the dialog and status bar, and the listener stays where it was",
    "[ui][settings]")
{
    UiFixture ui;
    const quint16 smtpPort = ui.port();
    QTcpServer squatter;
    REQUIRE(squatter.listen(QHostAddress::LocalHost, 0));

    Ui::SettingsDialog *dialog = ui.window().showSettings();
    dialog->endpoint(Listener::Smtp).port->setValue(squatter.serverPort());
    CHECK_FALSE(dialog->applyChanges());
    const QString error = dialog->errorText();
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("SMTP: cannot listen on 127.0.0.1:%1").arg(squatter.serverPort())));
    CHECK(error.contains(QStringLiteral("Still listening on 127.0.0.1:%1").arg(smtpPort)));
    CHECK(ui.window().statusBar()->currentMessage().contains(QStringLiteral("cannot listen")));
    CHECK(dialog->isVisible()); // OK would not close it either

    CHECK(ui.server().address().port == smtpPort);
    CHECK(accepts(smtpPort));
    // The field shows where it really listens again, and the saved setting is not the busy port.
    CHECK(dialog->endpoint(Listener::Smtp).port->value() == 0); // the fixture asked for any free port
    CHECK(ui.settings().text(Ui::Settings::Key::SmtpAddress).toStdString() == "127.0.0.1:0");

    // Once the port is free, the same change goes through.
    const quint16 wanted = squatter.serverPort();
    squatter.close();
    dialog->endpoint(Listener::Smtp).port->setValue(wanted);
    REQUIRE(dialog->applyChanges());
    CHECK(ui.server().address().port == wanted);
    CHECK(accepts(wanted));
    CHECK(ui.window().listeningLabel()->text().contains(QStringLiteral("127.0.0.1:%1").arg(wanted)));
}

TEST_CASE("limits and AUTH apply to new connections without restarting a listener", "[ui][settings]")
{
    UiFixture ui;
    const quint16 port = ui.port();
    auto said = ehloAsync(port);
    const QByteArray before = await(said);
    CHECK(before.contains("250-SIZE 52428800"));
    CHECK(before.contains("250 2.1.0"));

    Ui::SettingsDialog *dialog = ui.window().showSettings();
    dialog->maxSizeBox()->setValue(2);
    dialog->authBox()->setChecked(true);
    CHECK_FALSE(dialog->applyChanges()); // AUTH without credentials
    CHECK(dialog->errorText().contains(QStringLiteral("user name and password")));
    dialog->authUserEdit()->setText(QStringLiteral("dev"));
    dialog->authPasswordEdit()->setText(QStringLiteral("pw"));
    dialog->maxConnectionsBox()->setValue(3);
    dialog->idleTimeoutBox()->setValue(60);
    const auto result = ui.window().serverController()->apply([&] {
        auto s = ui.window().serverController()->settings();
        s.maxMessageSizeMiB = 2;
        s.authRequired = true;
        s.authUser = QStringLiteral("dev");
        s.authPassword = QStringLiteral("pw");
        s.maxConnections = 3;
        s.idleTimeoutSeconds = 60;
        return s;
    }());
    CHECK(result.ok());
    CHECK(result.moved.isEmpty());
    REQUIRE(dialog->applyChanges());
    CHECK(ui.server().address().port == port);
    const Smtp::ServerConfig config = ui.server().config();
    CHECK(config.maxConnections == 3);
    CHECK(config.idleTimeoutMs == 60000);
    CHECK(config.session.authRequired);

    auto after = ehloAsync(port);
    const QByteArray reply = await(after);
    CHECK(reply.contains("250-SIZE 2097152"));
    CHECK(reply.contains("530 5.7.0"));
    CHECK(ui.settings().value(Ui::Settings::Key::MaxMessageSizeMiB).toInt() == 2);
    CHECK(ui.settings().text(Ui::Settings::Key::AuthUser).toStdString() == "dev");
}

TEST_CASE("fields set on the command line are fixed in the dialog and never saved", "[ui][settings]")
{
    Pop3Fixture f;
    Ui::ServerController *controller = f.ui.window().serverController();
    Ui::ServerOverrides overrides;
    overrides.smtp = *HostPort::parse(QStringLiteral("127.0.0.1:0"));
    overrides.noTls = true;
    controller->setOverrides(overrides);
    f.ui.settings().setValue(Ui::Settings::Key::SmtpAddress, QStringLiteral("127.0.0.1:2999"));

    Ui::SettingsDialog *dialog = f.ui.window().showSettings();
    CHECK_FALSE(dialog->endpoint(Listener::Smtp).port->isEnabled());
    CHECK_FALSE(dialog->tlsBox()->isEnabled());
    CHECK_FALSE(dialog->endpoint(Listener::Smtps).enabled->isEnabled());
    CHECK(dialog->endpoint(Listener::Pop3).port->isEnabled());
    const auto notes = dialog->findChildren<QLabel *>();
    CHECK(std::any_of(notes.begin(), notes.end(), [](QLabel *label) {
        return label->isVisibleTo(label->window())
            && label->text().contains(QStringLiteral("--smtp, --no-tls"));
    }));

    dialog->idleTimeoutBox()->setValue(42);
    REQUIRE(dialog->applyChanges());
    CHECK(f.ui.settings().text(Ui::Settings::Key::SmtpAddress).toStdString() == "127.0.0.1:2999");
    CHECK(f.ui.settings().value(Ui::Settings::Key::IdleTimeoutSeconds).toInt() == 42);
    CHECK(f.ui.server().address().port == f.ui.port());
}

TEST_CASE("app settings from the dialog reach the window: auto-open, notifications, theme", "[ui][settings]")
{
    UiFixture ui;
    Ui::MainWindow::setAskHook(
        [](QWidget *, const QString &) { return false; }); // no restart for the language
    Ui::SettingsDialog *dialog = ui.window().showSettings();
    dialog->autoOpenBox()->setChecked(false);
    dialog->notificationsBox()->setChecked(false);
    dialog->closeToTrayBox()->setChecked(true);
    dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(QStringLiteral("dark")));
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("zh_TW")));
    REQUIRE(dialog->applyChanges());
    CHECK_FALSE(ui.settings().flag(Ui::Settings::Key::AutoOpenSessions));
    CHECK_FALSE(ui.settings().flag(Ui::Settings::Key::Notifications));
    CHECK(ui.settings().flag(Ui::Settings::Key::CloseToTray));
    CHECK(ui.settings().text(Ui::Settings::Key::Language).toStdString() == "zh_TW");
    CHECK(Ui::currentTheme().toStdString() == "dark");
    CHECK(QApplication::palette().color(QPalette::Window).lightness() < 80);

    dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(QStringLiteral("system")));
    REQUIRE(dialog->applyChanges());
    CHECK(Ui::currentTheme().toStdString() == "system");
    CHECK(QApplication::palette().color(QPalette::Window).lightness() > 150);
    Ui::MainWindow::setAskHook({});
}

TEST_CASE("moving the store folder moves the mail and keeps serving, opening one switches to it",
    "[ui][settings][store]")
{
    UiFixture ui;
    REQUIRE(ui.deliver("Subject: kept\r\n\r\nbody\r\n"));
    REQUIRE(ui.deliver("Subject: kept too\r\n\r\nbody\r\n"));
    const QString oldRoot = ui.store().root();
    const QString moved = QDir(ui.tempPath()).filePath(QStringLiteral("moved/store"));

    QString error;
    REQUIRE(ui.window().switchStore(moved, true, &error));
    CHECK(error.isEmpty());
    CHECK(QDir(ui.store().root()).absolutePath() == QDir(moved).absolutePath());
    CHECK(ui.store().count() == 2);
    CHECK(QDir(moved).entryList({QStringLiteral("new"), QStringLiteral("cur")}, QDir::Dirs).size() == 2);
    CHECK_FALSE(QDir(oldRoot).exists(QStringLiteral("new")));
    CHECK(
        ui.settings().text(Ui::Settings::Key::StoreFolder).toStdString() == ui.store().root().toStdString());
    REQUIRE(waitFor([&] { return ui.window().messageModel()->rowCount() == 2; }));
    REQUIRE(ui.deliver("Subject: after the move\r\n\r\nbody\r\n"));
    CHECK(ui.store().count() == 3);

    // Moving into a folder that already holds files is refused; nothing changes.
    const QString busy = QDir(ui.tempPath()).filePath(QStringLiteral("busy"));
    QDir().mkpath(busy);
    QFile(QDir(busy).filePath(QStringLiteral("notes.txt"))).open(QIODevice::WriteOnly);
    CHECK_FALSE(ui.window().switchStore(busy, true, &error));
    CHECK(error.contains(QStringLiteral("not empty")));
    CHECK(ui.store().count() == 3);
    CHECK(ui.server().isListening());

    // Opening another folder as it is: an empty store there, the mail stays behind.
    const QString other = QDir(ui.tempPath()).filePath(QStringLiteral("other"));
    REQUIRE(ui.window().switchStore(other, false, &error));
    CHECK(ui.store().count() == 0);
    REQUIRE(waitFor([&] { return ui.window().messageModel()->rowCount() == 0; }));
    CHECK(QDir(moved)
              .entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)
              .contains(QStringLiteral("mailsink-index.sqlite")));
    REQUIRE(ui.window().switchStore(moved, false, &error));
    CHECK(ui.store().count() == 3);
}

TEST_CASE("moving the store to another file system copies, checks and only then removes the originals",
    "[ui][settings][store]")
{
    QTemporaryDir otherFs(QStringLiteral("/dev/shm/mailsink-move-XXXXXX"));
    if (!otherFs.isValid()) {
        WARN("no /dev/shm here: the copy path is not exercised");
        return;
    }
    UiFixture ui;
    REQUIRE(ui.deliver("Subject: crosses file systems\r\n\r\nbody\r\n"));
    const QByteArray before = *ui.store().readMessage(ui.store().list(1).value(0).id);
    const QString oldRoot = ui.store().root();
    const QString target = otherFs.filePath(QStringLiteral("store"));

    QString error;
    REQUIRE(ui.window().switchStore(target, true, &error));
    CHECK(ui.store().count() == 1);
    CHECK(*ui.store().readMessage(ui.store().list(1).value(0).id) == before);
    CHECK_FALSE(QDir(oldRoot).exists(QStringLiteral("new")));
    CHECK_FALSE(QFileInfo::exists(QDir(oldRoot).filePath(QStringLiteral("mailsink-index.sqlite"))));
    REQUIRE(ui.deliver("Subject: after\r\n\r\nbody\r\n"));
    CHECK(ui.store().count() == 2);
    // Back home again before the temporary folders go.
    REQUIRE(ui.window().switchStore(oldRoot, true, &error));
    CHECK(ui.store().count() == 2);
}

TEST_CASE("the store is never moved into itself, and the TLS switch governs the SMTPS fields",
    "[ui][settings][store]")
{
    UiFixture ui;
    REQUIRE(ui.deliver("Subject: stays\r\n\r\nbody\r\n"));
    const QString root = ui.store().root();
    QString error;
    for (const QString &inside :
        {QDir(root).filePath(QStringLiteral("tmp")), QDir(root).filePath(QStringLiteral("sub/dir"))}) {
        CHECK_FALSE(ui.window().switchStore(inside, true, &error));
        CHECK(error.contains(QStringLiteral("inside the store folder")));
        CHECK(ui.store().isOpen());
        CHECK(ui.store().root() == root);
        CHECK(ui.store().count() == 1);
        CHECK(ui.server().isListening());
    }
    REQUIRE(ui.deliver("Subject: still served\r\n\r\nbody\r\n"));
    CHECK(ui.store().count() == 2);

    Ui::SettingsDialog *dialog = ui.window().showSettings();
    const auto smtps = dialog->endpoint(Listener::Smtps);
    dialog->tlsBox()->setChecked(true);
    smtps.enabled->setChecked(true);
    CHECK(smtps.port->isEnabled());
    dialog->tlsBox()->setChecked(false);
    CHECK_FALSE(smtps.enabled->isEnabled());
    CHECK_FALSE(smtps.port->isEnabled());
    dialog->tlsBox()->setChecked(true);
    CHECK(smtps.enabled->isEnabled());
    CHECK(smtps.port->isEnabled());
}

TEST_CASE("a new language offers a restart, yes quits so that main() starts Mailsink again", "[ui][settings]")
{
    UiFixture ui;
    QStringList asked;
    bool answer = false;
    Ui::MainWindow::setAskHook([&](QWidget *, const QString &question) {
        asked << question;
        return answer;
    });
    Ui::SettingsDialog *dialog = ui.window().showSettings();
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("zh_CN")));
    REQUIRE(dialog->applyChanges());
    REQUIRE(asked.size() == 1);
    CHECK(asked.first().contains(QStringLiteral("Restart")));
    QTest::qWait(50);
    CHECK(ui.window().isVisible()); // "no": nothing happens
    CHECK_FALSE(Ui::MainWindow::restartRequested());

    // The same language again asks nothing; another one, answered yes, restarts.
    REQUIRE(dialog->applyChanges());
    CHECK(asked.size() == 1);
    answer = true;
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("zh_TW")));
    REQUIRE(dialog->applyChanges());
    CHECK(asked.size() == 2);
    REQUIRE(waitFor([&] { return !ui.window().isVisible(); }));
    CHECK(Ui::MainWindow::restartRequested());
    CHECK(ui.settings().text(Ui::Settings::Key::Language).toStdString() == "zh_TW");
    Ui::MainWindow::setAskHook({});
}

TEST_CASE("with no store open nothing listens, whatever is applied", "[ui][settings][store]")
{
    UiFixture ui;
    Ui::ServerController *controller = ui.window().serverController();
    ui.window().stopListening();
    ui.store().close();
    CHECK_FALSE(controller->startSmtp());
    CHECK(controller->status(Listener::Smtp).error.contains(QStringLiteral("no store is open")));
    CHECK_FALSE(ui.server().isListening());
    auto wanted = controller->settings();
    wanted.smtp.port = 0;
    wanted.smtpsEnabled = true;
    const auto result = controller->apply(wanted);
    CHECK_FALSE(result.ok());
    CHECK_FALSE(ui.server().isListening());
}
