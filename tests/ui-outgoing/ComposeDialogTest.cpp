#include "outgoing/ComposeDialog.h"
#include "OutgoingTestSupport.h"
#include "outgoing/ReleaseDialog.h"
#include "mime/ParsedMessage.h"

#include <QBuffer>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUrl>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;
using Ui::ComposeDialog;

namespace {

template<typename T>
T *child(QWidget &parent, const char *name)
{
    auto *found = parent.findChild<T *>(QString::fromLatin1(name));
    REQUIRE(found);
    return found;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(data);
    return path;
}

QByteArray pngBytes()
{
    QImage image(16, 16, QImage::Format_ARGB32);
    image.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

void dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPointF position(10, 10);
    QDragEnterEvent enter(position.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    REQUIRE(enter.isAccepted());
    QDropEvent drop(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    REQUIRE(drop.isAccepted());
}

bool waitSent(ComposeDialog &dialog)
{
    return QTest::qWaitFor(
        [&] {
            return dialog.state() == ComposeDialog::State::Sent
                || dialog.state() == ComposeDialog::State::Failed;
        },
        30000);
}

} // namespace

TEST_CASE("A composed message with a CJK subject and an attachment reaches the sink and parses back",
    "[ui][compose]")
{
    ServerFixture sink;
    QTemporaryDir files;
    const QByteArray report = QByteArray("%PDF-1.4\n") + QByteArray(3000, '\x01') + "\n%%EOF\n";
    const QString reportPath = writeFile(files, QStringLiteral("季度报告 résumé.pdf"), report);

    ComposeDialog dialog(HostPort {QHostAddress(QHostAddress::LocalHost), sink.port()});
    dialog.show();
    child<QLineEdit>(dialog, "from")->setText(QStringLiteral("王小明 <xiaoming@example.cn>"));
    child<QLineEdit>(dialog, "to")
        ->setText(QStringLiteral("\"Doe, Jane\" <jane@example.com>, bob@example.com"));
    child<QLineEdit>(dialog, "cc")->setText(QStringLiteral("carol@example.com"));
    child<QLineEdit>(dialog, "bcc")->setText(QStringLiteral("hidden@example.com"));
    const QString subject = QStringLiteral("测试邮件：季度报告 — テスト 한국어");
    child<QLineEdit>(dialog, "subject")->setText(subject);
    child<QPlainTextEdit>(dialog, "text")->setPlainText(QStringLiteral("你好，\n附件是报告。"));
    REQUIRE(dialog.addFile(reportPath, false));
    CHECK(child<QListWidget>(dialog, "attachments")->count() == 1);

    QTest::mouseClick(child<QPushButton>(dialog, "sendToSink"), Qt::LeftButton);
    REQUIRE(waitSent(dialog));
    INFO(dialog.statusText().toStdString());
    REQUIRE(dialog.state() == ComposeDialog::State::Sent);
    CHECK(child<QLabel>(dialog, "status")->text().contains(QLatin1String("Sent to Mailsink")));

    REQUIRE(sink.waitForMessages(1));
    const Store::MessageInfo info = sink.store().list().constFirst();
    CHECK(info.envelope.mailFrom == "xiaoming@example.cn");
    CHECK(info.envelope.recipients
        == QList<QByteArray> {
            "jane@example.com", "bob@example.com", "carol@example.com", "hidden@example.com"});
    const QByteArray raw = sink.store().readMessage(info.id).value();
    CHECK_FALSE(raw.contains("hidden@example.com")); // Bcc stays in the envelope
    const Mime::ParsedMessage parsed = Mime::parseMessage(raw);
    CHECK(parsed.subject() == subject);
    REQUIRE(parsed.from().size() == 1);
    CHECK(parsed.from().constFirst().name == QStringLiteral("王小明"));
    REQUIRE(parsed.to().size() == 2);
    CHECK(parsed.to().constFirst().name == QLatin1String("Doe, Jane"));
    CHECK(parsed.text().value_or(QString()).contains(QStringLiteral("附件是报告")));
    const auto attachments = parsed.attachments();
    REQUIRE(attachments.size() == 1);
    CHECK(attachments.constFirst().filename == QStringLiteral("季度报告 résumé.pdf"));
    CHECK(attachments.constFirst().contentType == QLatin1String("application/pdf"));
    CHECK(parsed.partContent(attachments.constFirst().path) == report);
}

TEST_CASE("Files dropped onto the composer become attachments or inline images", "[ui][compose][drop]")
{
    ServerFixture sink;
    QTemporaryDir files;
    const QString picture = writeFile(files, QStringLiteral("logo.png"), pngBytes());
    const QString notes = writeFile(files, QStringLiteral("notes.txt"), "plain notes\r\n");

    ComposeDialog dialog(HostPort {QHostAddress(QHostAddress::LocalHost), sink.port()});
    dialog.show();
    child<QLineEdit>(dialog, "to")->setText(QStringLiteral("bob@example.com"));
    child<QLineEdit>(dialog, "subject")->setText(QStringLiteral("Inline image"));
    child<QPlainTextEdit>(dialog, "text")->setPlainText(QStringLiteral("See the logo."));

    auto *html = child<QPlainTextEdit>(dialog, "html");
    dropFiles(html->viewport(), {picture}); // an image onto the HTML body: inline
    dropFiles(child<QPlainTextEdit>(dialog, "text")->viewport(), {notes}); // onto the text: attachment
    CHECK(dialog.attachmentCount() == 2);
    CHECK(html->toPlainText().contains(QLatin1String("<img src=\"cid:")));
    CHECK_FALSE(child<QPlainTextEdit>(dialog, "text")->toPlainText().contains(QLatin1String("file:")));

    QTest::mouseClick(child<QPushButton>(dialog, "sendToSink"), Qt::LeftButton);
    REQUIRE(waitSent(dialog));
    INFO(dialog.statusText().toStdString());
    REQUIRE(dialog.state() == ComposeDialog::State::Sent);
    REQUIRE(sink.waitForMessages(1));
    const Mime::ParsedMessage parsed
        = Mime::parseMessage(sink.store().readMessage(sink.store().list().constFirst().id).value());
    CHECK(parsed.html().has_value());
    CHECK(parsed.text().value_or(QString()).contains(QLatin1String("See the logo.")));
    const QString htmlBody = parsed.html().value_or(QString());
    const qsizetype cidAt = htmlBody.indexOf(QLatin1String("cid:"));
    REQUIRE(cidAt >= 0);
    const QString cid = htmlBody.mid(cidAt + 4, htmlBody.indexOf(u'"', cidAt) - cidAt - 4);
    const auto image = parsed.partByContentId(cid);
    REQUIRE(image.has_value());
    CHECK(image->contentType == QLatin1String("image/png"));
    CHECK(parsed.partContent(image->path) == pngBytes());
    const auto attachments = parsed.attachments();
    CHECK(std::any_of(attachments.begin(), attachments.end(),
        [](const Mime::Part &part) { return part.filename == QLatin1String("notes.txt"); }));
}

TEST_CASE("The composer says what is missing and reports a sink that is not listening", "[ui][compose]")
{
    ComposeDialog dialog(HostPort {QHostAddress(QHostAddress::LocalHost), closedPort()});
    dialog.show();
    QString error;
    CHECK_FALSE(dialog.buildMessage(&error).has_value());
    CHECK(error.contains(QLatin1String("recipient")));
    child<QLineEdit>(dialog, "to")->setText(QStringLiteral("not an address"));
    CHECK_FALSE(dialog.buildMessage(&error).has_value());
    CHECK(error.contains(QLatin1String("not an address")));
    child<QLineEdit>(dialog, "to")->setText(QStringLiteral("bob@example.com"));
    REQUIRE(dialog.buildMessage().has_value());

    QTest::mouseClick(child<QPushButton>(dialog, "sendToSink"), Qt::LeftButton);
    REQUIRE(waitSent(dialog));
    CHECK(dialog.state() == ComposeDialog::State::Failed);
    CHECK(dialog.statusText().contains(QLatin1String("Not sent")));
    CHECK(dialog.statusText().contains(QLatin1String("cannot connect")));
}

TEST_CASE(
    "Send to Server opens the release dialog with the composed message and its envelope", "[ui][compose]")
{
    ServerFixture target;
    TempSettings settings;
    ComposeDialog dialog(HostPort {QHostAddress(QHostAddress::LocalHost), closedPort()});
    dialog.setSettings(settings.settings.get());
    dialog.show();
    child<QLineEdit>(dialog, "from")->setText(QStringLiteral("qa@example.com"));
    child<QLineEdit>(dialog, "to")->setText(QStringLiteral("bob@example.com"));
    child<QLineEdit>(dialog, "bcc")->setText(QStringLiteral("audit@example.com"));
    child<QLineEdit>(dialog, "subject")->setText(QStringLiteral("Über den Server"));

    QMenu *menu = child<QPushButton>(dialog, "sendToServer")->menu();
    REQUIRE(menu);
    Q_EMIT menu->aboutToShow();
    QAction *other = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text().remove(u'&').startsWith(QLatin1String("Other Server")))
            other = action;
    }
    REQUIRE(other);
    other->trigger();
    auto *release = dialog.findChild<Ui::ReleaseDialog *>();
    REQUIRE(release);
    CHECK(release->state() == Ui::ReleaseDialog::State::Ready);
    CHECK(child<QLineEdit>(*release, "mailFrom")->text() == QLatin1String("qa@example.com"));
    CHECK(child<QPlainTextEdit>(*release, "recipients")->toPlainText()
        == QLatin1String("bob@example.com\naudit@example.com"));
    child<QLineEdit>(*release, "host")->setText(QStringLiteral("127.0.0.1"));
    child<QSpinBox>(*release, "port")->setValue(target.port());
    QTest::mouseClick(child<QPushButton>(*release, "send"), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor(
        [&] {
            return release->state() == Ui::ReleaseDialog::State::Delivered
                || release->state() == Ui::ReleaseDialog::State::Failed;
        },
        20000));
    INFO(child<QLabel>(*release, "result")->text().toStdString());
    REQUIRE(release->state() == Ui::ReleaseDialog::State::Delivered);
    REQUIRE(target.waitForMessages(1));
    const Mime::ParsedMessage parsed
        = Mime::parseMessage(target.store().readMessage(target.store().list().constFirst().id).value());
    CHECK(parsed.subject() == QStringLiteral("Über den Server"));
    CHECK(target.store().list().constFirst().envelope.recipients.contains("audit@example.com"));

