#include "MessageBuilder.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QUrl>

namespace MailSink::Client {

namespace {

constexpr qsizetype FoldColumn = 78; // RFC 5322 2.1.1 "SHOULD"
constexpr qsizetype EncodedWordBytes = 39; // base64 of 39 octets: a 64-character encoded word
constexpr qsizetype EncodedWordQ = 50; // Q payload characters per encoded word
constexpr qsizetype ParameterSegment = 60;

const char Hex[] = "0123456789ABCDEF";

bool isAsciiText(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x7f || (c.unicode() < 0x20 && c != u'\t'))
            return false;
    }
    return true;
}

bool isAtext(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr;
}

bool isTokenChar(char c) // RFC 2045 5.1
{
    return c > 0x20 && c < 0x7f && std::strchr("()<>@,;:\\\"/[]?=", c) == nullptr;
}

bool isAttributeChar(char c) // RFC 2231 7
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || std::strchr("!#$&+-.^_`|~", c) != nullptr;
}

bool isQSafe(char c) // RFC 2047 5(3): the most restrictive set, valid in every context
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || std::strchr("!*+-/", c) != nullptr;
}

void appendHex(QByteArray &out, char prefix, unsigned char c)
{
    out += prefix;
    out += Hex[c >> 4];
    out += Hex[c & 15];
}

// Splits text into pieces of whole code points whose cost (per piece) stays within `limit`.
template<typename Cost>
QList<QByteArray> splitUtf8(const QString &text, qsizetype limit, Cost cost)
{
    QList<QByteArray> pieces;
    QByteArray current;
    qsizetype currentCost = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            length = 2;
        const QByteArray bytes = text.mid(i, length).toUtf8();
        i += length - 1;
        const qsizetype c = cost(bytes);
        if (!current.isEmpty() && currentCost + c > limit) {
            pieces.append(current);
            current.clear();
            currentCost = 0;
        }
        current += bytes;
        currentCost += c;
    }
    if (!current.isEmpty())
        pieces.append(current);
    return pieces;
}

qsizetype qCost(const QByteArray &bytes)
{
    qsizetype cost = 0;
    for (char c : bytes)
        cost += (isQSafe(c) || c == ' ') ? 1 : 3;
    return cost;
}

// RFC 2047 encoded words for text, separated by single spaces (which decoders drop, 6.2).
QByteArray encodedWords(const QString &text)
{
    QByteArray b;
    for (const QByteArray &piece :
        splitUtf8(text, EncodedWordBytes, [](const QByteArray &bytes) { return bytes.size(); })) {
        if (!b.isEmpty())
            b += ' ';
        b += "=?UTF-8?B?" + piece.toBase64() + "?=";
    }
    QByteArray q;
    for (const QByteArray &piece : splitUtf8(text, EncodedWordQ, qCost)) {
        if (!q.isEmpty())
            q += ' ';
        q += "=?UTF-8?Q?";
        for (char c : piece) {
            if (c == ' ')
                q += '_';
            else if (isQSafe(c))
                q += c;
            else
                appendHex(q, '=', static_cast<unsigned char>(c));
        }
        q += "?=";
    }
    return q.size() <= b.size() ? q : b;
}

QByteArray canonicalLineEnds(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(u'\r', u'\n');
    QByteArray utf8 = normalized.toUtf8();
    utf8.replace("\n", "\r\n");
    return utf8;
}

// 7-bit data in CRLF lines of at most 998 octets (RFC 2045 2.7) needs no transfer encoding.
bool isSevenBitClean(QByteArrayView data)
{
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == 0 || c >= 0x80)
            return false;
        if (c == '\n' && (i == 0 || data[i - 1] != '\r'))
            return false;
        if (c == '\r') {
            if (i + 1 >= data.size() || data[i + 1] != '\n')
                return false;
            if (i - lineStart > 998)
                return false;
            lineStart = i + 2;
        }
    }
    return data.size() - lineStart <= 998;
}

struct Entity
{
    QList<QByteArray> fields; // unfolded "Name: value"
    QByteArray body;
    QByteArray multipart; // subtype when this is a multipart
    QByteArray typeParameters;
    QList<Entity> children;
};

void setBody(Entity &entity, const QByteArray &data, bool textual)
{
    // Text may go as it is or in quoted-printable; anything else in base64 (RFC 2045 6).
    if (textual && isSevenBitClean(data)) {
        entity.fields.append("Content-Transfer-Encoding: 7bit");
        entity.body = data;
        return;
    }
    QByteArray qp = textual ? MessageBuilder::quotedPrintable(data) : QByteArray();
    QByteArray b64 = MessageBuilder::base64(data);
    if (textual && qp.size() <= b64.size()) {
        entity.fields.append("Content-Transfer-Encoding: quoted-printable");
        entity.body = std::move(qp);
    } else {
        entity.fields.append("Content-Transfer-Encoding: base64");
        entity.body = std::move(b64);
    }
}

