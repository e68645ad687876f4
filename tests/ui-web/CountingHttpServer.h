#pragma once

#include <QByteArray>
#include <QStringList>
#include <QTcpServer>

namespace MailSink::Test {

// An HTTP/1.1 server on 127.0.0.1:0 that counts every TCP connection and every request (path), and
// answers images with a PNG, style sheets with CSS, everything else with a small HTML page.
class CountingHttpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit CountingHttpServer(QObject *parent = nullptr);
    bool start();
    QByteArray base() const; // "http://127.0.0.1:PORT"

    int connections() const { return m_connections; }
    QStringList paths() const { return m_paths; }
    bool requested(const QString &path) const { return m_paths.contains(path); }

private:
    void serve(QTcpSocket *socket, const QByteArray &request);

    int m_connections = 0;
    QStringList m_paths;
};

} // namespace MailSink::Test
