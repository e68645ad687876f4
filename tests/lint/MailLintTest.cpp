// Every check on its crafted message in tests/data/lint/ (named after the check), and a well-formed
// message that fires none.
#include "TestSupport.h"

#include "lint/ClientSupportTable.h"
#include "lint/MailLint.h"

#include <QDir>
#include <QSet>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Test;

namespace {

QStringList ids(const Lint::Report &report)
{
    QStringList out;
    for (const Lint::Check &check : report.checks)
        out.append(check.id);
    return out;
}

const Lint::Check *find(const Lint::Report &report, const QString &id)
{
    for (const Lint::Check &check : report.checks) {
        if (check.id == id)
            return &check;
    }
    return nullptr;
}

Lint::Report lintFile(const QString &name, const Lint::Transport &transport = {})
{
    return Lint::MailLint::run(readFile(testData(QStringLiteral("lint/%1.eml").arg(name))), transport);
}

struct Expectation
{
    const char *id;
    Lint::Severity severity;
    QStringList alsoAllowed; // other checks the fixture cannot avoid
    QString part; // where the check points
};

// One per check MailLint has, except size-over-limit (its message is generated: 25 MB has no place in git).
const QList<Expectation> &expectations()
{
    using S = Lint::Severity;
    static const QList<Expectation> list {
        {"date-missing", S::Error, {}, {}},
        {"date-duplicate", S::Error, {}, {}},
        {"date-invalid", S::Error, {}, {}},
        {"from-missing", S::Error, {}, {}},
        {"from-duplicate", S::Error, {}, {}},
        {"message-id-missing", S::Warning, {}, {}},
        {"message-id-duplicate", S::Error, {}, {}},
        {"header-duplicate", S::Warning, {}, {}},
        {"bcc-present", S::Error, {}, {}},
        {"mime-version-missing", S::Warning, {}, {}},
        {"bare-lf", S::Error, {}, {}},
        {"line-too-long", S::Error, {}, {}},
        {"eight-bit-undeclared", S::Error, {}, QStringLiteral("1")},
        {"eight-bit-without-8bitmime", S::Error, {}, QStringLiteral("1")}, // with an envelope, below
        {"non-ascii-header", S::Warning, {}, {}},
        {"alternative-without-text", S::Warning, {}, {}},
        {"html-without-text", S::Warning, {}, QStringLiteral("1")},
        {"cid-missing", S::Error, {}, QStringLiteral("2")},
        {"cid-unreferenced", S::Warning, {}, QStringLiteral("2.2")},
        {"base64-invalid", S::Error, {}, QStringLiteral("2")},
        {"quoted-printable-invalid", S::Error, {}, QStringLiteral("1")},
        {"attachment-without-filename", S::Warning, {}, QStringLiteral("2")},
        {"link-text-mismatch", S::Warning, {}, QStringLiteral("2")},
        {"image-without-alt", S::Warning, {}, QStringLiteral("2")},
        {"html-style-element", S::Info, {}, QStringLiteral("2")},
        {"html-flexbox", S::Warning, {}, QStringLiteral("2")},
        {"html-grid", S::Warning, {}, QStringLiteral("2")},
        {"html-position", S::Warning, {}, QStringLiteral("2")},
        {"html-font-face", S::Warning, {QStringLiteral("html-style-element")}, QStringLiteral("2")},
        {"html-link-stylesheet", S::Warning, {}, QStringLiteral("2")},
        {"html-svg-element", S::Warning, {}, QStringLiteral("2")},
        {"html-svg-image", S::Info, {}, QStringLiteral("2")},
        {"html-background-image", S::Warning, {}, QStringLiteral("2")},
    };
    return list;
}

// The envelope of a client that used none of the SMTP extensions.
const Lint::Transport PlainSmtp = Lint::Transport::fromMailParameters("SIZE=2000");

} // namespace

TEST_CASE("a well-formed multipart message fires no check", "[lint]")
{
    const auto transport = GENERATE(Lint::Transport(), Lint::Transport::fromMailParameters("SIZE=4000"),
        Lint::Transport::fromMailParameters("BODY=8BITMIME SMTPUTF8"));
    const Lint::Report report = lintFile(QStringLiteral("clean"), transport);
    INFO(ids(report).join(u' ').toStdString());
    CHECK(report.checks.isEmpty());
    // It has HTML, so every family of the table is summarised, and supports all of it.
    REQUIRE(report.clientSummary.size() == Lint::ClientSupportTable::instance().families().size());
    for (const Lint::FamilySummary &family : report.clientSummary) {
        CHECK(family.unsupported.isEmpty());
        CHECK(family.partial.isEmpty());
    }
}

