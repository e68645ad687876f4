#pragma once

#include "MailboxBackend.h"
#include "SequenceSet.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace MailSink::Imap {

class ImapReader;
class MessageStructure;

// One message as a search key sees it; the content is loaded only for keys that need it.
struct SearchSubject
{
    quint32 sequence = 0;
    quint32 largestSequence = 0;
    quint32 largestUid = 0;
    const MailboxMessage *message = nullptr;
    std::function<const MessageStructure *()> content; // null when unreadable
    std::function<qint64()> size; // RFC822.SIZE; -1 when unreadable
};

// The search keys of RFC 3501 6.4.4 (all of them, nested with NOT, OR and parentheses), parsed once and
// matched against each message. Strings compare case-insensitively with the decoded header (RFC 2047)
// or body; BEFORE/ON/SINCE use the internal date, SENT* the Date field, both without time zone.
class SearchProgram
{
public:
    // Reads the keys up to the end of the command; the error text becomes the BAD reply.
    static std::optional<SearchProgram> parse(ImapReader &reader, QByteArray *error);

    bool matches(const SearchSubject &subject) const;
    bool needsContent() const; // some key reads the message, not only the index

private:
    enum class Kind {
        All,
        And,
        Or,
        Not,
        Sequence,
        Uid,
        FlagSet,
        FlagUnset,
        Keyword,
        Unkeyword,
        None,
        Before,
        On,
        Since,
        SentBefore,
        SentOn,
        SentSince,
        Larger,
        Smaller,
        Header,
        AddressHeader,
        Body,
        Text,
    };
    struct Node
    {
        Kind kind = Kind::All;
        quint8 flag = 0;
        QByteArray field;
        QString text; // case-folded
        QByteArray bytes; // the UTF-8 needle, lower-cased ASCII, for raw byte matching
        QDate date;
        qint64 number = 0;
        std::optional<SequenceSet> set;
        QList<int> children;
    };

    int parseKey(ImapReader &reader, QByteArray *error, int depth);
    bool matches(int node, const SearchSubject &subject) const;
    bool matchesHeader(const Node &node, const MessageStructure &content) const;
    bool matchesBody(const Node &node, const MessageStructure &content) const;

    QList<Node> m_nodes;
    int m_root = -1;
};

} // namespace MailSink::Imap
