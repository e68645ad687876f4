#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace MailSink::App {

// One desktop instance per user and store: a later `mailsink [FILE.eml ...]` hands its files and a
// raise request to the running instance over a local socket (QLocalServer: a Unix socket only the
// user can open, or a named pipe on Windows; never reachable from the network).
//
// Wire format, client to server: the magic "MSI1", then a QDataStream (Qt 6.4 format) holding
// quint8 flags (bit 0: raise) and a QStringList of absolute paths, the whole prefixed by its quint32
// length. The server answers one byte, 'K', once it has accepted the request, then emits the signals.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // The server name for the given store folder: "mailsink-" + a hash of the user name and the
    // absolute store path, so users, and separate stores of one user, never meet.
    static QString serverNameFor(const QString &storePath);

    // Client side: sends `paths` (made absolute against the current directory) and a raise request to
    // the instance listening on `serverName`. True only if that instance acknowledged them.
    static bool handOver(const QString &serverName, const QStringList &paths, int timeoutMs = 5000);

    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Becomes the instance. A socket left behind by a crashed instance (nobody accepts on it) is
    // removed first. False if another live instance holds the name or listening failed.
    bool listen();
    bool isListening() const;
    QString serverName() const { return m_name; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void filesRequested(const QStringList &paths);
    void raiseRequested();

private:
    void handleConnection();
    void handleReadyRead(QLocalSocket *socket);

    QString m_name;
    QString m_error;
    QLocalServer *m_server = nullptr;
};

} // namespace MailSink::App
