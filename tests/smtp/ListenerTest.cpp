// SmtpServer at run time: moving a listener to another address without losing it, and configuration
// changes that reach new connections only.
#include "smtp/SmtpServer.h"
#include "store/MessageStore.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <memory>

using namespace MailSink;
using namespace std::chrono_literals;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    Store::MessageStore store;
    std::unique_ptr<Smtp::SmtpServer> server;
    Fixture()
    {
        REQUIRE(store.open(dir.filePath(QStringLiteral("store"))));
        server = std::make_unique<Smtp::SmtpServer>(&store, Smtp::ServerConfig {});
    }
    ~Fixture()
    {
        server->shutdown(1000);
        server.reset();
        store.close();
    }
};

QByteArray readReply(QTcpSocket &socket)
{
    QByteArray reply;
    // A reply ends with a line whose code is followed by a space (RFC 5321 4.2.1).
    auto complete = [&] {
        const qsizetype lastLine = reply.lastIndexOf("\r\n", reply.size() - 3);
        const QByteArray line = reply.mid(lastLine < 0 ? 0 : lastLine + 2);
        return reply.endsWith("\r\n") && line.size() > 3 && line.at(3) == ' ';
    };
    while (!complete() && socket.waitForReadyRead(5000))
        reply += socket.readAll();
    return reply;
}

// A client on its own thread: greeting and EHLO (then `answered` is set, if given), waits for `go` and
// says EHLO again.
std::future<std::pair<QByteArray, QByteArray>> twoEhlos(
    quint16 port, std::shared_future<void> go, std::shared_ptr<std::promise<void>> answered = {})
{
    return std::async(std::launch::async, [port, go, answered] {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForConnected(5000))
            return std::make_pair(QByteArray("[no connection]"), QByteArray());
        readReply(socket);
        socket.write("EHLO first.test\r\n");
        const QByteArray first = readReply(socket);
        if (answered)
            answered->set_value();
        go.wait();
        socket.write("EHLO again.test\r\n");
        const QByteArray second = readReply(socket);
        socket.write("QUIT\r\n");
        socket.waitForBytesWritten(1000);
        return std::make_pair(first, second);
    });
}

template<typename Future>
bool settle(Future &future)
{
    return QTest::qWaitFor([&] { return future.wait_for(0ms) == std::future_status::ready; }, 15000);
}

bool greets(quint16 port)
{
    std::promise<void> go;
    go.set_value();
    auto client = twoEhlos(port, go.get_future().share());
    return settle(client) && client.get().first.startsWith("250");
}

} // namespace

TEST_CASE("a listener that cannot have its new address keeps the old one", "[smtp][listener]")
{
    Fixture f;
    REQUIRE(f.server->listen(*HostPort::parse(QStringLiteral("127.0.0.1:0"))));
    const quint16 port = f.server->address().port;

    QTcpServer squatter;
    REQUIRE(squatter.listen(QHostAddress::LocalHost, 0));
    CHECK_FALSE(
        f.server->listen(*HostPort::parse(QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort()))));
    CHECK(f.server->errorString().contains(
        QStringLiteral("cannot listen on 127.0.0.1:%1").arg(squatter.serverPort())));
    CHECK(f.server->isListening());
    CHECK(f.server->address().port == port);
    CHECK(greets(port));

    // The same port on another interface collides with our own socket: it is handed over.
    REQUIRE(f.server->listen({QHostAddress(QHostAddress::AnyIPv4), port}));
    CHECK(f.server->address().address == QHostAddress(QHostAddress::AnyIPv4));
    CHECK(greets(port));
    REQUIRE(f.server->listen({QHostAddress(QHostAddress::LocalHost), port}));
    CHECK(f.server->address().address == QHostAddress(QHostAddress::LocalHost));
    CHECK(greets(port));

    f.server->stopSmtp();
    CHECK_FALSE(f.server->isListening());
}

TEST_CASE(
    "a new configuration reaches new connections, a session in progress keeps its own", "[smtp][listener]")
{
    Fixture f;
    REQUIRE(f.server->listen(*HostPort::parse(QStringLiteral("127.0.0.1:0"))));
    const quint16 port = f.server->address().port;

    std::promise<void> go;
    std::shared_future<void> released = go.get_future().share();
    auto answered = std::make_shared<std::promise<void>>();
    auto firstEhlo = answered->get_future();
    auto early = twoEhlos(port, released, answered);
    REQUIRE(settle(firstEhlo)); // its session began, and was answered, under the old configuration

    Smtp::ServerConfig config = f.server->config();
    config.session.maxMessageSize = 1024 * 1024;
    f.server->setConfig(config);
    go.set_value();

    std::promise<void> now;
    now.set_value();
    auto late = twoEhlos(port, now.get_future().share());
    REQUIRE(settle(early));
    REQUIRE(settle(late));
    const auto [earlyFirst, earlySecond] = early.get();
    const auto [lateFirst, lateSecond] = late.get();
    CHECK(earlyFirst.contains("250-SIZE 52428800"));
    CHECK(earlySecond.contains("250-SIZE 52428800"));
    CHECK(lateFirst.contains("250-SIZE 1048576"));
    CHECK(f.server->config().session.maxMessageSize == 1024 * 1024);
}
