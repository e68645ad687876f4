#include "StoreMailboxes.h"

#include "pop3/StoreMaildrop.h"
#include "store/MessageStore.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace MailSink::Imap {

namespace {

const QByteArray Inbox = QByteArrayLiteral("INBOX");
const QByteArray Recipients = QByteArrayLiteral("Recipients");
const QByteArray Flagged = QByteArrayLiteral("Flagged");

bool isInbox(const QByteArray &name)
{
    return name.compare(Inbox, Qt::CaseInsensitive) == 0; // RFC 3501 5.1: INBOX is case-insensitive
}

} // namespace

StoreMailboxes::StoreMailboxes(Store::MessageStore *store)
    : m_store(store)
{ }

QByteArray StoreMailboxes::encodeMailboxName(const QString &name)
{
    QByteArray out;
    QString pending; // characters waiting to be written in the &...- form
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        QByteArray utf16;
        for (QChar c : std::as_const(pending)) {
            utf16 += char(c.unicode() >> 8);
            utf16 += char(c.unicode() & 0xff);
        }
        QByteArray b64 = utf16.toBase64(QByteArray::OmitTrailingEquals);
        b64.replace('/', ',');
        out += '&' + b64 + '-';
        pending.clear();
    };
    for (QChar c : name) {
        if (c.unicode() >= 0x20 && c.unicode() <= 0x7e) {
            flush();
            out += c == u'&' ? QByteArrayLiteral("&-") : QByteArray(1, char(c.unicode()));
        } else {
            pending += c;
        }
    }
    flush();
    return out;
}

quint32 StoreMailboxes::uidValidity()
{
    // RFC 3501 2.3.1.1: fixed for the life of the store, so it is kept in the index.
    const QString initial = QString::number(quint32(QDateTime::currentSecsSinceEpoch()));
    const quint32 value = m_store->metaValue(QStringLiteral("imap-uidvalidity"), initial).toUInt();
    return value ? value : 1;
}

quint32 StoreMailboxes::uidNext()
{
    return quint32(m_store->nextId());
}

QList<MailboxName> StoreMailboxes::mailboxes(const QByteArray &user)
{
    QList<MailboxName> result;
    result.append({Inbox, QByteArrayLiteral("\\HasNoChildren"), true});
    if (Pop3::StoreMaildrop::maildropKey(user) != QLatin1String("*"))
        return result;
    result.append({Flagged, QByteArrayLiteral("\\Flagged \\HasNoChildren"), true});
    QSet<QString> seen;
    QStringList addresses;
    m_store->forEach([&](const Store::MessageInfo &info) {
        for (const QByteArray &recipient : info.envelope.recipients) {
            const QString key = QString::fromUtf8(recipient).trimmed().toCaseFolded();
            if (!key.isEmpty() && !key.contains(u'/') && !seen.contains(key)) {
                seen.insert(key);
                addresses.append(key);
            }
        }
        return true;
    });
    std::sort(addresses.begin(), addresses.end());
    result.append({Recipients,
        addresses.isEmpty() ? QByteArrayLiteral("\\Noselect \\HasNoChildren")
                            : QByteArrayLiteral("\\Noselect \\HasChildren"),
        false});
    for (const QString &address : std::as_const(addresses))
        result.append(
            {Recipients + '/' + encodeMailboxName(address), QByteArrayLiteral("\\HasNoChildren"), true});
    return result;
}

std::optional<QList<MailboxMessage>> StoreMailboxes::open(const QByteArray &user, const QByteArray &mailbox)
{
    if (!m_store || !m_store->isOpen())
        return std::nullopt;
    const QString userKey = Pop3::StoreMaildrop::maildropKey(user);
    QString key;
    bool flaggedOnly = false;
    if (isInbox(mailbox)) {
        key = userKey;
    } else if (userKey != QLatin1String("*")) {
        return std::nullopt;
    } else if (mailbox == Flagged) {
        key = userKey;
        flaggedOnly = true;
    } else if (mailbox.startsWith(QByteArray(Recipients + '/')) && mailbox.size() > Recipients.size() + 1) {
        const QByteArray wanted = mailbox.mid(Recipients.size() + 1);
        // The folder exists when some message has the recipient; look it up by its wire name.
        for (const MailboxName &name : mailboxes(user)) {
            if (name.name == mailbox) {
                key = QString::fromUtf8(wanted); // ASCII names; others are matched below
                break;
            }
        }
        if (key.isEmpty())
            return std::nullopt;
    } else {
        return std::nullopt;
    }

    const QHash<qint64, QByteArray> flags = m_store->flags();
    QList<MailboxMessage> result;
    const bool all = key == QLatin1String("*");
    const QByteArray recipientFolder = mailbox.mid(Recipients.size() + 1);
    m_store->forEach(
        [&](const Store::MessageInfo &info) {
            if (!all) {
                if (isInbox(mailbox) || flaggedOnly) {
                    if (!Pop3::StoreMaildrop::isVisible(key, info.envelope.recipients))
                        return true;
                } else {
                    const bool listed = std::any_of(info.envelope.recipients.cbegin(),
                        info.envelope.recipients.cend(), [&](const QByteArray &r) {
                            return encodeMailboxName(QString::fromUtf8(r).trimmed().toCaseFolded())
                                == recipientFolder;
                        });
                    if (!listed)
                        return true;
                }
            }
            MailboxMessage message;
            message.uid = quint32(info.id);
            message.flags = MessageFlags::fromIndex(info.seen, flags.value(info.id));
            message.internalDate = info.received;
            if (flaggedOnly && !message.flags.has(MessageFlags::Flagged))
                return true;
            result.append(message);
            return true;
        },
        !all);
    std::sort(result.begin(), result.end(),
        [](const MailboxMessage &a, const MailboxMessage &b) { return a.uid < b.uid; });
    return result;
}

std::optional<QByteArray> StoreMailboxes::read(quint32 uid, QString *error)
{
    std::optional<QByteArray> bytes = m_store->readMessage(uid, error);
    if (!bytes && m_store->message(uid))
        bytes = m_store->readMessage(uid, error); // renamed meanwhile (seen elsewhere): look it up again
    return bytes;
}

bool StoreMailboxes::setFlags(quint32 uid, const MessageFlags &flags, QString *error)
{
    if (m_store->setFlags(uid, flags.has(MessageFlags::Seen), flags.toIndex()))
        return true;
    if (error)
        *error = m_store->errorString();
    return false;
}

bool StoreMailboxes::remove(const QList<quint32> &uids, QString *error)
{
    QList<qint64> present;
    for (quint32 uid : uids) {
        if (m_store->message(uid))
            present.append(uid);
    }
    if (present.isEmpty() || m_store->remove(present))
        return true;
    if (error)
        *error = m_store->errorString();
    return false;
}

} // namespace MailSink::Imap
