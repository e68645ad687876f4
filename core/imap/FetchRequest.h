#pragma once

#include "MailboxBackend.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace MailSink::Imap {

class ImapReader;
class MessageStructure;

// The data items of a FETCH command (RFC 3501 6.4.5), parsed once and rendered for each message.
class FetchRequest
{
public:
    struct Item
    {
        enum class Kind { Flags, InternalDate, Size, Envelope, Body, BodyStructure, Uid, Section };
        Kind kind;
        QByteArray section; // for Section: the spec between the brackets
        QByteArray name; // the response item name ("BODY[HEADER]<0>", "RFC822.HEADER", ...)
        bool peek = false;
        qint64 partialStart = -1;
        qint64 partialLength = 0;
    };
    struct Rendered
    {
        QByteArray data; // "UID 4 RFC822.SIZE 120 ...", without FLAGS
        bool setsSeen = false; // a non-peek body section of an unseen message
        bool failed = false; // the message could not be read
    };
    // The message's size and parsed content by UID (size < 0 or null: unreadable).
    using SizeOf = std::function<qint64(quint32 uid)>;
    using ContentOf = std::function<const MessageStructure *(quint32 uid)>;

    // After "FETCH set ": a macro, one item or a parenthesised list. `uid` (UID FETCH) adds the UID item.
    static std::optional<FetchRequest> parse(ImapReader &reader, bool uid, QByteArray *error);

    const QList<Item> &items() const { return m_items; }
    bool wantsFlags() const; // FLAGS go last, after a \Seen that a body section sets
    Rendered render(
        const MailboxMessage &message, bool readOnly, const SizeOf &sizeOf, const ContentOf &contentOf) const;

private:
    QList<Item> m_items;
};

} // namespace MailSink::Imap
