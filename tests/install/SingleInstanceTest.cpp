// The single-instance hand-over: a later start forwards its files and a raise request to the running
// instance, and a socket left behind by a crashed instance is recovered.
#include "SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <chrono>
#include <future>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#endif

using MailSink::App::SingleInstance;
using namespace std::chrono_literals;

namespace {

const QString Binary = QStringLiteral(MAILSINK_BINARY);

// handOver blocks, and the server answers from this thread's event loop: run the client beside it.
bool handOverInBackground(const QString &name, const QStringList &paths)
{
    auto client
        = std::async(std::launch::async, [name, paths] { return SingleInstance::handOver(name, paths); });
    const bool finished
        = QTest::qWaitFor([&] { return client.wait_for(0ms) == std::future_status::ready; }, 15000);
    REQUIRE(finished);
    return client.get();
}

bool isConnectable(const QString &name)
{
    QLocalSocket socket;
    socket.connectToServer(name);
    return socket.waitForConnected(500);
}

// A store folder of its own gives every test its own server name.
struct Store
{
    QTemporaryDir dir;
    QString path() const { return dir.filePath(QStringLiteral("Maildir")); }
    QString name() const { return SingleInstance::serverNameFor(path()); }
};

// A desktop mailsink process on a store of its own, with its settings kept out of the user's.
struct Desktop
{
    QProcess process;

    Desktop(const Store &store, const QStringList &extra, const QString &workingDirectory = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), store.dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        if (!workingDirectory.isEmpty())
            process.setWorkingDirectory(workingDirectory);
        process.start(Binary,
            QStringList {QStringLiteral("--store"), store.path(), QStringLiteral("--smtp"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--pop3"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--imap"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-tls"),
                QStringLiteral("--http"), QStringLiteral("127.0.0.1:0")}
                + extra);
        REQUIRE(process.waitForStarted(10000));
    }
    ~Desktop()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(10000);
        }
    }
};

// Waits until a started desktop process is the instance for `store` (it accepts on its socket).
void waitUntilInstance(Desktop &desktop, const Store &store)
{
    const bool up = QTest::qWaitFor(
        [&] { return desktop.process.state() != QProcess::Running || isConnectable(store.name()); }, 30000);
    REQUIRE(up);
    REQUIRE(desktop.process.state() == QProcess::Running);
}

#ifdef Q_OS_UNIX
// What a crashed instance leaves behind: a bound Unix socket file that nobody accepts on any more.
bool leaveStaleSocket(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address {};
    if (size_t(native.size()) >= sizeof(address.sun_path))
        return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool bound
        = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 && ::listen(fd, 1) == 0;
    ::close(fd); // closed without unlink, as when the process is killed
    return bound;
}
#endif

} // namespace

TEST_CASE("server names are per user and store, and short", "[install][instance]")
{
    const QString a = SingleInstance::serverNameFor(QStringLiteral("/tmp/store-a"));
    CHECK(a.startsWith(QStringLiteral("mailsink-")));
    CHECK(a.size() < 40); // Unix socket paths are limited to about 100 bytes, temp folder included
    CHECK(a == SingleInstance::serverNameFor(QStringLiteral("/tmp/store-a/")));
    CHECK(a == SingleInstance::serverNameFor(QStringLiteral("/tmp/x/../store-a")));
    CHECK(a != SingleInstance::serverNameFor(QStringLiteral("/tmp/store-b")));
}

