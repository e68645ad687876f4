#include "StoreMaildrop.h"

#include "Pop3Format.h"
#include "store/MessageStore.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcPop3)

namespace MailSink::Pop3 {

StoreMaildrop::StoreMaildrop(Store::MessageStore *store, std::shared_ptr<MaildropRegistry> registry)
    : m_store(store)
    , m_registry(std::move(registry))
{ }

StoreMaildrop::~StoreMaildrop()
{
    release();
}

QString StoreMaildrop::maildropKey(const QByteArray &user)
{
    const QString name = QString::fromUtf8(user).trimmed();
    if (!name.contains(u'@'))
        return QStringLiteral("*");
    return name.toCaseFolded();
}

bool StoreMaildrop::isVisible(const QString &key, const QList<QByteArray> &recipients)
{
    if (key == QLatin1String("*"))
        return true;
    return std::any_of(recipients.cbegin(), recipients.cend(), [&key](const QByteArray &recipient) {
        return QString::fromUtf8(recipient).trimmed().toCaseFolded() == key;
    });
}

Maildrop::OpenResult StoreMaildrop::open(const QByteArray &user)
{
    OpenResult result;
    release();
    if (!m_store || !m_store->isOpen()) {
        result.error = QStringLiteral("the store is not open");
        return result;
    }
    const QString key = maildropKey(user);
    if (!m_registry->tryLock(key)) {
        result.status = OpenStatus::InUse;
        return result;
    }
    m_key = key;
    m_locked = true;

    // The snapshot: what is stored now, oldest first (list() is newest first).
    QList<Store::MessageInfo> infos = m_store->list();
    std::reverse(infos.begin(), infos.end());
    m_uniqs.clear();
    for (const Store::MessageInfo &info : std::as_const(infos)) {
        if (!isVisible(key, info.envelope.recipients))
            continue;
        std::optional<qint64> size = m_registry->cachedSize(info.uniq);
        if (!size) {
            QFile file(m_store->filePath(info));
            if (!file.open(QIODevice::ReadOnly)) {
                qCInfo(lcPop3).noquote() << "skipping message" << info.id << "(" << file.errorString() << ")";
                continue; // removed meanwhile
            }
            size = crlfSize(file.readAll());
            m_registry->cacheSize(info.uniq, *size);
        }
        m_uniqs.insert(info.id, info.uniq);
        result.messages.append({info.id, uidFor(info.uniq), *size});
    }
    result.status = OpenStatus::Opened;
    return result;
}

std::optional<QByteArray> StoreMaildrop::read(const MaildropMessage &message, QString *error)
{
    std::optional<QByteArray> bytes = m_store->readMessage(message.id, error);
    if (!bytes && m_store->message(message.id)) {
        // Another session's RETR may have just renamed the file into cur/ (seen): look it up again.
        bytes = m_store->readMessage(message.id, error);
    }
    return bytes;
}

void StoreMaildrop::markSeen(const MaildropMessage &message)
{
    if (!m_store->setSeen(message.id, true))
        qCWarning(lcPop3).noquote() << "cannot mark message" << message.id
                                    << "seen:" << m_store->errorString();
}

bool StoreMaildrop::remove(const QList<qint64> &ids, QString *error)
{
    // A message may be gone already (deleted in the GUI, or by a session on an overlapping view):
    // that is what the client asked for, so it is no failure.
    QList<qint64> present;
    for (qint64 id : ids) {
        if (m_store->message(id))
            present.append(id);
    }
    const bool ok = present.isEmpty() || m_store->remove(present);
    for (qint64 id : ids)
        m_registry->forgetSize(m_uniqs.value(id));
    if (!ok && error)
        *error = m_store->errorString();
    return ok;
}

void StoreMaildrop::release()
{
    if (!m_locked)
        return;
    m_registry->unlock(m_key);
    m_locked = false;
}

} // namespace MailSink::Pop3
