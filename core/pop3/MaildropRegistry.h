#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <mutex>
#include <optional>

namespace MailSink::Pop3 {

// What all sessions of one POP3 service share: the maildrop locks (RFC 1939 4: one session per
// maildrop in TRANSACTION) and the CRLF sizes of stored messages (Maildir files never change, so
// a size is computed once). Thread-safe.
class MaildropRegistry
{
public:
    bool tryLock(const QString &key);
    void unlock(const QString &key);
    bool isLocked(const QString &key) const;

    std::optional<qint64> cachedSize(const QByteArray &uniq) const;
    void cacheSize(const QByteArray &uniq, qint64 size);
    void forgetSize(const QByteArray &uniq);

private:
    mutable std::mutex m_mutex;
    QSet<QString> m_locked;
    QHash<QByteArray, qint64> m_sizes;
};

} // namespace MailSink::Pop3