TEST_CASE("each check fires on the message crafted for it", "[lint]")
{
    for (const Expectation &expected : expectations()) {
        const QString id = QString::fromLatin1(expected.id);
        DYNAMIC_SECTION(expected.id)
        {
            const Lint::Transport transport
                = id == u"eight-bit-without-8bitmime" ? PlainSmtp : Lint::Transport();
            const Lint::Report report = lintFile(id, transport);
            INFO(ids(report).join(u' ').toStdString());
            const Lint::Check *check = find(report, id);
            REQUIRE(check);
            CHECK(check->severity == expected.severity);
            CHECK(check->part == expected.part);
            CHECK(!check->message.isEmpty());
            CHECK(!check->reference.isEmpty());
            for (const QString &other : ids(report))
                CHECK((other == id || expected.alsoAllowed.contains(other)));
        }
    }
}

TEST_CASE("every fixture in tests/data/lint is a check's", "[lint]")
{
    QSet<QString> known {QStringLiteral("clean")};
    for (const Expectation &expected : expectations())
        known.insert(QString::fromLatin1(expected.id));
    const QStringList files = QDir(testData(QStringLiteral("lint"))).entryList({QStringLiteral("*.eml")});
    CHECK(files.size() == known.size());
    for (const QString &file : files)
        CHECK(known.contains(QFileInfo(file).completeBaseName()));
}

TEST_CASE("the SMTP envelope decides the 8-bit and UTF-8 checks", "[lint][envelope]")
{
    SECTION("8-bit body: fine with BODY=8BITMIME, an error without, unknown for a file")
    {
        CHECK(find(lintFile(QStringLiteral("eight-bit-without-8bitmime"), PlainSmtp),
            QStringLiteral("eight-bit-without-8bitmime")));
        CHECK(lintFile(QStringLiteral("eight-bit-without-8bitmime"),
            Lint::Transport::fromMailParameters("BODY=8BITMIME SIZE=300"))
                  .checks.isEmpty());
        CHECK(lintFile(QStringLiteral("eight-bit-without-8bitmime")).checks.isEmpty());
    }
    SECTION("UTF-8 Subject: a warning for a file, an error without SMTPUTF8, fine with it")
    {
        const Lint::Check *file
            = find(lintFile(QStringLiteral("non-ascii-header")), QStringLiteral("non-ascii-header"));
        REQUIRE(file);
        CHECK(file->severity == Lint::Severity::Warning);
        CHECK(file->message.contains(QStringLiteral("Subject")));
        const Lint::Report plain = lintFile(QStringLiteral("non-ascii-header"), PlainSmtp);
        REQUIRE(find(plain, QStringLiteral("non-ascii-header")));
        CHECK(find(plain, QStringLiteral("non-ascii-header"))->severity == Lint::Severity::Error);
        CHECK(lintFile(
            QStringLiteral("non-ascii-header"), Lint::Transport::fromMailParameters("SMTPUTF8 BODY=8BITMIME"))
                  .checks.isEmpty());
    }
    SECTION("LF line ends throughout: a note for a saved file, an error for mail received over SMTP")
    {
        QByteArray raw = readFile(testData(QStringLiteral("lint/clean.eml")));
        raw.replace("\r\n", "\n");
        const Lint::Report file = Lint::MailLint::run(raw);
        REQUIRE(file.checks.size() == 1);
        CHECK(file.checks[0].id == u"bare-lf");
        CHECK(file.checks[0].severity == Lint::Severity::Info);
        const Lint::Report received = Lint::MailLint::run(raw, PlainSmtp);
        REQUIRE(find(received, QStringLiteral("bare-lf")));
        CHECK(find(received, QStringLiteral("bare-lf"))->severity == Lint::Severity::Error);
    }
}

TEST_CASE("size over the providers' limits", "[lint][size]")
{
    auto message = [](qsizetype bodySize) {
        QByteArray raw = readFile(testData(QStringLiteral("lint/clean.eml")));
        // A base64 attachment of the given encoded size, in 76-character lines.
        QByteArray line(76, 'A');
        line += "\r\n";
        QByteArray body;
        body.reserve(bodySize + line.size());
        while (body.size() < bodySize)
            body += line;
        const QByteArray part = QByteArray("--MIX\r\nContent-Type: application/zip\r\nContent-Disposition: "
                                           "attachment; filename=\"big.zip\"\r\nContent-Transfer-Encoding: "
                                           "base64\r\n\r\n")
            + body + QByteArray("--MIX--");
        raw.replace(QByteArray("--MIX--"), part);
        return raw;
    };
    SECTION("26 MB: an error naming every provider")
    {
        const Lint::Report report = Lint::MailLint::run(message(26'000'000));
        REQUIRE(ids(report) == QStringList {QStringLiteral("size-over-limit")});
        CHECK(report.checks[0].severity == Lint::Severity::Error);
        CHECK(report.checks[0].clients.size() == 4);
        CHECK(report.checks[0].message.contains(QStringLiteral("Gmail (25.0 MB)")));
    }
    SECTION("21 MB: a warning for the 20 MB providers only")
    {
        const Lint::Report report = Lint::MailLint::run(message(21'000'000));
        REQUIRE(ids(report) == QStringList {QStringLiteral("size-over-limit")});
        CHECK(report.checks[0].severity == Lint::Severity::Warning);
        QStringList providers;
        for (const Lint::ClientSupport &client : report.checks[0].clients)
            providers.append(client.family);
        CHECK(providers == QStringList {QStringLiteral("Outlook.com"), QStringLiteral("iCloud Mail")});
    }
    SECTION("19 MB: nothing")
    {
        CHECK(Lint::MailLint::run(message(19'000'000)).checks.isEmpty());
    }
}