    // The server is now offered in the composer's menu.
    Q_EMIT menu->aboutToShow();
    CHECK(std::any_of(menu->actions().cbegin(), menu->actions().cend(), [&](const QAction *action) {
        return action->text().startsWith(QStringLiteral("127.0.0.1:%1").arg(target.port()));
    }));
}

TEST_CASE("In the composer Enter does not send, Ctrl+Return does", "[ui][compose][keyboard]")
{
    ServerFixture sink;
    ComposeDialog dialog(HostPort {QHostAddress(QHostAddress::LocalHost), sink.port()});
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    auto *subject = child<QLineEdit>(dialog, "subject");
    child<QLineEdit>(dialog, "to")->setText(QStringLiteral("bob@example.com"));
    subject->setFocus();
    QTest::keyClicks(subject, QStringLiteral("Keyboard only"));
    QTest::keyClick(subject, Qt::Key_Return);
    QTest::qWait(100);
    CHECK(dialog.state() == ComposeDialog::State::Editing);
    CHECK(dialog.isVisible());
    QTest::keyClick(subject, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(waitSent(dialog));
    INFO(dialog.statusText().toStdString());
    CHECK(dialog.state() == ComposeDialog::State::Sent);
    REQUIRE(sink.waitForMessages(1));
    CHECK(sink.store().list().constFirst().subject == QLatin1String("Keyboard only"));
}
