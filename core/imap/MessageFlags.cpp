#include "MessageFlags.h"

#include "ImapFormat.h"

namespace MailSink::Imap {

namespace {

struct Name
{
    MessageFlags::System bit;
    const char *name;
};

constexpr Name Names[] = {
    {MessageFlags::Seen, "\\Seen"},
    {MessageFlags::Answered, "\\Answered"},
    {MessageFlags::Flagged, "\\Flagged"},
    {MessageFlags::Deleted, "\\Deleted"},
    {MessageFlags::Draft, "\\Draft"},
};

} // namespace

bool MessageFlags::hasKeyword(const QByteArray &keyword) const
{
    for (const QByteArray &k : keywords) {
        if (k.compare(keyword, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void MessageFlags::add(const MessageFlags &other)
{
    system |= other.system;
    for (const QByteArray &k : other.keywords) {
        if (!hasKeyword(k))
            keywords.append(k);
    }
}

void MessageFlags::remove(const MessageFlags &other)
{
    system &= quint8(~other.system);
    keywords.removeIf([&other](const QByteArray &k) { return other.hasKeyword(k); });
}

QByteArray MessageFlags::toList() const
{
    QByteArray out;
    for (const Name &name : Names) {
        if (system & name.bit) {
            if (!out.isEmpty())
                out += ' ';
            out += name.name;
        }
    }
    for (const QByteArray &k : keywords) {
        if (!out.isEmpty())
            out += ' ';
        out += k;
    }
    return out;
}

QByteArray MessageFlags::toIndex() const
{
    MessageFlags copy = *this;
    copy.system &= quint8(~Seen);
    return copy.toList();
}

MessageFlags MessageFlags::fromIndex(bool seen, const QByteArray &flags)
{
    MessageFlags result;
    for (const QByteArray &flag : flags.split(' ')) {
        if (!flag.isEmpty())
            result.addFlag(flag);
    }
    if (seen)
        result.system |= Seen;
    return result;
}

bool MessageFlags::addFlag(const QByteArray &flag)
{
    if (flag.isEmpty())
        return false;
    if (flag.startsWith('\\')) {
        for (const Name &name : Names) {
            if (flag.compare(name.name, Qt::CaseInsensitive) == 0) {
                system |= name.bit;
                return true;
            }
        }
        return false; // \Recent cannot be set (RFC 3501 2.3.2); other \-names are not flags
    }
    for (char c : flag) {
        if (!isAtomChar(c))
            return false;
    }
    if (!hasKeyword(flag))
        keywords.append(flag);
    return true;
}

} // namespace MailSink::Imap
