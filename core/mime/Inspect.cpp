// inspectJson() and inspectText(): what `mailsink inspect` prints (DESIGN.md, "mailsink inspect --json").

#include "ParsedMessage.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace MailSink::Mime {

namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray addressesJson(const QList<Address> &addresses)
{
    QJsonArray array;
    for (const Address &address : addresses)
        array.append(QJsonObject {{QStringLiteral("name"), stringOrNull(address.name)},
            {QStringLiteral("address"), address.address}});
    return array;
}

QJsonObject partJson(const Part &part)
{
    QJsonValue disposition(QJsonValue::Null);
    if (part.disposition == u"inline" || part.disposition == u"attachment")
        disposition = part.disposition;
    else if (!part.disposition.isEmpty())
        disposition = QStringLiteral("attachment"); // RFC 2183 section 2.8: unknown means attachment
    return QJsonObject {
        {QStringLiteral("path"), part.path},
        {QStringLiteral("content_type"), part.contentType},
        {QStringLiteral("charset"), stringOrNull(part.charset)},
        {QStringLiteral("filename"), stringOrNull(part.filename)},
        {QStringLiteral("disposition"), disposition},
        {QStringLiteral("content_id"), stringOrNull(part.contentId)},
        {QStringLiteral("size"), double(part.size)},
        {QStringLiteral("sha256"), QString::fromLatin1(part.sha256Hex)},
    };
}

QString humanSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString preview(const QString &text, int maxLines, int maxChars)
{
    QString out = text.left(maxChars);
    QStringList lines = out.split(u'\n');
    bool cut = out.size() < text.size();
    if (lines.size() > maxLines) {
        lines = lines.mid(0, maxLines);
        cut = true;
    }
    while (!lines.isEmpty() && lines.back().trimmed().isEmpty())
        lines.removeLast();
    out = QStringLiteral("  ") + lines.join(QStringLiteral("\n  "));
    if (cut)
        out += QStringLiteral("\n  [...]");
    return out;
}

