#include "SearchQuery.h"

#include <QRegularExpression>

#include <optional>

namespace MailSink::Api {

QStringList SearchQuery::tokenize(const QString &query)
{
    // Whitespace separates terms except inside double quotes; the quotes themselves are dropped, so
    // `subject:"two words"` and `"two words"` each make one term.
    QStringList tokens;
    QString current;
    bool quoted = false;
    bool any = false;
    for (const QChar c : query) {
        if (c == u'"') {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any && !current.isEmpty())
                tokens.append(current);
            current.clear();
            any = false;
        } else {
            current.append(c);
            any = true;
        }
    }
    if (!current.isEmpty())
        tokens.append(current);
    return tokens;
}

QDateTime SearchQuery::parseDate(const QString &text, const QTimeZone &zone, bool *ok)
{
    *ok = false;
    const QString t = text.trimmed();
    QDateTime result = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!result.isValid())
        result = QDateTime::fromString(t, Qt::RFC2822Date);
    if (result.isValid() && !t.contains(u'T') && !t.contains(u'+') && !t.endsWith(u'Z')
        && result.timeSpec() == Qt::LocalTime)
        result = QDateTime(result.date(), result.time(), zone);
    if (!result.isValid()) {
        for (const char *format : {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd",
                 "dd MMM yyyy", "d MMM yyyy", "MMM d yyyy", "MMM d, yyyy"}) {
            const QDateTime parsed = QDateTime::fromString(t, QLatin1String(format));
            if (parsed.isValid()) {
                result = QDateTime(parsed.date(), parsed.time(), zone);
                break;
            }
            const QDate date = QDate::fromString(t, QLatin1String(format));
            if (date.isValid()) {
                result = QDateTime(date, QTime(0, 0), zone);
                break;
            }
        }
    }
    *ok = result.isValid();
    return result;
}

qint64 SearchQuery::parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([kmg]?)i?b?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return 0;
    double value = match.captured(1).toDouble();
    const QString unit = match.captured(2).toLower();
    if (unit == u"k")
        value *= 1024;
    else if (unit == u"m")
        value *= 1024 * 1024;
    else if (unit == u"g")
        value *= 1024.0 * 1024 * 1024;
    return qint64(value);
}

SearchQuery SearchQuery::parse(const QString &query, const QTimeZone &zone)
{
    static const QList<std::pair<QLatin1String, Field>> prefixes = {
        {QLatin1String("from:"), Field::From},
        {QLatin1String("to:"), Field::To},
        {QLatin1String("cc:"), Field::Cc},
        {QLatin1String("bcc:"), Field::Bcc},
        {QLatin1String("reply-to:"), Field::ReplyTo},
        {QLatin1String("addressed:"), Field::Addressed},
        {QLatin1String("subject:"), Field::Subject},
        {QLatin1String("message-id:"), Field::MessageId},
        {QLatin1String("tag:"), Field::Tag},
        {QLatin1String("after:"), Field::After},
        {QLatin1String("before:"), Field::Before},
        {QLatin1String("larger:"), Field::Larger},
        {QLatin1String("smaller:"), Field::Smaller},
    };
    static const QList<std::pair<QLatin1String, Field>> flags = {
        {QLatin1String("is:read"), Field::Read},
        {QLatin1String("is:unread"), Field::Unread},
        {QLatin1String("is:tagged"), Field::Tagged},
        {QLatin1String("has:attachment"), Field::Attachment},
        {QLatin1String("has:attachments"), Field::Attachment},
        {QLatin1String("has:inline"), Field::Inline},
        {QLatin1String("has:inlines"), Field::Inline},
    };
    SearchQuery result;
    for (QString token : tokenize(query)) {
        Term term {Field::Text, {}, {}, 0, false};
        if (token.size() > 1 && (token.startsWith(u'-') || token.startsWith(u'!'))) {
            term.negate = true;
            token.remove(0, 1);
        }
        const QString lower = token.toLower();
        bool known = false;
        for (const auto &[flag, field] : flags) {
            if (lower == flag) {
                term.field = field;
                known = true;
                break;
            }
        }
        if (!known) {
            for (const auto &[prefix, field] : prefixes) {
                if (lower.startsWith(prefix)) {
                    term.field = field;
                    term.value = lower.mid(prefix.size());
                    known = true;
                    break;
                }
            }
        }
        if (!known)
            term.value = lower;
        if (term.field == Field::After || term.field == Field::Before) {
            bool ok = false;
            term.date = parseDate(token.mid(term.field == Field::After ? 6 : 7), zone, &ok);
            if (!ok) {
                result.m_warnings.append(QStringLiteral("ignoring invalid date \"%1\"").arg(token));
                continue;
            }
        } else if (term.field == Field::Larger || term.field == Field::Smaller) {
            term.size = parseSize(term.value);
            if (term.size <= 0) {
                // Mailpit treats an unreadable size as a plain word.
                term.field = Field::Text;
                term.value = lower;
            }
        }
        if (term.value.isEmpty() && term.field <= Field::Tag)
            continue; // "from:" alone says nothing
        result.m_terms.append(term);
    }
    return result;
}

