// Renders the desktop app with realistic messages into PNGs for the README:
//   xvfb-run -a -s "-screen 0 1400x900x24" mailsink_screenshots docs/screenshots
#include "UiFixture.h"
#include "list/MessageListModel.h"
#include "list/MessageListView.h"
#include "message/AttachmentList.h"
#include "message/MessageWindow.h"
#include "session/SessionWindow.h"
#include "session/TraceView.h"

#include "ServerActions.h"
#include "common/Translations.h"
#include "imap/ImapServer.h"
#include "pop3/Pop3Server.h"
#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>

#include <QApplication>
#include <QDir>
#include <QMdiArea>
#include <QMdiSubWindow>
#include <QPixmap>
#include <QSplitter>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTest>
#include <QTreeWidget>

#include <cstdio>
#include <thread>

using namespace MailSink;
using namespace MailSink::Test;

namespace {

QByteArray simple(
    const QByteArray &from, const QByteArray &to, const QByteArray &subject, const QByteArray &body)
{
    return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
        + "\r\nDate: Thu, 16 May 2024 10:00:00 +0000\r\n" + "Message-ID: <"
        + QByteArray::number(qHash(subject)) + "@shots>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
}

bool save(QWidget *widget, const QString &path)
{
    QApplication::processEvents();
    const bool ok = widget->grab().save(path, "PNG");
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailsinkScreenshots"));
    QApplication::setApplicationName(QStringLiteral("mailsink-screenshots"));
    Ui::installTranslators(app); // MAILSINK_LANG=zh_CN for the Chinese screenshots
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QLatin1String("hicolor"))
        QIcon::setThemeName(QStringLiteral("Adwaita"));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(out);

    UiFixture ui(true);
    Ui::MainWindow &window = ui.window();
    window.resize(1360, 860);

    const QList<QByteArray> bulk = {
        simple("GitHub <noreply@github.example>", "dev@example.com",
            "[acme/api] CI failed: build #882 on main", "The build failed at step 'test'."),
        simple("Stripe <receipts@stripe.example>", "billing@example.com",
            "Your receipt from Acme Inc. #2291-4410", "Amount paid: $49.00"),
        simple("Example Shop <orders@shop.example>", "sam@example.com", "Your order #10423 has shipped",
            "Track your parcel online."),
        simple("Calendar <calendar@example.com>", "team@example.com", "Invitation: Sprint review @ Fri 3pm",
            "You have been invited."),
    };
    for (const QByteArray &raw : bulk)
        ui.deliver(raw);
    ui.deliver(readUiTestData(QStringLiteral("plain.eml")), {"sam@example.com"});
    ui.deliver(readUiTestData(QStringLiteral("chinese-attachments.eml")),
        {"li.hua@example.cn", "finance@example.com", "boss@example.cn"});
    ui.deliver(readUiTestData(QStringLiteral("newsletter.eml")), {"dana@example.com"});

    // Close the finished session windows; keep one live connection mid-transfer.
    window.mdiArea()->closeAllSubWindows();
    auto stop = std::make_shared<std::atomic_bool>(false);
    std::thread slow([port = ui.port(), stop] {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        socket.waitForConnected(5000);
        auto say = [&](const QByteArray &line) {
            socket.write(line + "\r\n");
            socket.flush();
            socket.waitForReadyRead(5000);
            socket.readAll();
        };
        socket.waitForReadyRead(5000);
        socket.readAll();
        say("EHLO build-agent-7.ci.example");
        say("MAIL FROM:<reports@ci.example> SIZE=52428800");
        say("RCPT TO:<qa@example.com>");
        say("RCPT TO:<archive@example.com>");
        say("DATA");
        socket.write(
            "From: CI <reports@ci.example>\r\nTo: qa@example.com\r\nSubject: Nightly test artifacts\r\n\r\n");
        // Base64-like lines, sent steadily so the window shows the bytes arriving.
        QByteArray chunk;
        for (int i = 0; i < 800; ++i)
            chunk += QByteArray(76, char('A' + i % 26)) + "\r\n";
        for (int i = 0; i < 2000 && !*stop && socket.state() == QAbstractSocket::ConnectedState; ++i) {
            socket.write(chunk);
            socket.waitForBytesWritten(1000);
            QThread::msleep(15);
        }
        while (!*stop)
            QThread::msleep(50);
        socket.abort();
    });

