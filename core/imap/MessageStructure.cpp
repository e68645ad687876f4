#include "MessageStructure.h"

#include "ImapFormat.h"
#include "ImapReader.h"
#include "mime/Address.h"
#include "mime/HeaderDecoding.h"
#include "mime/HeaderParameters.h"

namespace MailSink::Imap {

namespace {

bool isAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

// A decoded text as IMAP wants it in a structure: ASCII as it is, anything else as an RFC 2047 word.
QByteArray encodedWord(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (isAscii(utf8))
        return string(utf8);
    return string(QByteArray("=?utf-8?b?" + utf8.toBase64() + "?="));
}

QByteArray trimmed(QByteArray value)
{
    while (!value.isEmpty()
        && (value.endsWith('\n') || value.endsWith('\r') || value.endsWith(' ') || value.endsWith('\t')))
        value.chop(1);
    qsizetype begin = 0;
    while (begin < value.size() && (value.at(begin) == ' ' || value.at(begin) == '\t'))
        ++begin;
    return value.mid(begin);
}

QByteArray parameterList(const Mime::HeaderParameters &parameters)
{
    const auto list = parameters.parameters();
    if (list.isEmpty())
        return QByteArrayLiteral("NIL");
    QByteArray out = "(";
    for (const auto &[name, value] : list) {
        if (out.size() > 1)
            out += ' ';
        out += string(name.toUpper()) + ' ' + encodedWord(value);
    }
    return out + ')';
}

qint64 lineCount(QByteArrayView body)
{
    qint64 lines = body.count('\n');
    if (!body.isEmpty() && !body.endsWith('\n'))
        ++lines;
    return lines;
}

} // namespace

MessageStructure::MessageStructure(QByteArray crlf)
    : m_bytes(std::move(crlf))
{
    parseEntity(0, m_bytes.size(), 0, false);
}

int MessageStructure::parseEntity(qsizetype begin, qsizetype end, int depth, bool digestPart)
{
    const int index = int(m_entities.size());
    m_entities.append(Entity());
    Entity entity;
    entity.headerBegin = begin;

    // The header: fields up to the first empty line (RFC 5322 2.1).
    qsizetype pos = begin;
    entity.bodyBegin = end;
    while (pos < end) {
        qsizetype lineEnd = m_bytes.indexOf("\r\n", pos);
        lineEnd = lineEnd < 0 || lineEnd + 2 > end ? end : lineEnd + 2;
        const QByteArrayView line = QByteArrayView(m_bytes).sliced(pos, lineEnd - pos);
        if (line == "\r\n" || line.isEmpty()) {
            entity.bodyBegin = lineEnd;
            break;
        }
        const char first = line.at(0);
        if ((first == ' ' || first == '\t') && !entity.fields.isEmpty()) {
            entity.fields.last().end = lineEnd;
        } else {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                Field field;
                field.name = line.first(colon).trimmed().toByteArray();
                field.begin = pos;
                field.valueBegin = pos + colon + 1;
                field.end = lineEnd;
                entity.fields.append(field);
            }
        }
        pos = lineEnd;
    }
    entity.end = end;

    const QByteArray contentType = fieldValue(entity, "Content-Type");
    entity.contentType = contentType;
    const Mime::HeaderParameters parameters = Mime::HeaderParameters::parse(contentType);
    const QByteArray value = parameters.value();
    const qsizetype slash = value.indexOf('/');
    if (slash > 0 && slash + 1 < value.size()) {
        entity.type = value.left(slash);
        entity.subtype = value.mid(slash + 1);
    } else if (digestPart) {
        entity.type = "message"; // RFC 2046 5.1.5: a digest's parts default to message/rfc822
        entity.subtype = "rfc822";
    }

    const bool canDescend = depth < MaxDepth && m_entities.size() < MaxEntities;
    const QByteArray boundary = parameters.rawParameter("boundary");
    if (entity.type == "multipart" && canDescend && !boundary.isEmpty()) {
        const QByteArray delimiter = "--" + boundary;
        const bool digest = entity.subtype == "digest";
        qsizetype partBegin = -1;
        qsizetype search = entity.bodyBegin;
        while (search < end) {
            qsizetype at = m_bytes.indexOf(delimiter, search);
            if (at < 0 || at >= end)
                break;
            const bool lineStart = at == entity.bodyBegin || (at >= 2 && m_bytes.mid(at - 2, 2) == "\r\n");
            if (!lineStart || at < entity.bodyBegin) {
                search = at + 1;
                continue;
            }
            const qsizetype after = at + delimiter.size();
            const bool close = m_bytes.mid(after, 2) == "--";
            qsizetype lineEnd = m_bytes.indexOf("\r\n", after);
            lineEnd = lineEnd < 0 || lineEnd + 2 > end ? end : lineEnd + 2;
            if (partBegin >= 0 && m_entities.size() < MaxEntities) {
                const qsizetype partEnd = std::max(partBegin, at == entity.bodyBegin ? at : at - 2);
                entity.children.append(parseEntity(partBegin, partEnd, depth + 1, digest));
            }
            if (close) {
                partBegin = -1;
                break;
            }
            partBegin = lineEnd;
            search = lineEnd;
        }
        if (partBegin >= 0 && partBegin <= end && m_entities.size() < MaxEntities)
            entity.children.append(parseEntity(partBegin, end, depth + 1, digest)); // no close-delimiter
        if (entity.children.isEmpty()) {
            entity.type = "text"; // a multipart without parts is shown as the text it is
            entity.subtype = "plain";
        }
    } else if (entity.type == "multipart") {
        entity.type = "text";
        entity.subtype = "plain";
    } else if (entity.type == "message" && (entity.subtype == "rfc822" || entity.subtype == "global")
        && canDescend) {
        entity.message = parseEntity(entity.bodyBegin, end, depth + 1, false);
    }
    m_entities[index] = entity;
    return index;
}

