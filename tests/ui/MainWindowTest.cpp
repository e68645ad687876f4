#include "list/MessageListModel.h"
#include "list/MessageListView.h"
#include "message/MessageWindow.h"
#include "session/SessionWindow.h"
#include "UiFixture.h"

#include <catch2/catch.hpp>

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMdiArea>
#include <QMdiSubWindow>
#include <QMimeData>
#include <QTest>
#include <QUrl>

using namespace MailSink;
using namespace MailSink::Test;

namespace {

QByteArray message(const QByteArray &subject)
{
    return "From: a@example.com\r\nTo: b@example.com\r\nSubject: " + subject + "\r\n\r\nhello\r\n";
}

} // namespace

TEST_CASE("keyboard: Enter opens, Delete deletes, Ctrl+F goes to the filter", "[ui][keys]")
{
    UiFixture ui;
    REQUIRE(ui.deliver(message("first")));
    REQUIRE(ui.deliver(message("second")));
    ui.window().mdiArea()->closeAllSubWindows();
    Ui::MessageListView *view = ui.window().messageView();
    Ui::MessageListModel *model = ui.window().messageModel();
    ui.window().activateWindow();
    view->setFocus();
    view->selectRow(0);
    REQUIRE(view->selectedIds() == QList<qint64> {model->idAt(0)});

    QTest::keyClick(view, Qt::Key_Return);
    REQUIRE(ui.window().messageWindows().size() == 1);
    CHECK(ui.window().messageWindows().first()->storedId() == model->idAt(0));

    view->setFocus();
    const qint64 doomed = model->idAt(0);
    QTest::keyClick(view, Qt::Key_Delete);
    REQUIRE(waitFor([&] { return model->rowCount() == 1; }));
    CHECK(model->rowOf(doomed) == -1);

    QTest::keyClick(&ui.window(), Qt::Key_F, Qt::ControlModifier);
    CHECK(ui.window().filterEdit()->hasFocus());
}

TEST_CASE("an .eml dropped on the window opens, our own drags do not come back", "[ui][drop]")
{
    UiFixture ui;
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(uiTestData(QStringLiteral("newsletter.eml")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&ui.window(), &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&ui.window(), &drop);
    REQUIRE(ui.window().messageWindows().size() == 1);
    Ui::MessageWindow *window = ui.window().messageWindows().first();
    REQUIRE(waitFor([window] { return window->isLoaded(); }));
    CHECK(window->subjectText().toStdString() == "Acme Weekly: spring release notes and 20% off");
    delete mime;
}

TEST_CASE("column widths and window layout are remembered", "[ui][settings]")
{
    UiFixture ui;
    QHeaderView *header = ui.window().messageView()->horizontalHeader();
    header->resizeSection(Ui::MessageListModel::From, 333);
    ui.window().close();
    CHECK(ui.settingsBackend().contains(QStringLiteral("messageList/header")));
    CHECK(ui.settingsBackend().contains(QStringLiteral("window/geometry")));

    Ui::MainWindow again(
        &ui.store(), &ui.server(), *HostPort::parse(QStringLiteral("127.0.0.1:0")), &ui.settings());
    CHECK(again.messageView()->horizontalHeader()->sectionSize(Ui::MessageListModel::From) == 333);
}

TEST_CASE("with auto-open off, sessions are listed but get no window", "[ui][session]")
{
    UiFixture ui(
        false, [](Ui::Settings &settings) { settings.setValue(Ui::Settings::Key::AutoOpenSessions, false); });
    REQUIRE(ui.deliver(message("quiet")));
    auto *list = ui.window().findChild<QListWidget *>();
    REQUIRE(list);
    REQUIRE(waitFor([&] { return list->count() == 1; }));
    CHECK(ui.sessionWindows().size() == 0);
    Q_EMIT list->itemActivated(list->item(0));
    CHECK(ui.sessionWindows().size() == 1);
}

TEST_CASE("stop and start listening", "[ui][listen]")
{
    UiFixture ui;
    REQUIRE(ui.server().isListening());
    ui.window().stopListening();
    CHECK_FALSE(ui.server().isListening());
    CHECK(ui.window().listeningLabel()->text().contains(QStringLiteral("Not listening")));
    REQUIRE(ui.window().startListening());
    CHECK(ui.window().listeningLabel()->text().contains(QStringLiteral("Listening on")));
}

TEST_CASE("many connections keep a bounded number of session windows, newest shown", "[ui][session]")
{
    UiFixture ui;
    for (int i = 0; i < 11; ++i)
        REQUIRE(ui.deliver(message("burst " + QByteArray::number(i))));
    auto *list = ui.window().findChild<QListWidget *>();
    REQUIRE(waitFor([&] { return list->count() == 11; }));
    CHECK(ui.sessionWindows().size() <= 8);
    const quint64 newest = list->item(0)->data(Qt::UserRole).toULongLong();
    CHECK(ui.window().sessionWindow(newest) != nullptr);
}
