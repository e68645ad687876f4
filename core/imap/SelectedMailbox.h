#pragma once

#include "MailboxBackend.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace MailSink::Imap {

class MessageStructure;
class SequenceSet;

// The mailbox a session has selected: its messages in sequence-number order (number n is messages()[n - 1]),
// their sizes, the content of the one read last, and whether the store changed since the client last heard.
// Responses come back as untagged texts without the "* ", for the session to send.
class SelectedMailbox
{
public:
    SelectedMailbox(MailboxBackend *backend, QByteArray user, QByteArray name, QList<MailboxMessage> messages,
        bool readOnly);

    const QByteArray &name() const { return m_name; }
    bool isReadOnly() const { return m_readOnly; }
    QList<MailboxMessage> &messages() { return m_messages; }
    const QList<MailboxMessage> &messages() const { return m_messages; }
    quint32 largestUid() const { return m_messages.isEmpty() ? 0 : m_messages.last().uid; }

    // The untagged responses SELECT and EXAMINE give (RFC 3501 6.3.1), before the tagged OK.
    QList<QByteArray> selectResponses() const;

    // The indexes of the messages a set names. With sequence numbers, nullopt when it reaches past the
    // end (RFC 3501 9 "seq-number"); UIDs that name no message are left out (6.4.8).
    std::optional<QList<int>> indexes(const SequenceSet &set, bool uid) const;

    // The parsed message (null when it cannot be read: `error` says why) and its size (-1 then).
    const MessageStructure *content(quint32 uid, QString *error);
    qint64 size(quint32 uid, QString *error);

    void markChanged() { m_changed = true; }
    // EXPUNGE, FETCH FLAGS and EXISTS for what changed in the store since the last call (after markChanged).
    QList<QByteArray> sync();

    struct Expunged
    {
        QList<quint32> uids;
        QList<QByteArray> responses; // n EXPUNGE, highest first
    };
    // Removes the \Deleted messages (only those in `uids` when given); nullopt when the store refused.
    std::optional<Expunged> expungeDeleted(const SequenceSet *uids, QString *error);

private:
    void forget(qsizetype index);

    MailboxBackend *m_backend;
    QByteArray m_user;
    QByteArray m_name;
    QList<MailboxMessage> m_messages;
    bool m_readOnly;
    bool m_changed = false;
    QHash<quint32, qint64> m_sizes; // RFC822.SIZE by UID
    quint32 m_cachedUid = 0;
    std::shared_ptr<MessageStructure> m_cached;
};

} // namespace MailSink::Imap
