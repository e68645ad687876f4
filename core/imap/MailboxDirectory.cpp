#include "MailboxDirectory.h"

#include "ImapFormat.h"

#include <algorithm>

namespace MailSink::Imap {

MailboxDirectory::MailboxDirectory(MailboxBackend *backend, QByteArray user)
    : m_backend(backend)
    , m_user(std::move(user))
{ }

QByteArray MailboxDirectory::canonical(QByteArray name)
{
    if (name.size() >= 5 && name.left(5).compare("INBOX", Qt::CaseInsensitive) == 0
        && (name.size() == 5 || name.at(5) == '/'))
        name.replace(0, 5, "INBOX");
    return name;
}

// Dynamic programming, so a pattern of many wildcards costs its length times the name's, not more.
bool MailboxDirectory::matches(const QByteArray &pattern, const QByteArray &name)
{
    QList<bool> row(name.size() + 1, false), next(name.size() + 1, false);
    row[0] = true;
    for (char p : pattern) {
        std::fill(next.begin(), next.end(), false);
        if (p == '*' || p == '%') {
            bool reachable = false;
            for (qsizetype j = 0; j <= name.size(); ++j) {
                if (row[j])
                    reachable = true;
                next[j] = reachable;
                if (p == '%' && j < name.size() && name.at(j) == '/')
                    reachable = false;
            }
        } else {
            for (qsizetype j = 0; j < name.size(); ++j)
                next[j + 1] = row[j] && name.at(j) == p;
        }
        row.swap(next);
    }
    return row[name.size()];
}

QList<QByteArray> MailboxDirectory::list(
    const QByteArray &reference, const QByteArray &pattern, ListOptions options) const
{
    const QByteArray verb = options.lsub ? "LSUB" : "LIST";
    QList<QByteArray> responses;
    if (pattern.isEmpty()) {
        // RFC 3501 6.3.8: the delimiter and the root of the reference.
        responses.append(verb + " (\\Noselect) \"/\" \"\"");
        return responses;
    }
    QByteArray full = reference;
    if (!full.isEmpty() && !full.endsWith('/') && !pattern.startsWith('/'))
        full += '/';
    full = canonical(full + pattern);
    for (const MailboxName &mailbox : m_backend->mailboxes(m_user)) {
        if (!matches(full, mailbox.name))
            continue;
        const bool special = mailbox.attributes.contains("\\Flagged") || mailbox.attributes.contains("\\All");
        if (options.specialUseOnly && !special)
            continue;
        QByteArray attributes = mailbox.attributes;
        if (options.subscribed && mailbox.selectable)
            attributes += " \\Subscribed";
        responses.append(verb + " (" + attributes + ") \"/\" " + string(mailbox.name));
    }
    return responses;
}

std::optional<QByteArray> MailboxDirectory::status(
    const QByteArray &mailbox, const QList<QByteArray> &items) const
{
    const auto messages = m_backend->open(m_user, mailbox);
    if (!messages)
        return std::nullopt;
    QByteArray values;
    for (const QByteArray &item : std::as_const(items)) {
        qint64 value = 0;
        if (item == "MESSAGES")
            value = messages->size();
        else if (item == "UIDNEXT")
            value
                = qint64(std::max(m_backend->uidNext(), messages->isEmpty() ? 1u : messages->last().uid + 1));
        else if (item == "UIDVALIDITY")
            value = m_backend->uidValidity();
        else if (item == "UNSEEN")
            value = std::count_if(messages->cbegin(), messages->cend(),
                [](const MailboxMessage &m) { return !m.flags.has(MessageFlags::Seen); });
        values += (values.isEmpty() ? "" : " ") + item + ' ' + QByteArray::number(value);
    }
    return values;
}

} // namespace MailSink::Imap