QString htmlToPreviewText(QString html)
{
    // Enough to preview: drop style/script blocks and tags, collapse white space.
    static const QRegularExpression blocks(QStringLiteral("<(style|script|head)\\b.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(
        QStringLiteral("<(br|p|div|tr|li|h[1-6])\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    html.remove(blocks);
    html.replace(breaks, QStringLiteral("\n"));
    html.remove(tags);
    html.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    html.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    html.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    html.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    html.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    QStringList lines;
    for (const QString &line : html.split(u'\n')) {
        const QString simple = line.simplified();
        if (!simple.isEmpty())
            lines.append(simple);
    }
    return lines.join(u'\n');
}

} // namespace

QJsonObject inspectJson(const ParsedMessage &message)
{
    QJsonArray headers;
    for (const auto &[name, value] : message.headers())
        headers.append(QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    QJsonArray parts;
    for (const Part &part : message.parts())
        parts.append(partJson(part));
    QJsonArray attachments;
    for (const Part &part : message.attachments())
        attachments.append(partJson(part));
    const std::optional<QString> text = message.text();
    const std::optional<QString> html = message.html();
    const QDateTime date = message.date();
    return QJsonObject {
        {QStringLiteral("subject"),
            message.subject().isNull() ? QJsonValue(QJsonValue::Null) : message.subject()},
        {QStringLiteral("from"), addressesJson(message.from())},
        {QStringLiteral("sender"), addressesJson(message.sender())},
        {QStringLiteral("reply_to"), addressesJson(message.replyTo())},
        {QStringLiteral("to"), addressesJson(message.to())},
        {QStringLiteral("cc"), addressesJson(message.cc())},
        {QStringLiteral("bcc"), addressesJson(message.bcc())},
        {QStringLiteral("date"),
            date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("message_id"), stringOrNull(message.messageId())},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("text"), text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("html"), html ? QJsonValue(*html) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("text_parts"), QJsonArray::fromStringList(message.textParts())},
        {QStringLiteral("html_parts"), QJsonArray::fromStringList(message.htmlParts())},
        {QStringLiteral("parts"), parts},
        {QStringLiteral("attachments"), attachments},
        {QStringLiteral("size"), double(message.size())},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(message.warnings())},
    };
}

QString inspectText(const ParsedMessage &message)
{
    QString out;
    auto line = [&out](const QString &name, const QString &value) {
        if (!value.isEmpty())
            out += name + QStringLiteral(": ") + value + u'\n';
    };
    line(QStringLiteral("Subject"), message.subject());
    line(QStringLiteral("From"), formatAddresses(message.from()));
    line(QStringLiteral("Sender"), formatAddresses(message.sender()));
    line(QStringLiteral("Reply-To"), formatAddresses(message.replyTo()));
    line(QStringLiteral("To"), formatAddresses(message.to()));
    line(QStringLiteral("Cc"), formatAddresses(message.cc()));
    line(QStringLiteral("Bcc"), formatAddresses(message.bcc()));
    if (message.date().isValid())
        line(QStringLiteral("Date"), message.date().toString(Qt::ISODate));
    line(QStringLiteral("Message-ID"), message.messageId());
    line(QStringLiteral("Size"), QStringLiteral("%1 bytes").arg(message.size()));

    const QStringList warnings = message.warnings();
    if (!warnings.isEmpty()) {
        out += QStringLiteral("\nWarnings:\n");
        for (const QString &warning : warnings)
            out += QStringLiteral("  ! ") + warning + u'\n';
    }

    if (const auto text = message.text()) {
        out += QStringLiteral("\nText:\n") + preview(*text, 20, 2000) + u'\n';
    } else if (const auto html = message.html()) {
        out += QStringLiteral("\nText (from the HTML part):\n") + preview(htmlToPreviewText(*html), 20, 2000)
            + u'\n';
    }

    out += QStringLiteral("\nParts:\n");
    const QList<Part> tree = message.tree();
    // Whether each node is the last child of its parent, from the depths of the pre-order list.
    QList<bool> isLast(tree.size(), true);
    {
        QList<qsizetype> open; // the latest node seen at each depth
        for (qsizetype i = 0; i < tree.size(); ++i) {
            const int depth = qMax(0, tree[i].depth);
            if (open.size() > depth) {
                if (open[depth] >= 0)
                    isLast[open[depth]] = false; // a later sibling follows it
                open.resize(depth);
            }
            while (open.size() < depth)
                open.append(-1);
            open.append(i);
        }
    }
    QList<bool> lastAtDepth;
    for (qsizetype i = 0; i < tree.size(); ++i) {
        const Part &part = tree[i];
        const int depth = qMax(0, part.depth);
        lastAtDepth.resize(depth + 1);
        lastAtDepth[depth] = isLast[i];
        QString prefix;
        for (int level = 1; level < depth; ++level)
            prefix += lastAtDepth[level] ? QStringLiteral("   ") : QStringLiteral("│  ");
        if (depth > 0)
            prefix += isLast[i] ? QStringLiteral("└─ ") : QStringLiteral("├─ ");
        QString entry = prefix + (part.path.isEmpty() ? QString() : part.path + u' ') + part.contentType;
        if (!part.isContainer) {
            if (!part.charset.isEmpty())
                entry += QStringLiteral("; charset=") + part.charset;
            entry += QStringLiteral("  ") + humanSize(part.size);
            if (!part.filename.isEmpty())
                entry += QStringLiteral("  \"") + part.filename + u'"';
            if (!part.contentId.isEmpty())
                entry += QStringLiteral("  cid:") + part.contentId;
            if (part.isBody && part.isAttachment)
                entry += QStringLiteral("  [body, attachment]");
            else if (part.isBody)
                entry += QStringLiteral("  [body]");
            else if (part.isAttachment)
                entry += QStringLiteral("  [attachment]");
            else
                entry += QStringLiteral("  [inline]");
        }
        out += QStringLiteral("  ") + entry + u'\n';
    }
    return out;
}

} // namespace MailSink::Mime
