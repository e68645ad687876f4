#include "UiFixture.h"

#include "list/MessageListModel.h"
#include "session/SessionWindow.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QMdiArea>
#include <QMdiSubWindow>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <thread>

namespace MailSink::Test {

namespace {

// Reads one (possibly multi-line) SMTP reply; returns it, empty on timeout or close.
QByteArray readReply(QTcpSocket &socket, int timeoutMs = 10000)
{
    QByteArray reply;
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        while (!socket.canReadLine()) {
            if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
                return reply;
            if (deadline.hasExpired()
                || !socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
                return socket.canReadLine() ? reply + socket.readLine() : reply + socket.readAll();
        }
        const QByteArray line = socket.readLine();
        reply += line;
        if (line.size() >= 4 && line.at(3) == ' ')
            return reply;
    }
}

bool command(QTcpSocket &socket, const QByteArray &line, const char *expected)
{
    socket.write(line + "\r\n");
    socket.flush();
    return readReply(socket).startsWith(expected);
}

} // namespace

QString uiTestData(const QString &name)
{
    return QStringLiteral(MAILSINK_UI_TEST_DATA) + u'/' + name;
}

QByteArray readUiTestData(const QString &name)
{
    QFile file(uiTestData(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

qint64 commitMessage(Store::MessageStore &store, const QByteArray &raw, const QByteArray &mailFrom,
    const QList<QByteArray> &recipients)
{
    auto writer = store.beginMessage();
    if (!writer || !writer->write(raw))
        return 0;
    Store::Envelope envelope;
    envelope.mailFrom = mailFrom;
    envelope.recipients = recipients;
    const auto result = store.commit(std::move(writer), envelope, {});
    return result.ok ? result.id : 0;
}

std::future<bool> sendAsync(quint16 port, SmtpScript script)
{
    return std::async(std::launch::async, [port, script] {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForConnected(10000) || !readReply(socket).startsWith("220"))
            return false;
        if (!command(socket, "EHLO ui-test.example", "250")
            || !command(socket, "MAIL FROM:<" + script.from + ">", "250"))
            return false;
        for (const QByteArray &rcpt : script.recipients) {
            if (!command(socket, "RCPT TO:<" + rcpt + ">", "250"))
                return false;
        }
        if (!command(socket, "DATA", "354"))
            return false;
        QByteArray body = script.message;
        body.replace("\r\n.", "\r\n..");
        if (body.startsWith('.'))
            body.prepend('.');
        if (!body.endsWith("\r\n"))
            body += "\r\n";
        socket.write(body);
        if (!command(socket, ".", "250"))
            return false;
        command(socket, "QUIT", "221");
        return true;
    });
}

std::future<QByteArray> idleClientAsync(quint16 port, std::shared_ptr<std::atomic_bool> connected)
{
    return std::async(std::launch::async, [port, connected] {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForConnected(10000) || !readReply(socket).startsWith("220"))
            return QByteArray("no greeting");
        if (!command(socket, "EHLO idle.example", "250"))
            return QByteArray("no EHLO reply");
        *connected = true;
        QByteArray said = readReply(socket, 20000);
        if (socket.state() == QAbstractSocket::ConnectedState)
            socket.waitForDisconnected(5000);
        said += socket.readAll();
        if (socket.state() == QAbstractSocket::UnconnectedState)
            said += "[closed]";
        return said;
    });
}

UiFixture::UiFixture(bool tls, const std::function<void(Ui::Settings &)> &configure)
{
    m_store = std::make_unique<Store::MessageStore>();
    if (!m_store->open(storePath()))
        qFatal("cannot open the test store: %s", qPrintable(m_store->errorString()));
    Smtp::ServerConfig config;
    if (tls) {
        QString error;
        config.tls = Tls::TlsIdentity::loadOrGenerate(m_store->root(), &error);
    }
    m_server = std::make_unique<Smtp::SmtpServer>(m_store.get(), config);
    m_backend
        = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_settings = std::make_unique<Ui::Settings>(m_backend.get());
    // No HTTP API unless a test asks for it (then on any free port: tests run in parallel, 8025 may be taken).
    m_settings->setValue(Ui::Settings::Key::HttpEnabled, false);
    m_settings->setValue(Ui::Settings::Key::HttpAddress, QStringLiteral("127.0.0.1:0"));
    if (configure)
        configure(*m_settings);
    m_window = std::make_unique<Ui::MainWindow>(
        m_store.get(), m_server.get(), *HostPort::parse(QStringLiteral("127.0.0.1:0")), m_settings.get());
    m_window->resize(1280, 820);
    m_window->show();
    if (!m_window->startListening())
        qFatal("cannot listen");
    waitFor([this] { return !m_window->messageModel()->isLoading(); });
}

UiFixture::~UiFixture()
{
    m_window.reset();
    m_server->shutdown(1000);
    m_server.reset();
    m_store->close();
}

quint16 UiFixture::port() const
{
    return m_server->address().port;
}

QList<Ui::SessionWindow *> UiFixture::sessionWindows() const
{
    QList<Ui::SessionWindow *> windows;
    for (QMdiSubWindow *sub : m_window->mdiArea()->subWindowList()) {
        if (auto *window = qobject_cast<Ui::SessionWindow *>(sub->widget()))
            windows.append(window);
    }
    return windows;
}

bool UiFixture::deliver(const QByteArray &raw, const QList<QByteArray> &recipients)
{
    const qint64 before = m_store->count();
    SmtpScript script;
    script.message = raw;
    script.recipients = recipients;
    auto sent = sendAsync(port(), script);
    if (!waitFor([&] { return sent.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 20000))
        return false;
    if (!sent.get())
        return false;
    // The list shows it once the queued messageStored arrives (or the running query finishes). And the
    // conversation is over for the window too: until the server's notice of the session's end arrives, its
    // session window is live, and closing it would ask, in a modal box, whether to end the connection.
    auto liveSessionWindow = [&] {
        const QList<Ui::SessionWindow *> windows = sessionWindows();
        return std::any_of(
            windows.begin(), windows.end(), [](const Ui::SessionWindow *window) { return window->isLive(); });
    };
    return waitFor([&] {
        auto *model = m_window->messageModel();
        return m_store->count() > before && !model->isLoading() && model->totalCount() > before
            && !liveSessionWindow();
    });
}

} // namespace MailSink::Test
