#include "UiFixture.h"
#include "list/MessageActions.h"

#include "imap/ImapServer.h"

#include "ServerActions.h"
#include "ServerController.h"
#include "desktop/Desktop.h"
#include "list/MessageListModel.h"
#include "list/MessageListView.h"
#include "settings/ServerSettings.h"
#include "settings/SettingsDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSslSocket>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWidgetAction>

#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <memory>

using namespace MailSink;
using namespace MailSink::Test;
using Listener = Ui::ServerController::Listener;

namespace {

// An IMAP client on a thread of its own (the GUI thread accepts): reads the greeting, then sends each
// command with a tag and reads up to its tagged reply. Resolves with everything the server said.
std::future<QByteArray> imapAsync(quint16 port, QList<QByteArray> commands, bool implicitTls = false)
{
    return std::async(std::launch::async, [port, commands, implicitTls]() -> QByteArray {
        QSslSocket socket;
        if (implicitTls) {
            socket.setPeerVerifyMode(QSslSocket::VerifyNone);
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            if (!socket.waitForEncrypted(10000))
                return QByteArray("[no TLS: ") + socket.errorString().toUtf8() + ']';
        } else {
            socket.connectToHost(QStringLiteral("127.0.0.1"), port);
            if (!socket.waitForConnected(10000))
                return QByteArray("[no connection]");
        }
        QByteArray said;
        auto readLineStarting = [&](const QByteArray &start) {
            for (;;) {
                while (!socket.canReadLine()) {
                    if (!socket.waitForReadyRead(10000))
                        return false;
                }
                const QByteArray line = socket.readLine();
                said += line;
                if (line.startsWith(start))
                    return true;
            }
        };
        if (!readLineStarting("* "))
            return said + "[no greeting]";
        int n = 0;
        for (const QByteArray &command : commands) {
            const QByteArray tag = 'a' + QByteArray::number(++n);
            socket.write(tag + ' ' + command + "\r\n");
            if (!readLineStarting(tag + ' '))
                return said + "[no reply to " + tag + ']';
        }
        return said;
    });
}

// Logs in, selects INBOX and stays: resolves with what the server said after that, up to the close.
std::future<QByteArray> idleImapAsync(quint16 port, std::shared_ptr<std::atomic_bool> selected)
{
    return std::async(std::launch::async, [port, selected]() -> QByteArray {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForConnected(10000))
            return "[no connection]";
        QByteArray said;
        auto readUntil = [&](const QByteArray &end) {
            while (!said.contains(end)) {
                if (!socket.waitForReadyRead(10000))
                    return false;
                said += socket.readAll();
            }
            return true;
        };
        socket.write("a1 LOGIN all x\r\na2 SELECT INBOX\r\n");
        if (!readUntil("a2 OK"))
            return said + "[not selected]";
        said.clear();
        *selected = true;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(20000))
            said += socket.readAll();
        said += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            said += "[closed]";
        return said;
    });
}