Entity textEntity(const QByteArray &subtype, const QString &text)
{
    Entity entity;
    const QByteArray data = canonicalLineEnds(text);
    const bool ascii = isAsciiText(text.simplified());
    entity.fields.append("Content-Type: text/" + subtype + "; charset=" + (ascii ? "us-ascii" : "utf-8"));
    setBody(entity, data, true);
    return entity;
}

QByteArray randomHex(QRandomGenerator &random, int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(random.bounded(256));
    return raw.toHex();
}

QByteArray renderFields(const QList<QByteArray> &fields)
{
    QByteArray out;
    for (const QByteArray &field : fields)
        out += MessageBuilder::fold(field) + "\r\n";
    return out;
}

// Fills `fields` with the entity's own header fields and returns its body.
QByteArray render(const Entity &entity, QRandomGenerator &random, QList<QByteArray> &fields)
{
    fields = entity.fields;
    if (entity.multipart.isEmpty())
        return entity.body;
    QList<QByteArray> children;
    for (const Entity &child : entity.children) {
        QList<QByteArray> childFields;
        const QByteArray body = render(child, random, childFields);
        children.append(renderFields(childFields) + "\r\n" + body);
    }
    // "=_" cannot occur in base64 or quoted-printable output; a 7bit part is checked (RFC 2046 5.1.1).
    QByteArray boundary;
    for (;;) {
        boundary = "=_mailsink_" + randomHex(random, 12);
        bool clash = false;
        for (const QByteArray &child : std::as_const(children))
            clash = clash || child.contains(boundary);
        if (!clash)
            break;
    }
    fields.prepend("Content-Type: multipart/" + entity.multipart + "; boundary=\"" + boundary + '"'
        + entity.typeParameters);
    QByteArray body;
    for (const QByteArray &child : std::as_const(children))
        body += "--" + boundary + "\r\n" + child + "\r\n";
    body += "--" + boundary + "--\r\n";
    return body;
}

} // namespace

void MessageBuilder::addAttachment(
    const QString &fileName, const QByteArray &contentType, const QByteArray &data)
{
    m_attachments.append({fileName,
        contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : contentType, data, {}});
}

QByteArray MessageBuilder::addInline(const QString &fileName, const QByteArray &contentType,
    const QByteArray &data, const QByteArray &contentId)
{
    QByteArray id = contentId;
    if (id.isEmpty()) {
        QRandomGenerator random(
            m_seed.value_or(QRandomGenerator::system()->generate()) + quint32(m_inline.size()) + 1);
        id = "part" + QByteArray::number(m_inline.size() + 1) + '.' + randomHex(random, 8) + "@mailsink";
    }
    m_inline.append({fileName,
        contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : contentType, data, id});
    return id;
}

void MessageBuilder::addHeader(const QByteArray &name, const QString &value)
{
    m_headers.append({name, value});
}

QByteArray MessageBuilder::encodeUnstructured(const QString &text)
{
    // Plain ASCII stays readable; "=?" would be mistaken for an encoded word, so it is encoded too.
    if (isAsciiText(text) && !text.contains(QStringLiteral("=?")))
        return text.toLatin1();
    return encodedWords(text);
}

QByteArray MessageBuilder::encodePhrase(const QString &text)
{
    const QString name = text.simplified();
    if (name.isEmpty())
        return {};
    if (!isAsciiText(name))
        return encodedWords(name);
    const QByteArray ascii = name.toLatin1();
    bool atoms = !ascii.contains("=?");
    for (char c : ascii)
        atoms = atoms && (c == ' ' || isAtext(c));
    if (atoms)
        return ascii;
    QByteArray quoted = "\"";
    for (char c : ascii) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + '"';
}

QByteArray MessageBuilder::encodeAddress(const QString &address)
{
    const QString trimmed = address.trimmed();
    const qsizetype at = trimmed.lastIndexOf(u'@');
    if (at < 0)
        return trimmed.toUtf8();
    const QString domain = trimmed.mid(at + 1);
    QByteArray ace = isAsciiText(domain) ? domain.toLatin1() : QUrl::toAce(domain);
    if (ace.isEmpty())
        ace = domain.toUtf8();
    // A non-ASCII local part can only travel with SMTPUTF8 (RFC 6531); it is kept as UTF-8.
    return trimmed.left(at).toUtf8() + '@' + ace;
}

QByteArray MessageBuilder::encodeMailbox(const Mailbox &mailbox)
{
    const QByteArray address = encodeAddress(mailbox.address);
    const QByteArray phrase = encodePhrase(mailbox.name);
    return phrase.isEmpty() ? address : phrase + " <" + address + '>';
}

