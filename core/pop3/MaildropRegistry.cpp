#include "MaildropRegistry.h"

namespace MailSink::Pop3 {

bool MaildropRegistry::tryLock(const QString &key)
{
    std::lock_guard lock(m_mutex);
    if (m_locked.contains(key))
        return false;
    m_locked.insert(key);
    return true;
}

void MaildropRegistry::unlock(const QString &key)
{
    std::lock_guard lock(m_mutex);
    m_locked.remove(key);
}

bool MaildropRegistry::isLocked(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    return m_locked.contains(key);
}

std::optional<qint64> MaildropRegistry::cachedSize(const QByteArray &uniq) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sizes.constFind(uniq);
    if (it == m_sizes.cend())
        return std::nullopt;
    return *it;
}

void MaildropRegistry::cacheSize(const QByteArray &uniq, qint64 size)
{
    std::lock_guard lock(m_mutex);
    m_sizes.insert(uniq, size);
}

void MaildropRegistry::forgetSize(const QByteArray &uniq)
{
    std::lock_guard lock(m_mutex);
    m_sizes.remove(uniq);
}

} // namespace MailSink::Pop3
