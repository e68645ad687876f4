#include "SearchProgram.h"

#include "ImapReader.h"
#include "MessageStructure.h"
#include "mime/DateParsing.h"
#include "mime/HeaderDecoding.h"
#include "mime/ParsedMessage.h"

#include <QByteArrayMatcher>

namespace MailSink::Imap {

namespace {

constexpr int MaxDepth = 64;

// RFC 3501 9 date: 1*2DIGIT "-" date-month "-" 4DIGIT, optionally quoted.
std::optional<QDate> parseSearchDate(QByteArray text)
{
    const QList<QByteArray> parts = text.split('-');
    if (parts.size() != 3)
        return std::nullopt;
    static const char *const Months[]
        = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (parts.at(1).toLower() == Months[i])
            month = i + 1;
    }
    bool dayOk = false, yearOk = false;
    const int day = parts.at(0).toInt(&dayOk);
    const int year = parts.at(2).toInt(&yearOk);
    const QDate date(year, month, day);
    if (!dayOk || !yearOk || !month || parts.at(2).size() != 4 || !date.isValid())
        return std::nullopt;
    return date;
}

QByteArray asciiLower(QByteArray bytes)
{
    for (char &c : bytes) {
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
    }
    return bytes;
}

bool containsCaseInsensitive(const QByteArray &haystack, const QByteArray &lowerNeedle)
{
    if (lowerNeedle.isEmpty())
        return true;
    return asciiLower(haystack).contains(lowerNeedle);
}

} // namespace

std::optional<SearchProgram> SearchProgram::parse(ImapReader &reader, QByteArray *error)
{
    SearchProgram program;
    Node all;
    all.kind = Kind::And;
    program.m_nodes.append(all);
    program.m_root = 0;
    QList<int> keys;
    do {
        const int key = program.parseKey(reader, error, 0);
        if (key < 0)
            return std::nullopt;
        keys.append(key);
    } while (reader.space());
    if (!reader.atEnd()) {
        *error = "Unexpected characters after the search keys";
        return std::nullopt;
    }
    program.m_nodes[0].children = keys;
    return program;
}

