#include "list/MessageListModel.h"
#include "UiFixture.h"
#include "list/MessageActions.h"
#include "list/MessageListView.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QLabel>
#include <QMimeData>
#include <QTcpServer>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

using namespace MailSink;
using namespace MailSink::Test;
using Ui::MessageListModel;

namespace {

std::string cell(const MessageListModel *model, int row, int column)
{
    return model->data(model->index(row, column)).toString().toStdString();
}

QByteArray simpleMessage(const QByteArray &subject, const QByteArray &from = "Tester <tester@example.com>")
{
    return "From: " + from + "\r\nTo: someone@example.com\r\nSubject: " + subject + "\r\nMessage-ID: <"
        + QByteArray::number(qHash(subject)) + "@test>\r\n\r\nBody of " + subject + "\r\n";
}

bool waitLoaded(MessageListModel *model)
{
    return waitFor([model] { return !model->isLoading(); });
}

} // namespace

TEST_CASE("a message sent over SMTP appears in the list at once, unread and bold", "[ui][list]")
{
    UiFixture ui;
    MessageListModel *model = ui.window().messageModel();
    REQUIRE(model->rowCount() == 0);
    REQUIRE(ui.deliver(readUiTestData(QStringLiteral("plain.eml")), {"sam@example.com"}));
    REQUIRE(model->rowCount() == 1);
    CHECK(cell(model, 0, MessageListModel::Subject) == "Your password reset code");
    CHECK(cell(model, 0, MessageListModel::From).find("no-reply@app.example") != std::string::npos);
    CHECK(model->data(model->index(0, MessageListModel::Subject), Qt::FontRole).value<QFont>().bold());
    CHECK(ui.window().listeningLabel()->text().contains(QStringLiteral("127.0.0.1:%1").arg(ui.port())));
}

TEST_CASE("newest first, filter and sort run in the background", "[ui][list]")
{
    UiFixture ui;
    MessageListModel *model = ui.window().messageModel();
    REQUIRE(ui.deliver(simpleMessage("banana report")));
    REQUIRE(ui.deliver(simpleMessage("apple pie", "Zed <zed@example.org>")));
    REQUIRE(ui.deliver(simpleMessage("cherry news")));
    REQUIRE(model->rowCount() == 3);
    CHECK(cell(model, 0, MessageListModel::Subject) == "cherry news");
    CHECK(cell(model, 2, MessageListModel::Subject) == "banana report");

    model->setFilter(QStringLiteral("APPLE"));
    REQUIRE(waitLoaded(model));
    REQUIRE(model->rowCount() == 1);
    CHECK(cell(model, 0, MessageListModel::Subject) == "apple pie");

    model->setFilter(QStringLiteral("zed@example.org")); // an address
    REQUIRE(waitLoaded(model));
    CHECK(model->rowCount() == 1);

    model->setFilter(QStringLiteral("rcpt@example.com")); // the envelope recipient
    REQUIRE(waitLoaded(model));
    CHECK(model->rowCount() == 3);

    // A new message that matches the filter shows up; one that does not, does not.
    model->setFilter(QStringLiteral("report"));
    REQUIRE(waitLoaded(model));
    REQUIRE(model->rowCount() == 1);
    REQUIRE(ui.deliver(simpleMessage("second report")));
    CHECK(model->rowCount() == 2);
    CHECK(cell(model, 0, MessageListModel::Subject) == "second report");

    model->setFilter(QString());
    model->sort(MessageListModel::Subject, Qt::AscendingOrder);
    REQUIRE(waitLoaded(model));
    REQUIRE(model->rowCount() == 4);
    CHECK(cell(model, 0, MessageListModel::Subject) == "apple pie");
    CHECK(cell(model, 3, MessageListModel::Subject) == "second report");
}

TEST_CASE("body text search reads the messages off the GUI thread", "[ui][list]")
{
    UiFixture ui;
    MessageListModel *model = ui.window().messageModel();
    REQUIRE(ui.deliver(readUiTestData(QStringLiteral("plain.eml"))));
    REQUIRE(ui.deliver(simpleMessage("other")));
    model->setFilter(QStringLiteral("481 516"));
    REQUIRE(waitLoaded(model));
    CHECK(model->rowCount() == 0); // not in the index
    model->setSearchBodies(true);
    REQUIRE(waitLoaded(model));
    REQUIRE(model->rowCount() == 1);
    CHECK(cell(model, 0, MessageListModel::Subject) == "Your password reset code");
    // Base64 bodies match once decoded.
    REQUIRE(ui.deliver(readUiTestData(QStringLiteral("chinese-attachments.eml"))));
    model->setFilter(QStringLiteral("请查收"));
    REQUIRE(waitLoaded(model));
    CHECK(model->rowCount() == 1);
}