    waitFor([&] { return !window.mdiArea()->subWindowList().isEmpty(); });
    QTest::qWait(2500);
    Ui::MessageListModel *model = window.messageModel();
    Ui::MessageWindow *newsletter = window.openMessage(model->idAt(0));
    waitFor([&] { return newsletter->isLoaded(); });
    if (auto *splitter = window.findChild<QSplitter *>())
        splitter->setSizes({215, 600});
    QApplication::processEvents();
    // Message window wide on the left, session on the right.
    const QRect area = window.mdiArea()->viewport()->rect();
    for (QMdiSubWindow *sub : window.mdiArea()->subWindowList()) {
        if (qobject_cast<Ui::MessageWindow *>(sub->widget()))
            sub->setGeometry(0, 0, area.width() * 3 / 5, area.height());
        else
            sub->setGeometry(area.width() * 3 / 5, 0, area.width() - area.width() * 3 / 5, area.height());
    }
    window.messageView()->selectRow(0);
    QTest::qWait(800);
    save(&window, out + QStringLiteral("/main-window.png"));

    // The live session on its own.
    for (QMdiSubWindow *sub : window.mdiArea()->subWindowList()) {
        if (qobject_cast<Ui::SessionWindow *>(sub->widget())) {
            sub->setGeometry(0, 0, 760, 420);
            save(sub, out + QStringLiteral("/session-live.png"));
        }
    }

    // A message window on each tab, the Chinese message with attachments.
    *stop = true;
    slow.join();
    Ui::SessionWindow::setConfirmHook([](QWidget *) { return true; });
    window.mdiArea()->closeAllSubWindows();
    Ui::MessageWindow *report = window.openMessage(model->idAt(1));
    waitFor([&] { return report->isLoaded(); });
    QMdiSubWindow *sub = window.mdiArea()->activeSubWindow();
    sub->setGeometry(0, 0, 900, 600);
    report->tabs()->setCurrentIndex(Ui::MessageWindow::AttachmentsTab);
    report->attachmentList()->setCurrentItem(report->attachmentList()->topLevelItem(0));
    save(sub, out + QStringLiteral("/message-attachments.png"));
    report->tabs()->setCurrentIndex(Ui::MessageWindow::EnvelopeTab);
    save(sub, out + QStringLiteral("/message-envelope.png"));
    report->tabs()->setCurrentIndex(Ui::MessageWindow::HeadersTab);
    save(sub, out + QStringLiteral("/message-headers.png"));
    report->tabs()->setCurrentIndex(Ui::MessageWindow::SourceTab);
    save(sub, out + QStringLiteral("/message-source.png"));

    // The settings dialog, once as it opens and once after asking for a port another program holds.
    Ui::SettingsDialog *settings = window.showSettings();
    settings->resize(680, 520);
    auto *tabs = settings->findChild<QTabWidget *>();
    tabs->setCurrentIndex(1);
    QApplication::processEvents();
    save(settings, out + QStringLiteral("/settings-security.png"));
    tabs->setCurrentIndex(0);
    QTcpServer squatter;
    squatter.listen(QHostAddress::LocalHost, 0);
    const auto smtps = settings->endpoint(Ui::ServerController::Listener::Smtps);
    smtps.enabled->setChecked(true);
    smtps.port->setValue(squatter.serverPort());
    settings->applyChanges();
    QApplication::processEvents();
    save(settings, out + QStringLiteral("/settings-port-in-use.png"));

    // With POP3 and IMAP served (on free ports here), the Listening tab as a user fills it in.
    delete settings; // opened afresh below, with the POP3 and IMAP rows on
    Pop3::Pop3Server pop3(&ui.store(), {});
    Imap::ImapServer imap(&ui.store(), {});
    const HostPort anyPort = *HostPort::parse(QStringLiteral("127.0.0.1:0"));
    window.serverActions()->setPop3Server(&pop3, anyPort);
    window.serverActions()->setImapServer(&imap, anyPort);
    settings = window.showSettings();
    settings->resize(680, 520);
    using Listener = Ui::ServerController::Listener;
    const std::pair<Listener, int> ports[]
        = {{Listener::Smtp, 1025}, {Listener::Smtps, 1465}, {Listener::Pop3, 1110}, {Listener::Pop3s, 1995},
            {Listener::Imap, 1143}, {Listener::Imaps, 1993}, {Listener::Http, 8025}};
    for (const auto &[listener, port] : ports)
        settings->endpoint(listener).port->setValue(port);
    settings->endpoint(Listener::Imaps).enabled->setChecked(true);
    settings->endpoint(Listener::Http).enabled->setChecked(true);
    save(settings, out + QStringLiteral("/settings-imap.png"));
    delete settings;
    imap.shutdown(1000);
    pop3.shutdown(1000);
    return 0;
}
