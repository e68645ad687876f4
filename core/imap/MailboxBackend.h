#pragma once

#include "MessageFlags.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace MailSink::Imap {

// One message of a mailbox snapshot. The UID is the store id: strictly ascending in arrival order and
// never reused (RFC 3501 2.3.1.1), so the same message has the same UID in every mailbox.
struct MailboxMessage
{
    quint32 uid = 0;
    MessageFlags flags;
    QDateTime internalDate; // when it was caught (UTC)
};

struct MailboxName
{
    QByteArray name; // as on the wire (modified UTF-7, RFC 3501 5.1.3), hierarchy delimiter '/'
    QByteArray attributes; // e.g. "\\HasNoChildren" or "\\Noselect \\HasChildren"
    bool selectable = true;
};

// What an ImapSession needs from the mail store. The session calls it synchronously on its own thread;
// StoreMailboxes is the implementation over the MessageStore.
class MailboxBackend
{
public:
    virtual ~MailboxBackend() = default;

    virtual quint32 uidValidity() = 0; // the same across restarts of one store
    virtual quint32 uidNext() = 0; // no message now or later has a smaller UID than those stored
    // The mailboxes `user` sees, INBOX first.
    virtual QList<MailboxName> mailboxes(const QByteArray &user) = 0;
    // The messages of a mailbox in UID order; nullopt when `user` has no such (selectable) mailbox.
    virtual std::optional<QList<MailboxMessage>> open(const QByteArray &user, const QByteArray &mailbox) = 0;
    // The stored bytes as they are; nullopt when the message is gone or unreadable.
    virtual std::optional<QByteArray> read(quint32 uid, QString *error) = 0;
    // The flags as stored now (the GUI or another session may have changed them since the mailbox was
    // opened); nullopt when the message is gone.
    virtual std::optional<MessageFlags> flags(quint32 uid) = 0;
    virtual bool setFlags(quint32 uid, const MessageFlags &flags, QString *error) = 0;
    // Deletes the messages from the store (EXPUNGE); a message already gone is no failure.
    virtual bool remove(const QList<quint32> &uids, QString *error) = 0;
};

} // namespace MailSink::Imap
