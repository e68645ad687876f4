#pragma once

#include "MailboxBackend.h"

#include <QHash>
#include <QString>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Imap {

// The IMAP view of the MessageStore. The user name picks it, as for POP3 (Pop3::StoreMaildrop): an e-mail
// address sees, as INBOX, the messages whose SMTP envelope lists it as a recipient; any other name sees
// every message as INBOX, one folder per envelope recipient under "Recipients/", and "Flagged" (RFC 6154
// \Flagged). Flags live in the store index; \Seen is the store's read state (the Maildir S flag) the GUI
// shows. Used from one thread (the store gives each thread its own index connection).
class StoreMailboxes : public MailboxBackend
{
public:
    explicit StoreMailboxes(Store::MessageStore *store);

    quint32 uidValidity() override;
    quint32 uidNext() override;
    QList<MailboxName> mailboxes(const QByteArray &user) override;
    std::optional<QList<MailboxMessage>> open(const QByteArray &user, const QByteArray &mailbox) override;
    std::optional<QByteArray> read(quint32 uid, QString *error) override;
    std::optional<MessageFlags> flags(quint32 uid) override;
    bool setFlags(quint32 uid, const MessageFlags &flags, QString *error) override;
    bool remove(const QList<quint32> &uids, QString *error) override;

    static QByteArray encodeMailboxName(const QString &name); // modified UTF-7 (RFC 3501 5.1.3)

private:
    std::optional<QByteArray> readFile(const QString &file, QString *error) const;

    Store::MessageStore *m_store;
    // Where each message opened last was (relative to the store root), so reading one costs no index
    // lookup: SEARCH and FETCH read thousands in a row. A file renamed since (flags changed elsewhere)
    // is looked up again.
    QHash<quint32, QString> m_files;
};

} // namespace MailSink::Imap