TEST_CASE("HTML feature checks name the client families, from the caniemail table", "[lint][clients]")
{
    const Lint::ClientSupportTable &table = Lint::ClientSupportTable::instance();
    REQUIRE(table.families().size() == 7);
    CHECK(table.sourceCommit().size() == 40);
    for (const char *feature : {"style-element", "flexbox", "grid", "position", "font-face",
             "link-stylesheet", "svg-element", "svg-image", "background-image"})
        CHECK(table.feature(QString::fromLatin1(feature)));

    const Lint::Report report = lintFile(QStringLiteral("html-flexbox"));
    const Lint::Check *check = find(report, QStringLiteral("html-flexbox"));
    REQUIRE(check);
    CHECK(check->reference == u"caniemail.com/features/css-display-flex");
    bool outlookNo = false;
    for (const Lint::ClientSupport &client : check->clients) {
        CHECK(client.family != u"Apple Mail"); // it supports flexbox: not listed
        outlookNo = outlookNo || (client.family == u"Outlook (Windows)" && client.support == u"no");
    }
    CHECK(outlookNo);

    // The summary per family: Outlook (Windows) lacks it, Gmail has part of it, Apple Mail all of it.
    QHash<QString, Lint::FamilySummary> byFamily;
    for (const Lint::FamilySummary &family : report.clientSummary)
        byFamily.insert(family.family, family);
    CHECK(byFamily.value(QStringLiteral("Outlook (Windows)")).unsupported
        == QStringList {QStringLiteral("display:flex (flexbox)")});
    CHECK(byFamily.value(QStringLiteral("Gmail")).partial
        == QStringList {QStringLiteral("display:flex (flexbox)")});
    CHECK(byFamily.value(QStringLiteral("Apple Mail")).unsupported.isEmpty());
    CHECK(byFamily.value(QStringLiteral("Apple Mail")).partial.isEmpty());
    CHECK(Lint::familySummaryLine(byFamily.value(QStringLiteral("Outlook (Windows)")))
        == u"Outlook (Windows): not supported: display:flex (flexbox)");

    // A message without HTML has no summary.
    CHECK(lintFile(QStringLiteral("date-missing")).clientSummary.isEmpty());
}

TEST_CASE("checks are ordered errors, warnings, notes", "[lint]")
{
    QByteArray raw = readFile(testData(QStringLiteral("lint/html-font-face.eml")));
    raw.replace("Date: Thu, 03 Dec 2026 06:00:00 +0000\r\n", "");
    const Lint::Report report = Lint::MailLint::run(raw);
    REQUIRE(ids(report)
        == QStringList {QStringLiteral("date-missing"), QStringLiteral("html-font-face"),
            QStringLiteral("html-style-element")});
    CHECK(report.count(Lint::Severity::Error) == 1);
    CHECK(report.count(Lint::Severity::Warning) == 1);
    CHECK(report.count(Lint::Severity::Info) == 1);
}

TEST_CASE("links: only text that reads as another address is flagged", "[lint][html]")
{
    auto linkChecks = [](const QByteArray &anchor) {
        QByteArray raw = readFile(testData(QStringLiteral("lint/link-text-mismatch.eml")));
        const qsizetype begin = raw.indexOf("<a ");
        const qsizetype end = raw.indexOf("</a>") + 4;
        raw.replace(begin, end - begin, anchor);
        int count = 0;
        for (const Lint::Check &check : Lint::MailLint::run(raw).checks)
            count += check.id == u"link-text-mismatch" ? 1 : 0;
        return count;
    };
    CHECK(linkChecks("<a href=\"https://evil.example.net/\">paypal.com</a>") == 1);
    CHECK(linkChecks("<a href=\"https://evil.example.net/\">www.example.org</a>") == 1);
    CHECK(linkChecks("<a href=\"https://example.com/a\">https://www.example.com/b</a>") == 0);
    CHECK(
        linkChecks("<a href=\"https://mail.example.com/\">example.com</a>") == 0); // a subdomain of the shown
    CHECK(linkChecks("<a href=\"https://nodejs.org/\">Node.js</a>") == 0); // not an address
    CHECK(linkChecks("<a href=\"https://example.net/\">click here</a>") == 0);
    CHECK(linkChecks("<a href=\"mailto:a@example.net\">https://example.com</a>") == 0);
    CHECK(linkChecks("<a href=\"https://t.example.net/x\"><b>https://</b>example.com</a>") == 1);
}
