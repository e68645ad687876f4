#include "mime/Address.h"
#include "mime/DateParsing.h"
#include "mime/HeaderBlock.h"
#include "mime/HeaderDecoding.h"
#include "mime/HeaderParameters.h"
#include "mime/TransferDecoding.h"

#include "MimeTestPrinting.h"

#include <catch2/catch.hpp>

#include <QStringDecoder>

using namespace MailSink;
using namespace MailSink::Mime;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

TEST_CASE("RFC 2047 encoded words decode in B and Q, any case", "[mime][rfc2047]")
{
    CHECK(decodeHeader("=?UTF-8?B?SGVsbG8gV8O2cmxk?=") == u8("Hello Wörld"));
    CHECK(decodeHeader("=?iso-8859-1?q?caf=E9_cr=E8me?=") == u8("café crème"));
    CHECK(decodeHeader("=?utf-8?Q?a=3Fb?=") == u8("a?b"));
    CHECK(decodeHeader("plain ascii") == u8("plain ascii"));
    CHECK(decodeHeader("=?utf-8?q?"
                       "?=")
        == QString());
}

TEST_CASE("RFC 2047 adjacent words are joined, text between them is kept", "[mime][rfc2047]")
{
    // Section 6.2: white space between adjacent encoded words is not displayed.
    CHECK(decodeHeader("=?utf-8?q?a?= =?utf-8?q?b?=") == u8("ab"));
    CHECK(decodeHeader("=?utf-8?q?a?=\r\n  =?utf-8?q?b?=") == u8("ab"));
    CHECK(decodeHeader("=?utf-8?q?a?= plain =?utf-8?q?b?=") == u8("a plain b"));
    CHECK(decodeHeader("x =?utf-8?q?a?= y") == u8("x a y"));
    // A UTF-8 sequence split across two words only decodes once the bytes are joined.
    CHECK(decodeHeader("=?utf-8?B?5p2x?= =?utf-8?B?5Lqs?=") == u8("東京"));
    CHECK(decodeHeader("=?utf-8?B?5p0=?= =?utf-8?B?seS6rA==?=") == u8("東京"));
}

TEST_CASE("RFC 2047 in different charsets, with the RFC 2231 language suffix", "[mime][rfc2047]")
{
    CHECK(decodeHeader("=?koi8-r?B?8NLJ18XU?=") == u8("Привет"));
    CHECK(decodeHeader("=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=") == u8("日本語"));
    CHECK(decodeHeader("=?gb2312?B?xOO6ww==?=") == u8("你好"));
    CHECK(decodeHeader("=?big5?B?pKSk5Q==?=") == u8("中文"));
    CHECK(decodeHeader("=?utf-8*en?q?hi?=") == u8("hi"));
    CHECK(decodeHeader("=?iso-8859-1?q?=A1Hola!?= =?koi8-r?q?=F0?=") == u8("¡Hola!П"));
}

TEST_CASE("RFC 2047 malformed words are left as text", "[mime][rfc2047]")
{
    CHECK(decodeHeader("=?utf-8?x?abc?=") == u8("=?utf-8?x?abc?="));
    CHECK(decodeHeader("=?utf-8?q?unterminated") == u8("=?utf-8?q?unterminated"));
    CHECK(decodeHeader("a =? b ?= c") == u8("a =? b ?= c"));
    // Unknown charsets fall back losslessly.
    CHECK(decodeHeader("=?x-unknown?q?caf=C3=A9?=") == u8("café"));
    CHECK(decodeHeader("=?x-unknown?q?caf=E9?=") == u8("café"));
}

TEST_CASE("8-bit header bytes are UTF-8 when valid, else Latin-1", "[mime][charset]")
{
    CHECK(decodeHeader("Gr\xc3\xbc\xc3\x9f"
                       "e")
        == u8("Grüße"));
    CHECK(decodeHeader("Gr\xfc\xdf"
                       "e")
        == u8("Grüße"));
    CHECK(decodeHeader("a\r\n b") == u8("a b"));
}

