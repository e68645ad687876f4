#include "ServerCore.h"

#include <QTcpSocket>

namespace MailSink {

QString refuseConnection(QObject *owner, qintptr descriptor, bool implicitTls, const QByteArray &refusal)
{
    auto *socket = new QTcpSocket(owner);
    socket->setSocketDescriptor(descriptor);
    const QString client = socket->peerAddress().toString();
    if (!implicitTls)
        socket->write(refusal);
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    return client;
}

} // namespace MailSink
