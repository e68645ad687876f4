#include "FakeMaildrop.h"

#include "pop3/Pop3Format.h"
#include "pop3/StoreMaildrop.h"

namespace MailSink::Test {

FakeMaildrop::FakeMaildrop(std::shared_ptr<FakeStore> store)
    : m_store(std::move(store))
{ }

FakeMaildrop::~FakeMaildrop()
{
    release();
}

Pop3::Maildrop::OpenResult FakeMaildrop::open(const QByteArray &user)
{
    OpenResult result;
    const QString key = Pop3::StoreMaildrop::maildropKey(user);
    if (!m_store->registry.tryLock(key)) {
        result.status = OpenStatus::InUse;
        return result;
    }
    m_key = key;
    m_locked = true;
    for (const FakeStore::Message &message : std::as_const(m_store->messages)) {
        if (!m_store->removed.contains(message.id) && Pop3::StoreMaildrop::isVisible(key, message.recipients))
            result.messages.append({message.id, message.uid, Pop3::crlfSize(message.raw)});
    }
    result.status = OpenStatus::Opened;
    return result;
}

std::optional<QByteArray> FakeMaildrop::read(const Pop3::MaildropMessage &message, QString *error)
{
    for (const FakeStore::Message &stored : std::as_const(m_store->messages)) {
        if (stored.id == message.id && !m_store->failRead && !m_store->removed.contains(stored.id))
            return stored.raw;
    }
    *error = QStringLiteral("no message with id %1").arg(message.id);
    return std::nullopt;
}

void FakeMaildrop::markSeen(const Pop3::MaildropMessage &message)
{
    if (!m_store->seen.contains(message.id))
        m_store->seen.append(message.id);
}

bool FakeMaildrop::remove(const QList<qint64> &ids, QString *error)
{
    if (m_store->failRemove) {
        *error = QStringLiteral("injected failure");
        return false;
    }
    m_store->removed += ids;
    return true;
}

void FakeMaildrop::release()
{
    if (m_locked)
        m_store->registry.unlock(m_key);
    m_locked = false;
}

} // namespace MailSink::Test