TEST_CASE("charsets known to ICU decode, unknown ones fall back losslessly", "[mime][charset]")
{
    struct Case
    {
        const char *charset;
        const char *text;
    };
    const Case cases[] = {{"GBK", "这是测试"}, {"GB18030", "欢迎😀"}, {"Big5", "繁體中文"},
        {"ISO-2022-JP", "日本語"}, {"Shift_JIS", "テスト"}, {"KOI8-R", "Привет"}, {"windows-1252", "“€”"},
        {"ISO-8859-2", "Žluťoučký"}, {"ISO-8859-15", "Œ€"}, {"ISO-8859-7", "Ελληνικά"}, {"EUC-KR", "한국어"}};
    for (const Case &c : cases) {
        QStringEncoder encoder(c.charset);
        REQUIRE(encoder.isValid());
        const QByteArray bytes = encoder(u8(c.text));
        bool known = false;
        CAPTURE(c.charset);
        CHECK(decodeCharset(bytes, c.charset, &known) == u8(c.text));
        CHECK(known);
    }
    bool known = true;
    CHECK(decodeCharset("caf\xc3\xa9", "x-klingon", &known) == u8("café"));
    CHECK_FALSE(known);
    CHECK(decodeCharset("caf\xe9", "x-klingon") == u8("café"));
    // Declared ASCII (or nothing) but 8-bit: the usual mislabelling.
    CHECK(decodeCharset("caf\xc3\xa9", "us-ascii") == u8("café"));
    CHECK(decodeCharset("caf\xe9", "") == u8("café"));
    // gb2312 labels carry GBK characters in practice (镕 is not in GB 2312).
    QStringEncoder gbk("GBK");
    const QByteArray rong = gbk(u8("镕"));
    CHECK(decodeCharset(rong, "gb2312") == u8("镕"));
}

TEST_CASE("header blocks split into fields, keeping folding, in linear time", "[mime][header]")
{
    const HeaderBlock block = HeaderBlock::parse("A: 1\r\nB:  two\r\n\tlines\r\nC:\r\n\r\nbody\r\n");
    REQUIRE(block.fields().size() == 3);
    CHECK(block.fields()[1].name == "B");
    CHECK(block.fields()[1].value == "two\r\n\tlines");
    CHECK(block.value("c") == "");
    CHECK(block.value("d").isNull());
    CHECK(block.bodyOffset() == 29);
    CHECK(block.endedOnEmptyLine());

    const HeaderBlock noBlank = HeaderBlock::parse("A: 1\nnot a field\n");
    CHECK(noBlank.fields().size() == 1);
    CHECK(noBlank.bodyOffset() == 5);

    const QByteArray huge = "Subject: x" + QByteArray(4 << 20, 'y') + "\r\n\r\n";
    CHECK(HeaderBlock::parse(huge).fields().front().value.size() == (4 << 20) + 1);
}

TEST_CASE("RFC 2045 parameters: quoting, comments, case", "[mime][rfc2045]")
{
    const auto p = HeaderParameters::parse(
        "Text/Plain; CHARSET=\"UTF-8\" (comment); format=flowed;name=\"a \\\"b\\\".txt\"");
    CHECK(p.value() == "text/plain");
    CHECK(p.parameter("charset") == u8("UTF-8"));
    CHECK(p.parameter("format") == u8("flowed"));
    CHECK(p.parameter("name") == u8("a \"b\".txt"));
    CHECK(p.parameter("missing").isNull());
    CHECK(HeaderParameters::parse("attachment; filename=my file.pdf").parameter("filename")
        == u8("my file.pdf"));
    CHECK(HeaderParameters::parse("attachment; filename=\"=?utf-8?B?w7xiZXIucGRm?=\"").parameter("filename")
        == u8("über.pdf"));
}