QByteArray MessageStructure::fieldValue(const Entity &entity, const QByteArray &name) const
{
    for (const Field &field : entity.fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return trimmed(Mime::unfold(range(field.valueBegin, field.end)));
    }
    return QByteArray();
}

QList<QByteArray> MessageStructure::headerValues(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const Field &field : m_entities.at(0).fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            values.append(trimmed(Mime::unfold(range(field.valueBegin, field.end))));
    }
    return values;
}

QByteArray MessageStructure::header() const
{
    return range(0, m_entities.at(0).bodyBegin);
}

QByteArray MessageStructure::text() const
{
    return range(m_entities.at(0).bodyBegin, m_entities.at(0).end);
}

QByteArray MessageStructure::addressList(const Entity &entity, const QByteArray &name) const
{
    const QByteArray value = fieldValue(entity, name);
    if (value.isNull())
        return QByteArrayLiteral("NIL");
    const QList<Mime::Address> addresses = Mime::parseAddressList(value);
    if (addresses.isEmpty())
        return QByteArrayLiteral("NIL");
    QByteArray out = "(";
    for (const Mime::Address &address : addresses) {
        const QByteArray spec = address.address.toUtf8();
        const qsizetype at = spec.lastIndexOf('@');
        out += '(';
        out += address.name.isEmpty() ? QByteArrayLiteral("NIL") : encodedWord(address.name);
        out += " NIL ";
        out += string(at < 0 ? spec : spec.left(at));
        out += ' ';
        out += at < 0 ? QByteArrayLiteral("NIL") : string(spec.mid(at + 1));
        out += ')';
    }
    return out + ')';
}

QByteArray MessageStructure::envelope(int index) const
{
    const Entity &entity = m_entities.at(index);
    auto field = [&](const char *name) { return nstring(fieldValue(entity, name)); };
    const QByteArray from = addressList(entity, "From");
    // RFC 3501 7.4.2: the server fills sender and reply-to from From when they are absent.
    QByteArray sender = addressList(entity, "Sender");
    if (sender == "NIL")
        sender = from;
    QByteArray replyTo = addressList(entity, "Reply-To");
    if (replyTo == "NIL")
        replyTo = from;
    return '(' + field("Date") + ' ' + field("Subject") + ' ' + from + ' ' + sender + ' ' + replyTo + ' '
        + addressList(entity, "To") + ' ' + addressList(entity, "Cc") + ' ' + addressList(entity, "Bcc") + ' '
        + field("In-Reply-To") + ' ' + field("Message-ID") + ')';
}

QByteArray MessageStructure::bodyStructure(int index, bool extended) const
{
    const Entity &entity = m_entities.at(index);
    const Mime::HeaderParameters parameters = Mime::HeaderParameters::parse(entity.contentType);
    auto extensions = [&] {
        QByteArray out;
        const QByteArray dispositionValue = fieldValue(entity, "Content-Disposition");
        if (dispositionValue.isNull()) {
            out += " NIL";
        } else {
            const Mime::HeaderParameters disposition = Mime::HeaderParameters::parse(dispositionValue);
            out += " (" + string(disposition.value().toUpper()) + ' ' + parameterList(disposition) + ')';
        }
        out += ' ' + nstring(fieldValue(entity, "Content-Language"));
        out += ' ' + nstring(fieldValue(entity, "Content-Location"));
        return out;
    };

    if (!entity.children.isEmpty()) {
        QByteArray out = "(";
        for (int child : entity.children)
            out += bodyStructure(child, extended);
        out += ' ' + string(entity.subtype.toUpper());
        if (extended)
            out += ' ' + parameterList(parameters) + extensions();
        return out + ')';
    }

    QByteArray params = parameterList(parameters);
    if (entity.type == "text" && !parameters.hasParameter("charset"))
        params = params == "NIL" ? QByteArrayLiteral("(\"CHARSET\" \"us-ascii\")")
                                 : params.chopped(1) + " \"CHARSET\" \"us-ascii\")";
    const QByteArray encoding = fieldValue(entity, "Content-Transfer-Encoding");
    const QByteArrayView body
        = QByteArrayView(m_bytes).sliced(entity.bodyBegin, entity.end - entity.bodyBegin);
    QByteArray out = '(' + string(entity.type.toUpper()) + ' ' + string(entity.subtype.toUpper()) + ' '
        + params + ' ' + nstring(fieldValue(entity, "Content-ID")) + ' '
        + nstring(fieldValue(entity, "Content-Description")) + ' '
        + string(encoding.isEmpty() ? QByteArrayLiteral("7BIT") : encoding.toUpper()) + ' '
        + QByteArray::number(body.size());
    if (entity.message >= 0)
        out += ' ' + envelope(entity.message) + ' ' + bodyStructure(entity.message, extended) + ' '
            + QByteArray::number(lineCount(body));
    else if (entity.type == "text")
        out += ' ' + QByteArray::number(lineCount(body));
    if (extended)
        out += ' ' + nstring(fieldValue(entity, "Content-MD5")) + extensions();
    return out + ')';
}

