#include "message/MessageWindow.h"
#include "TestSupport.h"
#include "UiFixture.h"
#include "common/TemporaryFiles.h"
#include "list/MessageListModel.h"
#include "message/AttachmentList.h"
#include "message/MessageBrowser.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMdiArea>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTextDocument>
#include <QUrl>

using namespace MailSink;
using namespace MailSink::Test;
using Ui::MessageWindow;

namespace {

MessageWindow *openDelivered(
    UiFixture &ui, const QString &fixture, const QList<QByteArray> &recipients = {"rcpt@example.com"})
{
    if (!ui.deliver(readUiTestData(fixture), recipients))
        return nullptr;
    MessageWindow *window = ui.window().openMessage(ui.window().messageModel()->idAt(0));
    if (!waitFor([window] { return window->isLoaded(); }))
        return nullptr;
    return window;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST_CASE("an HTML newsletter renders with its cid: images and without remote content", "[ui][message]")
{
    UiFixture ui;
    MessageWindow *window = openDelivered(ui, QStringLiteral("newsletter.eml"));
    REQUIRE(window);
    CHECK(window->subjectText().toStdString() == "Acme Weekly: spring release notes and 20% off");
    Ui::MessageBrowser *browser = window->browser();
    CHECK(browser->resolvedInlineImages() == 2);
    CHECK(browser->toPlainText().contains(QStringLiteral("The spring release is here")));
    const QVariant image = browser->document()->resource(
        QTextDocument::ImageResource, QUrl(QStringLiteral("cid:banner@acme")));
    REQUIRE(image.canConvert<QImage>());
    CHECK(image.value<QImage>().size() == QSize(560, 160));

    const QList<QUrl> blocked = browser->blockedUrls();
    REQUIRE(blocked.size() == 1);
    CHECK(blocked.first().host().toStdString() == "tracker.acme.example");

    // Nothing outside the message is ever read.
    CHECK_FALSE(
        browser->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/passwd")))
            .isValid());
    CHECK_FALSE(browser->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("../../etc/passwd")))
                    .isValid());
    CHECK_FALSE(
        browser
            ->loadResource(QTextDocument::StyleSheetResource, QUrl(QStringLiteral("https://x.example/a.css")))
            .isValid());

    // A click hands the link to the system browser; nothing navigates inside the view.
    QList<QUrl> opened;
    MessageWindow::setUrlOpener([&](const QUrl &url) { opened.append(url); });
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("https://acme.example/blog/spring")));
    Q_EMIT browser->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    MessageWindow::setUrlOpener({});
    REQUIRE(opened.size() == 1);
    CHECK(opened.first().toString().toStdString() == "https://acme.example/blog/spring");
    CHECK(browser->toPlainText().contains(QStringLiteral("The spring release is here")));

    // Opening marks the message read.
    const qint64 id = window->storedId();
    REQUIRE(waitFor([&] { return ui.store().message(id)->seen; }));
}

TEST_CASE("decoded subject, headers, envelope with Bcc and the attachments", "[ui][message]")
{
    UiFixture ui;
    MessageWindow *window = openDelivered(ui, QStringLiteral("chinese-attachments.eml"),
        {"li.hua@example.cn", "finance@example.com", "boss@example.cn"});
    REQUIRE(window);
    CHECK(window->subjectText().toStdString() == "季度报告：第一季度销售数据与附件");
    CHECK(window->message().info->envelope.recipients.size() == 3);
    CHECK(window->tabs()->tabText(MessageWindow::AttachmentsTab).contains(QStringLiteral("4")));

    Ui::AttachmentList *list = window->attachmentList();
    const QList<Mime::Part> parts = list->allParts();
    REQUIRE(parts.size() == 4);
    QStringList names;
    for (const Mime::Part &part : parts)
        names.append(Ui::AttachmentList::displayName(part));
    CHECK(names.contains(QStringLiteral("第一季度报告.pdf")));
    CHECK(names.contains(QStringLiteral("../../evil.sh")));

    // Drag-out: each file in its own private folder, with a safe name and the decoded bytes.
    std::unique_ptr<QMimeData> mime(list->mimeDataFor(parts));
    REQUIRE(mime);
    const QList<QUrl> urls = mime->urls();
    REQUIRE(urls.size() == 4);
    const QString root = QFileInfo(Ui::TemporaryFiles::root()).canonicalFilePath();
    for (int i = 0; i < urls.size(); ++i) {
        REQUIRE(urls.at(i).isLocalFile());
        const QFileInfo info(urls.at(i).toLocalFile());
        INFO(info.filePath().toStdString());
        CHECK(info.canonicalFilePath().startsWith(root + u'/'));
        CHECK(readAll(info.filePath()) == window->message().parsed.partContent(parts.at(i).path));
        CHECK(QCryptographicHash::hash(readAll(info.filePath()), QCryptographicHash::Sha256).toHex()
            == parts.at(i).sha256Hex);
        if (Ui::AttachmentList::displayName(parts.at(i)) == QLatin1String("../../evil.sh"))
            CHECK(info.fileName().toStdString() == "evil.sh");
    }
    CHECK((QFile::permissions(root) & (QFile::ReadOther | QFile::WriteOther | QFile::ReadGroup)) == 0);

    // Export from the window: the stored bytes.
    const QString target = ui.tempPath() + QStringLiteral("/window-export.eml");
    REQUIRE(window->exportTo(target));
    CHECK(readAll(target) == *ui.store().readMessage(window->storedId()));
}

