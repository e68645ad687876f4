#include "ParsedMessage.h"

#include "ParsedMessageData.h"

#include <QUrl>

namespace MailSink::Mime {

namespace {

const std::shared_ptr<const ParsedMessageData> &emptyData()
{
    static const std::shared_ptr<const ParsedMessageData> empty = std::make_shared<ParsedMessageData>();
    return empty;
}

} // namespace

ParsedMessage::ParsedMessage()
    : d(emptyData())
{ }

ParsedMessage::ParsedMessage(std::shared_ptr<const ParsedMessageData> data)
    : d(data ? std::move(data) : emptyData())
{ }

QString ParsedMessage::subject() const
{
    return d->subject;
}
QList<Address> ParsedMessage::from() const
{
    return d->from;
}
QList<Address> ParsedMessage::sender() const
{
    return d->sender;
}
QList<Address> ParsedMessage::replyTo() const
{
    return d->replyTo;
}
QList<Address> ParsedMessage::to() const
{
    return d->to;
}
QList<Address> ParsedMessage::cc() const
{
    return d->cc;
}
QList<Address> ParsedMessage::bcc() const
{
    return d->bcc;
}
QDateTime ParsedMessage::date() const
{
    return d->date;
}
QString ParsedMessage::messageId() const
{
    return d->messageId;
}
QList<std::pair<QString, QString>> ParsedMessage::headers() const
{
    return d->headers;
}
QList<std::pair<QByteArray, QByteArray>> ParsedMessage::rawHeaders() const
{
    return d->rawHeaders;
}
std::optional<QString> ParsedMessage::text() const
{
    return d->text;
}
std::optional<QString> ParsedMessage::html() const
{
    return d->html;
}
QStringList ParsedMessage::textParts() const
{
    return d->textParts;
}
QStringList ParsedMessage::htmlParts() const
{
    return d->htmlParts;
}
QList<Part> ParsedMessage::tree() const
{
    return d->tree;
}
QStringList ParsedMessage::warnings() const
{
    return d->warnings;
}
QByteArray ParsedMessage::raw() const
{
    return d->raw;
}
qint64 ParsedMessage::size() const
{
    return d->raw.size();
}

QString ParsedMessage::header(QByteArrayView name) const
{
    const QString wanted = QString::fromLatin1(name);
    for (const auto &[key, value] : d->headers) {
        if (key.compare(wanted, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<Part> ParsedMessage::parts() const
{
    QList<Part> leaves;
    for (const Part &part : d->tree) {
        if (!part.isContainer)
            leaves.append(part);
    }
    return leaves;
}

QList<Part> ParsedMessage::attachments() const
{
    QList<Part> list;
    for (const Part &part : d->tree) {
        if (part.isAttachment)
            list.append(part);
    }
    return list;
}

QByteArray ParsedMessage::partContent(const QString &path) const
{
    for (qsizetype i = 0; i < d->tree.size(); ++i) {
        const Part &part = d->tree[i];
        if (part.isContainer || part.path != path)
            continue;
        const ParsedMessageData::Location &location = d->locations[i];
        return decodeTransfer(
            QByteArrayView(d->raw).sliced(location.begin, location.end - location.begin), location.encoding);
    }
    return {};
}

QByteArray ParsedMessage::partEncodedContent(const QString &path) const
{
    for (qsizetype i = 0; i < d->tree.size(); ++i) {
        const Part &part = d->tree[i];
        if (part.isContainer || part.path != path)
            continue;
        const ParsedMessageData::Location &location = d->locations[i];
        return d->raw.sliced(location.begin, location.end - location.begin);
    }
    return {};
}

QByteArray ParsedMessage::partHeaderBlock(const QString &path) const
{
    for (qsizetype i = 0; i < d->tree.size(); ++i) {
        if (d->tree[i].path != path)
            continue;
        const ParsedMessageData::Location &location = d->locations[i];
        return d->raw.sliced(location.headerBegin, location.headerEnd - location.headerBegin);
    }
    return {};
}

std::optional<Part> ParsedMessage::partByContentId(const QString &cid) const
{
    QString wanted = cid.trimmed();
    if (wanted.startsWith(QStringLiteral("cid:"), Qt::CaseInsensitive))
        wanted = QUrl::fromPercentEncoding(wanted.mid(4).toUtf8()); // RFC 2392 URLs are %-encoded
    if (wanted.startsWith(u'<') && wanted.endsWith(u'>'))
        wanted = wanted.mid(1, wanted.size() - 2);
    if (wanted.isEmpty())
        return std::nullopt;
    for (const Part &part : d->tree) {
        if (!part.isContainer && part.contentId == wanted)
            return part;
    }
    for (const Part &part : d->tree) {
        if (!part.isContainer && part.contentId.compare(wanted, Qt::CaseInsensitive) == 0)
            return part;
    }
    return std::nullopt;
}

} // namespace MailSink::Mime