QByteArray MessageStructure::headerFields(
    const Entity &entity, const QList<QByteArray> &names, bool exclude) const
{
    QByteArray out;
    for (const Field &field : entity.fields) {
        bool listed = false;
        for (const QByteArray &name : names) {
            if (field.name.compare(name, Qt::CaseInsensitive) == 0)
                listed = true;
        }
        if (listed != exclude)
            out += range(field.begin, field.end);
    }
    return out + "\r\n"; // RFC 3501 6.4.5: the subset keeps the blank line that ends a header
}

std::optional<QByteArray> MessageStructure::section(const QByteArray &spec) const
{
    // The part numbers, then the text part (RFC 3501 9 section-spec).
    QList<int> path;
    qsizetype pos = 0;
    while (pos < spec.size() && spec.at(pos) >= '0' && spec.at(pos) <= '9') {
        qsizetype dot = pos;
        while (dot < spec.size() && spec.at(dot) >= '0' && spec.at(dot) <= '9')
            ++dot;
        bool ok = false;
        const int number = spec.mid(pos, dot - pos).toInt(&ok);
        if (!ok || number < 1)
            return std::nullopt;
        path.append(number);
        pos = dot;
        if (pos < spec.size()) {
            if (spec.at(pos) != '.')
                return std::nullopt;
            ++pos;
            if (pos == spec.size())
                return std::nullopt;
        }
    }
    const QByteArray text = spec.mid(pos).toUpper();

    int node = 0;
    bool isMessage = true; // `node` stands for a message (its header and body), not for a body part
    for (int number : path) {
        if (!isMessage && m_entities.at(node).message >= 0) {
            node = m_entities.at(node).message;
            isMessage = true;
        }
        const Entity &entity = m_entities.at(node);
        if (!entity.children.isEmpty()) {
            if (number > entity.children.size())
                return std::nullopt;
            node = entity.children.at(number - 1);
            isMessage = false;
        } else if (isMessage && number == 1) {
            isMessage = false; // part 1 of a single-part message is its body (RFC 3501 6.4.5)
        } else {
            return std::nullopt;
        }
    }
    const Entity &entity = m_entities.at(node);
    if (text.isEmpty()) {
        if (path.isEmpty())
            return m_bytes;
        return range(entity.bodyBegin, entity.end);
    }
    if (text == "MIME") {
        if (path.isEmpty())
            return std::nullopt;
        return range(entity.headerBegin, entity.bodyBegin);
    }
    // HEADER, TEXT and HEADER.FIELDS apply to a message: the top level or a message/rfc822 part.
    const Entity *message = &entity;
    if (!isMessage) {
        if (entity.message < 0)
            return std::nullopt;
        message = &m_entities.at(entity.message);
    }
    if (text == "HEADER")
        return range(message->headerBegin, message->bodyBegin);
    if (text == "TEXT")
        return range(message->bodyBegin, message->end);
    const bool exclude = text.startsWith("HEADER.FIELDS.NOT");
    if (!exclude && !text.startsWith("HEADER.FIELDS"))
        return std::nullopt;
    ImapReader reader(spec.mid(pos + (exclude ? 17 : 13)));
    if (!reader.space() || !reader.consume('('))
        return std::nullopt;
    QList<QByteArray> names;
    while (!reader.consume(')')) {
        if (!names.isEmpty() && !reader.space())
            return std::nullopt;
        const auto name = reader.astring();
        if (!name)
            return std::nullopt;
        names.append(*name);
    }
    if (names.isEmpty() || !reader.atEnd())
        return std::nullopt;
    return headerFields(*message, names, exclude);
}

} // namespace MailSink::Imap
