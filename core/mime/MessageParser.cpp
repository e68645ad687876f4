// parseMessage() and parseFile(): turn a MimeTree (from the mimetic adapter) into a ParsedMessage.

#include "Address.h"
#include "DateParsing.h"
#include "HeaderBlock.h"
#include "HeaderParameters.h"
#include "MimeTree.h"
#include "MimeticAdapter.h"
#include "ParsedMessage.h"
#include "ParsedMessageData.h"

#include <QCryptographicHash>
#include <QFile>

#include <cctype>

#ifdef MAILSINK_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

namespace MailSink::Mime {

namespace {

struct NodeFacts
{
    HeaderBlock header;
    HeaderParameters type;
    HeaderParameters disposition;
    QString declaredType; // what Content-Type said, before defaults and fix-ups
};

QString lower(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes).toLower();
}

QString stripAngles(QString text)
{
    text = text.trimmed();
    if (text.startsWith(u'<'))
        text.remove(0, 1);
    if (text.endsWith(u'>'))
        text.chop(1);
    return text.trimmed();
}

QByteArray sha256Hex(QByteArrayView data)
{
#ifdef MAILSINK_HAVE_OPENSSL
    // Several times faster than QCryptographicHash on large attachments (SHA extensions).
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), std::size_t(data.size()), digest, &length, EVP_sha256(), nullptr) == 1)
        return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
#endif
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// <meta charset="x"> or <meta http-equiv=... content="text/html; charset=x"> near the start of an HTML
// part that declares no charset in its Content-Type (HTML 5 section 4.2.5.5 prescans 1024 bytes).
QByteArray sniffHtmlCharset(QByteArrayView html)
{
    const QByteArray head = html.first(qMin<qsizetype>(html.size(), 2048)).toByteArray().toLower();
    qsizetype at = head.indexOf("charset");
    while (at >= 0) {
        qsizetype i = at + 7;
        while (i < head.size() && (head[i] == ' ' || head[i] == '\t'))
            ++i;
        if (i < head.size() && head[i] == '=') {
            ++i;
            while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\''))
                ++i;
            const qsizetype start = i;
            while (i < head.size()
                && (std::isalnum(uchar(head[i])) || head[i] == '-' || head[i] == '_' || head[i] == '.'
                    || head[i] == ':'))
                ++i;
            if (i > start)
                return head.mid(start, i - start);
        }
        at = head.indexOf("charset", at + 7);
    }
    return {};
}

QString toUnixLineEnds(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    return text;
}

class MessageBuilder
{
public:
    MessageBuilder(ParsedMessageData *data, const MimeTree &tree)
        : m_data(data)
        , m_tree(tree)
        , m_raw(data->raw)
    { }

    void build()
    {
        m_data->warnings += m_tree.warnings;
        m_facts.resize(m_tree.nodes.size());
        m_childCount.resize(m_tree.nodes.size());
        m_data->tree.resize(m_tree.nodes.size());
        m_data->locations.resize(m_tree.nodes.size());
        for (int i = 0; i < int(m_tree.nodes.size()); ++i)
            describe(i);
        readTopLevel();
        chooseBodies();
        for (int i = 0; i < int(m_tree.nodes.size()); ++i)
            classify(i);
    }

private:
    QString label(int i) const
    {
        const QString &path = m_data->tree[i].path;
        return path.isEmpty() ? QStringLiteral("the message") : QStringLiteral("part ") + path;
    }

    void warn(int i, const QString &text) { m_data->warnings.append(label(i) + QStringLiteral(": ") + text); }

