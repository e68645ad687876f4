#pragma once

#include "Envelope.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace MailSink::Store {

// One row of the store index: what the message list shows without opening the message.
struct MessageInfo
{
    qint64 id = 0; // stable for the life of the store; never reused
    QByteArray uniq; // Maildir unique name (the file name without ":2,..." info)
    QString file; // relative to the store root: "new/<uniq>" or "cur/<uniq>:2,S"
    QDateTime received; // UTC
    qint64 size = 0;
    QString subject; // decoded
    QString from; // decoded display form
    QString to;
    bool hasAttachments = false;
    bool seen = false;
    Envelope envelope;
};

} // namespace MailSink::Store

Q_DECLARE_METATYPE(MailSink::Store::MessageInfo)
