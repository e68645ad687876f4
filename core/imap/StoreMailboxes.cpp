#include "StoreMailboxes.h"

#include "pop3/StoreMaildrop.h"
#include "store/MessageStore.h"

#include <QDateTime>
#include <QFile>
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
    m_files.clear();
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
            m_files.insert(message.uid, info.file);
            return true;
        },
        !all);
    std::sort(result.begin(), result.end(),
        [](const MailboxMessage &a, const MailboxMessage &b) { return a.uid < b.uid; });
    return result;
}

std::optional<QByteArray> StoreMailboxes::readFile(const QString &file, QString *error) const
{
    QFile in(m_store->root() + u'/' + file);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(in.fileName(), in.errorString());
        return std::nullopt;
    }
    return in.readAll();
}

std::optional<QByteArray> StoreMailboxes::read(quint32 uid, QString *error)
{
    const auto known = m_files.constFind(uid);
    const bool listed = known != m_files.cend();
    if (listed) {
        if (auto bytes = readFile(*known, nullptr))
            return bytes;
    }
    // Not opened through this view, or renamed meanwhile (flags changed elsewhere): ask the index, twice
    // in case it is renamed again between the lookup and the read.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto info = m_store->message(uid);
        if (!info) {
            m_files.remove(uid);
            if (error)
                *error = QStringLiteral("no message with UID %1").arg(uid);
            return std::nullopt;
        }
        if (auto bytes = readFile(info->file, error)) {
            if (listed)
                m_files.insert(uid, info->file);
            return bytes;
        }
    }
    return std::nullopt;
}

std::optional<MessageFlags> StoreMailboxes::flags(quint32 uid)
{
    const auto info = m_store->message(uid);
    if (!info)
        return std::nullopt;
    return MessageFlags::fromIndex(info->seen, m_store->flags(uid));
}

bool StoreMailboxes::setFlags(quint32 uid, const MessageFlags &flags, QString *error)
{
    if (m_store->setFlags(uid, flags.has(MessageFlags::Seen), flags.toIndex())) {
        // The Maildir info letters are part of the file name.
        const auto info = m_files.contains(uid) ? m_store->message(uid) : std::nullopt;
        if (info)
            m_files.insert(uid, info->file);
        return true;
    }
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