TEST_CASE("a second start hands absolute paths and a raise request to the first", "[install][instance]")
{
    Store store;
    SingleInstance first(store.name());
    REQUIRE(first.listen());
    QSignalSpy files(&first, &SingleInstance::filesRequested);
    QSignalSpy raise(&first, &SingleInstance::raiseRequested);

    const QString cjk = store.dir.filePath(QStringLiteral("測試 message\nwith newline.eml"));
    CHECK(handOverInBackground(store.name(), {cjk, QStringLiteral("relative.eml")}));
    REQUIRE(QTest::qWaitFor([&] { return raise.size() == 1; }, 5000));
    REQUIRE(files.size() == 1);
    const auto paths = files.at(0).at(0).toStringList();
    REQUIRE(paths.size() == 2);
    CHECK(paths.at(0) == cjk);
    CHECK(paths.at(1) == QDir::current().absoluteFilePath(QStringLiteral("relative.eml")));

    SECTION("without files only the raise request arrives")
    {
        CHECK(handOverInBackground(store.name(), {}));
        REQUIRE(QTest::qWaitFor([&] { return raise.size() == 2; }, 5000));
        CHECK(files.size() == 1);
    }
    SECTION("a second server does not take over a live instance")
    {
        SingleInstance second(store.name());
        CHECK_FALSE(second.listen());
        CHECK_FALSE(second.errorString().isEmpty());
        CHECK(handOverInBackground(store.name(), {cjk}));
        REQUIRE(QTest::qWaitFor([&] { return files.size() == 2; }, 5000));
    }
    SECTION("a stranger's bytes are dropped, later requests still served")
    {
        QLocalSocket stranger;
        stranger.connectToServer(store.name());
        REQUIRE(stranger.waitForConnected(2000));
        stranger.write("GET / HTTP/1.1\r\n\r\n");
        stranger.flush();
        CHECK(QTest::qWaitFor([&] { return stranger.state() == QLocalSocket::UnconnectedState; }, 5000));
        CHECK(handOverInBackground(store.name(), {cjk}));
        REQUIRE(QTest::qWaitFor([&] { return files.size() == 2; }, 5000));
        CHECK(raise.size() == 2);
    }
}

TEST_CASE("with no instance running the hand-over fails at once", "[install][instance]")
{
    Store store;
    CHECK_FALSE(SingleInstance::handOver(store.name(), {QStringLiteral("/tmp/a.eml")}, 2000));
}

#ifdef Q_OS_UNIX
TEST_CASE("a stale socket from a crashed instance is removed and the new process becomes the instance",
    "[install][instance]")
{
    Store store;
    QLocalServer probe; // only to learn where Qt puts the socket for this name
    REQUIRE(probe.listen(store.name()));
    const QString socketPath = probe.fullServerName();
    probe.close();
    REQUIRE_FALSE(QFileInfo::exists(socketPath));
    REQUIRE(leaveStaleSocket(socketPath));
    REQUIRE(QFileInfo::exists(socketPath));
    CHECK_FALSE(isConnectable(store.name()));
    CHECK_FALSE(SingleInstance::handOver(store.name(), {}, 2000));

    SingleInstance instance(store.name());
    REQUIRE(instance.listen());
    QSignalSpy files(&instance, &SingleInstance::filesRequested);
    CHECK(handOverInBackground(store.name(), {QStringLiteral("/tmp/after-crash.eml")}));
    REQUIRE(QTest::qWaitFor([&] { return files.size() == 1; }, 5000));
    CHECK(files.at(0).at(0).toStringList() == QStringList {QStringLiteral("/tmp/after-crash.eml")});
}
#endif

TEST_CASE("mailsink FILE.eml forwards the file to the running instance and exits 0", "[install][instance]")
{
    Store store;
    SingleInstance running(store.name());
    REQUIRE(running.listen());
    QSignalSpy files(&running, &SingleInstance::filesRequested);
    QSignalSpy raise(&running, &SingleInstance::raiseRequested);

    Desktop second(store, {QStringLiteral("message.eml")}, store.dir.path());
    REQUIRE(QTest::qWaitFor([&] { return second.process.state() == QProcess::NotRunning; }, 30000));
    CHECK(second.process.exitStatus() == QProcess::NormalExit);
    CHECK(second.process.exitCode() == 0);
    REQUIRE(files.size() == 1);
    CHECK(
        files.at(0).at(0).toStringList() == QStringList {store.dir.filePath(QStringLiteral("message.eml"))});
    CHECK(raise.size() == 1);
}