TEST_CASE("the list pages through a large store instead of loading it", "[ui][list][large]")
{
    UiFixture ui;
    constexpr int Count = 1500;
    // Commit directly, from several threads at once (group commit keeps this quick).
    QList<QFuture<void>> jobs;
    for (int t = 0; t < 6; ++t) {
        jobs.append(QtConcurrent::run([&store = ui.store(), t] {
            for (int i = t; i < Count; i += 6) {
                auto writer = store.beginMessage();
                writer->write(simpleMessage("bulk " + QByteArray::number(i).rightJustified(5, '0')));
                Store::Envelope envelope;
                envelope.received = QDateTime::currentDateTimeUtc();
                store.commit(std::move(writer), envelope, {});
            }
        }));
    }
    REQUIRE(waitFor(
        [&] {
            return std::all_of(
                jobs.begin(), jobs.end(), [](const QFuture<void> &f) { return f.isFinished(); });
        },
        120000));
    MessageListModel *model = ui.window().messageModel();
    REQUIRE(waitFor([&] { return model->rowCount() == Count; }, 20000));
    // Every row resolves, in the store's order, also far down the list.
    const QList<Store::MessageInfo> tail = ui.store().list(1, Count - 1);
    CHECK(model->idAt(Count - 1) == tail.first().id);
    CHECK(cell(model, Count - 1, MessageListModel::Subject) == tail.first().subject.toStdString());
    CHECK(model->totalCount() == Count);

    model->sort(MessageListModel::Subject, Qt::DescendingOrder);
    REQUIRE(waitLoaded(model));
    CHECK(cell(model, 0, MessageListModel::Subject) == "bulk 01499");
    CHECK(cell(model, Count - 1, MessageListModel::Subject) == "bulk 00000");
}

TEST_CASE("export .eml and drag-out give the stored bytes exactly", "[ui][list][export]")
{
    UiFixture ui;
    const QByteArray raw = readUiTestData(QStringLiteral("chinese-attachments.eml"));
    REQUIRE(ui.deliver(raw));
    MessageListModel *model = ui.window().messageModel();
    const qint64 id = model->idAt(0);
    const QByteArray stored = *ui.store().readMessage(id);
    CHECK(stored == raw);

    const QString target = ui.tempPath() + QStringLiteral("/exported.eml");
    REQUIRE(ui.window().messageActions()->exportMessages({id}, target));
    QFile exported(target);
    REQUIRE(exported.open(QIODevice::ReadOnly));
    CHECK(exported.readAll() == stored);

    std::unique_ptr<QMimeData> mime(model->mimeData({model->index(0, 0)}));
    REQUIRE(mime);
    REQUIRE(mime->hasUrls());
    const QList<QUrl> urls = mime->urls();
    REQUIRE(urls.size() == 1);
    REQUIRE(urls.first().isLocalFile());
    const QString dragged = urls.first().toLocalFile();
    CHECK(QFileInfo(dragged).fileName().toStdString() == "季度报告：第一季度销售数据与附件.eml");
    QFile file(dragged);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == stored);
}

TEST_CASE("delete, delete all and mark read/unread act on the store", "[ui][list]")
{
    UiFixture ui;
    MessageListModel *model = ui.window().messageModel();
    for (const char *subject : {"one", "two", "three"})
        REQUIRE(ui.deliver(simpleMessage(subject)));
    REQUIRE(model->rowCount() == 3);

    Ui::MessageListView *view = ui.window().messageView();
    view->selectIds({model->idAt(0)});
    ui.window().messageActions()->markSelected(true);
    REQUIRE(waitFor([&] { return model->data(model->index(0, 0), MessageListModel::SeenRole).toBool(); }));
    CHECK_FALSE(model->data(model->index(0, 0), Qt::FontRole).value<QFont>().bold());
    CHECK(ui.store().message(model->idAt(0))->seen);
    ui.window().messageActions()->markSelected(false);
    REQUIRE(waitFor([&] { return !model->data(model->index(0, 0), MessageListModel::SeenRole).toBool(); }));

    const qint64 doomed = model->idAt(1);
    view->selectIds({doomed});
    ui.window().messageActions()->deleteSelected();
    REQUIRE(waitFor([&] { return model->rowCount() == 2; }));
    CHECK(model->rowOf(doomed) == -1);
    CHECK(!ui.store().message(doomed));

    Ui::MainWindow::setAskHook([](QWidget *, const QString &) { return true; });
    ui.window().messageActions()->deleteAll();
    REQUIRE(waitFor([&] { return model->rowCount() == 0; }));
    CHECK(ui.store().count() == 0);
    Ui::MainWindow::setAskHook({});
}

TEST_CASE("a port in use is shown, not swallowed", "[ui][listen]")
{
    QTcpServer blocker;
    REQUIRE(blocker.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    Store::MessageStore store;
    REQUIRE(store.open(dir.filePath(QStringLiteral("store"))));
    Smtp::SmtpServer server(&store, Smtp::ServerConfig {});
    QSettings backend(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Ui::Settings settings(&backend);
    HostPort address;
    address.address = QHostAddress::LocalHost;
    address.port = blocker.serverPort();
    Ui::MainWindow window(&store, &server, address, &settings);
    CHECK_FALSE(window.startListening());
    const QString label = window.listeningLabel()->text();
    INFO(label.toStdString());
    CHECK(label.contains(QStringLiteral("Not listening")));
    CHECK(label.contains(QString::number(blocker.serverPort())));
}
