#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTimer>

namespace MailSink::App {

Q_LOGGING_CATEGORY(lcInstance, "mailsink.instance")

namespace {

constexpr char kMagic[] = "MSI1";
constexpr qsizetype kMagicSize = 4;
constexpr quint8 kRaise = 0x01;
constexpr quint32 kMaxRequest = 4 * 1024 * 1024; // far beyond any command line
constexpr char kAck = 'K';
constexpr int kClientTimeoutMs = 10000; // a client that connects and stalls is dropped

QString userName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME"); // Windows
    if (name.isEmpty())
        name = QDir::homePath();
    return name;
}

bool isAlive(const QString &serverName)
{
    QLocalSocket probe;
    probe.connectToServer(serverName);
    const bool alive = probe.waitForConnected(1000);
    probe.abort();
    return alive;
}

} // namespace

QString SingleInstance::serverNameFor(const QString &storePath)
{
    const QString store = QDir::cleanPath(QFileInfo(storePath).absoluteFilePath());
    const QByteArray key = (userName() + QLatin1Char('\n') + store).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24);
    return QStringLiteral("mailsink-") + QString::fromLatin1(hash);
}

bool SingleInstance::handOver(const QString &serverName, const QStringList &paths, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false; // nobody there, or a stale socket: the caller becomes the instance

    QStringList absolute;
    absolute.reserve(paths.size());
    for (const QString &path : paths)
        absolute.append(QFileInfo(path).absoluteFilePath());

    QByteArray body;
    {
        QDataStream out(&body, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << kRaise << absolute;
    }
    QByteArray request(kMagic, kMagicSize);
    {
        QDataStream out(&request, QIODevice::WriteOnly | QIODevice::Append);
        out << quint32(body.size());
    }
    request += body;
    socket.write(request);
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(timeoutMs))
            return false;
    }
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            qCWarning(
                lcInstance, "the running instance did not answer: %s", qPrintable(socket.errorString()));
            return false;
        }
    }
    char ack = 0;
    socket.getChar(&ack);
    socket.disconnectFromServer();
    return ack == kAck;
}

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_name(serverName)
{ }

SingleInstance::~SingleInstance() = default;

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::listen()
{
    if (isListening())
        return true;
    delete m_server;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::handleConnection);
    // With access options Qt binds in a private folder and renames the socket into place, which
    // silently replaces a live instance's socket: so ask first whether anybody accepts on the name.
    if (isAlive(m_name)) {
        m_error = QStringLiteral("another Mailsink instance is running (%1)").arg(m_name);
        return false;
    }
    // Nobody accepts: whatever is there was left by a crashed instance.
    QLocalServer::removeServer(m_name);
    if (m_server->listen(m_name))
        return true;
    m_error = m_server->errorString();
    return false;
}

void SingleInstance::handleConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        QTimer::singleShot(kClientTimeoutMs, socket, [socket] { socket->abort(); });
        if (socket->bytesAvailable() > 0)
            handleReadyRead(socket);
    }
}

void SingleInstance::handleReadyRead(QLocalSocket *socket)
{
    constexpr qsizetype header = kMagicSize + qsizetype(sizeof(quint32));
    if (socket->bytesAvailable() < header)
        return;
    const QByteArray head = socket->peek(header);
    if (head.left(kMagicSize) != QByteArrayView(kMagic, kMagicSize)) {
        qCWarning(lcInstance, "ignoring a request that is not from Mailsink");
        socket->abort();
        return;
    }
    quint32 length = 0;
    {
        QDataStream in(head.mid(kMagicSize));
        in >> length;
    }
    if (length > kMaxRequest) {
        socket->abort();
        return;
    }
    if (socket->bytesAvailable() < header + qsizetype(length))
        return; // the rest is on its way
    socket->skip(header);
    const QByteArray body = socket->read(length);

    QDataStream in(body);
    in.setVersion(QDataStream::Qt_6_4);
    quint8 flags = 0;
    QStringList paths;
    in >> flags >> paths;
    if (in.status() != QDataStream::Ok) {
        qCWarning(lcInstance, "ignoring a malformed request");
        socket->abort();
        return;
    }
    socket->write(&kAck, 1);
    socket->flush();
    socket->disconnectFromServer();
    if (!paths.isEmpty())
        Q_EMIT filesRequested(paths);
    if (flags & kRaise)
        Q_EMIT raiseRequested();
}

} // namespace MailSink::App