TEST_CASE("desktop processes: the second hands over, a killed instance is replaced", "[install][instance]")
{
    Store store;
    auto first = std::make_unique<Desktop>(store, QStringList {});
    waitUntilInstance(*first, store);

    {
        Desktop second(store, {QStringLiteral("/tmp/forwarded.eml")});
        REQUIRE(second.process.waitForFinished(30000));
        CHECK(second.process.exitCode() == 0);
        CHECK(first->process.state() == QProcess::Running);
    }
    SECTION("--new-instance skips the hand-over")
    {
        Desktop independent(store, {QStringLiteral("--new-instance")});
        // It starts on its own and finds the store locked by the first (exit status 2), or runs.
        const bool exited = independent.process.waitForFinished(3000);
        CHECK((!exited || independent.process.exitCode() == 2));
    }
    SECTION("after kill -9 the next start becomes the instance")
    {
#ifdef Q_OS_UNIX
        first->process.kill(); // SIGKILL: the socket file stays behind
        REQUIRE(first->process.waitForFinished(10000));
        first.reset();
        CHECK_FALSE(isConnectable(store.name()));

        Desktop replacement(store, {});
        waitUntilInstance(replacement, store);
        Desktop later(store, {QStringLiteral("/tmp/forwarded.eml")});
        REQUIRE(later.process.waitForFinished(30000));
        CHECK(later.process.exitCode() == 0);
        CHECK(replacement.process.state() == QProcess::Running);
#endif
    }
}

namespace {

// A desktop process that takes its listen addresses from the settings file (no --smtp), with what
// it logs kept in a file.
struct ConfiguredDesktop
{
    QProcess process;
    QString log;

