#include "outgoing/ComposeDialog.h"
#include "OutgoingTestSupport.h"
#include "outgoing/ReleaseDialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;

// Hidden (not run by ctest): renders both dialogs for the README. Run under Xvfb with QT_QPA_PLATFORM=xcb:
//   QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x900x24" test_ui_outgoing "[.screenshots]"
// MAILSINK_SCREENSHOT_OUT overrides the folder (default docs/screenshots).
TEST_CASE("Screenshots of the release and compose dialogs", "[.screenshots]")
{
    const QString out = qEnvironmentVariableIsSet("MAILSINK_SCREENSHOT_OUT")
        ? qEnvironmentVariable("MAILSINK_SCREENSHOT_OUT")
        : QStringLiteral(MAILSINK_SCREENSHOT_DIR);
    QDir().mkpath(out);

    ServerFixture source;
    ServerFixture target;
    Client::OutgoingMessage caught = sampleMessage();
    caught.data.replace("Subject: Quarterly figures", "Subject: Your order #10442 has shipped");
    caught.mailFrom = "orders@shop.example";
    caught.recipients = {"customer@example.com"};
    const qint64 id = catchMessage(source, caught);
    TempSettings settings;
    Ui::RemoteServer staging;
    staging.host = QStringLiteral("smtp.staging.example.com");
    staging.port = 587;
    staging.security = Client::Security::StartTls;
    staging.user = QStringLiteral("release-bot");
    Ui::ReleaseDialog::rememberServer(*settings.settings, staging);

    {
        Ui::ReleaseDialog dialog(&source.store(), id);
        dialog.setSettings(settings.settings.get());
        dialog.setPasswordStorageEnabled(false);
        dialog.show();
        REQUIRE(QTest::qWaitFor([&] { return dialog.state() != Ui::ReleaseDialog::State::Loading; }, 10000));
        auto *security = dialog.findChild<QComboBox *>(QStringLiteral("security"));
        security->setCurrentIndex(security->findData(int(Client::Security::None)));
        dialog.findChild<QLineEdit *>(QStringLiteral("host"))->setText(QStringLiteral("127.0.0.1"));
        dialog.findChild<QSpinBox *>(QStringLiteral("port"))->setValue(target.port());
        dialog.findChild<QLineEdit *>(QStringLiteral("user"))->clear();
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("recipients"))
            ->setPlainText(QStringLiteral("customer@example.com\nqa-team@example.com"));
        dialog.findChild<QPushButton *>(QStringLiteral("send"))->click();
        REQUIRE(
            QTest::qWaitFor([&] { return dialog.state() == Ui::ReleaseDialog::State::Delivered; }, 20000));
        QTest::qWait(300);
        REQUIRE(dialog.grab().save(out + QStringLiteral("/release-dialog.png"), "PNG"));
    }
    {
        QTemporaryDir files;
        const QString report = files.filePath(QStringLiteral("季度报告.pdf"));
        QFile pdf(report);
        REQUIRE(pdf.open(QIODevice::WriteOnly));
        pdf.write(QByteArray("%PDF-1.4\n") + QByteArray(48000, 'x'));
        pdf.close();
        const QString logo = files.filePath(QStringLiteral("logo.png"));
        QImage image(64, 64, QImage::Format_ARGB32);
        image.fill(QColor(0x2d, 0x6c, 0xdf));
        REQUIRE(image.save(logo, "PNG"));

        Ui::ComposeDialog dialog(HostPort {QHostAddress(QHostAddress::LocalHost), target.port()});
        dialog.setSettings(settings.settings.get());
        dialog.show();
        dialog.findChild<QLineEdit *>(QStringLiteral("from"))
            ->setText(QStringLiteral("王小明 <xiaoming@example.cn>"));
        dialog.findChild<QLineEdit *>(QStringLiteral("to"))
            ->setText(QStringLiteral("\"Doe, Jane\" <jane@example.com>, 佐藤 <sato@example.jp>"));
        dialog.findChild<QLineEdit *>(QStringLiteral("cc"))->setText(QStringLiteral("qa-team@example.com"));
        dialog.findChild<QLineEdit *>(QStringLiteral("subject"))
            ->setText(QStringLiteral("测试邮件：季度报告 — テスト"));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("text"))
            ->setPlainText(QStringLiteral("你好，\n\n附件是本季度的报告。\n\n— 小明"));
        REQUIRE(dialog.addFile(report, false));
        REQUIRE(dialog.addFile(logo, true));
        dialog.sendToSink();
        REQUIRE(QTest::qWaitFor([&] { return dialog.state() == Ui::ComposeDialog::State::Sent; }, 20000));
        QTest::qWait(300);
        REQUIRE(dialog.grab().save(out + QStringLiteral("/compose-dialog.png"), "PNG"));
    }
}