    void describe(int i)
    {
        const MimeNode &node = m_tree.nodes[i];
        NodeFacts &facts = m_facts[i];
        Part &part = m_data->tree[i];
        facts.header = HeaderBlock::parse(m_raw.sliced(node.headerBegin, node.bodyBegin - node.headerBegin));
        part.depth = node.depth;
        part.isContainer = node.container;

        // IMAP numbering: the top-level multipart has no number of its own; a single part is "1".
        if (node.parent < 0) {
            part.path = node.container ? QString() : QStringLiteral("1");
        } else {
            const Part &parent = m_data->tree[node.parent];
            const int index = ++m_childCount[node.parent];
            part.path = parent.path.isEmpty() ? QString::number(index)
                                              : parent.path + u'.' + QString::number(index);
        }

        const bool inDigest
            = node.parent >= 0 && m_data->tree[node.parent].contentType == u"multipart/digest";
        const QByteArray typeField = facts.header.value("content-type");
        facts.type = HeaderParameters::parse(typeField);
        QString type = lower(facts.type.value());
        facts.declaredType = type;
        if (type.isEmpty() || !type.contains(u'/') || type.startsWith(u'/') || type.endsWith(u'/')) {
            if (!typeField.isNull())
                warn(i,
                    QStringLiteral("unreadable Content-Type \"%1\"; taken as the default")
                        .arg(utf8OrLatin1(typeField.left(100))));
            // RFC 2045 section 5.2; RFC 2046 section 5.1.5 for digests.
            type = inDigest ? QStringLiteral("message/rfc822") : QStringLiteral("text/plain");
            facts.type = HeaderParameters::parse(type.toLatin1());
        }
        part.contentType = type;

        if (!node.container && type.startsWith(u"multipart/")) {
            if (node.tooDeep) {
                warn(i,
                    QStringLiteral("multipart nested deeper than the %1 levels we parse; kept unparsed")
                        .arg(MimeLimits().maxDepth));
            } else {
                const QString boundary = facts.type.parameter("boundary");
                warn(i,
                    boundary.isNull()
                        ? QStringLiteral("%1 without a boundary parameter; shown as plain text").arg(type)
                        : QStringLiteral(
                            "%1 without any part marked by its boundary \"%2\"; shown as plain text")
                              .arg(type, boundary));
                part.contentType = QStringLiteral("text/plain");
                facts.type = HeaderParameters::parse(QByteArray("text/plain"));
            }
        }
        if (node.container && !facts.type.hasParameter("boundary"))
            warn(i, QStringLiteral("%1 without a boundary parameter").arg(type));
        if (node.container) {
            const QByteArray boundary = facts.type.rawParameter("boundary");
            for (int up = node.parent; up >= 0 && !boundary.isEmpty(); up = m_tree.nodes[up].parent) {
                if (m_tree.nodes[up].container && m_facts[up].type.rawParameter("boundary") == boundary) {
                    warn(i,
                        QStringLiteral("%1 reuses the boundary of an enclosing multipart (RFC 2046 section "
                                       "5.1.1 forbids it); its parts were recovered as nested parts")
                            .arg(type));
                    break;
                }
            }
        }
        if (node.container && !node.closed && !node.closedImplicitly)
            warn(i, QStringLiteral("the closing boundary is missing"));
        if (node.container && node.closedImplicitly)
            warn(i, QStringLiteral("the closing boundary is missing; an outer boundary ends it"));

        const QString charset = facts.type.parameter("charset");
        if (!charset.isEmpty())
            part.charset = charset.trimmed().toLower();
        else if (part.contentType.startsWith(u"text/"))
            part.charset = QStringLiteral("us-ascii");

        facts.disposition = HeaderParameters::parse(facts.header.value("content-disposition"));
        part.disposition = lower(facts.disposition.value());
        part.filename = facts.disposition.parameter("filename");
        if (part.filename.isEmpty())
            part.filename = facts.type.parameter("name");
        part.filename = part.filename.trimmed();
        part.contentId = stripAngles(decodeHeader(facts.header.value("content-id")));
        part.contentLocation = decodeHeader(facts.header.value("content-location"));
        part.description = decodeHeader(facts.header.value("content-description"));
        part.transferEncoding = lower(facts.header.value("content-transfer-encoding").trimmed());
        if (node.parent >= 0) {
            for (const HeaderBlock::Field &field : facts.header.fields())
                part.headers.append({QString::fromLatin1(field.name), decodeHeader(field.value)});
        }

        ParsedMessageData::Location &location = m_data->locations[i];
        location.headerBegin = node.headerBegin;
        location.headerEnd = node.bodyBegin;
        if (node.container)
            return;
        location.begin = node.bodyBegin;
        location.end = node.bodyEnd;
        location.encoding = transferEncodingFromName(part.transferEncoding.toLatin1());
        if (location.encoding == TransferEncoding::Unknown)
            warn(i,
                QStringLiteral("unknown Content-Transfer-Encoding \"%1\"; content kept as it is")
                    .arg(part.transferEncoding));
        if (type.startsWith(u"multipart/") || type == u"message/rfc822") {
            if (location.encoding == TransferEncoding::Base64
                || location.encoding == TransferEncoding::QuotedPrintable
                || location.encoding == TransferEncoding::Uuencode)
                warn(i,
                    QStringLiteral("%1 must not be %2-encoded (RFC 2045 section 6.4); decoded anyway")
                        .arg(type, part.transferEncoding));
        }
        bool clean = true;
        const QByteArray content = decodeTransfer(
            m_raw.sliced(location.begin, location.end - location.begin), location.encoding, &clean);
        if (!clean) {
            warn(i,
                location.encoding == TransferEncoding::Base64 ? QStringLiteral(
                    "invalid base64 (stray characters or bad padding); decoded what was readable")
                    : location.encoding == TransferEncoding::Uuencode
                    ? QStringLiteral(
                        "invalid uuencode (no begin line or short lines); decoded what was readable")
                    : QStringLiteral("invalid quoted-printable escapes; kept them as they are"));
        }
        part.size = content.size();
        part.sha256Hex = sha256Hex(content);
    }