TEST_CASE("an .eml file opens like a caught message and imports on request", "[ui][message][file]")
{
    UiFixture ui;
    MessageWindow *window = ui.window().openFile(uiTestData(QStringLiteral("plain.eml")));
    REQUIRE(waitFor([window] { return window->isLoaded(); }));
    CHECK(window->subjectText().toStdString() == "Your password reset code");
    CHECK_FALSE(window->message().isStored());
    CHECK(window->browser()->toPlainText().contains(QStringLiteral("481 516")));
    REQUIRE(ui.window().messageModel()->rowCount() == 0);

    qint64 importedId = 0;
    QObject::connect(window, &MessageWindow::imported, window, [&](qint64 id) { importedId = id; });
    REQUIRE(window->importIntoStore());
    REQUIRE(waitFor([&] { return importedId != 0 && ui.window().messageModel()->rowCount() == 1; }));
    CHECK(*ui.store().readMessage(importedId) == readUiTestData(QStringLiteral("plain.eml")));
    CHECK_FALSE(ui.store().message(importedId)->envelope.known);
}

TEST_CASE("remote images are fetched only after the user asks", "[ui][message][remote]")
{
    // A local web server that counts requests and serves a PNG.
    QTcpServer web;
    REQUIRE(web.listen(QHostAddress::LocalHost, 0));
    int requests = 0;
    QImage red(4, 3, QImage::Format_RGB32);
    red.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    red.save(&buffer, "PNG");
    QObject::connect(&web, &QTcpServer::newConnection, &web, [&] {
        while (QTcpSocket *socket = web.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                ++requests;
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\nContent-Length: "
                    + QByteArray::number(png.size()) + "\r\n\r\n" + png);
                socket->disconnectFromHost();
            });
        }
    });

    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(web.serverPort()) + "/pixel.png";
    UiFixture ui;
    const QByteArray raw
        = "From: a@example.com\r\nTo: b@example.com\r\nSubject: remote\r\nMIME-Version: 1.0\r\n"
          "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p><img src=\""
        + url + "\">\r\n";
    REQUIRE(ui.deliver(raw));
    MessageWindow *window = ui.window().openMessage(ui.window().messageModel()->idAt(0));
    REQUIRE(waitFor([window] { return window->isLoaded(); }));
    Ui::MessageBrowser *browser = window->browser();
    REQUIRE(browser->blockedUrls().size() == 1);
    QTest::qWait(300);
    CHECK(requests == 0);

    browser->setRemoteContentAllowed(true);
    REQUIRE(waitFor([&] {
        const QVariant image
            = browser->loadResource(QTextDocument::ImageResource, QUrl(QString::fromLatin1(url)));
        return requests == 1 && image.canConvert<QImage>() && image.value<QImage>().size() == QSize(4, 3);
    }));
}

TEST_CASE("a body part with a file name is shown as text and listed as an attachment", "[ui][message][mime]")
{
    // Issue 15: Content-Type's name= (or an inline disposition's filename=) does not make the body an
    // attachment; a mail client shows it and also offers it for saving (RFC 2183 2.1, RFC 2046 4.1).
    UiFixture ui;
    QFile fixture(testData(QStringLiteral("mime/bug-name-parameter-hides-body.eml")));
    REQUIRE(fixture.open(QIODevice::ReadOnly));
    REQUIRE(ui.deliver(fixture.readAll(), {"bob@example.com"}));
    MessageWindow *window = ui.window().openMessage(ui.window().messageModel()->idAt(0));
    REQUIRE(waitFor([window] { return window->isLoaded(); }));

    auto *text = qobject_cast<QPlainTextEdit *>(window->tabs()->widget(MessageWindow::TextTab));
    REQUIRE(text);
    CHECK(text->toPlainText().contains(QStringLiteral("It must not disappear.")));
    CHECK(window->browser()->toPlainText().contains(QStringLiteral("The whole body is this text.")));

    const QList<Mime::Part> parts = window->attachmentList()->allParts();
    REQUIRE(parts.size() == 1);
    CHECK(Ui::AttachmentList::displayName(parts.first()).toStdString() == "a.txt");
}