QByteArray MessageBuilder::encodeParameter(const QByteArray &name, const QString &value)
{
    if (isAsciiText(value)) {
        const QByteArray ascii = value.toLatin1();
        bool token = !ascii.isEmpty();
        for (char c : ascii)
            token = token && isTokenChar(c);
        auto quote = [](const QByteArray &text) -> QByteArray {
            QByteArray quoted = "\"";
            for (char c : text) {
                if (c == '"' || c == '\\')
                    quoted += '\\';
                quoted += c;
            }
            return quoted + '"';
        };
        if (token && name.size() + ascii.size() < FoldColumn - 2)
            return name + '=' + ascii;
        if (name.size() + ascii.size() < FoldColumn - 4)
            return name + '=' + quote(ascii);
        // RFC 2231 3: continuations name*0, name*1, ...
        QByteArray out;
        for (qsizetype i = 0, n = 0; i < ascii.size(); i += ParameterSegment, ++n) {
            if (!out.isEmpty())
                out += "; ";
            out += name + '*' + QByteArray::number(n) + '=' + quote(ascii.mid(i, ParameterSegment));
        }
        return out;
    }
    // RFC 2231 4: name*=charset'language'percent-encoded-octets, split at whole characters.
    auto cost = [](const QByteArray &bytes) {
        qsizetype c = 0;
        for (char b : bytes)
            c += isAttributeChar(b) ? 1 : 3;
        return c;
    };
    auto percent = [](const QByteArray &bytes) -> QByteArray {
        QByteArray out;
        for (char b : bytes) {
            if (isAttributeChar(b))
                out += b;
            else
                appendHex(out, '%', static_cast<unsigned char>(b));
        }
        return out;
    };
    const QByteArray whole = percent(value.toUtf8());
    if (name.size() + whole.size() + 10 < FoldColumn)
        return name + "*=utf-8''" + whole;
    QByteArray out;
    int n = 0;
    for (const QByteArray &piece : splitUtf8(value, ParameterSegment, cost)) {
        if (!out.isEmpty())
            out += "; ";
        out += name + '*' + QByteArray::number(n) + "*=" + (n == 0 ? "utf-8''" : "") + percent(piece);
        ++n;
    }
    return out;
}

QByteArray MessageBuilder::fold(const QByteArray &field)
{
    if (field.size() <= FoldColumn)
        return field;
    const qsizetype colon = field.indexOf(':');
    QByteArray out;
    qsizetype lineStart = 0;
    qsizetype lastSpace = -1;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char c = field.at(i);
        if ((c == ' ' || c == '\t') && i > lineStart && i > colon + 1)
            lastSpace = i;
        if (i - lineStart >= FoldColumn && lastSpace > lineStart) {
            // The break goes before the whitespace, which stays (RFC 5322 2.2.3).
            out += field.mid(lineStart, lastSpace - lineStart) + "\r\n";
            lineStart = lastSpace;
            lastSpace = -1;
        }
    }
    out += field.mid(lineStart);
    return out;
}

QByteArray MessageBuilder::quotedPrintable(QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size() * 11 / 10 + 16);
    qsizetype column = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
            out += "\r\n";
            column = 0;
            ++i;
            continue;
        }
        // Whitespace at the end of a line would be lost in transport (RFC 2045 6.7 (3)).
        const bool lineEnd
            = i + 1 == data.size() || (data[i + 1] == '\r' && i + 2 < data.size() && data[i + 2] == '\n');
        const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lineEnd);
        const qsizetype width = literal ? 1 : 3;
        if (column + width > 75) { // leaves room for the '=' of a soft break: 76 columns
            out += "=\r\n";
            column = 0;
        }
        if (literal)
            out += char(c);
        else
            appendHex(out, '=', c);
        column += width;
    }
    return out;
}