TEST_CASE("RFC 2231 continuations, charsets and percent-encoding", "[mime][rfc2231]")
{
    CHECK(HeaderParameters::parse("attachment; filename*=utf-8''%E2%82%AC%20rates.txt").parameter("filename")
        == u8("€ rates.txt"));
    CHECK(HeaderParameters::parse("attachment; filename*=iso-8859-1'fr'caf%E9").parameter("filename")
        == u8("café"));
    CHECK(HeaderParameters::parse("attachment; filename*0*=utf-8''%E4%B8; filename*1*=%AD%E6%96%87.txt")
              .parameter("filename")
        == u8("中文.txt"));
    // Sections out of order, plain sections mixed with encoded ones (RFC 2231 section 4.1).
    CHECK(HeaderParameters::parse("x; name*2=c; name*0*=us-ascii'en'a%20; name*1=b").parameter("name")
        == u8("a bc"));
    // The RFC 2231 form wins over the plain one given for old readers.
    CHECK(HeaderParameters::parse("x; filename=\"old.txt\"; filename*=utf-8''new.txt").parameter("filename")
        == u8("new.txt"));
    CHECK(HeaderParameters::parse("x; filename*=utf-8''%ZZ").parameter("filename") == u8("%ZZ"));
}

TEST_CASE("addresses: names decoded and unquoted, groups, comments, raw kept", "[mime][address]")
{
    const auto list = parseAddressList(
        "\"Doe, John\" <john@example.com>, =?utf-8?Q?J=C3=B6rg?= <joerg@example.de>,\r\n bare@example.org, "
        "old@example.net (Old Style), Team: ann@example.com, <bob@example.com>;, undisclosed-recipients:;");
    REQUIRE(list.size() == 6);
    CHECK(list[0].name == u8("Doe, John"));
    CHECK(list[0].address == u8("john@example.com"));
    CHECK(list[0].raw == u8("\"Doe, John\" <john@example.com>"));
    CHECK(list[1].name == u8("Jörg"));
    CHECK(list[1].raw == u8("=?utf-8?Q?J=C3=B6rg?= <joerg@example.de>"));
    CHECK(list[2].name.isEmpty());
    CHECK(list[2].address == u8("bare@example.org"));
    CHECK(list[3].name == u8("Old Style"));
    CHECK(list[3].address == u8("old@example.net"));
    CHECK(list[4].group == u8("Team"));
    CHECK(list[4].address == u8("ann@example.com"));
    CHECK(list[5].group == u8("Team"));
    CHECK(list[5].address == u8("bob@example.com"));

    CHECK(parseAddressList("\"=?utf-8?B?5p2O6Zu3?=\" <li@example.cn>").front().name == u8("李雷"));
    CHECK(parseAddressList("Zo\xc3\xab <z@example.com>").front().name == u8("Zoë"));
    CHECK(parseAddressList("<@relay.example:user@example.com>").front().address == u8("user@example.com"));
    CHECK(parseAddressList("\"a\\\"b\" <q@example.com>").front().name == u8("a\"b"));
    CHECK(parseAddressList("").isEmpty());
    CHECK(parseAddressList("Alice Smith <alice@example.com>").front().display()
        == u8("Alice Smith <alice@example.com>"));
}

TEST_CASE("dates: RFC 5322 and the obsolete forms", "[mime][date]")
{
    CHECK(parseDate("Tue, 02 Jan 2024 10:00:00 +0100").toString(Qt::ISODate)
        == u8("2024-01-02T10:00:00+01:00"));
    CHECK(parseDate("2 Jan 2024 10:00 -0800").toString(Qt::ISODate) == u8("2024-01-02T10:00:00-08:00"));
    CHECK(parseDate("Sat, 2 Jan 99 10:00:00 EST").toString(Qt::ISODate) == u8("1999-01-02T10:00:00-05:00"));
    CHECK(parseDate("Mon, 1 Jan 24 00:00:00 GMT").toString(Qt::ISODate) == u8("2024-01-01T00:00:00+00:00"));
    CHECK(parseDate("Thu, 13 Feb 2020 08:30:00 +0000 (UTC)").toString(Qt::ISODate)
        == u8("2020-02-13T08:30:00+00:00"));
    CHECK_FALSE(parseDate("yesterday").isValid());
    CHECK_FALSE(parseDate("31 Feb 2024 10:00:00 +0000").isValid());
}

