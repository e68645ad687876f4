#include "CountingHttpServer.h"

#include <QBuffer>
#include <QImage>
#include <QTcpSocket>

namespace MailSink::Test {

CountingHttpServer::CountingHttpServer(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                QByteArray buffer = socket->property("request").toByteArray() + socket->readAll();
                qsizetype end;
                while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
                    serve(socket, buffer.left(end));
                    buffer.remove(0, end + 4);
                }
                socket->setProperty("request", buffer);
            });
        }
    });
}

bool CountingHttpServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QByteArray CountingHttpServer::base() const
{
    return "http://127.0.0.1:" + QByteArray::number(serverPort());
}

void CountingHttpServer::serve(QTcpSocket *socket, const QByteArray &request)
{
    const QList<QByteArray> line = request.left(request.indexOf("\r\n")).split(' ');
    const QString path = QString::fromLatin1(line.value(1));
    m_paths.append(path);
    QByteArray type = "text/html";
    QByteArray body = "<p>remote</p>";
    if (path.endsWith(QLatin1String(".png"))) {
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::magenta);
        QBuffer out(&body);
        body.clear();
        out.open(QIODevice::WriteOnly);
        image.save(&out, "PNG");
        type = "image/png";
    } else if (path.endsWith(QLatin1String(".css"))) {
        type = "text/css";
        body = "p { color: #123456; }";
    }
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nCache-Control: no-store\r\n\r\n" + body);
}

} // namespace MailSink::Test
