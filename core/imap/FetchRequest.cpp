#include "FetchRequest.h"

#include "ImapFormat.h"
#include "ImapReader.h"
#include "MessageStructure.h"

#include <QRegularExpression>

#include <algorithm>

namespace MailSink::Imap {

namespace {

const QRegularExpression &sectionSyntax()
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[1-9][0-9]*(?:\\.[1-9][0-9]*)*)?(?:(?:^|\\.)(?:HEADER|TEXT|HEADER\\.FIELDS(?:\\."
                       "NOT)? \\(.+\\))|(?<=[0-9])\\.MIME)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

std::optional<FetchRequest> FetchRequest::parse(ImapReader &reader, bool uid, QByteArray *error)
{
    using Kind = Item::Kind;
    QList<Item> items;
    auto parseOne = [&]() -> bool {
        const auto word = reader.fetchName();
        if (!word) {
            *error = "Expected a FETCH item";
            return false;
        }
        const QByteArray upper = word->toUpper();
        if (upper == "ALL" || upper == "FAST" || upper == "FULL") {
            items.append({Kind::Flags, {}, "FLAGS"});
            items.append({Kind::InternalDate, {}, "INTERNALDATE"});
            items.append({Kind::Size, {}, "RFC822.SIZE"});
            if (upper != "FAST")
                items.append({Kind::Envelope, {}, "ENVELOPE"});
            if (upper == "FULL")
                items.append({Kind::Body, {}, "BODY"});
            return true;
        }
        if (upper == "FLAGS")
            items.append({Kind::Flags, {}, "FLAGS"});
        else if (upper == "INTERNALDATE")
            items.append({Kind::InternalDate, {}, "INTERNALDATE"});
        else if (upper == "RFC822.SIZE")
            items.append({Kind::Size, {}, "RFC822.SIZE"});
        else if (upper == "ENVELOPE")
            items.append({Kind::Envelope, {}, "ENVELOPE"});
        else if (upper == "BODYSTRUCTURE")
            items.append({Kind::BodyStructure, {}, "BODYSTRUCTURE"});
        else if (upper == "UID")
            items.append({Kind::Uid, {}, "UID"});
        else if (upper == "RFC822")
            items.append({Kind::Section, {}, "RFC822"});
        else if (upper == "RFC822.HEADER")
            items.append({Kind::Section, "HEADER", "RFC822.HEADER", true});
        else if (upper == "RFC822.TEXT")
            items.append({Kind::Section, "TEXT", "RFC822.TEXT"});
        else if ((upper == "BODY" || upper == "BODY.PEEK") && reader.peek() == '[') {
            reader.consume('[');
            Item item {Kind::Section, reader.until(']'), {}, upper == "BODY.PEEK"};
            if (!reader.consume(']')
                || !sectionSyntax().match(QString::fromLatin1(item.section)).hasMatch()) {
                *error = "Bad section";
                return false;
            }
            item.name = "BODY[" + item.section + ']';
            if (reader.consume('<')) {
                const auto start = reader.number();
                std::optional<quint32> length;
                if (start && reader.consume('.'))
                    length = reader.number();
                if (!length || *length == 0 || !reader.consume('>')) {
                    *error = "Bad partial range (expected <start.length>)";
                    return false;
                }
                item.partialStart = *start;
                item.partialLength = *length;
                item.name += '<' + QByteArray::number(*start) + '>';
            }
            items.append(item);
        } else if (upper == "BODY")
            items.append({Kind::Body, {}, "BODY"});
        else {
            *error = "Unknown FETCH item " + upper.left(40);
            return false;
        }
        return true;
    };
    if (reader.consume('(')) {
        while (!reader.consume(')')) {
            if (!items.isEmpty() && !reader.space()) {
                *error = "Malformed FETCH item list";
                return std::nullopt;
            }
            if (!parseOne())
                return std::nullopt;
        }
        if (items.isEmpty()) {
            *error = "Empty FETCH item list";
            return std::nullopt;
        }
    } else if (!parseOne()) {
        return std::nullopt;
    }
    if (uid && std::none_of(items.cbegin(), items.cend(), [](const Item &i) { return i.kind == Kind::Uid; }))
        items.prepend({Kind::Uid, {}, "UID"}); // RFC 3501 6.4.8
    FetchRequest request;
    request.m_items = std::move(items);
    return request;
}

bool FetchRequest::wantsFlags() const
{
    return std::any_of(
        m_items.cbegin(), m_items.cend(), [](const Item &i) { return i.kind == Item::Kind::Flags; });
}

FetchRequest::Rendered FetchRequest::render(
    const MailboxMessage &message, bool readOnly, const SizeOf &sizeOf, const ContentOf &contentOf) const
{
    using Kind = Item::Kind;
    Rendered rendered;
    QByteArray &response = rendered.data;
    bool &setSeen = rendered.setsSeen;
    bool &failed = rendered.failed;
    auto append = [&response](const QByteArray &name, const QByteArray &value) {
        if (!response.isEmpty())
            response += ' ';
        response += name + ' ' + value;
    };
    for (const Item &item : m_items) {
        switch (item.kind) {
        case Kind::Uid:
            append(item.name, QByteArray::number(message.uid));
            break;
        case Kind::Flags:
            break; // after the sections, which may set \Seen
        case Kind::InternalDate:
            append(item.name, dateTime(message.internalDate));
            break;
        case Kind::Size: {
            const qint64 size = sizeOf(message.uid);
            failed |= size < 0;
            append(item.name, QByteArray::number(std::max<qint64>(size, 0)));
            break;
        }
        case Kind::Envelope:
        case Kind::Body:
        case Kind::BodyStructure:
        case Kind::Section: {
            const MessageStructure *structure = contentOf(message.uid);
            if (!structure) {
                failed = true;
                append(item.name, QByteArrayLiteral("NIL"));
                break;
            }
            if (item.kind == Kind::Envelope) {
                append(item.name, structure->envelope());
            } else if (item.kind == Kind::Body || item.kind == Kind::BodyStructure) {
                append(item.name, structure->bodyStructure(item.kind == Kind::BodyStructure));
            } else {
                QByteArray text = structure->section(item.section).value_or(QByteArray(""));
                if (item.partialStart >= 0)
                    text = text.mid(std::min<qint64>(item.partialStart, text.size()), item.partialLength);
                // Always a literal: message text may hold any octet (RFC 3501 4.3).
                append(item.name, '{' + QByteArray::number(text.size()) + "}\r\n" + text);
                if (!item.peek && !readOnly && !message.flags.has(MessageFlags::Seen))
                    setSeen = true;
            }
            break;
        }
        }
    }
    return rendered;
}

} // namespace MailSink::Imap
