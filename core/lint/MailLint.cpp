#include "MailLint.h"

#include "ClientSupportTable.h"
#include "HtmlScan.h"

#include "mime/HeaderBlock.h"
#include "mime/HeaderDecoding.h"
#include "mime/TransferDecoding.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace MailSink::Lint {

namespace {

using Mime::Part;

constexpr qsizetype MaxLineOctets = 998; // RFC 5322 section 2.1.1, without the CRLF
constexpr qsizetype MaxQuotedPrintableLine = 76; // RFC 2045 section 6.7, rule 5
constexpr int MaxLinkChecks = 10;

bool hasEightBit(QByteArrayView bytes)
{
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) >= 0x80; });
}

QString lines(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 line") : QStringLiteral("%1 lines").arg(count);
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

QString partLabel(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("the message") : QStringLiteral("part ") + path;
}

// A host name as a reader would compare it: lower case, without a leading "www.".
QString comparableHost(const QString &host)
{
    QString lower = host.toLower();
    if (lower.startsWith(QStringLiteral("www.")))
        lower.remove(0, 4);
    if (lower.endsWith(u'.'))
        lower.chop(1);
    return lower;
}

// The host a link's visible text shows, when the text reads as a web address: with a scheme, with
// "www.", or a bare host name in a common top-level domain followed by nothing or a path.
QString shownHost(const QString &text)
{
    static const QRegularExpression address(
        QStringLiteral("^(?:(https?)://"
                       ")?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+([a-z]{2,24}))(?::\\d+)?(?:[/?#]\\S*)?$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QSet<QString> commonTlds {QStringLiteral("com"), QStringLiteral("net"),
        QStringLiteral("org"), QStringLiteral("io"), QStringLiteral("co"), QStringLiteral("dev"),
        QStringLiteral("app"), QStringLiteral("info"), QStringLiteral("biz"), QStringLiteral("me"),
        QStringLiteral("us"), QStringLiteral("uk"), QStringLiteral("de"), QStringLiteral("fr"),
        QStringLiteral("cn"), QStringLiteral("jp"), QStringLiteral("ru"), QStringLiteral("eu"),
        QStringLiteral("ca"), QStringLiteral("au"), QStringLiteral("nl"), QStringLiteral("es"),
        QStringLiteral("it"), QStringLiteral("tw")};
    const QString trimmed = text.trimmed();
    if (trimmed.contains(u' '))
        return {};
    const QRegularExpressionMatch match = address.match(trimmed);
    if (!match.hasMatch())
        return {};
    const QString host = match.captured(2);
    const bool explicitWeb
        = !match.captured(1).isEmpty() || host.startsWith(QStringLiteral("www."), Qt::CaseInsensitive);
    if (!explicitWeb && !commonTlds.contains(match.captured(3).toLower()))
        return {};
    return comparableHost(host);
}

class Linter
{
public:
    Linter(const Mime::ParsedMessage &message, const Transport &transport)
        : m_message(message)
        , m_transport(transport)
    { }

    Report run()
    {
        checkHeaderFields();
        checkLines();
        checkParts();
        checkHeaderBytes();
        checkStructure();
        checkHtml();
        checkContentIds();
        checkSize();
        std::stable_sort(m_report.checks.begin(), m_report.checks.end(),
            [](const Check &a, const Check &b) { return int(a.severity) < int(b.severity); });
        return std::move(m_report);
    }

private:
    Check &add(const QString &id, Severity severity, const QString &message, const QString &reference,
        const QString &part = {})
    {
        Check check;
        check.id = id;
        check.severity = severity;
        check.message = message;
        check.reference = reference;
        check.part = part;
        m_report.checks.append(check);
        return m_report.checks.back();
    }

    void checkHeaderFields()
    {
        QHash<QByteArray, int> counts;
        bool bccWithAddresses = false;
        for (const auto &[name, value] : m_message.rawHeaders()) {
            const QByteArray lower = name.toLower();
            ++counts[lower];
            if (lower == "bcc" && !Mime::unfold(value).trimmed().isEmpty())
                bccWithAddresses = true;
        }
        const QString required = QStringLiteral("RFC 5322 section 3.6");
        if (counts.value("date") == 0)
            add(QStringLiteral("date-missing"), Severity::Error,
                QStringLiteral("No Date field: every message must have exactly one (the origination date)."),
                required);
        else if (counts.value("date") > 1)
            add(QStringLiteral("date-duplicate"), Severity::Error,
                QStringLiteral("%1 Date fields: a message must have exactly one.").arg(counts.value("date")),
                required);
        else if (!m_message.date().isValid())
            add(QStringLiteral("date-invalid"), Severity::Error,
                QStringLiteral("The Date field \"%1\" is not an RFC 5322 date-time.")
                    .arg(m_message.header("date").left(100)),
                QStringLiteral("RFC 5322 section 3.3"));

        if (counts.value("from") == 0)
            add(QStringLiteral("from-missing"), Severity::Error,
                QStringLiteral("No From field: every message must have exactly one (the author's address)."),
                required);
        else if (counts.value("from") > 1)
            add(QStringLiteral("from-duplicate"), Severity::Error,
                QStringLiteral(
                    "%1 From fields: a message must have exactly one (list several authors in it).")
                    .arg(counts.value("from")),
                required);

        if (counts.value("message-id") == 0)
            add(QStringLiteral("message-id-missing"), Severity::Warning,
                QStringLiteral(
                    "No Message-ID field: every message should have one; replies cannot refer to it, "
                    "and spam filters count its absence against the message."),
                QStringLiteral("RFC 5322 section 3.6.4"));
        else if (counts.value("message-id") > 1)
            add(QStringLiteral("message-id-duplicate"), Severity::Error,
                QStringLiteral("%1 Message-ID fields: a message must have at most one.")
                    .arg(counts.value("message-id")),
                required);

        static const char *const singletons[]
            = {"sender", "reply-to", "to", "cc", "bcc", "subject", "in-reply-to", "references"};
        QStringList repeated;
        for (const char *name : singletons) {
            if (counts.value(name) > 1)
                repeated.append(
                    QStringLiteral("%1 (%2 times)").arg(QLatin1String(name)).arg(counts.value(name)));
        }
        if (!repeated.isEmpty())
            add(QStringLiteral("header-duplicate"), Severity::Warning,
                QStringLiteral(
                    "Fields that may occur at most once are repeated: %1; clients show only one of them.")
                    .arg(repeated.join(QStringLiteral(", "))),
                required);

        if (bccWithAddresses)
            add(QStringLiteral("bcc-present"), Severity::Error,
                QStringLiteral(
                    "A Bcc field with addresses is in the message as sent: unless a server removes it, every "
                    "recipient can read who was blind-copied. Give blind copies only in the SMTP envelope."),
                QStringLiteral("RFC 5322 section 3.6.3"));

        const bool mimeFields
            = counts.value("content-type") > 0 || counts.value("content-transfer-encoding") > 0;
        if (mimeFields && counts.value("mime-version") == 0)
            add(QStringLiteral("mime-version-missing"), Severity::Warning,
                QStringLiteral(
                    "MIME fields (Content-Type, Content-Transfer-Encoding) without \"MIME-Version: 1.0\": "
                    "strict readers treat the message as plain RFC 5322 text."),
                QStringLiteral("RFC 2045 section 4"));
    }

    void checkLines()
    {
        const QByteArray raw = m_message.raw();
        qsizetype bareLf = 0, crlf = 0, longLines = 0, longest = 0;
        qsizetype firstBareLf = 0, firstLong = 0;
        qsizetype lineNumber = 1, lineStart = 0;
        for (qsizetype i = 0; i <= raw.size(); ++i) {
            if (i < raw.size() && raw[i] != '\n')
                continue;
            qsizetype end = i;
            if (i < raw.size()) {
                if (i > 0 && raw[i - 1] == '\r') {
                    ++crlf;
                    --end;
                } else {
                    ++bareLf;
                    if (firstBareLf == 0)
                        firstBareLf = lineNumber;
                }
            }
            const qsizetype length = end - lineStart;
            if (length > MaxLineOctets) {
                ++longLines;
                longest = qMax(longest, length);
                if (firstLong == 0)
                    firstLong = lineNumber;
            }
            ++lineNumber;
            lineStart = i + 1;
        }
        if (bareLf > 0) {
            if (crlf == 0 && !m_transport.known)
                add(QStringLiteral("bare-lf"), Severity::Info,
                    QStringLiteral(
                        "Every line ends in a bare LF: usual for a .eml file saved on Unix, but on the wire "
                        "each line must end in CRLF."),
                    QStringLiteral("RFC 5322 sections 2.1 and 2.3"));
            else
                add(QStringLiteral("bare-lf"), Severity::Error,
                    QStringLiteral("%1 end in a bare LF instead of CRLF (the first is line %2); servers may "
                                   "reject the message or rewrite it (RFC 5321 section 4.1.1.4).")
                        .arg(lines(bareLf))
                        .arg(firstBareLf),
                    QStringLiteral("RFC 5322 sections 2.1 and 2.3"));
        }
        if (longLines > 0)
            add(QStringLiteral("line-too-long"), Severity::Error,
                QStringLiteral("%1 longer than 998 octets (the first is line %2, the longest %3 octets); "
                               "servers may break or reject them. Use quoted-printable or base64.")
                    .arg(lines(longLines))
                    .arg(firstLong)
                    .arg(longest),
                QStringLiteral("RFC 5322 section 2.1.1"));
    }

    void checkParts()
    {
        const bool mimeVersion = !m_message.header("mime-version").isNull();
        QString eightBitPart;
        for (const Part &part : m_message.parts()) {
            const QByteArray encoded = m_message.partEncodedContent(part.path);
            const QString &encoding = part.transferEncoding;
            const bool eightBit = hasEightBit(encoded);
            if (encoding == u"base64") {
                bool clean = true;
                Mime::decodeBase64(encoded, &clean);
                if (!clean)
                    add(QStringLiteral("base64-invalid"), Severity::Error,
                        QStringLiteral(
                            "The base64 content of %1 has characters outside the base64 alphabet or bad "
                            "padding; clients decode it differently or not at all.")
                            .arg(partLabel(part.path)),
                        QStringLiteral("RFC 2045 section 6.8"), part.path);
            } else if (encoding == u"quoted-printable") {
                bool clean = true;
                Mime::decodeQuotedPrintable(encoded, &clean);
                qsizetype longLines = 0;
                for (const QByteArray &line : encoded.split('\n')) {
                    const qsizetype length = line.endsWith('\r') ? line.size() - 1 : line.size();
                    longLines += length > MaxQuotedPrintableLine ? 1 : 0;
                }
                if (!clean || eightBit)
                    add(QStringLiteral("quoted-printable-invalid"), Severity::Error,
                        QStringLiteral(
                            "The quoted-printable content of %1 has %2; clients decode it differently.")
                            .arg(partLabel(part.path),
                                !clean ? QStringLiteral("malformed \"=\" escapes")
                                       : QStringLiteral("unencoded 8-bit bytes")),
                        QStringLiteral("RFC 2045 section 6.7"), part.path);
                else if (longLines > 0)
                    add(QStringLiteral("quoted-printable-invalid"), Severity::Warning,
                        QStringLiteral("The quoted-printable content of %1 has %2 longer than 76 characters; "
                                       "use soft line breaks (\"=\" at the end of a line).")
                            .arg(partLabel(part.path), lines(longLines)),
                        QStringLiteral("RFC 2045 section 6.7, rule 5"), part.path);
            } else if (eightBit) {
                if (encoding.isEmpty() || encoding == u"7bit")
                    add(QStringLiteral("eight-bit-undeclared"), Severity::Error,
                        mimeVersion
                            ? QStringLiteral(
                                "%1 contains 8-bit bytes but its Content-Transfer-Encoding is %2: declare "
                                "8bit, or encode it as quoted-printable or base64.")
                                  .arg(partLabel(part.path),
                                      encoding.isEmpty() ? QStringLiteral("absent (which means 7bit)")
                                                         : encoding)
                            : QStringLiteral(
                                "The message contains 8-bit bytes but has no MIME fields (MIME-Version, "
                                "Content-Type with a charset, Content-Transfer-Encoding) to say what "
                                "they are."),
                        QStringLiteral("RFC 2045 sections 2.7 and 6.2"), part.path);
                if (eightBitPart.isNull())
                    eightBitPart = part.path;
            }
            // An alternative (text/x-amp-html, text/calendar) is a body a reader picks, not a file.
            if (part.isAttachment && part.filename.isEmpty() && part.contentType != u"message/rfc822"
                && parentType(part.path) != u"multipart/alternative")
                add(QStringLiteral("attachment-without-filename"), Severity::Warning,
                    QStringLiteral("The %1 attachment (%2) has no file name: clients invent one such as "
                                   "\"ATT00001.bin\" or \"noname\". Set filename= in Content-Disposition.")
                        .arg(part.contentType, partLabel(part.path)),
                    QStringLiteral("RFC 2183 section 2.3"), part.path);
        }
        if (!eightBitPart.isNull() && m_transport.known && !m_transport.eightBitMime)
            add(QStringLiteral("eight-bit-without-8bitmime"), Severity::Error,
                QStringLiteral(
                    "The body has 8-bit bytes (%1) but MAIL FROM did not say BODY=8BITMIME; a relay "
                    "without 8BITMIME must reject or convert it.")
                    .arg(partLabel(eightBitPart)),
                QStringLiteral("RFC 6152 section 3"), eightBitPart);
    }

    void checkHeaderBytes()
    {
        if (m_transport.known && m_transport.smtpUtf8)
            return; // RFC 6532: UTF-8 header fields are fine when SMTPUTF8 was given
        QStringList fields;
        for (const auto &[name, value] : m_message.rawHeaders()) {
            if (hasEightBit(name) || hasEightBit(value)) {
                const QString field = QString::fromLatin1(name);
                if (!fields.contains(field))
                    fields.append(field);
            }
        }
        for (const Part &part : m_message.tree()) {
            if (part.depth == 0)
                continue;
            const QByteArray header = m_message.partHeaderBlock(part.path);
            if (!hasEightBit(header))
                continue;
            const Mime::HeaderBlock block = Mime::HeaderBlock::parse(header);
            for (const Mime::HeaderBlock::Field &field : block.fields()) {
                if (hasEightBit(field.name) || hasEightBit(field.value))
                    fields.append(
                        QStringLiteral("%1 (part %2)").arg(QString::fromLatin1(field.name), part.path));
            }
        }
        if (fields.isEmpty())
            return;
        if (m_transport.known)
            add(QStringLiteral("non-ascii-header"), Severity::Error,
                QStringLiteral("Raw non-ASCII bytes in %1 but MAIL FROM did not say SMTPUTF8: use RFC 2047 "
                               "encoded words "
                               "(RFC 2231 for file names), or send with SMTPUTF8.")
                    .arg(fields.join(QStringLiteral(", "))),
                QStringLiteral("RFC 5322 section 2.2; RFC 2047; RFC 6532"));
        else
            add(QStringLiteral("non-ascii-header"), Severity::Warning,
                QStringLiteral(
                    "Raw non-ASCII bytes in %1: only allowed when the message is sent with SMTPUTF8; "
                    "otherwise use RFC 2047 encoded words (RFC 2231 for file names).")
                    .arg(fields.join(QStringLiteral(", "))),
                QStringLiteral("RFC 5322 section 2.2; RFC 2047; RFC 6532"));
    }

    void checkStructure()
    {
        const QList<Part> tree = m_message.tree();
        bool alternativeWithoutText = false;
        for (qsizetype i = 0; i < tree.size(); ++i) {
            if (!tree[i].isContainer || tree[i].contentType != u"multipart/alternative")
                continue;
            bool text = false;
            QStringList kinds;
            for (qsizetype j = i + 1; j < tree.size() && tree[j].depth > tree[i].depth; ++j) {
                if (tree[j].depth != tree[i].depth + 1)
                    continue;
                kinds.append(tree[j].contentType);
                text = text || tree[j].contentType == u"text/plain";
            }
            if (!text) {
                alternativeWithoutText = true;
                add(QStringLiteral("alternative-without-text"), Severity::Warning,
                    QStringLiteral(
                        "The multipart/alternative%1 offers no text/plain alternative (only %2): text-only "
                        "readers show nothing, and spam filters score HTML-only mail.")
                        .arg(tree[i].path.isEmpty() ? QString()
                                                    : QStringLiteral(" (part %1)").arg(tree[i].path),
                            kinds.isEmpty() ? QStringLiteral("nothing") : kinds.join(QStringLiteral(", "))),
                    QStringLiteral("RFC 2046 section 5.1.4"), tree[i].path);
            }
        }
        if (m_message.html() && !m_message.text() && !alternativeWithoutText)
            add(QStringLiteral("html-without-text"), Severity::Warning,
                QStringLiteral(
                    "The message has an HTML body but no text/plain part: send multipart/alternative with a "
                    "text version first; spam filters score HTML-only mail (e.g. SpamAssassin's "
                    "MIME_HTML_ONLY)."),
                QStringLiteral("RFC 2046 section 5.1.4"), m_message.htmlParts().value(0));
    }

    void checkHtml()
    {
        const QStringList htmlParts = m_message.htmlParts();
        if (htmlParts.isEmpty())
            return;
        const ClientSupportTable &table = ClientSupportTable::instance();
        QMap<QString, std::pair<QString, QString>> features; // id -> (example, part)
        int linkChecks = 0;
        int mismatches = 0;
        for (const QString &path : htmlParts) {
            const std::optional<Part> part = partAt(path);
            const QString html = Mime::decodeCharset(
                m_message.partContent(path), part ? part->charset.toLatin1() : QByteArray());
            const HtmlFacts facts = scanHtml(html);
            for (const QString &cid : facts.cidReferences) {
                if (!m_cidReferences.contains(cid)) {
                    m_cidReferences.append(cid);
                    m_cidReferencedFrom.append(path);
                }
            }
            for (auto it = facts.features.cbegin(); it != facts.features.cend(); ++it) {
                if (!features.contains(it.key()))
                    features.insert(it.key(), {it.value(), path});
            }
            for (const HtmlFacts::Link &link : facts.links) {
                const QUrl url(link.href);
                if (url.scheme() != u"http" && url.scheme() != u"https")
                    continue;
                const QString shown = shownHost(link.text);
                const QString target = comparableHost(url.host());
                if (shown.isEmpty() || target.isEmpty() || shown == target || target.endsWith(u'.' + shown))
                    continue;
                ++mismatches;
                if (++linkChecks > MaxLinkChecks)
                    continue;
                add(QStringLiteral("link-text-mismatch"), Severity::Warning,
                    QStringLiteral(
                        "A link shows \"%1\" but leads to %2: phishing filters flag links whose text is "
                        "another address (click-tracking redirects cause it too).")
                        .arg(link.text.left(100), url.host()),
                    QStringLiteral("Phishing heuristics of spam filters and mail clients"), path);
            }
            if (!facts.imagesWithoutAlt.isEmpty()) {
                QStringList shown = facts.imagesWithoutAlt.mid(0, 3);
                if (facts.imagesWithoutAlt.size() > 3)
                    shown.append(QStringLiteral("…"));
                add(QStringLiteral("image-without-alt"), Severity::Warning,
                    QStringLiteral(
                        "%1 no alt attribute (%2): screen readers cannot describe it, and clients that "
                        "block images show nothing in its place. Use alt=\"\" for decorative images.")
                        .arg(facts.imagesWithoutAlt.size() == 1
                                ? QStringLiteral("1 image has")
                                : QStringLiteral("%1 images have").arg(facts.imagesWithoutAlt.size()))
                        .arg(shown.join(QStringLiteral(", "))),
                    QStringLiteral("WCAG 2.1 success criterion 1.1.1"), path);
            }
        }
        if (mismatches > MaxLinkChecks)
            add(QStringLiteral("link-text-mismatch"), Severity::Warning,
                QStringLiteral("%1 more links show another address than they lead to.")
                    .arg(mismatches - MaxLinkChecks),
                QStringLiteral("Phishing heuristics of spam filters and mail clients"));

        // HTML features, in the order of the table.
        QHash<QString, FamilySummary> summary;
        for (const ClientSupportTable::Family &family : table.families())
            summary[family.id].family = family.name;
        for (auto it = features.cbegin(); it != features.cend(); ++it) {
            const ClientSupportTable::Feature *feature = table.feature(it.key());
            if (!feature)
                continue;
            QStringList no, partial;
            QList<ClientSupport> clients;
            for (const ClientSupportTable::Support &support : feature->support) {
                if (support.summary == u"yes")
                    continue;
                const QString name = table.familyName(support.familyId);
                clients.append({name, support.summary, support.notes});
                (support.summary == u"no" ? no : partial).append(name);
                (support.summary == u"no" ? summary[support.familyId].unsupported
                                          : summary[support.familyId].partial)
                    .append(feature->title);
            }
            if (clients.isEmpty())
                continue;
            QStringList pieces;
            if (!no.isEmpty())
                pieces.append(QStringLiteral("not supported by ") + no.join(QStringLiteral(", ")));
            if (!partial.isEmpty())
                pieces.append(
                    QStringLiteral("only partly supported by ") + partial.join(QStringLiteral(", ")));
            Check &check = add(QStringLiteral("html-") + feature->id,
                no.isEmpty() ? Severity::Info : Severity::Warning,
                QStringLiteral("The HTML uses %1 (found: %2), which is %3.")
                    .arg(feature->title, it.value().first, pieces.join(QStringLiteral("; "))),
                QStringLiteral("caniemail.com/features/%1").arg(feature->source), it.value().second);
            check.clients = clients;
        }
        for (const ClientSupportTable::Family &family : table.families())
            m_report.clientSummary.append(summary.value(family.id));
    }

    void checkContentIds()
    {
        const QList<Part> parts = m_message.parts();
        QSet<QString> referenced;
        for (qsizetype i = 0; i < m_cidReferences.size(); ++i) {
            const QString &cid = m_cidReferences[i];
            const auto found = std::find_if(parts.cbegin(), parts.cend(),
                [&](const Part &part) { return part.contentId.compare(cid, Qt::CaseInsensitive) == 0; });
            if (found == parts.cend())
                add(QStringLiteral("cid-missing"), Severity::Error,
                    QStringLiteral(
                        "The HTML refers to cid:%1 but no part has Content-ID <%1>: the image or resource "
                        "shows as broken.")
                        .arg(cid),
                    QStringLiteral("RFC 2392; RFC 2387"), m_cidReferencedFrom[i]);
            else
                referenced.insert(found->contentId.toLower());
        }
        for (const Part &part : parts) {
            if (part.contentId.isEmpty() || part.isBody || part.isAttachment
                || referenced.contains(part.contentId.toLower()))
                continue;
            add(QStringLiteral("cid-unreferenced"), Severity::Warning,
                QStringLiteral("%1 (%2, Content-ID <%3>) is an inline resource the HTML never refers to: "
                               "clients show it "
                               "as an unexpected attachment, or not at all.")
                    .arg(partLabel(part.path), part.contentType, part.contentId),
                QStringLiteral("RFC 2387 section 3; RFC 2392"), part.path);
        }
    }

    void checkSize()
    {
        const qint64 size = m_message.size();
        QList<ClientSupport> over;
        QStringList names;
        qint64 largest = 0;
        for (const MailLint::SizeLimit &limit : MailLint::sizeLimits()) {
            largest = qMax(largest, limit.bytes);
            if (size <= limit.bytes)
                continue;
            over.append({limit.provider, QStringLiteral("no"),
                {QStringLiteral("Refuses messages over %1.").arg(megabytes(limit.bytes))}});
            names.append(QStringLiteral("%1 (%2)").arg(limit.provider, megabytes(limit.bytes)));
        }
        if (over.isEmpty())
            return;
        Check &check
            = add(QStringLiteral("size-over-limit"), size > largest ? Severity::Error : Severity::Warning,
                QStringLiteral(
                    "The message is %1, over the limit of %2. Base64 makes attachments a third larger than "
                    "their files; link big files instead.")
                    .arg(megabytes(size), names.join(QStringLiteral(", "))),
                QStringLiteral("Providers' published message size limits"));
        check.clients = over;
    }

    // The content type of the container that holds `path`, empty at the top.
    QString parentType(const QString &path) const
    {
        const qsizetype dot = path.lastIndexOf(u'.');
        const QString parent = dot < 0 ? QString() : path.left(dot);
        for (const Part &part : m_message.tree()) {
            if (part.isContainer && part.path == parent)
                return part.contentType;
        }
        return {};
    }

    std::optional<Part> partAt(const QString &path) const
    {
        for (const Part &part : m_message.parts()) {
            if (part.path == path)
                return part;
        }
        return std::nullopt;
    }

    const Mime::ParsedMessage &m_message;
    const Transport m_transport;
    Report m_report;
    QStringList m_cidReferences;
    QStringList m_cidReferencedFrom;
};

} // namespace

QList<MailLint::SizeLimit> MailLint::sizeLimits()
{
    // Decimal megabytes, the smaller reading of each provider's "MB".
    return {
        {QStringLiteral("Gmail"), 25'000'000},
        {QStringLiteral("Yahoo Mail"), 25'000'000},
        {QStringLiteral("Outlook.com"), 20'000'000},
        {QStringLiteral("iCloud Mail"), 20'000'000},
    };
}

Report MailLint::run(const Mime::ParsedMessage &message, const Transport &transport)
{
    return Linter(message, transport).run();
}

Report MailLint::run(const QByteArray &raw, const Transport &transport)
{
    return run(Mime::parseMessage(raw), transport);
}

} // namespace MailSink::Lint