bool SearchQuery::cheap(Field field)
{
    switch (field) {
    case Field::From:
    case Field::To:
    case Field::Subject:
    case Field::Read:
    case Field::Unread:
    case Field::Tag:
    case Field::Tagged:
    case Field::After:
    case Field::Before:
    case Field::Larger:
    case Field::Smaller:
        return true;
    default:
        return false;
    }
}

bool SearchQuery::needsDetails() const
{
    for (const Term &term : m_terms) {
        if (!cheap(term.field))
            return true;
    }
    return false;
}

bool SearchQuery::needsEnvelope() const
{
    for (const Term &term : m_terms) {
        if (term.field == Field::Text || term.field == Field::Bcc || term.field == Field::Addressed)
            return true;
    }
    return false;
}

bool SearchQuery::matchesTerm(const Term &term, const SearchSubject &s,
    const std::function<const SearchSubject::Details &()> &details) const
{
    const auto has
        = [&term](const QString &haystack) { return haystack.contains(term.value, Qt::CaseInsensitive); };
    switch (term.field) {
    case Field::Text:
        if (has(s.subject) || has(s.from) || has(s.to) || has(s.envelope))
            return true;
        {
            const SearchSubject::Details &d = details();
            return has(d.cc) || has(d.bcc) || has(d.replyTo) || has(d.messageId) || has(d.text);
        }
    case Field::From:
        return has(s.from);
    case Field::To:
        return has(s.to);
    case Field::Cc:
        return has(details().cc);
    case Field::Bcc:
        return has(details().bcc);
    case Field::ReplyTo:
        return has(details().replyTo);
    case Field::Addressed:
        if (has(s.from) || has(s.to))
            return true;
        return has(details().cc) || has(details().bcc) || has(details().replyTo);
    case Field::Subject:
        return has(s.subject);
    case Field::MessageId:
        return has(details().messageId);
    case Field::Tag:
    case Field::Tagged:
        return false; // Mailsink has no tags
    case Field::Read:
        return s.read;
    case Field::Unread:
        return !s.read;
    case Field::Attachment:
        return details().attachments > 0;
    case Field::Inline:
        return details().inlines > 0;
    case Field::After:
        return s.received >= term.date;
    case Field::Before:
        return s.received <= term.date;
    case Field::Larger:
        return s.size > term.size;
    case Field::Smaller:
        return s.size < term.size;
    }
    return false;
}

bool SearchQuery::matches(
    const SearchSubject &subject, const std::function<SearchSubject::Details()> &details) const
{
    std::optional<SearchSubject::Details> loaded;
    const std::function<const SearchSubject::Details &()> lazy = [&]() -> const SearchSubject::Details & {
        if (!loaded)
            loaded = details ? details() : SearchSubject::Details {};
        return *loaded;
    };
    // Cheap terms first: most messages are decided without opening them.
    for (int pass = 0; pass < 2; ++pass) {
        for (const Term &term : m_terms) {
            if (cheap(term.field) != (pass == 0))
                continue;
            if (matchesTerm(term, subject, lazy) == term.negate)
                return false;
        }
    }
    return true;
}

} // namespace MailSink::Api
