#pragma once

#include "pop3/Maildrop.h"
#include "pop3/MaildropRegistry.h"

#include <QByteArray>
#include <QList>
#include <QSet>

#include <memory>

namespace MailSink::Test {

// An in-memory mail store behind the Maildrop interface, with the views and locks of the real one.
struct FakeStore
{
    struct Message
    {
        qint64 id = 0;
        QByteArray uid;
        QList<QByteArray> recipients;
        QByteArray raw;
    };
    QList<Message> messages; // oldest first
    QList<qint64> removed;
    QList<qint64> seen;
    bool failRead = false;
    bool failRemove = false;
    Pop3::MaildropRegistry registry;
};

class FakeMaildrop : public Pop3::Maildrop
{
public:
    explicit FakeMaildrop(std::shared_ptr<FakeStore> store);
    ~FakeMaildrop() override;

    OpenResult open(const QByteArray &user) override;
    std::optional<QByteArray> read(const Pop3::MaildropMessage &message, QString *error) override;
    void markSeen(const Pop3::MaildropMessage &message) override;
    bool remove(const QList<qint64> &ids, QString *error) override;
    void release() override;

private:
    std::shared_ptr<FakeStore> m_store;
    QString m_key;
    bool m_locked = false;
};

} // namespace MailSink::Test