TEST_CASE("base64 tolerates stray characters and missing padding, and says so", "[mime][transfer]")
{
    bool clean = false;
    CHECK(decodeBase64("SGVsbG8=\r\n", &clean) == "Hello");
    CHECK(clean);
    CHECK(decodeBase64("SGVsbG8", &clean) == "Hello");
    CHECK_FALSE(clean);
    CHECK(decodeBase64("SGV*sb!G8=", &clean) == "Hello");
    CHECK_FALSE(clean);
    CHECK(decodeBase64("SGk=SGk=", &clean) == "HiHi");
    CHECK_FALSE(clean);
    CHECK(decodeBase64("", &clean).isEmpty());
    CHECK(clean);
}

TEST_CASE("quoted-printable: soft breaks, lower-case hex, malformed escapes kept", "[mime][transfer]")
{
    bool clean = false;
    CHECK(decodeQuotedPrintable("a=3Db=\r\nc=\nd", &clean) == "a=bcd");
    CHECK(clean);
    CHECK(decodeQuotedPrintable("caf=e9 =  \r\nx", &clean) == "caf\xe9 x");
    CHECK(clean);
    CHECK(decodeQuotedPrintable("100% =ZZ", &clean) == "100% =ZZ");
    CHECK_FALSE(clean);
    CHECK(decodeQuotedPrintable("end=", &clean) == "end");
}

TEST_CASE("format=flowed is unwrapped (RFC 3676)", "[mime][flowed]")
{
    CHECK(unwrapFlowed(u8("one \ntwo \nthree\nfour\n"), false) == u8("one two three\nfour\n"));
    CHECK(unwrapFlowed(u8("Japa \nnese\n"), true) == u8("Japanese\n"));
    CHECK(unwrapFlowed(u8("> quoted \n> more\n>> deeper\n"), false) == u8("> quoted more\n>> deeper\n"));
    CHECK(unwrapFlowed(u8("-- \nsig\n"), false) == u8("-- \nsig\n"));
    CHECK(unwrapFlowed(u8(" From stuffed\n"), false) == u8("From stuffed\n"));
    // The empty line is the fixed line that ends the flowed paragraph.
    CHECK(unwrapFlowed(u8("soft \n\nnext\n"), false) == u8("soft \nnext\n"));
    // No line break is added at the end where the text had none (CPython corpus msg_22).
    CHECK(unwrapFlowed(u8("Text text text."), false) == u8("Text text text."));
    CHECK(unwrapFlowed(u8("one \ntwo"), false) == u8("one two"));
}

TEST_CASE("x-uuencode: begin/end lines, length-prefixed lines, short lines said so", "[mime][transfer]")
{
    bool clean = false;
    CHECK(decodeUuencode("begin 644 a.bin\r\n#86)C\r\n`\r\nend\r\n", &clean) == "abc");
    CHECK(clean);
    // 45 bytes per full line, then a partial one.
    const QByteArray text = QByteArray(50, 'x');
    CHECK(
        decodeUuencode(
            "begin 600 x\nM>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX>'AX\n%>'AX>'@`\n`\nend\n",
            &clean)
        == text);
    CHECK(clean);
    CHECK(decodeUuencode("no begin line at all", &clean) == "no begin line at all");
    CHECK_FALSE(clean);
    CHECK(decodeUuencode("begin 644 a\n#86\nend\n", &clean) == "a"); // a line shorter than it says
    CHECK_FALSE(clean);
    CHECK(decodeUuencode("begin 644 a\n", &clean).isEmpty());
}
