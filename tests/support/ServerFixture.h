#pragma once

#include "smtp/ServerConfig.h"
#include "store/MessageStore.h"

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

namespace MailSink::Smtp {
class SmtpServer;
}

namespace MailSink::Test {

// A real SMTP listener on 127.0.0.1:0 with a temporary store, running on its own thread so the
// test thread may block on external clients (swaks, python, curl).
class ServerFixture
{
public:
    explicit ServerFixture(Smtp::ServerConfig config = defaultConfig(), bool withSmtps = false);
    ~ServerFixture();

    static Smtp::ServerConfig defaultConfig(); // STARTTLS with a generated certificate

    quint16 port() const { return m_port; }
    quint16 smtpsPort() const { return m_smtpsPort; }
    QString storePath() const { return m_dir.path(); }
    Store::MessageStore &store() { return *m_store; }
    Smtp::SmtpServer *server() { return m_server; }
    bool waitForMessages(qint64 count, int timeoutMs = 10000);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store::MessageStore> m_store;
    QThread m_thread;
    QObject *m_context = nullptr;
    Smtp::SmtpServer *m_server = nullptr;
    quint16 m_port = 0;
    quint16 m_smtpsPort = 0;
};

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool timedOut = false;
};

ProcessResult run(const QString &program, const QStringList &arguments, const QByteArray &input = {},
    int timeoutMs = 60000);
ProcessResult python(const QByteArray &script, const QStringList &arguments = {});
bool haveProgram(const QString &program);

} // namespace MailSink::Test