int SearchProgram::parseKey(ImapReader &reader, QByteArray *error, int depth)
{
    if (depth > MaxDepth) {
        *error = "Search keys nested too deeply";
        return -1;
    }
    auto add = [this](Node node) {
        m_nodes.append(std::move(node));
        return int(m_nodes.size() - 1);
    };
    auto argument = [&](const char *what) -> std::optional<QByteArray> {
        if (!reader.space()) {
            *error = QByteArray("Missing ") + what;
            return std::nullopt;
        }
        auto value = reader.astring();
        if (!value)
            *error = QByteArray("Bad ") + what;
        return value;
    };
    auto textNode = [&](Kind kind, const QByteArray &field) -> int {
        const auto value = argument("search string");
        if (!value)
            return -1;
        Node node;
        node.kind = kind;
        node.field = field;
        node.text = QString::fromUtf8(*value).toCaseFolded();
        node.bytes = asciiLower(*value);
        return add(node);
    };

    if (reader.consume('(')) {
        Node node;
        node.kind = Kind::And;
        for (;;) {
            const int child = parseKey(reader, error, depth + 1);
            if (child < 0)
                return -1;
            node.children.append(child);
            if (reader.consume(')'))
                break;
            if (!reader.space()) {
                *error = "Expected ) after the search keys";
                return -1;
            }
        }
        return add(node);
    }
    if (reader.peek() == '*' || (reader.peek() >= '0' && reader.peek() <= '9')) {
        const auto set = SequenceSet::parse(reader.sequenceSet().value_or(QByteArray()));
        if (!set) {
            *error = "Bad sequence set";
            return -1;
        }
        Node node;
        node.kind = Kind::Sequence;
        node.set = set;
        return add(node);
    }
    const auto word = reader.atom();
    if (!word) {
        *error = "Expected a search key";
        return -1;
    }
    const QByteArray key = word->toUpper();
    struct FlagKey
    {
        const char *name;
        Kind kind;
        quint8 flag;
    };
    static const FlagKey FlagKeys[] = {
        {"ANSWERED", Kind::FlagSet, MessageFlags::Answered},
        {"DELETED", Kind::FlagSet, MessageFlags::Deleted},
        {"DRAFT", Kind::FlagSet, MessageFlags::Draft},
        {"FLAGGED", Kind::FlagSet, MessageFlags::Flagged},
        {"SEEN", Kind::FlagSet, MessageFlags::Seen},
        {"UNANSWERED", Kind::FlagUnset, MessageFlags::Answered},
        {"UNDELETED", Kind::FlagUnset, MessageFlags::Deleted},
        {"UNDRAFT", Kind::FlagUnset, MessageFlags::Draft},
        {"UNFLAGGED", Kind::FlagUnset, MessageFlags::Flagged},
        {"UNSEEN", Kind::FlagUnset, MessageFlags::Seen},
    };
    for (const FlagKey &flagKey : FlagKeys) {
        if (key == flagKey.name) {
            Node node;
            node.kind = flagKey.kind;
            node.flag = flagKey.flag;
            return add(node);
        }
    }
    Node node;
    if (key == "ALL" || key == "OLD") { // OLD: not \Recent, which no message is here
        node.kind = Kind::All;
        return add(node);
    }
    if (key == "NEW" || key == "RECENT") { // both need \Recent
        node.kind = Kind::None;
        return add(node);
    }
    if (key == "NOT") {
        if (!reader.space()) {
            *error = "Missing search key after NOT";
            return -1;
        }
        const int child = parseKey(reader, error, depth + 1);
        if (child < 0)
            return -1;
        node.kind = Kind::Not;
        node.children = {child};
        return add(node);
    }
    if (key == "OR") {
        node.kind = Kind::Or;
        for (int i = 0; i < 2; ++i) {
            if (!reader.space()) {
                *error = "OR needs two search keys";
                return -1;
            }
            const int child = parseKey(reader, error, depth + 1);
            if (child < 0)
                return -1;
            node.children.append(child);
        }
        return add(node);
    }
    if (key == "UID") {
        if (!reader.space()) {
            *error = "Missing UID set";
            return -1;
        }
        node.set = SequenceSet::parse(reader.sequenceSet().value_or(QByteArray()));
        if (!node.set) {
            *error = "Bad UID set";
            return -1;
        }
        node.kind = Kind::Uid;
        return add(node);
    }
    if (key == "KEYWORD" || key == "UNKEYWORD") {
        if (!reader.space()) {
            *error = "Missing keyword";
            return -1;
        }
        const auto flag = reader.atom();
        if (!flag) {
            *error = "Bad keyword";
            return -1;
        }
        MessageFlags parsed;
        parsed.addFlag(*flag);
        const bool positive = key == "KEYWORD";
        if (parsed.system) { // KEYWORD \Seen is not valid syntax, but its meaning is plain
            node.kind = positive ? Kind::FlagSet : Kind::FlagUnset;
            node.flag = parsed.system;
        } else {
            node.kind = positive ? Kind::Keyword : Kind::Unkeyword;
            node.field = *flag;
        }
        return add(node);
    }
    struct DateKey
    {
        const char *name;
        Kind kind;
    };
    static const DateKey DateKeys[] = {{"BEFORE", Kind::Before}, {"ON", Kind::On}, {"SINCE", Kind::Since},
        {"SENTBEFORE", Kind::SentBefore}, {"SENTON", Kind::SentOn}, {"SENTSINCE", Kind::SentSince}};
    for (const DateKey &dateKey : DateKeys) {
        if (key == dateKey.name) {
            const auto value = argument("date");
            if (!value)
                return -1;
            const auto date = parseSearchDate(*value);
            if (!date) {
                *error = "Bad date (expected e.g. 1-Feb-2024)";
                return -1;
            }
            node.kind = dateKey.kind;
            node.date = *date;
            return add(node);
        }
    }
    if (key == "LARGER" || key == "SMALLER") {
        if (!reader.space()) {
            *error = "Missing size";
            return -1;
        }
        const auto number = reader.number();
        if (!number) {
            *error = "Bad size";
            return -1;
        }
        node.kind = key == "LARGER" ? Kind::Larger : Kind::Smaller;
        node.number = *number;
        return add(node);
    }
    if (key == "FROM" || key == "TO" || key == "CC" || key == "BCC")
        return textNode(Kind::AddressHeader, key);
    if (key == "SUBJECT")
        return textNode(Kind::Header, "Subject");
    if (key == "BODY")
        return textNode(Kind::Body, {});
    if (key == "TEXT")
        return textNode(Kind::Text, {});
    if (key == "HEADER") {
        const auto field = argument("header field name");
        if (!field)
            return -1;
        return textNode(Kind::Header, *field);
    }
    *error = "Unknown search key " + key.left(40);
    return -1;
}

bool SearchProgram::needsContent() const
{
    for (const Node &node : m_nodes) {
        switch (node.kind) {
        case Kind::SentBefore:
        case Kind::SentOn:
        case Kind::SentSince:
        case Kind::Header:
        case Kind::AddressHeader:
        case Kind::Body:
        case Kind::Text:
            return true;
        default:
            break;
        }
    }
    return false;
}

