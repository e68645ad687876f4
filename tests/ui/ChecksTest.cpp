// The Checks tab of a message window and the checks column of the message list (issue 13).
#include "TestSupport.h"
#include "UiFixture.h"
#include "list/MessageListModel.h"
#include "message/ChecksView.h"
#include "message/MessageWindow.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QIcon>
#include <QImage>
#include <QTabWidget>
#include <QTreeWidget>

using namespace MailSink;
using namespace MailSink::Test;
using Ui::ChecksView;
using Ui::MessageListModel;
using Ui::MessageWindow;

namespace {

// Several problems at once: no Message-ID, a Bcc left in, flexbox, an image without alt, a <style>.
QByteArray troubledMessage()
{
    QByteArray raw = readFile(testData(QStringLiteral("lint/html-flexbox.eml")));
    raw.replace("Message-ID: <html-flexbox@example.com>\r\n", "Bcc: boss@example.com\r\n");
    raw.replace("<div style=\"display: flex; gap: 8px\">",
        "<style>p { margin: 0 }</style><div style=\"display: flex; gap: 8px\"><img "
        "src=\"https://shop.example.com/"
        "logo.png\">");
    return raw;
}

QStringList idsUnder(const QTreeWidgetItem *group)
{
    QStringList ids;
    for (int i = 0; i < group->childCount(); ++i)
        ids.append(group->child(i)->data(0, ChecksView::CheckIdRole).toString());
    return ids;
}

// Saved for a person to look at when MAILSINK_SCREENSHOT_DIR is set.
void keepScreenshot(QWidget *widget, const QString &name)
{
    const QImage image = widget->grab().toImage();
    CHECK(!image.isNull());
    const QString dir = qEnvironmentVariable("MAILSINK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(name));
}

} // namespace

TEST_CASE("the Checks tab lists what is wrong, by severity, with the client families", "[ui][checks]")
{
    UiFixture ui;
    REQUIRE(ui.deliver(troubledMessage()));
    MessageWindow *window = ui.window().openMessage(ui.window().messageModel()->idAt(0));
    REQUIRE(waitFor([window] { return window->isLoaded(); }));
    ChecksView *checks = window->checksView();
    REQUIRE(checks);
    const int tab = window->tabs()->indexOf(checks);
    REQUIRE(tab >= 0);
    CHECK(window->tabs()->tabText(tab) == u"Checks (4)"); // 1 error, 3 warnings (the note is not counted)
    CHECK(!window->tabs()->tabIcon(tab).isNull());
    CHECK(checks->summaryText().startsWith(QStringLiteral("1 errors, 3 warnings, 1 notes")));

    QTreeWidget *list = checks->checkList();
    REQUIRE(list->topLevelItemCount() == 3);
    CHECK(list->topLevelItem(0)->text(0) == u"Errors (1)");
    CHECK(idsUnder(list->topLevelItem(0)) == QStringList {QStringLiteral("bcc-present")});
    CHECK(list->topLevelItem(1)->text(0) == u"Warnings (3)");
    CHECK(idsUnder(list->topLevelItem(1))
        == QStringList {QStringLiteral("message-id-missing"), QStringLiteral("image-without-alt"),
            QStringLiteral("html-flexbox")});
    CHECK(idsUnder(list->topLevelItem(2)) == QStringList {QStringLiteral("html-style-element")});
    const QTreeWidgetItem *bcc = list->topLevelItem(0)->child(0);
    CHECK(bcc->text(0).contains(QStringLiteral("blind-copied")));
    CHECK(bcc->text(1) == u"RFC 5322 section 3.6.3");
    const QTreeWidgetItem *flexbox = list->topLevelItem(1)->child(2);
    CHECK(flexbox->text(1) == u"caniemail.com/features/css-display-flex");
    CHECK(flexbox->text(2) == u"2");
    CHECK(flexbox->toolTip(0).contains(QStringLiteral("Outlook (Windows): not supported")));

    // One row per client family.
    QTreeWidget *clients = checks->clientTable();
    REQUIRE(clients->topLevelItemCount() == 7);
    CHECK(clients->topLevelItem(0)->text(0) == u"Gmail");
    CHECK(clients->topLevelItem(0)->text(2) == u"display:flex (flexbox), <style> element");
    CHECK(clients->topLevelItem(1)->text(0) == u"Outlook (Windows)");
    CHECK(clients->topLevelItem(1)->text(1) == u"display:flex (flexbox)");
    CHECK(clients->topLevelItem(3)->text(0) == u"Apple Mail");
    CHECK(clients->topLevelItem(3)->text(1).startsWith(QStringLiteral("—")));

    window->tabs()->setCurrentIndex(tab);
    window->resize(980, 640);
    window->show();
    keepScreenshot(window, QStringLiteral("message-checks.png"));
}

TEST_CASE("a well-formed message: the Checks tab says so and hides nothing", "[ui][checks]")
{
    UiFixture ui;
    MessageWindow *window = ui.window().openFile(testData(QStringLiteral("lint/clean.eml")));
    REQUIRE(window);
    REQUIRE(waitFor([window] { return window->isLoaded(); }));
    ChecksView *checks = window->checksView();
    const int tab = window->tabs()->indexOf(checks);
    CHECK(window->tabs()->tabText(tab) == u"Checks");
    CHECK(window->tabs()->tabIcon(tab).isNull());
    CHECK(checks->summaryText().startsWith(QStringLiteral("No problems found")));
    CHECK(checks->checkList()->topLevelItemCount() == 0);
    CHECK(checks->clientTable()->topLevelItemCount() == 7); // it has HTML: every family, all supported
}

TEST_CASE("the list marks messages with errors or warnings, checked in the background", "[ui][checks][list]")
{
    UiFixture ui;
    MessageListModel *model = ui.window().messageModel();
    REQUIRE(ui.deliver(readFile(testData(QStringLiteral("lint/clean.eml")))));
    REQUIRE(ui.deliver(readFile(testData(QStringLiteral("lint/date-missing.eml")))));
    REQUIRE(ui.deliver(readFile(testData(QStringLiteral("lint/html-flexbox.eml")))));
    REQUIRE(model->rowCount() == 3); // newest first: flexbox, date-missing, clean
    auto icon = [model](int row) {
        return model->data(model->index(row, MessageListModel::Checks), Qt::DecorationRole).value<QIcon>();
    };
    auto tip = [model](int row) {
        return model->data(model->index(row, MessageListModel::Checks), Qt::ToolTipRole).toString();
    };
    // data() only queues the work; a worker parses and checks, then the row is repainted.
    REQUIRE(waitFor([&] { return !tip(0).isEmpty() && !tip(1).isEmpty() && !tip(2).isEmpty(); }));
    CHECK(!icon(0).isNull());
    CHECK(tip(0).startsWith(QStringLiteral("0 errors, 1 warnings")));
    CHECK(!icon(1).isNull());
    CHECK(tip(1).startsWith(QStringLiteral("1 errors, 0 warnings\nNo Date field")));
    CHECK(icon(2).isNull());
    CHECK(tip(2) == u"No errors or warnings");
    CHECK(!model->headerData(MessageListModel::Checks, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
}
