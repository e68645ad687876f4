#pragma once

#include "MailboxBackend.h"

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
    bool setFlags(quint32 uid, const MessageFlags &flags, QString *error) override;
    bool remove(const QList<quint32> &uids, QString *error) override;

    static QByteArray encodeMailboxName(const QString &name); // modified UTF-7 (RFC 3501 5.1.3)

private:
    Store::MessageStore *m_store;
};

} // namespace MailSink::Imap
