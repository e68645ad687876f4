#pragma once

#include "MailboxBackend.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace MailSink::Imap {

// The mailboxes one user sees, as LIST, LSUB and STATUS report them (RFC 3501 6.3.8-6.3.10, RFC 5258
// selection options, RFC 6154 special use). Responses come back as untagged texts without the "* ".
class MailboxDirectory
{
public:
    MailboxDirectory(MailboxBackend *backend, QByteArray user);

    // A mailbox name as the client gave it, with INBOX in any case made "INBOX" (RFC 3501 5.1).
    static QByteArray canonical(QByteArray name);
    // LIST patterns: '*' matches anything, '%' anything but the hierarchy delimiter '/'.
    static bool matches(const QByteArray &pattern, const QByteArray &name);

    struct ListOptions
    {
        bool lsub = false;
        bool specialUseOnly = false; // LIST (SPECIAL-USE)
        bool subscribed = false; // LIST (SUBSCRIBED): every selectable mailbox counts as subscribed
    };
    QList<QByteArray> list(const QByteArray &reference, const QByteArray &pattern, ListOptions options) const;

    // The items (upper case: MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN) of a mailbox; nullopt when it
    // does not exist.
    std::optional<QByteArray> status(const QByteArray &mailbox, const QList<QByteArray> &items) const;

private:
    MailboxBackend *m_backend;
    QByteArray m_user;
};

} // namespace MailSink::Imap
