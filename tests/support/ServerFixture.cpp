#include "ServerFixture.h"

#include "smtp/SmtpServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

namespace MailSink::Test {

Smtp::ServerConfig ServerFixture::defaultConfig()
{
    static const std::optional<Tls::TlsIdentity> identity
        = Tls::TlsIdentity::generate(QStringLiteral("localhost"), nullptr);
    Smtp::ServerConfig config;
    config.tls = identity;
    return config;
}

ServerFixture::ServerFixture(Smtp::ServerConfig config, bool withSmtps)
    : m_store(std::make_unique<Store::MessageStore>())
{
    m_store->open(m_dir.path());
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            m_server = new Smtp::SmtpServer(m_store.get(), config);
            m_server->listen(*HostPort::parse(QStringLiteral("127.0.0.1:0")));
            m_port = m_server->address().port;
            if (withSmtps && m_server->listenSmtps(*HostPort::parse(QStringLiteral("127.0.0.1:0"))))
                m_smtpsPort = m_server->smtpsAddress().port;
        },
        Qt::BlockingQueuedConnection);
}

ServerFixture::~ServerFixture()
{
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_server;
            m_server = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
    m_store->close();
}

bool ServerFixture::waitForMessages(qint64 count, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_store->count() < count) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(10);
        QCoreApplication::processEvents();
    }
    return true;
}

ProcessResult run(
    const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    ProcessResult result;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

ProcessResult python(const QByteArray &script, const QStringList &arguments)
{
    return run(
        QStringLiteral("python3"), QStringList {QStringLiteral("-c"), QString::fromUtf8(script)} + arguments);
}

bool haveProgram(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

} // namespace MailSink::Test