    void readTopLevel()
    {
        const HeaderBlock &header = m_facts[0].header;
        QList<QByteArray> dates;
        for (const HeaderBlock::Field &field : header.fields()) {
            m_data->rawHeaders.append({field.name, field.value});
            m_data->headers.append({QString::fromLatin1(field.name), decodeHeader(field.value)});
            const QByteArray name = field.name.toLower();
            if (name == "subject" && m_data->subject.isNull())
                m_data->subject = decodeHeader(field.value);
            else if (name == "from")
                m_data->from += parseAddressList(field.value);
            else if (name == "sender")
                m_data->sender += parseAddressList(field.value);
            else if (name == "reply-to")
                m_data->replyTo += parseAddressList(field.value);
            else if (name == "to")
                m_data->to += parseAddressList(field.value);
            else if (name == "cc")
                m_data->cc += parseAddressList(field.value);
            else if (name == "bcc")
                m_data->bcc += parseAddressList(field.value);
            else if (name == "date")
                dates.append(field.value);
            else if (name == "message-id" && m_data->messageId.isNull())
                m_data->messageId = stripAngles(decodeHeader(field.value));
        }
        if (!dates.isEmpty()) {
            m_data->date = parseDate(dates.front());
            if (!m_data->date.isValid())
                m_data->warnings.append(
                    QStringLiteral("unreadable Date \"%1\"").arg(utf8OrLatin1(dates.front().left(100))));
        }
    }

    struct Bodies
    {
        QList<int> text;
        QList<int> html;
    };

    bool isBodyCandidate(int i) const
    {
        const Part &part = m_data->tree[i];
        if (part.contentType != u"text/plain" && part.contentType != u"text/html")
            return false;
        // RFC 2183 section 2.1: "inline" means display it; the file name it may carry is only a suggestion
        // for saving it (section 2.3), and a Content-Type name= parameter alone is no disposition at all.
        // Unknown dispositions are treated as "attachment" (section 2.8).
        return part.disposition.isEmpty() || part.disposition == u"inline";
    }

    Bodies select(int i) const
    {
        const MimeNode &node = m_tree.nodes[i];
        const Part &part = m_data->tree[i];
        Bodies bodies;
        if (!node.container) {
            if (isBodyCandidate(i))
                (part.contentType == u"text/html" ? bodies.html : bodies.text).append(i);
            return bodies;
        }
        // multipart/digest only changes the default type of its parts to message/rfc822 (RFC 2046 section
        // 5.1.5, applied in describe()): an explicitly typed text/plain part of a digest is text like any
        // other.
        if (part.contentType == u"multipart/alternative") {
            // RFC 2046 section 5.1.4: the last alternative is the preferred one.
            for (const int child : node.children) {
                const Bodies sub = select(child);
                if (!sub.text.isEmpty())
                    bodies.text = sub.text;
                if (!sub.html.isEmpty())
                    bodies.html = sub.html;
            }
            return bodies;
        }
        if (part.contentType == u"multipart/related" && !node.children.isEmpty()) {
            // RFC 2387: the root is named by "start", else it is the first part.
            const QString start = stripAngles(m_facts[i].type.parameter("start"));
            int root = node.children.front();
            if (!start.isEmpty()) {
                for (const int child : node.children) {
                    if (m_data->tree[child].contentId == start)
                        root = child;
                }
            }
            return select(root);
        }
        for (const int child : node.children) {
            const Bodies sub = select(child);
            bodies.text += sub.text;
            bodies.html += sub.html;
        }
        return bodies;
    }

