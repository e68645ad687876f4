#pragma once

#include "Maildrop.h"
#include "MaildropRegistry.h"

#include <QHash>

#include <memory>

namespace MailSink::Store {
class MessageStore;
struct MessageInfo;
} // namespace MailSink::Store

namespace MailSink::Pop3 {

// A POP3 maildrop over the MessageStore. The user name picks the view: an e-mail address sees
// the messages whose SMTP envelope lists it as a recipient (case-insensitive); any other name
// ("all") sees every message. Message 1 is the oldest. One instance per session; it must be
// used from one thread (the store gives each thread its own index connection).
class StoreMaildrop : public Maildrop
{
public:
    StoreMaildrop(Store::MessageStore *store, std::shared_ptr<MaildropRegistry> registry);
    ~StoreMaildrop() override;

    OpenResult open(const QByteArray &user) override;
    std::optional<QByteArray> read(const MaildropMessage &message, QString *error) override;
    void markSeen(const MaildropMessage &message) override;
    bool remove(const QList<qint64> &ids, QString *error) override;
    void release() override;

    // The lock key of a user's maildrop: the lower-cased address, or "*" for the whole store.
    static QString maildropKey(const QByteArray &user);
    static bool isVisible(const QString &key, const QList<QByteArray> &recipients);

private:
    Store::MessageStore *m_store;
    std::shared_ptr<MaildropRegistry> m_registry;
    QString m_key;
    bool m_locked = false;
    QHash<qint64, QByteArray> m_uniqs; // id -> Maildir unique name, for the size cache
};

} // namespace MailSink::Pop3
