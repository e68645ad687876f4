#include "UiFixture.h"

#include "ServerController.h"
#include "list/MessageListModel.h"
#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;
using Listener = Ui::ServerController::Listener;

namespace {

// One HTTP/1.1 request over a real socket, answered while the GUI event loop keeps running (the API lives
// on its own thread; the window must stay responsive meanwhile).
std::pair<int, QByteArray> http(
    quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return {0, {}};
    socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    waitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    answer += socket.readAll();
    const qsizetype split = answer.indexOf("\r\n\r\n");
    return {answer.mid(9, 3).toInt(), split < 0 ? QByteArray() : answer.mid(split + 4)};
}

} // namespace

TEST_CASE("the desktop app serves the HTTP API, and the settings turn it off, on and move it", "[ui][api]")
{
    UiFixture ui(false, [](Ui::Settings &settings) { settings.setValue(Ui::Settings::Key::HttpEnabled, true); });
    Ui::ServerController *controller = ui.window().serverController();
    controller->apply(controller->settings());
    Ui::ServerController::Status status = controller->status(Listener::Http);
    REQUIRE(status.listening);
    const quint16 port = status.address.port;
    REQUIRE(port != 0);

    REQUIRE(ui.deliver("From: a@example.com\r\nTo: b@example.com\r\nSubject: over HTTP\r\n\r\nhi\r\n"));
    auto [code, body] = http(port, "GET", "/api/v1/messages");
    REQUIRE(code == 200);
    const QJsonObject listed = QJsonDocument::fromJson(body).object();
    CHECK(listed.value(QStringLiteral("total")).toInt() == 1);
    const QString id = listed.value(QStringLiteral("messages"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("ID"))
                           .toString();
    CHECK(listed.value(QStringLiteral("messages"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("Subject"))
              .toString()
        == QStringLiteral("over HTTP"));

    // Marked read over the API: the list in the window follows.
    std::tie(code, body) = http(port, "PUT", "/api/v1/messages", R"({"Read": true})");
    CHECK(code == 200);
    CHECK(waitFor([&] {
        const auto info = ui.window().messageModel()->infoAt(0);
        return info && info->seen;
    }));

    // Off in the dialog: nothing listens; the choice is saved.
    Ui::SettingsDialog *dialog = ui.window().showSettings();
    dialog->endpoint(Listener::Http).enabled->setChecked(false);
    REQUIRE(dialog->applyChanges());
    CHECK_FALSE(controller->status(Listener::Http).listening);
    CHECK(http(port, "GET", "/livez").first == 0);
    CHECK_FALSE(ui.settings().flag(Ui::Settings::Key::HttpEnabled));

    // On again, on a port another program holds: reported, and on again once the port is free.
    QTcpServer squatter;
    REQUIRE(squatter.listen(QHostAddress::LocalHost, 0));
    dialog->endpoint(Listener::Http).enabled->setChecked(true);
    dialog->endpoint(Listener::Http).port->setValue(squatter.serverPort());
    CHECK_FALSE(dialog->applyChanges());
    CHECK(dialog->errorText().contains(
        QStringLiteral("HTTP: cannot listen on 127.0.0.1:%1").arg(squatter.serverPort())));
    const quint16 wanted = squatter.serverPort();
    squatter.close();
    REQUIRE(dialog->applyChanges());
    CHECK(controller->status(Listener::Http).address.port == wanted);
    std::tie(code, body) = http(wanted, "GET", QByteArray("/api/v1/message/") + id.toLatin1());
    CHECK(code == 200);
    CHECK(QJsonDocument::fromJson(body).object().value(QStringLiteral("Subject")).toString()
        == QStringLiteral("over HTTP"));
    CHECK(ui.settings().text(Ui::Settings::Key::HttpAddress) == QStringLiteral("127.0.0.1:%1").arg(wanted));

    // Chaos set over the API reaches the desktop app's SMTP sessions.
    std::tie(code, body)
        = http(wanted, "PUT", "/api/v1/chaos", R"({"Recipient": {"ErrorCode": 550, "Probability": 100}})");
    CHECK(code == 200);
    CHECK_FALSE(ui.deliver("From: a@example.com\r\nTo: b@example.com\r\nSubject: refused\r\n\r\nhi\r\n"));
    CHECK(ui.store().count() == 1);
}
