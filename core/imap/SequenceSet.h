#pragma once

#include <QByteArray>
#include <QList>

#include <optional>
#include <utility>

namespace MailSink::Imap {

// An RFC 3501 9 sequence-set ("1:3,7,10:*") of message sequence numbers or UIDs. '*' is the largest
// number in use, given when the set is applied; "3:1" is the same as "1:3".
class SequenceSet
{
public:
    static std::optional<SequenceSet> parse(const QByteArray &text);

    bool contains(quint32 value, quint32 largest) const;
    // The smallest and largest number the set names when `largest` is the largest in use.
    quint32 upperBound(quint32 largest) const;
    // "1:3,7" for ascending numbers (COPYUID, SEARCH-like output).
    static QByteArray format(const QList<quint32> &ascending);

private:
    static constexpr quint32 Star = 0; // '*': numbers start at 1, so 0 is free
    QList<std::pair<quint32, quint32>> m_ranges;
};

} // namespace MailSink::Imap
