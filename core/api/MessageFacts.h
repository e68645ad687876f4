#pragma once

#include "SearchQuery.h"
#include "mime/Address.h"
#include "mime/ParsedMessage.h"
#include "store/MessageInfo.h"

#include <QJsonArray>
#include <QJsonObject>

namespace MailSink::Api {

// What Mailpit's message summary shows beyond the store index, taken from the parsed message once and
// cached by the API (a few hundred bytes per message).
struct MessageFacts
{
    Mime::Address from;
    QList<Mime::Address> to;
    QList<Mime::Address> cc;
    QList<Mime::Address> bcc; // the Bcc header plus envelope recipients named in no header (as Mailpit)
    QList<Mime::Address> replyTo;
    QString messageId;
    QString snippet;
    int attachments = 0;
    int inlines = 0;
    QString searchText; // decoded text and HTML, lower case, for plain search words

    static MessageFacts make(const Store::MessageInfo &info, const Mime::ParsedMessage &message);
    SearchSubject::Details details() const;
    qint64 cost() const; // approximate bytes held, for the cache

    // Mailpit's JSON shapes (server/apiv1 in Mailpit: MessageSummary, Message, Attachment).
    static QJsonObject address(const Mime::Address &address);
    static QJsonArray addresses(const QList<Mime::Address> &list);
    QJsonObject summaryJson(const Store::MessageInfo &info) const;
    static QJsonObject messageJson(const Store::MessageInfo &info, const Mime::ParsedMessage &message);
    static QJsonObject headersJson(const Mime::ParsedMessage &message); // canonical name -> [raw values]
    static QString id(qint64 id) { return QString::number(id); }
    static QString timestamp(const QDateTime &time); // RFC 3339 with milliseconds, local offset
    static QString snippetOf(const Mime::ParsedMessage &message);
    static QList<Mime::Part> inlineParts(const Mime::ParsedMessage &message);
};

} // namespace MailSink::Api