    QString bodyText(int i)
    {
        const Part &part = m_data->tree[i];
        const ParsedMessageData::Location &location = m_data->locations[i];
        const QByteArray content
            = decodeTransfer(m_raw.sliced(location.begin, location.end - location.begin), location.encoding);
        QByteArray charset = part.charset.toLatin1();
        if (part.contentType == u"text/html" && m_facts[i].type.parameter("charset").isEmpty()) {
            const QByteArray sniffed = sniffHtmlCharset(content);
            if (!sniffed.isEmpty())
                charset = sniffed;
        }
        bool known = true;
        QString text = decodeCharset(content, charset, &known);
        if (!known)
            warn(i,
                QStringLiteral("unknown charset \"%1\"; shown as UTF-8 or Latin-1")
                    .arg(QString::fromLatin1(charset)));
        text = toUnixLineEnds(text);
        if (part.contentType == u"text/plain"
            && m_facts[i].type.parameter("format").compare(u"flowed", Qt::CaseInsensitive) == 0) {
            const bool delSp = m_facts[i].type.parameter("delsp").compare(u"yes", Qt::CaseInsensitive) == 0;
            text = unwrapFlowed(text, delSp);
        }
        return text;
    }

    std::optional<QString> join(const QList<int> &nodes, QStringList *paths)
    {
        if (nodes.isEmpty())
            return std::nullopt;
        QString out;
        for (const int i : nodes) {
            m_data->tree[i].isBody = true;
            paths->append(m_data->tree[i].path);
            const QString text = bodyText(i);
            if (!out.isEmpty() && !out.endsWith(u'\n'))
                out += u'\n';
            out += text;
        }
        return out;
    }

    void chooseBodies()
    {
        const Bodies bodies = select(0);
        m_data->text = join(bodies.text, &m_data->textParts);
        m_data->html = join(bodies.html, &m_data->htmlParts);
    }

    void classify(int i)
    {
        Part &part = m_data->tree[i];
        // A body part that carries a file name is shown as text and offered as that file too (as Thunderbird
        // lists an inline text part with a name among the attachments).
        if (part.isContainer || (part.isBody && part.filename.isEmpty()))
            return;
        const MimeNode &node = m_tree.nodes[i];
        const bool inRelated
            = node.parent >= 0 && m_data->tree[node.parent].contentType == u"multipart/related";
        const bool inlineResource = inRelated && part.disposition != u"attachment"
            && (!part.contentId.isEmpty() || !part.contentLocation.isEmpty());
        part.isAttachment = !inlineResource;
    }

    ParsedMessageData *m_data;
    const MimeTree &m_tree;
    QByteArrayView m_raw;
    QList<NodeFacts> m_facts;
    QList<int> m_childCount; // children numbered so far, per node
};

MimeTree flatTree(QByteArrayView raw)
{
    MimeTree tree;
    MimeNode node;
    node.bodyBegin = HeaderBlock::parse(raw).bodyOffset();
    node.bodyEnd = raw.size();
    tree.nodes.append(node);
    return tree;
}

} // namespace

ParsedMessage parseMessage(const QByteArray &raw)
{
    auto data = std::make_shared<ParsedMessageData>();
    data->raw = raw;
    MimeTree tree;
    if (!MimeticAdapter::parse(raw, MimeLimits(), &tree) || tree.nodes.isEmpty()) {
        const QStringList why = tree.warnings;
        tree = flatTree(raw);
        tree.warnings = why;
        tree.warnings.append(
            QStringLiteral("the structure could not be parsed; the body is shown as one part"));
    }
    MessageBuilder(data.get(), tree).build();
    return ParsedMessage(std::move(data));
}

ParsedMessage parseFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return ParsedMessage();
    }
    QByteArray raw = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return ParsedMessage();
    }
    // An mbox "From " separator line (RFC 4155) is not part of the message.
    if (raw.startsWith("From ")) {
        const qsizetype eol = raw.indexOf('\n');
        raw.remove(0, eol < 0 ? raw.size() : eol + 1);
    }
    if (error)
        error->clear();
    return parseMessage(raw);
}

} // namespace MailSink::Mime
