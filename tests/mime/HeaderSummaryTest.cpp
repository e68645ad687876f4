#include "mime/HeaderSummary.h"

#include "MimeTestPrinting.h"

#include <catch2/catch.hpp>

using namespace MailSink;

TEST_CASE("header summary reads subject, from and to from the header block", "[mime]")
{
    const auto summary = Mime::summarizeHeaders("From: Alice <a@example.com>\r\nTo: b@example.com\r\n"
                                                "Subject: Hello\r\n  world\r\n\r\nSubject: not a header\r\n");
    CHECK(summary.subject == QStringLiteral("Hello world"));
    CHECK(summary.from == QStringLiteral("Alice <a@example.com>"));
    CHECK(summary.to == QStringLiteral("b@example.com"));
    CHECK_FALSE(summary.hasAttachments);
}

TEST_CASE("header summary decodes encoded words, names and 8-bit headers", "[mime]")
{
    const auto summary = Mime::summarizeHeaders(
        "From: =?utf-8?B?5p2O6Zu3?= <li@example.cn>\r\nTo: \"Doe, John\" <j@example.com>,\r\n"
        " =?iso-8859-1?Q?Ren=E9e?= <r@example.fr>\r\nSubject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\n "
        "=?utf-8?Q?_aus_K=C3=B6ln?=\r\n"
        "Content-Type: Multipart/Mixed; boundary=x\r\n\r\n");
    CHECK(summary.subject == QString::fromUtf8("Grüße aus Köln"));
    CHECK(summary.from == QString::fromUtf8("李雷 <li@example.cn>"));
    CHECK(summary.to == QString::fromUtf8("Doe, John <j@example.com>, Renée <r@example.fr>"));
    CHECK(summary.hasAttachments);

    CHECK(Mime::summarizeHeaders("Subject: caf\xe9\r\n\r\n").subject == QString::fromUtf8("café"));
    CHECK(Mime::summarizeHeaders("Subject: caf\xc3\xa9\r\n\r\n").subject == QString::fromUtf8("café"));
    CHECK(Mime::summarizeHeaders("").subject.isEmpty());
}

TEST_CASE("header summary stops at the end of a truncated head", "[mime]")
{
    // The store passes at most the first 256 KiB; a header cut anywhere still gives what is there.
    const auto summary = Mime::summarizeHeaders("Subject: =?utf-8?B?w6k=?=\r\nFrom: a@exa");
    CHECK(summary.subject == QString::fromUtf8("é"));
    CHECK(summary.from == QStringLiteral("a@exa"));
}
