#include "SmtpConnection.h"

#include "tls/TlsIdentity.h"

#include "SmtpServer.h"
#include "store/MessageStore.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QSslCipher>
#include <QSslSocket>

Q_LOGGING_CATEGORY(lcSmtp, "mailsink.smtp")

namespace MailSink::Smtp {

namespace {

constexpr qint64 ReadChunk = 256 * 1024;

} // namespace

SmtpConnection::SmtpConnection(SmtpServer *server, Store::MessageStore *store,
    std::shared_ptr<const ServerConfig> config, qintptr descriptor, bool implicitTls, quint64 id)
    : m_server(server)
    , m_config(std::move(config))
    , m_store(store)
    , m_descriptor(descriptor)
    , m_implicitTls(implicitTls)
    , m_id(id)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &SmtpConnection::handleIdle);
    m_progressTimer.setSingleShot(true);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] { reportProgress(true); });
}

SmtpConnection::~SmtpConnection()
{
    m_server->m_core.unregisterConnection(m_id);
    Q_EMIT m_server->sessionEnded(m_id);
}

void SmtpConnection::start()
{
    m_socket = new QSslSocket(this);
    if (!m_socket->setSocketDescriptor(m_descriptor)) {
        qCWarning(lcSmtp) << "cannot take over connection:" << m_socket->errorString();
        finish();
        return;
    }
    // Replies go out in one write each, but a lone small reply must not wait for a delayed ACK.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(4 * ReadChunk);

    const ServerConfig &serverConfig = *m_config;
    SessionConfig config = serverConfig.session;
    QHostAddress peer = m_socket->peerAddress();
    bool v4 = false;
    const quint32 ip4 = peer.toIPv4Address(&v4);
    if (v4)
        peer = QHostAddress(ip4); // show ::ffff:127.0.0.1 as 127.0.0.1
    config.clientAddress = peer.toString();
    config.clientPort = m_socket->peerPort();
    config.startTlsAvailable = serverConfig.tls.has_value();
    config.implicitTls = m_implicitTls;
    m_session = std::make_unique<SmtpSession>(config);
    // Headless, nobody shows the live conversation: the session need not keep a second copy of it.
    m_session->setLiveTrace(m_server->isSignalConnected(QMetaMethod::fromSignal(&SmtpServer::traceReceived)));
    const bool accepted = m_server->m_core.registerConnection(m_id, this);

    SessionInfo info {
        m_id, config.clientAddress, config.clientPort, m_implicitTls, QDateTime::currentDateTimeUtc()};
    Q_EMIT m_server->sessionStarted(info);

    connect(m_socket, &QSslSocket::readyRead, this, &SmtpConnection::handleReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &SmtpConnection::handleDisconnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SmtpConnection::handleEncrypted);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError) {
            m_session->tlsFailed(m_socket->errorString());
            publishTrace();
            m_socket->abort();
            finish();
        }
    });
    startIdleTimer();
    if (!accepted) { // the server is stopping
        m_session->greeting();
        process(m_session->shutdown());
        return;
    }
    if (m_implicitTls) {
        m_socket->setSslConfiguration(serverConfig.tls->serverConfiguration());
        m_socket->startServerEncryption();
        return; // the greeting follows the handshake
    }
    send(m_session->greeting());
    publishTrace();
}

void SmtpConnection::handleCommitted(const Store::CommitResult &result)
{
    m_committing = false;
    if (!result.ok)
        qCWarning(lcSmtp).noquote() << "message not stored:" << result.error;
    QByteArray out = m_session->commitFinished(result.ok, QByteArray::number(result.id), result.error);
    if (m_closeAfterMessage && !m_session->isBusy())
        out += m_session->shutdown();
    process(std::move(out));
    if (m_finishAfterCommit) {
        finish();
        return;
    }
    if (m_socket && m_socket->bytesAvailable() > 0)
        handleReadyRead(); // what the client pipelined after the message
}

void SmtpConnection::handleReadyRead()
{
    if (m_committing)
        return; // read on once the reply is out: the kernel's buffer holds the client back meanwhile
    m_sinceActivity.start(); // the idle timer checks it when it fires: no restart per read
    while (m_socket && m_socket->bytesAvailable() > 0 && !m_session->isClosed() && !m_committing) {
        // read(n) allocates n bytes up front; ask only for what is there.
        const QByteArray data = m_socket->read(std::min(m_socket->bytesAvailable(), ReadChunk));
        if (data.isEmpty())
            break;
        process(m_session->receive(data));
        reportProgress(false);
    }
}