QByteArray await(std::future<QByteArray> &future)
{
    waitFor([&] { return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 30000);
    return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready ? future.get()
                                                                                 : QByteArray("[timeout]");
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

const HostPort AnyPort = *HostPort::parse(QStringLiteral("127.0.0.1:0"));

// The desktop window with IMAP served beside SMTP, as runDesktop() wires it.
struct ImapFixture
{
    UiFixture ui;
    Imap::ImapServer imap;
    explicit ImapFixture(bool tls = false, const std::function<void(Ui::Settings &)> &configure = {},
        const HostPort &address = AnyPort)
        : ui(tls, configure)
        , imap(&ui.store(), {})
    {
        ui.window().serverActions()->setImapServer(&imap, address);
    }
    ~ImapFixture()
    {
        ui.window().close();
        imap.shutdown(1000);
    }
    Ui::ServerActions &actions() { return *ui.window().serverActions(); }
    Ui::ServerController &controller() { return *ui.window().serverController(); }
    quint16 port() const { return imap.address().port; }
};

bool seenInList(Ui::MainWindow &window, qint64 id)
{
    Ui::MessageListModel *model = window.messageModel();
    const int row = model->rowOf(id);
    return row >= 0 && model->data(model->index(row, 0), Ui::MessageListModel::SeenRole).toBool();
}

} // namespace

TEST_CASE(
    "the desktop serves IMAP: a client logs in, lists the folders and fetches what arrived", "[ui][imap]")
{
    ImapFixture f;
    REQUIRE(f.imap.isListening());
    REQUIRE(f.port() != 0);
    CHECK(f.actions().imapAction()->isChecked());
    CHECK(f.actions().imapLabelAction()->isVisible());
    CHECK(f.actions().imapLabel()->text().contains(
        QStringLiteral("IMAP on <b>127.0.0.1:%1</b>").arg(f.port())));
    REQUIRE(f.ui.deliver("Subject: over IMAP\r\nFrom: a@example.com\r\n\r\nfetched body\r\n"));

    auto session = imapAsync(f.port(),
        {"LOGIN all secret", "LIST \"\" \"*\"", "SELECT INBOX",
            "FETCH 1 (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])", "FETCH 1 BODY.PEEK[TEXT]", "LOGOUT"});
    const QByteArray said = await(session);
    INFO(said.toStdString());
    CHECK(said.startsWith("* OK"));
    CHECK(said.contains("a1 OK"));
    CHECK(said.contains("* LIST ("));
    CHECK(said.contains("INBOX"));
    CHECK(said.contains("* 1 EXISTS"));
    CHECK(said.contains("Subject: over IMAP"));
    CHECK(said.contains("fetched body"));
    CHECK(said.contains("a6 OK"));
}

TEST_CASE(
    "a message marked seen over IMAP shows as read in the list, and unread in the list is unseen over IMAP",
    "[ui][imap]")
{
    ImapFixture f;
    REQUIRE(f.ui.deliver("Subject: read me\r\n\r\nbody\r\n"));
    const qint64 id = f.ui.window().messageModel()->idAt(0);
    REQUIRE(id != 0);
    REQUIRE_FALSE(seenInList(f.ui.window(), id));

    auto store = imapAsync(f.port(), {"LOGIN all x", "SELECT INBOX", "STORE 1 +FLAGS (\\Seen)", "LOGOUT"});
    const QByteArray said = await(store);
    INFO(said.toStdString());
    REQUIRE(said.contains("a3 OK"));
    CHECK(waitFor([&] { return seenInList(f.ui.window(), id); }));
    CHECK(f.ui.store().message(id)->seen);

    // Unread again from the window: a new IMAP session sees no \Seen.
    f.ui.window().messageView()->selectRow(0);
    f.ui.window().messageActions()->markSelected(false);
    REQUIRE(waitFor([&] { return !seenInList(f.ui.window(), id); }));
    auto fetch = imapAsync(f.port(), {"LOGIN all x", "EXAMINE INBOX", "FETCH 1 FLAGS", "LOGOUT"});
    const QByteArray flags = await(fetch);
    INFO(flags.toStdString());
    const qsizetype at = flags.indexOf("* 1 FETCH (FLAGS (");
    REQUIRE(at >= 0);
    const QByteArray fetched = flags.mid(at, flags.indexOf("\r\n", at) - at);
    CHECK(fetched.startsWith("* 1 FETCH"));
    CHECK_FALSE(fetched.contains("\\Seen"));
}

TEST_CASE("Server > Serve IMAP stops and starts the listener and is remembered", "[ui][imap]")
{
    ImapFixture f;
    const quint16 port = f.port();
    REQUIRE(port != 0);

    f.actions().imapAction()->setChecked(false);
    CHECK_FALSE(f.imap.isListening());
    CHECK(f.actions().imapLabel()->text().contains(QStringLiteral("IMAP off")));
    CHECK(f.ui.settings().flag(Ui::Settings::Key::ServeImap) == false);
    QTcpSocket refused;
    refused.connectToHost(QStringLiteral("127.0.0.1"), port);
    CHECK_FALSE(refused.waitForConnected(2000));
    CHECK(f.ui.server().isListening()); // SMTP goes on

    f.actions().imapAction()->setChecked(true);
    REQUIRE(f.imap.isListening());
    CHECK(f.ui.settings().flag(Ui::Settings::Key::ServeImap) == true);
    CHECK(f.actions().imapLabel()->text().contains(QStringLiteral("IMAP on")));
    auto hello = imapAsync(f.imap.address().port, {"LOGOUT"});
    CHECK(await(hello).startsWith("* OK"));
}

TEST_CASE("IMAP settings round-trip: defaults, the dialog rows, saved addresses", "[ui][imap][settings]")
{
    {
        QTemporaryDir dir;
        QSettings backend(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Ui::Settings settings(&backend);
        const Ui::ServerSettings defaults = Ui::ServerSettings::load(settings);
        CHECK(defaults.imapEnabled);
        CHECK(defaults.imap.toString().toStdString() == "127.0.0.1:1143");
        CHECK_FALSE(defaults.imapsEnabled);
        CHECK(defaults.imaps.toString().toStdString() == "127.0.0.1:1993");

        Ui::ServerSettings edited = defaults;
        edited.imapEnabled = false;
        edited.imap = *HostPort::parse(QStringLiteral("0.0.0.0:2143"));
        edited.imapsEnabled = true;
        edited.imaps = *HostPort::parse(QStringLiteral("[::1]:2993"));
        edited.save(settings);
        backend.sync();
        QSettings reread(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Ui::Settings rereadSettings(&reread);
        CHECK(Ui::ServerSettings::load(rereadSettings) == edited);
        CHECK(reread.value(QStringLiteral("imap/enabled")).toBool() == false);
        CHECK(reread.value(QStringLiteral("imap/address")).toString().toStdString() == "0.0.0.0:2143");
        CHECK(reread.value(QStringLiteral("imaps/enabled")).toBool() == true);
        CHECK(reread.value(QStringLiteral("imaps/address")).toString().toStdString() == "[::1]:2993");
        reread.setValue(QStringLiteral("imap/address"), QStringLiteral("no port"));
        CHECK(Ui::ServerSettings::load(rereadSettings).imap.toString().toStdString() == "127.0.0.1:1143");
    }

    // The dialog moves only IMAP, and starts IMAPS with the TLS identity SMTP uses.
    ImapFixture f(true, [](Ui::Settings &settings) {
        settings.setValue(Ui::Settings::Key::ImapsAddress, QStringLiteral("127.0.0.1:0"));
    });
    const quint16 smtpPort = f.ui.port();
    const quint16 oldPort = f.port();
    CHECK(f.actions().imapLabel()->text().contains(QStringLiteral("(STARTTLS)")));
    Ui::SettingsDialog *dialog = f.ui.window().showSettings();
    const Ui::SettingsDialog::Endpoint imap = dialog->endpoint(Listener::Imap);
    const Ui::SettingsDialog::Endpoint imaps = dialog->endpoint(Listener::Imaps);
    REQUIRE(imap.enabled);
    REQUIRE(imaps.enabled);
    CHECK(imap.enabled->isChecked());
    CHECK(imap.port->value() == 0);
    CHECK_FALSE(imaps.enabled->isChecked());
    CHECK_FALSE(imaps.port->isEnabled());
    const quint16 wanted = freePort();
    imap.port->setValue(wanted);
    imaps.enabled->setChecked(true);
    CHECK(imaps.port->isEnabled());
    REQUIRE(dialog->applyChanges());
    CHECK(dialog->errorText().isEmpty());
    CHECK(f.imap.address().port == wanted);
    CHECK(f.ui.server().address().port == smtpPort);
    REQUIRE(f.imap.imapsAddress().port != 0);
    CHECK(f.ui.settings().text(Ui::Settings::Key::ImapAddress).toStdString()
        == QStringLiteral("127.0.0.1:%1").arg(wanted).toStdString());
    CHECK(f.ui.settings().flag(Ui::Settings::Key::ImapsEnabled));
    CHECK(f.actions().imapLabel()->text().contains(
        QStringLiteral("IMAPS 127.0.0.1:%1").arg(f.imap.imapsAddress().port)));
    QTcpSocket old;
    old.connectToHost(QStringLiteral("127.0.0.1"), oldPort);
    CHECK_FALSE(old.waitForConnected(2000));
    auto plain = imapAsync(wanted, {"CAPABILITY", "LOGOUT"});
    const QByteArray capabilities = await(plain);
    INFO(capabilities.toStdString());
    CHECK(capabilities.contains("STARTTLS"));
    auto secure = imapAsync(f.imap.imapsAddress().port, {"LOGIN all x", "LOGOUT"}, true);
    const QByteArray overTls = await(secure);
    INFO(overTls.toStdString());
    CHECK(overTls.startsWith("* OK"));
    CHECK(overTls.contains("a1 OK"));

    // Unticking IMAP stops both, and the IMAPS row follows the IMAP one.
    imap.enabled->setChecked(false);
    CHECK_FALSE(imaps.port->isEnabled());
    REQUIRE(dialog->applyChanges());
    CHECK_FALSE(f.imap.isListening());
    CHECK_FALSE(f.actions().imapAction()->isChecked());
    CHECK(f.actions().imapLabel()->text().contains(QStringLiteral("IMAP off")));
}

TEST_CASE("an IMAP port in use is reported clearly and the app keeps running", "[ui][imap][settings]")
{
    ImapFixture f;
    const quint16 port = f.port();
    QTcpServer squatter;
    REQUIRE(squatter.listen(QHostAddress::LocalHost, 0));

    Ui::SettingsDialog *dialog = f.ui.window().showSettings();
    dialog->endpoint(Listener::Imap).port->setValue(squatter.serverPort());
    CHECK_FALSE(dialog->applyChanges());
    const QString error = dialog->errorText();
    INFO(error.toStdString());
    CHECK(error.contains(QStringLiteral("IMAP: cannot listen on 127.0.0.1:%1").arg(squatter.serverPort())));
    CHECK(error.contains(QStringLiteral("Still listening on 127.0.0.1:%1").arg(port)));
    CHECK(dialog->isVisible());
    CHECK(f.ui.window().statusBar()->currentMessage().contains(QStringLiteral("cannot listen")));
    CHECK(f.imap.address().port == port);
    CHECK(f.ui.settings().text(Ui::Settings::Key::ImapAddress).toStdString() == "127.0.0.1:0");
    auto hello = imapAsync(port, {"LOGOUT"});
    CHECK(await(hello).startsWith("* OK"));
    REQUIRE(f.ui.deliver("Subject: still catching\r\n\r\nbody\r\n"));

    // At start (an address that is taken): the toolbar and status bar say so; SMTP still runs.
    const HostPort taken = *HostPort::parse(QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort()));
    ImapFixture busy(false, {}, taken);
    CHECK_FALSE(busy.imap.isListening());
    const QString label = busy.actions().imapLabel()->text();
    INFO(label.toStdString());
    CHECK(label.contains(QStringLiteral("IMAP off: cannot listen on %1").arg(taken.toString())));
    CHECK(
        busy.ui.window().statusBar()->currentMessage().startsWith(QStringLiteral("IMAP off: cannot listen")));
    CHECK(busy.ui.deliver("Subject: SMTP unaffected\r\n\r\nbody\r\n"));
}

TEST_CASE("IMAP stops while the store changes hands and serves the new store after", "[ui][imap][store]")
{
    ImapFixture f;
    REQUIRE(f.ui.deliver("Subject: moved along\r\n\r\nbody\r\n"));
    auto selected = std::make_shared<std::atomic_bool>(false);
    auto idle = idleImapAsync(f.port(), selected);
    REQUIRE(waitFor([&] { return selected->load(); }));

    const QString moved = QDir(f.ui.tempPath()).filePath(QStringLiteral("moved/store"));
    QString error;
    REQUIRE(f.ui.window().switchStore(moved, true, &error));
    // The session on the old store was ended (RFC 3501 7.1.5 BYE), not left reading moved files.
    const QByteArray ended = await(idle);
    INFO(ended.toStdString());
    CHECK(ended.contains("* BYE"));
    CHECK(ended.endsWith("[closed]"));
    REQUIRE(f.imap.isListening());
    auto session = imapAsync(
        f.port(), {"LOGIN all x", "SELECT INBOX", "FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]", "LOGOUT"});
    const QByteArray said = await(session);
    INFO(said.toStdString());
    CHECK(said.contains("* 1 EXISTS"));
    CHECK(said.contains("Subject: moved along"));
}

TEST_CASE("the desktop options --imap and --no-imap win for the run and lock the dialog rows",
    "[ui][imap][settings]")
{
    QString error;
    auto options = Ui::parseDesktopOptions(
        {QStringLiteral("mailsink"), QStringLiteral("--imap"), QStringLiteral("127.0.0.1:0")}, &error);
    REQUIRE(options);
    REQUIRE(options->overrides.imap);
    CHECK(options->overrides.imap->toString().toStdString() == "127.0.0.1:0");
    CHECK_FALSE(options->overrides.noImap);

    options = Ui::parseDesktopOptions(
        {QStringLiteral("mailsink"), QStringLiteral("--imap"), QStringLiteral("nowhere")}, &error);
    CHECK_FALSE(options);
    CHECK(error.startsWith(QStringLiteral("--imap: ")));

    options = Ui::parseDesktopOptions({QStringLiteral("mailsink"), QStringLiteral("--no-imap")}, &error);
    REQUIRE(options);
    CHECK(options->overrides.noImap);
    CHECK(options->overrides.any());
    Ui::ServerSettings settings;
    settings.imapsEnabled = true;
    options->overrides.applyTo(settings);
    CHECK_FALSE(settings.imapEnabled);
    CHECK_FALSE(settings.imapsEnabled);

    // Locked in the dialog, the action off, and OK never saves the override.
    UiFixture ui;
    Imap::ImapServer imap(&ui.store(), {});
    ui.window().serverController()->setOverrides(options->overrides);
    Ui::ServerSettings effective = ui.window().serverController()->settings();
    options->overrides.applyTo(effective);
    ui.window().serverController()->apply(effective);
    ui.window().serverActions()->setImapServer(&imap, AnyPort);
    CHECK_FALSE(imap.isListening());
    CHECK_FALSE(ui.window().serverActions()->imapAction()->isEnabled());
    Ui::SettingsDialog *dialog = ui.window().showSettings();
    CHECK_FALSE(dialog->endpoint(Listener::Imap).enabled->isEnabled());
    CHECK_FALSE(dialog->endpoint(Listener::Imaps).enabled->isEnabled());
    REQUIRE(dialog->applyChanges());
    CHECK(ui.settings().flag(Ui::Settings::Key::ServeImap)); // still the saved "on"
    ui.window().close();
}
