#include "SelectedMailbox.h"

#include "ImapFormat.h"
#include "MessageStructure.h"
#include "SequenceSet.h"

#include <algorithm>

namespace MailSink::Imap {

namespace {

const QByteArray AllFlags = QByteArrayLiteral("\\Answered \\Flagged \\Deleted \\Seen \\Draft");

} // namespace

SelectedMailbox::SelectedMailbox(
    MailboxBackend *backend, QByteArray user, QByteArray name, QList<MailboxMessage> messages, bool readOnly)
    : m_backend(backend)
    , m_user(std::move(user))
    , m_name(std::move(name))
    , m_messages(std::move(messages))
    , m_readOnly(readOnly)
{ }

QList<QByteArray> SelectedMailbox::selectResponses() const
{
    QByteArray keywords;
    QList<QByteArray> seen;
    for (const MailboxMessage &message : m_messages) {
        for (const QByteArray &keyword : message.flags.keywords) {
            if (!seen.contains(keyword)) {
                seen.append(keyword);
                keywords += ' ' + keyword;
            }
        }
    }
    QList<QByteArray> responses;
    responses.append("FLAGS (" + AllFlags + keywords + ')');
    responses.append("OK [PERMANENTFLAGS (" + (m_readOnly ? QByteArray() : AllFlags + keywords + " \\*")
        + ")] Flags permitted");
    responses.append(QByteArray::number(m_messages.size()) + " EXISTS");
    responses.append("0 RECENT");
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (!m_messages.at(i).flags.has(MessageFlags::Seen)) {
            responses.append("OK [UNSEEN " + QByteArray::number(i + 1) + "] First unseen");
            break;
        }
    }
    const quint32 uidNext = std::max(m_backend->uidNext(), largestUid() + 1);
    responses.append("OK [UIDVALIDITY " + QByteArray::number(m_backend->uidValidity()) + "] UIDs valid");
    responses.append("OK [UIDNEXT " + QByteArray::number(uidNext) + "] Predicted next UID");
    return responses;
}

std::optional<QList<int>> SelectedMailbox::indexes(const SequenceSet &set, bool uid) const
{
    QList<int> result;
    if (uid) {
        const quint32 largest = largestUid();
        for (int i = 0; i < m_messages.size(); ++i) {
            if (set.contains(m_messages.at(i).uid, largest))
                result.append(i);
        }
        return result;
    }
    const quint32 count = quint32(m_messages.size());
    const quint32 upper = set.upperBound(count);
    if (upper == 0 || upper > count)
        return std::nullopt;
    for (quint32 n = 1; n <= count; ++n) {
        if (set.contains(n, count))
            result.append(int(n - 1));
    }
    return result;
}

const MessageStructure *SelectedMailbox::content(quint32 uid, QString *error)
{
    if (m_cached && m_cachedUid == uid)
        return m_cached.get();
    const std::optional<QByteArray> raw = m_backend->read(uid, error);
    if (!raw)
        return nullptr;
    m_cached = std::make_shared<MessageStructure>(toCrlf(*raw));
    m_cachedUid = uid;
    m_sizes.insert(uid, m_cached->bytes().size());
    return m_cached.get();
}

qint64 SelectedMailbox::size(quint32 uid, QString *error)
{
    const auto found = m_sizes.constFind(uid);
    if (found != m_sizes.cend())
        return *found;
    const MessageStructure *structure = content(uid, error);
    return structure ? structure->bytes().size() : -1;
}

void SelectedMailbox::forget(qsizetype index)
{
    m_sizes.remove(m_messages.at(index).uid);
    m_messages.removeAt(index);
}

QList<QByteArray> SelectedMailbox::sync()
{
    QList<QByteArray> responses;
    if (!m_changed)
        return responses;
    m_changed = false;
    const QList<MailboxMessage> fresh = m_backend->open(m_user, m_name).value_or(QList<MailboxMessage>());
    QHash<quint32, qsizetype> byUid;
    for (qsizetype i = 0; i < fresh.size(); ++i)
        byUid.insert(fresh.at(i).uid, i);
    // Expunged elsewhere (the GUI, POP3): from the highest number down, so each number is still valid.
    for (qsizetype i = m_messages.size() - 1; i >= 0; --i) {
        if (!byUid.contains(m_messages.at(i).uid)) {
            responses.append(QByteArray::number(i + 1) + " EXPUNGE");
            forget(i);
        }
    }
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        MailboxMessage &message = m_messages[i];
        const MessageFlags &flags = fresh.at(byUid.value(message.uid)).flags;
        if (flags != message.flags) {
            message.flags = flags;
            responses.append(QByteArray::number(i + 1) + " FETCH (UID " + QByteArray::number(message.uid)
                + " FLAGS (" + flags.toList() + "))");
        }
    }
    const quint32 last = largestUid();
    const qsizetype before = m_messages.size();
    for (const MailboxMessage &message : fresh) {
        if (message.uid > last)
            m_messages.append(message);
    }
    if (m_messages.size() != before) {
        responses.append(QByteArray::number(m_messages.size()) + " EXISTS");
        responses.append("0 RECENT");
    }
    return responses;
}

std::optional<SelectedMailbox::Expunged> SelectedMailbox::expungeDeleted(
    const SequenceSet *uids, QString *error)
{
    const quint32 largest = largestUid();
    Expunged expunged;
    QList<int> indexes;
    for (int i = 0; i < m_messages.size(); ++i) {
        const MailboxMessage &message = m_messages.at(i);
        if (message.flags.has(MessageFlags::Deleted) && (!uids || uids->contains(message.uid, largest))) {
            expunged.uids.append(message.uid);
            indexes.append(i);
        }
    }
    if (expunged.uids.isEmpty())
        return expunged;
    if (!m_backend->remove(expunged.uids, error))
        return std::nullopt;
    for (qsizetype i = indexes.size() - 1; i >= 0; --i) {
        expunged.responses.append(QByteArray::number(indexes.at(i) + 1) + " EXPUNGE");
        forget(indexes.at(i));
    }
    return expunged;
}

} // namespace MailSink::Imap