void SmtpConnection::reportProgress(bool force)
{
    // At most ten updates a second; a burst that ends between two of them is reported by the
    // timer, so the last count shown is the real one.
    if (!m_session->isBusy()) {
        m_progressTimer.stop();
        return;
    }
    const qint64 bytes = m_session->messageBytes();
    if (bytes == m_progressReported)
        return;
    if (!force && m_progress.isValid() && m_progress.elapsed() < 100) {
        if (!m_progressTimer.isActive())
            m_progressTimer.start(100 - int(m_progress.elapsed()));
        return;
    }
    m_progress.start();
    m_progressReported = bytes;
    Q_EMIT m_server->transferProgress(m_id, bytes);
}

void SmtpConnection::process(QByteArray out)
{
    for (;;) {
        std::vector<Event> events = m_session->takeEvents();
        if (events.empty())
            break;
        for (Event &event : events) {
            switch (event.type) {
            case Event::Type::MessageBegin:
                m_writer = m_store->beginMessage();
                m_writerError.clear();
                break;
            case Event::Type::MessageData:
                if (m_writer)
                    m_writer->write(event.data);
                break;
            case Event::Type::MessageAborted:
                m_writer.reset(); // removes the partial file
                break;
            case Event::Type::MessageComplete: {
                Store::Envelope envelope = m_session->envelope();
                envelope.received = QDateTime::currentDateTimeUtc();
                if (!m_writer || m_writer->hasFailed()) {
                    const QString why
                        = m_writer ? m_writer->errorString() : QStringLiteral("no message file");
                    m_writer.reset();
                    qCWarning(lcSmtp).noquote() << "message not stored:" << why;
                    out += m_session->commitFinished(false, {}, why);
                    if (m_closeAfterMessage && !m_session->isBusy())
                        out += m_session->shutdown();
                    break;
                }
                // The reply waits for the store's batch; this worker serves its other sessions meanwhile.
                m_committing = true;
                m_store->commitAsync(std::move(m_writer), envelope, m_session->messageTrace(),
                    [this](const Store::CommitResult &result) {
                        QMetaObject::invokeMethod(
                            this, [this, result] { handleCommitted(result); }, Qt::QueuedConnection);
                    });
                break;
            }
            case Event::Type::StartTls:
                send(out);
                out.clear();
                m_socket->setSslConfiguration(m_config->tls->serverConfiguration());
                m_socket->startServerEncryption();
                break;
            case Event::Type::Close:
                break;
            }
        }
    }
    send(out);
    publishTrace();
    if (m_session->isClosed() && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->disconnectFromHost(); // flushes what was written, then disconnected() follows
    }
}

void SmtpConnection::send(const QByteArray &bytes)
{
    if (!bytes.isEmpty() && m_socket) {
        m_socket->write(bytes);
        m_socket->flush(); // now, not on the next event-loop pass: one reply, one write
    }
}

void SmtpConnection::publishTrace()
{
    Trace lines = m_session->takeTrace();
    if (!lines.isEmpty())
        Q_EMIT m_server->traceReceived(m_id, lines);
}

void SmtpConnection::handleEncrypted()
{
    const QString protocol = Tls::protocolName(m_socket->sessionProtocol());
    const QString cipher = m_socket->sessionCipher().name();
    m_session->tlsEstablished(protocol, cipher);
    if (m_implicitTls && !m_session->isClosed())
        send(m_session->greeting());
    publishTrace();
    startIdleTimer();
    if (m_socket->bytesAvailable() > 0)
        handleReadyRead();
}

void SmtpConnection::handleDisconnected()
{
    m_session->connectionLost();
    process({});
    finish();
}

void SmtpConnection::startIdleTimer()
{
    m_sinceActivity.start();
    m_idle.start(m_config->idleTimeoutMs);
}

void SmtpConnection::handleIdle()
{
    const qint64 quiet = m_sinceActivity.elapsed();
    if (quiet < m_config->idleTimeoutMs) {
        m_idle.start(int(m_config->idleTimeoutMs - quiet)); // the client spoke since the timer was set
        return;
    }
    process(m_session->idleTimeout());
}

void SmtpConnection::requestClose()
{
    if (m_session->isBusy()) {
        m_closeAfterMessage = true;
        return;
    }
    process(m_session->shutdown());
}

void SmtpConnection::requestShutdown()
{
    requestClose();
}

void SmtpConnection::finish()
{
    if (m_committing) {
        m_finishAfterCommit = true; // the store calls back into this object
        return;
    }
    if (m_finished)
        return;
    m_finished = true;
    m_idle.stop();
    m_writer.reset();
    publishTrace();
    deleteLater(); // the worker counts the connection live until then
}

} // namespace MailSink::Smtp
