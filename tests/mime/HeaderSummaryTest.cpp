#include "mime/HeaderSummary.h"

#include <catch2/catch.hpp>

using namespace MailSink;

TEST_CASE("header summary reads subject, from and to from the header block", "[mime]")
{
    const auto summary = Mime::summarizeHeaders("From: Alice <a@example.com>\r\nTo: b@example.com\r\n"
                                                "Subject: Hello\r\n  world\r\n\r\nSubject: not a header\r\n");
    CHECK(summary.subject == QStringLiteral("Hello world"));
    CHECK(summary.from == QStringLiteral("Alice <a@example.com>"));
    CHECK(summary.to == QStringLiteral("b@example.com"));
}
