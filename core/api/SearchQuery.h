#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>

namespace MailSink::Api {

// What a search term is matched against. Cheap fields come from the store index; the rest is asked
// for only when a term needs it (parsing the message).
struct SearchSubject
{
    QString subject;
    QString from; // "Name <address>" forms, any case
    QString to;
    bool read = false;
    bool hasAttachments = false;
    QDateTime received;
    qint64 size = 0;
    QString envelope; // MAIL FROM and RCPT TO addresses, HELO, client address
    // Filled on demand; `loaded` says whether they are.
    struct Details
    {
        QString cc;
        QString bcc; // Bcc header plus envelope recipients found in no header
        QString replyTo;
        QString messageId;
        QString text; // decoded text and HTML bodies
        int attachments = 0;
        int inlines = 0;
    };
};

// Mailpit's search syntax (https://mailpit.axllent.org/docs/usage/search-filters/): words and "quoted
// phrases" match anywhere, from: to: cc: bcc: reply-to: addressed: subject: message-id: tag:, is:read,
// is:unread, is:tagged, has:attachment, has:inline, before: after: (dates in the given time zone),
// larger: smaller: (sizes like 500K, 2MB); '-' or '!' negates a term. Terms are ANDed, matching is
// case-insensitive.
class SearchQuery
{
public:
    static SearchQuery parse(const QString &query, const QTimeZone &zone = QTimeZone::systemTimeZone());

    bool isEmpty() const { return m_terms.isEmpty(); }
    // `details` is called at most once, only when a term needs what the index lacks.
    bool matches(const SearchSubject &subject, const std::function<SearchSubject::Details()> &details) const;
    bool needsDetails() const; // some term can only be decided from the message itself
    bool needsEnvelope() const; // some term looks at the envelope (plain words, bcc:, addressed:)
    QStringList warnings() const { return m_warnings; } // terms ignored, e.g. an unreadable date

    static QStringList tokenize(const QString &query);
    static QDateTime parseDate(const QString &text, const QTimeZone &zone, bool *ok);
    static qint64 parseSize(const QString &text); // 0 when unreadable

private:
    enum class Field {
        Text,
        From,
        To,
        Cc,
        Bcc,
        ReplyTo,
        Addressed,
        Subject,
        MessageId,
        Tag,
        Read,
        Unread,
        Tagged,
        Attachment,
        Inline,
        After,
        Before,
        Larger,
        Smaller
    };
    struct Term
    {
        Field field;
        QString value; // lower case
        QDateTime date;
        qint64 size = 0;
        bool negate = false;
    };
    bool matchesTerm(const Term &term, const SearchSubject &subject,
        const std::function<const SearchSubject::Details &()> &details) const;
    static bool cheap(Field field);

    QList<Term> m_terms;
    QStringList m_warnings;
};

} // namespace MailSink::Api
