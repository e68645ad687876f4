// ImapSession's commands on the messages of the selected mailbox (RFC 3501 6.4): SEARCH, FETCH, STORE,
// COPY, EXPUNGE and their UID forms. The session's other commands are in ImapSession.cpp.
#include "ImapSession.h"

#include "FetchRequest.h"
#include "ImapFormat.h"
#include "ImapReader.h"
#include "MailboxDirectory.h"
#include "MessageStructure.h"
#include "SearchProgram.h"
#include "SelectedMailbox.h"
#include "SequenceSet.h"

#include <algorithm>

namespace MailSink::Imap {

std::optional<QList<int>> ImapSession::resolve(
    const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out)
{
    std::optional<QByteArray> text;
    if (reader.space())
        text = reader.sequenceSet();
    const auto set = SequenceSet::parse(text.value_or(QByteArray()));
    if (!set) {
        bad(out, tag, uid ? "Bad UID set" : "Bad sequence set");
        return std::nullopt;
    }
    const auto indexes = m_selected->indexes(*set, uid);
    if (!indexes)
        bad(out, tag,
            "Invalid message sequence number (the mailbox has "
                + QByteArray::number(m_selected->messages().size()) + " messages)");
    return indexes;
}

const MessageStructure *ImapSession::content(quint32 uid)
{
    QString error;
    const MessageStructure *structure = m_selected->content(uid, &error);
    if (!structure)
        event("cannot read message " + QByteArray::number(uid) + ": " + error.toUtf8());
    return structure;
}

qint64 ImapSession::messageSize(quint32 uid)
{
    QString error;
    const qint64 size = m_selected->size(uid, &error);
    if (size < 0)
        event("cannot read message " + QByteArray::number(uid) + ": " + error.toUtf8());
    return size;
}

bool ImapSession::expungeDeleted(const SequenceSet *uids, QByteArray &out, QString *error)
{
    const auto expunged = m_selected->expungeDeleted(uids, error);
    if (!expunged)
        return false;
    if (!expunged->uids.isEmpty())
        event("expunged " + QByteArray::number(expunged->uids.size()) + " message(s): UID "
            + SequenceSet::format(expunged->uids));
    untagged(out, expunged->responses);
    return true;
}

void ImapSession::cmdExpunge(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out)
{
    if (m_selected->isReadOnly())
        return no(out, tag, "[READ-ONLY] The mailbox was opened with EXAMINE");
    std::optional<SequenceSet> set;
    if (uid) { // RFC 4315 2.1
        std::optional<QByteArray> text;
        if (reader.space())
            text = reader.sequenceSet();
        set = SequenceSet::parse(text.value_or(QByteArray()));
        if (!set || !reader.atEnd())
            return bad(out, tag, "Syntax: UID EXPUNGE uid-set");
    }
    QString error;
    if (!expungeDeleted(set ? &*set : nullptr, out, &error))
        return no(out, tag, "[SERVERBUG] Cannot expunge: " + error.toUtf8());
    ok(out, tag, uid ? "UID EXPUNGE completed" : "EXPUNGE completed");
}

void ImapSession::cmdSearch(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out)
{
    if (!reader.space())
        return bad(out, tag, "SEARCH needs search keys");
    const qsizetype start = reader.position();
    const auto word = reader.atom();
    if (word && word->toUpper() == "CHARSET") {
        std::optional<QByteArray> charset;
        if (reader.space())
            charset = reader.astring();
        if (!charset || !reader.space())
            return bad(out, tag, "Syntax: SEARCH CHARSET name keys");
        const QByteArray upper = charset->toUpper();
        if (upper != "UTF-8" && upper != "US-ASCII")
            return no(out, tag, "[BADCHARSET (US-ASCII UTF-8)] Unsupported charset");
    } else {
        reader.seek(start);
    }
    QByteArray error;
    const auto program = SearchProgram::parse(reader, &error);
    if (!program)
        return bad(out, tag, error);
    QByteArray result = "SEARCH";
    const QList<MailboxMessage> &messages = m_selected->messages();
    const quint32 largestUid = m_selected->largestUid();
    for (int i = 0; i < messages.size(); ++i) {
        const MailboxMessage &message = messages.at(i);
        SearchSubject subject;
        subject.sequence = quint32(i + 1);
        subject.largestSequence = quint32(messages.size());
        subject.largestUid = largestUid;
        subject.message = &message;
        subject.content = [this, &message] { return content(message.uid); };
        subject.size = [this, &message] { return messageSize(message.uid); };
        if (program->matches(subject))
            result += ' ' + QByteArray::number(uid ? message.uid : quint32(i + 1));
    }
    untagged(out, result);
    ok(out, tag, uid ? "UID SEARCH completed" : "SEARCH completed");
}

void ImapSession::cmdFetch(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out)
{
    const auto indexes = resolve(tag, reader, uid, out);
    if (!indexes)
        return;
    QByteArray error;
    std::optional<FetchRequest> request;
    if (reader.space())
        request = FetchRequest::parse(reader, uid, &error);
    else
        error = "Syntax: FETCH set items";
    if (!request || !reader.atEnd())
        return bad(out, tag, error.isEmpty() ? QByteArrayLiteral("Unexpected arguments to FETCH") : error);
    const bool wantsFlags = request->wantsFlags();
    const FetchRequest::SizeOf sizeOf = [this](quint32 id) { return messageSize(id); };
    const FetchRequest::ContentOf contentOf = [this](quint32 id) { return content(id); };
    int unreadable = 0;
    for (int index : *indexes) {
        MailboxMessage &message = m_selected->messages()[index];
        FetchRequest::Rendered rendered
            = request->render(message, m_selected->isReadOnly(), sizeOf, contentOf);
        QByteArray &response = rendered.data;
        const bool setSeen = rendered.setsSeen;
        const bool failed = rendered.failed;
        if (setSeen) {
            // RFC 3501 6.4.5: BODY[] sets \Seen; the GUI shows the message as read as well.
            MessageFlags flags = message.flags;
            flags.system |= MessageFlags::Seen;
            QString storeError;
            if (m_backend->setFlags(message.uid, flags, &storeError))
                message.flags = flags;
            else
                event("cannot set \\Seen: " + storeError.toUtf8());
        }
        if (wantsFlags || setSeen)
            response
                += (response.isEmpty() ? "" : " ") + QByteArray("FLAGS (") + message.flags.toList() + ')';
        untagged(out, QByteArray::number(index + 1) + " FETCH (" + response + ')');
        unreadable += failed;
    }
    if (unreadable)
        return no(out, tag, "Some messages could not be read (removed meanwhile?)");
    ok(out, tag, uid ? "UID FETCH completed" : "FETCH completed");
}

void ImapSession::cmdStore(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out)
{
    const auto indexes = resolve(tag, reader, uid, out);
    if (!indexes)
        return;
    QByteArray mode;
    if (reader.space()) {
        char sign = 0;
        if (reader.consume('+'))
            sign = '+';
        else if (reader.consume('-'))
            sign = '-';
        mode = reader.atom().value_or(QByteArray()).toUpper();
        if (sign)
            mode.prepend(sign);
    }
    const bool silent = mode.endsWith(".SILENT");
    const QByteArray base = silent ? mode.chopped(7) : mode;
    if (base != "FLAGS" && base != "+FLAGS" && base != "-FLAGS")
        return bad(out, tag, "Syntax: STORE set [+|-]FLAGS[.SILENT] (flags)");
    std::optional<MessageFlags> flags;
    if (reader.space())
        flags = reader.flagList();
    if (!flags || !reader.atEnd())
        return bad(out, tag, "Bad flag list");
    if (m_selected->isReadOnly())
        return no(out, tag, "[READ-ONLY] The mailbox was opened with EXAMINE");
    int failures = 0;
    for (int index : *indexes) {
        MailboxMessage &message = m_selected->messages()[index];
        // +FLAGS and -FLAGS change what is stored now, not the snapshot: the GUI may have marked the
        // message read meanwhile.
        if (base != "FLAGS") {
            if (const auto current = m_backend->flags(message.uid))
                message.flags = *current;
        }
        MessageFlags changed = message.flags;
        if (base == "FLAGS")
            changed = *flags;
        else if (base == "+FLAGS")
            changed.add(*flags);
        else
            changed.remove(*flags);
        if (changed != message.flags) {
            QString error;
            if (m_backend->setFlags(message.uid, changed, &error)) {
                message.flags = changed;
            } else {
                event("cannot store flags of UID " + QByteArray::number(message.uid) + ": " + error.toUtf8());
                ++failures;
            }
        }
        if (!silent)
            untagged(out,
                QByteArray::number(index + 1) + " FETCH ("
                    + (uid ? "UID " + QByteArray::number(message.uid) + ' ' : QByteArray()) + "FLAGS ("
                    + message.flags.toList() + "))");
    }
    if (failures)
        return no(out, tag, "Some flags could not be stored (message removed meanwhile?)");
    ok(out, tag, uid ? "UID STORE completed" : "STORE completed");
}

void ImapSession::cmdCopy(const QByteArray &tag, ImapReader &reader, bool uid, QByteArray &out)
{
    const auto indexes = resolve(tag, reader, uid, out);
    if (!indexes)
        return;
    std::optional<QByteArray> name;
    if (reader.space())
        name = reader.astring();
    if (!name || !reader.atEnd())
        return bad(out, tag, "Syntax: COPY set mailbox");
    const QByteArray target = MailboxDirectory::canonical(*name);
    const auto messages = m_backend->open(m_user, target);
    if (!messages)
        return no(out, tag, "[TRYCREATE] No such mailbox");
    // Mailboxes are views of one store: a message is in every mailbox whose view includes it, with the
    // same UID. COPY into such a mailbox has nothing to add (RFC 4315 COPYUID maps each UID to itself);
    // into one that does not show the message it cannot be done.
    QSet<quint32> present;
    for (const MailboxMessage &message : *messages)
        present.insert(message.uid);
    QList<quint32> uids;
    for (int index : *indexes) {
        const quint32 u = m_selected->messages().at(index).uid;
        if (!present.contains(u))
            return no(out, tag,
                "[CANNOT] Mailboxes are views of the envelope recipients; " + string(target)
                    + " does not show UID " + QByteArray::number(u));
        uids.append(u);
    }
    if (uids.isEmpty())
        return ok(out, tag, "COPY completed (nothing to copy)");
    const QByteArray set = SequenceSet::format(uids);
    ok(out, tag,
        "[COPYUID " + QByteArray::number(m_backend->uidValidity()) + ' ' + set + ' ' + set
            + "] COPY completed");
}

} // namespace MailSink::Imap