bool SearchProgram::matches(const SearchSubject &subject) const
{
    return matches(m_root, subject);
}

bool SearchProgram::matchesHeader(const Node &node, const MessageStructure &content) const
{
    const QList<QByteArray> values = content.headerValues(node.field);
    if (node.text.isEmpty())
        return !values.isEmpty(); // RFC 3501 6.4.4: HEADER with an empty string: the field exists
    for (const QByteArray &value : values) {
        if (Mime::decodeHeader(value).toCaseFolded().contains(node.text))
            return true;
    }
    return false;
}

bool SearchProgram::matchesBody(const Node &node, const MessageStructure &content) const
{
    const QByteArray body = content.text();
    if (containsCaseInsensitive(body, node.bytes))
        return true;
    // Encoded bodies: match the text a reader sees as well.
    const QByteArray lower = asciiLower(content.bytes());
    if (!lower.contains("base64") && !lower.contains("quoted-printable") && !lower.contains("charset"))
        return false;
    const Mime::ParsedMessage parsed = Mime::parseMessage(content.bytes());
    for (const auto &text : {parsed.text(), parsed.html()}) {
        if (text && text->toCaseFolded().contains(node.text))
            return true;
    }
    return false;
}

bool SearchProgram::matches(int index, const SearchSubject &subject) const
{
    const Node &node = m_nodes.at(index);
    const MailboxMessage &message = *subject.message;
    auto content
        = [&]() -> const MessageStructure * { return subject.content ? subject.content() : nullptr; };
    auto sentDate = [&]() -> std::optional<QDate> {
        const MessageStructure *c = content();
        if (!c)
            return std::nullopt;
        const QList<QByteArray> dates = c->headerValues("Date");
        if (dates.isEmpty())
            return std::nullopt;
        const QDateTime parsed = Mime::parseDate(dates.first());
        if (!parsed.isValid())
            return std::nullopt;
        return parsed.date(); // the date as written, in the sender's zone
    };
    switch (node.kind) {
    case Kind::All:
        return true;
    case Kind::None:
        return false;
    case Kind::And:
        for (int child : node.children) {
            if (!matches(child, subject))
                return false;
        }
        return true;
    case Kind::Or:
        return matches(node.children.at(0), subject) || matches(node.children.at(1), subject);
    case Kind::Not:
        return !matches(node.children.at(0), subject);
    case Kind::Sequence:
        return node.set->contains(subject.sequence, subject.largestSequence);
    case Kind::Uid:
        return node.set->contains(message.uid, subject.largestUid);
    case Kind::FlagSet:
        return (message.flags.system & node.flag) == node.flag;
    case Kind::FlagUnset:
        return !(message.flags.system & node.flag);
    case Kind::Keyword:
        return message.flags.hasKeyword(node.field);
    case Kind::Unkeyword:
        return !message.flags.hasKeyword(node.field);
    case Kind::Before:
        return message.internalDate.date() < node.date;
    case Kind::On:
        return message.internalDate.date() == node.date;
    case Kind::Since:
        return message.internalDate.date() >= node.date;
    case Kind::SentBefore: {
        const auto date = sentDate();
        return date && *date < node.date;
    }
    case Kind::SentOn: {
        const auto date = sentDate();
        return date && *date == node.date;
    }
    case Kind::SentSince: {
        const auto date = sentDate();
        return date && *date >= node.date;
    }
    case Kind::Larger:
    case Kind::Smaller: {
        const qint64 size = subject.size ? subject.size() : -1;
        if (size < 0)
            return false;
        return node.kind == Kind::Larger ? size > node.number : size < node.number;
    }
    case Kind::Header:
    case Kind::AddressHeader: {
        const MessageStructure *c = content();
        if (!c)
            return false;
        if (node.kind == Kind::Header)
            return matchesHeader(node, *c);
        Node header = node;
        header.field = node.field == "FROM" ? "From"
            : node.field == "TO"            ? "To"
            : node.field == "CC"            ? "Cc"
                                            : "Bcc";
        return matchesHeader(header, *c);
    }
    case Kind::Body: {
        const MessageStructure *c = content();
        return c && matchesBody(node, *c);
    }
    case Kind::Text: {
        const MessageStructure *c = content();
        if (!c)
            return false;
        return containsCaseInsensitive(c->header(), node.bytes)
            || Mime::decodeHeader(c->header()).toCaseFolded().contains(node.text) || matchesBody(node, *c);
    }
    }
    return false;
}

} // namespace MailSink::Imap
