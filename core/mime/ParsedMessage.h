#pragma once

#include "Address.h"
#include "HeaderDecoding.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace MailSink::Mime {

// One node of the MIME tree (RFC 2045/2046). `parts()` holds only leaves; `tree()` holds containers too.
struct Part
{
    QString path; // IMAP numbering (RFC 3501 section 6.4.5): "1" for a single part, "1.2", ...
    QString
        contentType; // lower case "type/subtype"; defaults applied (text/plain, message/rfc822 in digests)
    QString charset; // as declared (lower case), "us-ascii" for text without one, else empty
    QString filename; // RFC 2231/2047 decoded; from Content-Disposition, else Content-Type name
    QString disposition; // "inline", "attachment", other lower-case values, or empty when absent
    QString contentId; // without the angle brackets
    qint64 size = 0; // after transfer decoding
    QByteArray sha256Hex; // of the transfer-decoded content
    bool isAttachment = false;

    QString transferEncoding; // lower case as declared, empty for none
    QString description; // Content-Description, decoded
    QString contentLocation; // RFC 2557
    QList<std::pair<QString, QString>> headers; // the part's own header fields, decoded, in order
    int depth = 0; // 0 for the top-level entity
    bool isContainer = false; // a multipart whose parts were parsed (only in tree())
    bool isBody = false; // chosen as (part of) text() or html(); also an attachment if it has a file name
};

class ParsedMessageData;

// A parsed message: an implicitly shared, immutable value, cheap to copy and safe to hand between
// threads. Built by parseMessage(); every accessor is const and never fails.
class ParsedMessage
{
public:
    ParsedMessage();
    explicit ParsedMessage(std::shared_ptr<const ParsedMessageData> data);

    QString subject() const; // null when there is no Subject field
    QList<Address> from() const;
    QList<Address> sender() const;
    QList<Address> replyTo() const;
    QList<Address> to() const;
    QList<Address> cc() const;
    QList<Address> bcc() const;
    QDateTime date() const; // invalid when absent or unreadable
    QString messageId() const; // without angle brackets; null when absent

    QList<std::pair<QString, QString>> headers() const; // top-level fields, decoded, in order
    QList<std::pair<QByteArray, QByteArray>> rawHeaders() const; // as written (value keeps its folding)
    QString header(QByteArrayView name) const; // first field with this name, decoded; null when absent

    std::optional<QString> text() const; // the plain text a reader would show, '\n' line ends
    std::optional<QString> html() const;
    QStringList textParts() const; // paths of the leaves joined into text(), in document order
    QStringList htmlParts() const; // ... and into html()

    QList<Part> parts() const; // every leaf in document order
    QList<Part> attachments() const; // the leaves a reader lists as attachments
    QList<Part> tree() const; // containers and leaves in document order
    QByteArray partContent(const QString &path) const; // transfer-decoded; empty for unknown paths
    QByteArray partEncodedContent(const QString &path) const; // as in raw(), before transfer decoding
    QByteArray partHeaderBlock(const QString &path) const; // the part's header fields as in raw()
    std::optional<Part> partByContentId(const QString &cid) const; // accepts "cid:x", "<x>" or "x"

    QStringList warnings() const;
    QByteArray raw() const;
    qint64 size() const;

private:
    std::shared_ptr<const ParsedMessageData> d;
};

// Parses RFC 5322 / MIME bytes. Never throws and never crashes; problems become warnings().
ParsedMessage parseMessage(const QByteArray &raw);
// Reads a .eml file (an mbox "From " first line is stripped). On failure returns an empty message and
// sets `error`.
ParsedMessage parseFile(const QString &path, QString *error = nullptr);

// The JSON of DESIGN.md "mailsink inspect --json", without "envelope" and "session".
QJsonObject inspectJson(const ParsedMessage &message);
// A readable summary: headers, a body preview and the tree of parts.
QString inspectText(const ParsedMessage &message);

} // namespace MailSink::Mime

Q_DECLARE_METATYPE(MailSink::Mime::ParsedMessage)