    ConfiguredDesktop(const Store &store, const QString &settings, const QStringList &extra)
    {
        const QString config = store.dir.filePath(QStringLiteral("config"));
        QDir().mkpath(config + QStringLiteral("/Mailsink"));
        QFile file(config + QStringLiteral("/Mailsink/mailsink.conf"));
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(settings.toUtf8());
        file.close();
        log = store.dir.filePath(QStringLiteral("desktop.log"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mailsink.ui.info=true"));
        process.setProcessEnvironment(env);
        process.setStandardErrorFile(log);
        process.start(Binary,
            QStringList {QStringLiteral("--store"), store.path(), QStringLiteral("--http"),
                QStringLiteral("127.0.0.1:0")}
                + extra);
        REQUIRE(process.waitForStarted(10000));
    }
    ~ConfiguredDesktop()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(10000)) {
                process.kill();
                process.waitForFinished(10000);
            }
        }
    }
    QByteArray logged() const
    {
        QFile file(log);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool greets(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return socket.waitForConnected(500) && socket.waitForReadyRead(2000)
        && socket.readAll().startsWith("220");
}

} // namespace

TEST_CASE("the desktop app listens where its settings say, a command-line option wins for that run",
    "[install][settings]")
{
    Store store;
    const quint16 saved = freePort();
    const QString settings = QStringLiteral(
        "[smtp]\naddress=127.0.0.1:%1\n[pop3]\nenabled=false\n[imap]\nenabled=false\n[tls]\nenabled=false\n")
                                 .arg(saved);
    {
        ConfiguredDesktop desktop(store, settings, {QStringLiteral("--new-instance")});
        INFO(desktop.logged().toStdString());
        REQUIRE(QTest::qWaitFor(
            [&] { return desktop.process.state() != QProcess::Running || greets(saved); }, 30000));
        CHECK(desktop.process.state() == QProcess::Running);
    }
    const quint16 given = freePort();
    ConfiguredDesktop desktop(store, settings,
        {QStringLiteral("--new-instance"), QStringLiteral("--smtp"),
            QStringLiteral("127.0.0.1:%1").arg(given)});
    INFO(desktop.logged().toStdString());
    REQUIRE(QTest::qWaitFor(
        [&] { return desktop.process.state() != QProcess::Running || greets(given); }, 30000));
    CHECK(desktop.process.state() == QProcess::Running);
    CHECK_FALSE(greets(saved));
    // The override is for this run only: the settings file still has the saved address.
    QSettings file(store.dir.filePath(QStringLiteral("config/Mailsink/mailsink.conf")), QSettings::IniFormat);
    CHECK(file.value(QStringLiteral("smtp/address")).toString() == QStringLiteral("127.0.0.1:%1").arg(saved));
}

TEST_CASE("the desktop app serves IMAP where its settings say, and a busy IMAP port leaves it running",
    "[install][settings][imap]")
{
    Store store;
    const quint16 smtp = freePort();
    const quint16 imap = freePort();
    const QString settings = QStringLiteral("[smtp]\naddress=127.0.0.1:%1\n[pop3]\nenabled=false\n[imap]"
                                            "\naddress=127.0.0.1:%2\n[tls]\nenabled=false\n")
                                 .arg(smtp)
                                 .arg(imap);
    auto imapGreets = [](quint16 port) {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return socket.waitForConnected(500) && socket.waitForReadyRead(2000)
            && socket.readAll().startsWith("* OK");
    };
    {
        ConfiguredDesktop desktop(store, settings, {QStringLiteral("--new-instance")});
        INFO(desktop.logged().toStdString());
        REQUIRE(QTest::qWaitFor(
            [&] { return desktop.process.state() != QProcess::Running || greets(smtp); }, 30000));
        CHECK(imapGreets(imap));
    }
    {
        ConfiguredDesktop desktop(
            store, settings, {QStringLiteral("--new-instance"), QStringLiteral("--no-imap")});
        INFO(desktop.logged().toStdString());
        REQUIRE(QTest::qWaitFor(
            [&] { return desktop.process.state() != QProcess::Running || greets(smtp); }, 30000));
        CHECK_FALSE(imapGreets(imap));
    }
    // Another program holds the port given with --imap: the app starts anyway and catches mail.
    QTcpServer squatter;
    REQUIRE(squatter.listen(QHostAddress::LocalHost, 0));
    ConfiguredDesktop desktop(store, settings,
        {QStringLiteral("--new-instance"), QStringLiteral("--imap"),
            QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort())});
    INFO(desktop.logged().toStdString());
    REQUIRE(
        QTest::qWaitFor([&] { return desktop.process.state() != QProcess::Running || greets(smtp); }, 30000));
    CHECK(desktop.process.state() == QProcess::Running);
    CHECK_FALSE(imapGreets(imap));
    // The override is for this run only.
    QSettings file(store.dir.filePath(QStringLiteral("config/Mailsink/mailsink.conf")), QSettings::IniFormat);
    CHECK(file.value(QStringLiteral("imap/address")).toString() == QStringLiteral("127.0.0.1:%1").arg(imap));
}

TEST_CASE("a file handed over by a second start opens in the running window", "[install][instance]")
{
    Store store;
    const QString eml = store.dir.filePath(QStringLiteral("handed-over.eml"));
    {
        QFile file(eml);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("From: a@example.com\r\nTo: b@example.com\r\nSubject: handed over\r\n\r\nhello\r\n");
    }
    ConfiguredDesktop first(store,
        QStringLiteral("[smtp]\naddress=127.0.0.1:0\n[pop3]\nenabled=false\n[imap]\nenabled=false\n[tls]"
                       "\nenabled=false\n"),
        {});
    const bool up = QTest::qWaitFor(
        [&] { return first.process.state() != QProcess::Running || isConnectable(store.name()); }, 30000);
    REQUIRE(up);
    REQUIRE(first.process.state() == QProcess::Running);

    Desktop second(store, {eml});
    REQUIRE(second.process.waitForFinished(30000));
    CHECK(second.process.exitCode() == 0);
    const QByteArray expected
        = "opened \"" + QFileInfo(eml).absoluteFilePath().toUtf8() + "\" subject \"handed over\"";
    const bool opened = QTest::qWaitFor([&] { return first.logged().contains(expected); }, 15000);
    INFO(first.logged().toStdString());
    CHECK(opened);
}