QByteArray MessageBuilder::base64(QByteArrayView data)
{
    const QByteArray encoded = data.toByteArray().toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 38 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

QByteArray MessageBuilder::formatDate(const QDateTime &date)
{
    const QLocale c = QLocale::c();
    const int offset = date.offsetFromUtc() / 60;
    const int absolute = std::abs(offset);
    QByteArray zone = offset < 0 ? "-" : "+";
    zone += QByteArray::number(absolute / 60).rightJustified(2, '0')
        + QByteArray::number(absolute % 60).rightJustified(2, '0');
    return c.toString(date, QStringLiteral("ddd, d MMM yyyy HH:mm:ss")).toLatin1() + ' ' + zone;
}

QByteArray MessageBuilder::envelopeSender() const
{
    return m_from.address.isEmpty() ? QByteArray() : encodeAddress(m_from.address);
}

QList<QByteArray> MessageBuilder::envelopeRecipients() const
{
    QList<QByteArray> recipients;
    for (const QList<Mailbox> *list : {&m_to, &m_cc, &m_bcc}) {
        for (const Mailbox &mailbox : *list) {
            const QByteArray address = encodeAddress(mailbox.address);
            if (!address.isEmpty() && !recipients.contains(address))
                recipients.append(address);
        }
    }
    return recipients;
}

QByteArray MessageBuilder::build() const
{
    QRandomGenerator random(m_seed.value_or(QRandomGenerator::system()->generate()));

    QList<QByteArray> fields;
    const QDateTime date = m_date.isValid() ? m_date : QDateTime::currentDateTime();
    fields.append("Date: " + formatDate(date));
    if (!m_from.address.isEmpty())
        fields.append("From: " + encodeMailbox(m_from));
    if (m_replyTo)
        fields.append("Reply-To: " + encodeMailbox(*m_replyTo));
    auto addressList = [](const QList<Mailbox> &list) -> QByteArray {
        QByteArray out;
        for (const Mailbox &mailbox : list) {
            if (!out.isEmpty())
                out += ", ";
            out += encodeMailbox(mailbox);
        }
        return out;
    };
    if (!m_to.isEmpty())
        fields.append("To: " + addressList(m_to));
    if (!m_cc.isEmpty())
        fields.append("Cc: " + addressList(m_cc));
    if (m_includeBcc && !m_bcc.isEmpty())
        fields.append("Bcc: " + addressList(m_bcc));
    fields.append("Subject: " + encodeUnstructured(m_subject));
    QByteArray messageId = m_messageId;
    if (messageId.isEmpty()) {
        const QByteArray from = envelopeSender();
        const qsizetype at = from.lastIndexOf('@');
        const QByteArray domain
            = at < 0 || at + 1 == from.size() ? QByteArrayLiteral("mailsink.localhost") : from.mid(at + 1);
        messageId
            = QByteArray::number(date.toMSecsSinceEpoch(), 36) + '.' + randomHex(random, 12) + '@' + domain;
    }
    fields.append("Message-ID: <" + messageId + '>');
    for (const auto &[name, value] : m_headers)
        fields.append(name + ": " + encodeUnstructured(value));
    fields.append("MIME-Version: 1.0");

    // The body: alternative inside related inside mixed, each only when needed (RFC 2046, 2387).
    Entity body;
    if (!m_text.isEmpty() && !m_html.isEmpty()) {
        body.multipart = "alternative";
        body.children = {textEntity("plain", m_text), textEntity("html", m_html)};
    } else if (!m_html.isEmpty()) {
        body = textEntity("html", m_html);
    } else if (!m_text.isEmpty() || (m_attachments.isEmpty() && m_inline.isEmpty())) {
        body = textEntity("plain", m_text);
    }
    auto leaf = [](const Part &part, bool inlined) -> Entity {
        Entity entity;
        const QByteArray type = part.contentType.toLower();
        entity.fields.append("Content-Type: " + part.contentType
            + (part.fileName.isEmpty() ? QByteArray() : "; " + encodeParameter("name", part.fileName)));
        setBody(entity, part.data, type.startsWith("text/"));
        QByteArray disposition = inlined ? "Content-Disposition: inline" : "Content-Disposition: attachment";
        if (!part.fileName.isEmpty())
            disposition += "; " + encodeParameter("filename", part.fileName);
        entity.fields.append(disposition);
        if (!part.contentId.isEmpty())
            entity.fields.append("Content-ID: <" + part.contentId + '>');
        return entity;
    };
    if (!m_inline.isEmpty()) {
        Entity related;
        related.multipart = "related";
        const bool haveBody = !body.fields.isEmpty() || !body.multipart.isEmpty();
        if (haveBody) {
            related.typeParameters = body.multipart.isEmpty()
                ? QByteArray("; type=\"") + (m_html.isEmpty() ? "text/plain" : "text/html") + '"'
                : QByteArray("; type=\"multipart/alternative\"");
            related.children.append(body);
        }
        for (const Part &part : m_inline)
            related.children.append(leaf(part, true));
        body = related;
    }
    if (!m_attachments.isEmpty()) {
        Entity mixed;
        mixed.multipart = "mixed";
        if (!body.fields.isEmpty() || !body.multipart.isEmpty())
            mixed.children.append(body);
        for (const Part &part : m_attachments)
            mixed.children.append(leaf(part, false));
        body = mixed;
    }
    QList<QByteArray> bodyFields;
    QByteArray content = render(body, random, bodyFields);
    if (!content.endsWith("\r\n"))
        content += "\r\n"; // SMTP can only carry a message that ends with a line end
    return renderFields(fields + bodyFields) + "\r\n" + content;
}

} // namespace MailSink::Client
