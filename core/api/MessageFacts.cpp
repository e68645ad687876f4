#include "MessageFacts.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

namespace MailSink::Api {

namespace {

QString lowerAddress(const QByteArray &address)
{
    return QString::fromUtf8(address).toLower();
}

// Go's textproto.CanonicalMIMEHeaderKey, which Mailpit's /headers keys follow: "message-id" -> "Message-Id".
QString canonicalHeaderName(const QByteArray &name)
{
    QString result = QString::fromLatin1(name);
    bool upper = true;
    for (QChar &c : result) {
        c = upper ? c.toUpper() : c.toLower();
        upper = c == u'-';
    }
    return result;
}

QString unfold(const QByteArray &value)
{
    QString text = QString::fromUtf8(value);
    static const QRegularExpression folding(QStringLiteral("\\r?\\n[ \\t]+"));
    text.replace(folding, QStringLiteral(" "));
    return text.trimmed();
}

QString stripHtml(const QString &html)
{
    QString text = html;
    static const QRegularExpression blocks(QStringLiteral("<(script|style|head)\\b.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.remove(blocks);
    text.replace(tags, QStringLiteral(" "));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

QJsonObject attachmentJson(const Mime::ParsedMessage &message, const Mime::Part &part)
{
    const QByteArray content = message.partContent(part.path);
    return QJsonObject {
        {QStringLiteral("PartID"), part.path},
        {QStringLiteral("FileName"), part.filename},
        {QStringLiteral("ContentType"), part.contentType},
        {QStringLiteral("ContentID"), part.contentId},
        {QStringLiteral("Size"), part.size},
        {QStringLiteral("Checksums"),
            QJsonObject {
                {QStringLiteral("MD5"),
                    QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex())},
                {QStringLiteral("SHA1"),
                    QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex())},
                {QStringLiteral("SHA256"), QString::fromLatin1(part.sha256Hex)},
            }},
    };
}

QList<Mime::Address> withEnvelopeBcc(const Store::MessageInfo &info, const QList<Mime::Address> &to,
    const QList<Mime::Address> &cc, QList<Mime::Address> bcc)
{
    QSet<QString> named;
    for (const QList<Mime::Address> *list : {&to, &cc, static_cast<const QList<Mime::Address> *>(&bcc)}) {
        for (const Mime::Address &a : *list)
            named.insert(a.address.toLower());
    }
    for (const QByteArray &recipient : info.envelope.recipients) {
        const QString address = lowerAddress(recipient);
        if (!named.contains(address)) {
            named.insert(address);
            bcc.append(Mime::Address {QString(), QString::fromUtf8(recipient), QString(), QString()});
        }
    }
    return bcc;
}

} // namespace

QList<Mime::Part> MessageFacts::inlineParts(const Mime::ParsedMessage &message)
{
    QSet<QString> attachments;
    for (const Mime::Part &part : message.attachments())
        attachments.insert(part.path);
    QList<Mime::Part> result;
    for (const Mime::Part &part : message.parts()) {
        if (!part.isBody && !attachments.contains(part.path))
            result.append(part);
    }
    return result;
}

QString MessageFacts::snippetOf(const Mime::ParsedMessage &message)
{
    QString text = message.text().value_or(QString());
    if (text.trimmed().isEmpty())
        text = stripHtml(message.html().value_or(QString()));
    text = text.simplified();
    if (text.size() > 250)
        text = text.left(250).trimmed() + QStringLiteral("...");
    return text;
}

MessageFacts MessageFacts::make(const Store::MessageInfo &info, const Mime::ParsedMessage &message)
{
    MessageFacts facts;
    facts.from = message.from().value(0);
    facts.to = message.to();
    facts.cc = message.cc();
    facts.bcc = withEnvelopeBcc(info, facts.to, facts.cc, message.bcc());
    facts.replyTo = message.replyTo();
    facts.messageId = message.messageId();
    facts.snippet = snippetOf(message);
    facts.attachments = int(message.attachments().size());
    facts.inlines = int(inlineParts(message).size());
    QString text = message.text().value_or(QString());
    if (const auto html = message.html())
        text += u'\n' + stripHtml(*html);
    facts.searchText = text.toLower();
    return facts;
}

SearchSubject::Details MessageFacts::details() const
{
    SearchSubject::Details d;
    d.cc = Mime::formatAddresses(cc);
    d.bcc = Mime::formatAddresses(bcc);
    d.replyTo = Mime::formatAddresses(replyTo);
    d.messageId = messageId;
    d.text = searchText;
    d.attachments = attachments;
    d.inlines = inlines;
    return d;
}

qint64 MessageFacts::cost() const
{
    return 256 + 2 * (searchText.size() + snippet.size() + messageId.size())
        + 96 * (to.size() + cc.size() + bcc.size() + replyTo.size());
}

QJsonObject MessageFacts::address(const Mime::Address &address)
{
    return QJsonObject {{QStringLiteral("Name"), address.name}, {QStringLiteral("Address"), address.address}};
}

QJsonArray MessageFacts::addresses(const QList<Mime::Address> &list)
{
    QJsonArray array;
    for (const Mime::Address &a : list)
        array.append(address(a));
    return array;
}

QString MessageFacts::timestamp(const QDateTime &time)
{
    return time.toLocalTime().toOffsetFromUtc(time.toLocalTime().offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QJsonObject MessageFacts::summaryJson(const Store::MessageInfo &info) const
{
    return QJsonObject {
        {QStringLiteral("ID"), id(info.id)},
        {QStringLiteral("MessageID"), messageId},
        {QStringLiteral("Read"), info.seen},
        {QStringLiteral("From"), address(from)},
        {QStringLiteral("To"), addresses(to)},
        {QStringLiteral("Cc"), addresses(cc)},
        {QStringLiteral("Bcc"), addresses(bcc)},
        {QStringLiteral("ReplyTo"), addresses(replyTo)},
        {QStringLiteral("Subject"), info.subject},
        {QStringLiteral("Created"), timestamp(info.received)},
        {QStringLiteral("Username"), QString::fromUtf8(info.envelope.authUser)},
        {QStringLiteral("Tags"), QJsonArray()},
        {QStringLiteral("Size"), info.size},
        {QStringLiteral("Attachments"), attachments},
        {QStringLiteral("Snippet"), snippet},
    };
}

QJsonObject MessageFacts::messageJson(const Store::MessageInfo &info, const Mime::ParsedMessage &message)
{
    const MessageFacts facts = make(info, message);
    QString returnPath = message.header("Return-Path");
    returnPath.remove(u'<').remove(u'>');
    if (returnPath.isEmpty() && info.envelope.known)
        returnPath = QString::fromUtf8(info.envelope.mailFrom);
    const QString unsubscribe = message.header("List-Unsubscribe");
    QJsonArray links;
    static const QRegularExpression link(QStringLiteral("<([^>]+)>"));
    for (auto it = link.globalMatch(unsubscribe); it.hasNext();)
        links.append(it.next().captured(1).trimmed());
    QJsonArray attachments;
    for (const Mime::Part &part : message.attachments())
        attachments.append(attachmentJson(message, part));
    QJsonArray inlines;
    for (const Mime::Part &part : inlineParts(message))
        inlines.append(attachmentJson(message, part));
    const QDateTime date = message.date().isValid() ? message.date() : info.received;
    return QJsonObject {
        {QStringLiteral("ID"), id(info.id)},
        {QStringLiteral("MessageID"), facts.messageId},
        {QStringLiteral("From"), address(facts.from)},
        {QStringLiteral("To"), addresses(facts.to)},
        {QStringLiteral("Cc"), addresses(facts.cc)},
        {QStringLiteral("Bcc"), addresses(facts.bcc)},
        {QStringLiteral("ReplyTo"), addresses(facts.replyTo)},
        {QStringLiteral("ReturnPath"), returnPath},
        {QStringLiteral("Subject"), message.subject().isNull() ? info.subject : message.subject()},
        {QStringLiteral("ListUnsubscribe"),
            QJsonObject {
                {QStringLiteral("Header"), unsubscribe},
                {QStringLiteral("Links"), links},
                {QStringLiteral("Errors"), QString()},
                {QStringLiteral("HeaderPost"), message.header("List-Unsubscribe-Post")},
            }},
        {QStringLiteral("Date"), timestamp(date)},
        {QStringLiteral("Tags"), QJsonArray()},
        {QStringLiteral("Username"), QString::fromUtf8(info.envelope.authUser)},
        {QStringLiteral("Text"), message.text().value_or(QString())},
        {QStringLiteral("HTML"), message.html().value_or(QString())},
        {QStringLiteral("Size"), info.size},
        {QStringLiteral("Inline"), inlines},
        {QStringLiteral("Attachments"), attachments},
    };
}

QJsonObject MessageFacts::headersJson(const Mime::ParsedMessage &message)
{
    QJsonObject result;
    for (const auto &[name, value] : message.rawHeaders()) {
        const QString key = canonicalHeaderName(name);
        QJsonArray values = result.value(key).toArray();
        values.append(unfold(value));
        result.insert(key, values);
    }
    return result;
}

} // namespace MailSink::Api
