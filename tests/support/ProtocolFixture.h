#pragma once

#include "store/MessageStore.h"
#include "util/HostPort.h"

#include <catch2/catch.hpp>

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace MailSink::Test {

// A store in a temporary folder and a POP3 or IMAP server on port 0, serving from its own thread so the
// test thread can block on a client process (Python, curl, fetchmail, neomutt).
template<typename Server>
class ProtocolFixture
{
public:
    using Config = decltype(std::declval<Server>().config());
    struct Protocol
    {
        bool (Server::*listenTls)(const HostPort &); // the implicit-TLS listener
        HostPort (Server::*tlsAddress)() const;
        QString clientScript; // a Python client taking: scenario host port arguments...
        QString scheme; // for url()
        QStringList curlOptions;
    };

    ProtocolFixture(Protocol protocol, const Config &config, bool implicitTls, const QString &root)
        : m_protocol(std::move(protocol))
    {
        REQUIRE(m_dir.isValid());
        REQUIRE(m_store.open(root.isEmpty() ? m_dir.path() : root));
        m_thread.start();
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        bool ok = false;
        QMetaObject::invokeMethod(
            m_context,
            [&] {
                m_server = new Server(&m_store, config);
                ok = m_server->listen({QHostAddress(QHostAddress::LocalHost), 0});
                if (ok && implicitTls)
                    ok = (m_server->*m_protocol.listenTls)({QHostAddress(QHostAddress::LocalHost), 0});
            },
            Qt::BlockingQueuedConnection);
        REQUIRE(ok);
        m_port = m_server->address().port;
        if (implicitTls)
            m_tlsPort = (m_server->*m_protocol.tlsAddress)().port;
    }
    ~ProtocolFixture()
    {
        QMetaObject::invokeMethod(
            m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_context;
    }
    ProtocolFixture(const ProtocolFixture &) = delete;
    ProtocolFixture &operator=(const ProtocolFixture &) = delete;

    qint64 add(const QByteArray &raw, const QList<QByteArray> &recipients)
    {
        auto writer = m_store.beginMessage();
        REQUIRE(writer->write(raw));
        Store::Envelope envelope;
        envelope.mailFrom = "sender@example.com";
        envelope.recipients = recipients;
        const Store::CommitResult result = m_store.commit(std::move(writer), envelope, {});
        REQUIRE(result.ok);
        return result.id;
    }

    // Runs a command and returns its stdout; fails the test on a non-zero exit.
    static QByteArray run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        REQUIRE(process.waitForStarted(10000));
        REQUIRE(process.waitForFinished(120000));
        const QByteArray err = process.readAllStandardError();
        INFO(program.toStdString() << " stderr: " << err.toStdString());
        REQUIRE(process.exitStatus() == QProcess::NormalExit);
        REQUIRE(process.exitCode() == 0);
        return process.readAllStandardOutput();
    }

    // Runs a scenario of the protocol's Python client, which prints one JSON object.
    QJsonObject python(const QString &scenario, const QStringList &arguments, quint16 port = 0)
    {
        return parse(run(QStringLiteral("python3"),
            QStringList {m_protocol.clientScript, scenario, QStringLiteral("127.0.0.1"),
                QString::number(port ? port : m_port)}
                + arguments));
    }
    static QJsonObject parse(const QByteArray &out)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(out, &error);
        INFO(out.toStdString());
        REQUIRE(error.error == QJsonParseError::NoError);
        return document.object();
    }

    QByteArray curl(const QStringList &arguments)
    {
        return run(QStringLiteral("curl"),
            QStringList {QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("60")}
                + m_protocol.curlOptions + arguments);
    }
    QString url(const QString &path = {}) const
    {
        return QStringLiteral("%1://127.0.0.1:%2/%3").arg(m_protocol.scheme).arg(m_port).arg(path);
    }

    Store::MessageStore &store() { return m_store; }
    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; }
    Server *server() const { return m_server; }
    QString root() const { return m_dir.path(); }

private:
    Protocol m_protocol;
    QTemporaryDir m_dir;
    Store::MessageStore m_store;
    QThread m_thread;
    QObject *m_context = nullptr;
    Server *m_server = nullptr;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
};

} // namespace MailSink::Test
