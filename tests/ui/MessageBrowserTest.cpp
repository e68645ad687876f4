#include "message/MessageBrowser.h"
#include "TestSupport.h"
#include "UiFixture.h"
#include "message/MessageWindow.h"

#include <catch2/catch.hpp>

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

using namespace MailSink;
using namespace MailSink::Test;
using Ui::MessageBrowser;

namespace {

// The block holding `text`, or the one holding the image `name`.
QTextBlock findBlock(QTextDocument *document, const std::function<bool(const QTextBlock &)> &match)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (match(block))
            return block;
    }
    // Blocks inside tables are reached through the frames; QTextDocument::begin() walks them all.
    return {};
}

bool holdsImage(const QTextBlock &block, const QString &name)
{
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextCharFormat format = it.fragment().charFormat();
        if (format.isImageFormat() && format.toImageFormat().name() == name)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("the text engine view adapts what it misreads in generated mail", "[ui][message][fallback]")
{
    // height="auto" made the image take no room in its line.
    CHECK(MessageBrowser::adaptedForTextEngine(
              QStringLiteral("<img src=\"cid:a\" width=\"600\" height=\"auto\">"))
              .toStdString()
        == "<img src=\"cid:a\" width=\"600\">");
    // A max-width box around a table sized in CSS: the table gets the width and the box loses its
    // background, which this engine paints as a full-width line.
    CHECK(MessageBrowser::adaptedForTextEngine(
              QStringLiteral("<div style=\"background:#1f6feb;margin:0 auto;max-width:600px;\">\n<table "
                             "style=\"background:#1f6feb;width:100%;\">"))
              .toStdString()
        == "<div style=\"margin:0 auto;max-width:600px;\">\n<table width=\"600\" align=\"center\" "
           "style=\"background:#1f6feb;width:100%;\">");
    CHECK(MessageBrowser::adaptedForTextEngine(
              QStringLiteral("<table class=\"x\" style=\"max-width:9px;width:50%\">"))
              .toStdString()
        == "<table width=\"50%\" class=\"x\" style=\"max-width:9px;width:50%\">");
    // border-collapse: collapse hides table backgrounds here.
    CHECK(
        MessageBrowser::adaptedForTextEngine(
            QStringLiteral("<style>table, td { border-collapse:collapse; }</style><table bgcolor=\"#fff\">"))
            .toStdString()
        == "<style>table, td {  }</style><table cellspacing=\"0\" bgcolor=\"#fff\">");
    // Nothing else changes.
    const QString plain
        = QStringLiteral("<table width=\"10\" style=\"width:20px\"><tr><td>x</td></tr></table>");
    CHECK(MessageBrowser::adaptedForTextEngine(plain) == plain);
}

TEST_CASE(
    "an MJML welcome mail keeps its header colour and its hero image above the heading in the text engine",
    "[ui][message][fallback]")
{
    MessageBrowser browser;
    browser.resize(800, 1000);
    browser.setMessage(Mime::parseMessage(readFile(testData(QStringLiteral("html/mjml-welcome.eml")))));
    browser.show();
    QTextDocument *document = browser.document();
    REQUIRE(waitFor([&] { return document->documentLayout()->documentSize().height() > 300; }));
    const QTextBlock hero = findBlock(document,
        [](const QTextBlock &block) { return holdsImage(block, QStringLiteral("cid:hero@acme.test")); });
    const QTextBlock heading = findBlock(document, [](const QTextBlock &block) {
        return block.text().contains(QStringLiteral("Welcome aboard, Ada!"));
    });
    REQUIRE(hero.isValid());
    REQUIRE(heading.isValid());
    // Where the lines are drawn, in the viewport: the hero's line (the cursor after the image) and the
    // heading's first line.
    QTextCursor afterHero(hero);
    afterHero.movePosition(QTextCursor::EndOfBlock);
    const QRect heroRect = browser.cursorRect(afterHero);
    const QRect headingRect = browser.cursorRect(QTextCursor(heading));
    INFO("hero " << heroRect.top() << ".." << heroRect.bottom() << ", heading at " << headingRect.top());
    CHECK(heroRect.height() >= 250); // the image's 260 px are part of its line
    CHECK(headingRect.top() >= heroRect.bottom() - 1);

    // The header's brand blue is painted (above the hero, around the logo).
    const QImage image = browser.viewport()->grab().toImage();
    int blue = 0;
    for (int y = 0; y < heroRect.top(); ++y) {
        if (QColor(image.pixel(400, y)) == QColor(0x1f, 0x6f, 0xeb))
            ++blue;
    }
    CHECK(blue >= 40);
}
