#pragma once

// Internal to core/mime: what a ParsedMessage shares.

#include "ParsedMessage.h"
#include "TransferDecoding.h"

namespace MailSink::Mime {

class ParsedMessageData
{
public:
    struct Location
    {
        qsizetype headerBegin = 0; // header block range in raw (containers too)
        qsizetype headerEnd = 0;
        qsizetype begin = 0; // content range in raw, before transfer decoding (leaves only)
        qsizetype end = 0;
        TransferEncoding encoding = TransferEncoding::Identity;
    };

    QByteArray raw;
    QList<std::pair<QByteArray, QByteArray>> rawHeaders;
    QList<std::pair<QString, QString>> headers;
    QString subject;
    QList<Address> from, sender, replyTo, to, cc, bcc;
    QDateTime date;
    QString messageId;
    std::optional<QString> text;
    std::optional<QString> html;
    QStringList textParts; // paths of the leaves joined into text, in order
    QStringList htmlParts;
    QList<Part> tree; // document order
    QList<Location> locations; // parallel to tree
    QStringList warnings;
};

} // namespace MailSink::Mime
