#pragma once

#include <QByteArray>
#include <QList>

namespace MailSink::Imap {

// The flags of one message (RFC 3501 2.3.2): system flags as bits, keywords as atoms in the order set.
// \Recent is not kept: every session sees RECENT 0 (allowed by RFC 3501 2.3.2, and how IMAP4rev2 drops it).
struct MessageFlags
{
    enum System : quint8 { Seen = 1, Answered = 2, Flagged = 4, Deleted = 8, Draft = 16 };
    quint8 system = 0;
    QList<QByteArray> keywords;

    bool has(System flag) const { return system & flag; }
    bool hasKeyword(const QByteArray &keyword) const; // case-insensitive
    // Adds or removes the flags of `other` (STORE +FLAGS / -FLAGS).
    void add(const MessageFlags &other);
    void remove(const MessageFlags &other);

    // "\Seen \Flagged $Label1" as in a FLAGS response list (without the parentheses).
    QByteArray toList() const;
    // The index form: every flag but \Seen, which the store keeps as the message's read state.
    QByteArray toIndex() const;
    static MessageFlags fromIndex(bool seen, const QByteArray &flags);
    // One flag as a client wrote it; false for \Recent, unknown \-flags and malformed atoms.
    bool addFlag(const QByteArray &flag);

    friend bool operator==(const MessageFlags &a, const MessageFlags &b)
    {
        return a.system == b.system && a.keywords == b.keywords;
    }
    friend bool operator!=(const MessageFlags &a, const MessageFlags &b) { return !(a == b); }
};

} // namespace MailSink::Imap
