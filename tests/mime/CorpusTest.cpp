#include "TestSupport.h"
#include "mime/ParsedMessage.h"

#include "MimeTestPrinting.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>

using namespace MailSink;
using namespace MailSink::Mime;
using MailSink::Test::testData;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

ParsedMessage load(const char *name)
{
    QString error;
    const ParsedMessage message
        = parseFile(testData(QStringLiteral("mime/%1.eml").arg(QLatin1String(name))), &error);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    REQUIRE(message.size() > 0);
    return message;
}

// "path content_type filename" for every leaf, for compact structure checks.
QStringList shape(const ParsedMessage &message)
{
    QStringList out;
    for (const Part &part : message.parts()) {
        QString line = part.path + u' ' + part.contentType;
        if (!part.filename.isEmpty())
            line += u' ' + part.filename;
        out.append(line);
    }
    return out;
}

QStringList attachmentNames(const ParsedMessage &message)
{
    QStringList out;
    for (const Part &part : message.attachments())
        out.append(part.filename.isEmpty() ? part.path : part.filename);
    return out;
}

bool warned(const ParsedMessage &message, const char *fragment)
{
    for (const QString &warning : message.warnings()) {
        if (warning.contains(u8(fragment), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

TEST_CASE("the corpus has at least 40 messages, and every one parses consistently", "[mime][corpus]")
{
    const QStringList files
        = QDir(testData(QStringLiteral("mime"))).entryList({QStringLiteral("*.eml")}, QDir::Files);
    REQUIRE(files.size() >= 40);
    for (const QString &file : files) {
        CAPTURE(file.toStdString());
        QString error;
        const ParsedMessage message = parseFile(testData(QStringLiteral("mime/") + file), &error);
        REQUIRE(error.isEmpty());
        REQUIRE(!message.parts().isEmpty());
        for (const Part &part : message.parts()) {
            const QByteArray content = message.partContent(part.path);
            CHECK(content.size() == part.size);
            CHECK(sha256(content) == QString::fromLatin1(part.sha256Hex));
        }
        const QJsonObject json = inspectJson(message);
        for (const char *key : {"subject", "from", "sender", "reply_to", "to", "cc", "bcc", "date",
                 "message_id", "headers", "text", "html", "parts", "attachments", "size", "warnings"})
            CHECK(json.contains(QLatin1String(key)));
        CHECK(json.value(QStringLiteral("parts")).toArray().size() == message.parts().size());
        CHECK(!inspectText(message).isEmpty());
        // Every prefix of a message is a message too (truncated delivery): never a crash.
        const QByteArray raw = message.raw();
        for (qsizetype cut = 0; cut < raw.size(); cut += qMax<qsizetype>(1, raw.size() / 61))
            (void)parseMessage(raw.left(cut));
    }
}

TEST_CASE("corpus: simple ASCII message", "[mime][corpus]")
{
    const auto m = load("simple-ascii");
    CHECK(m.subject() == u8("Hello there"));
    REQUIRE(m.from().size() == 1);
    CHECK(m.from()[0].name == u8("Alice"));
    CHECK(m.from()[0].address == u8("alice@example.com"));
    CHECK(m.to()[0].address == u8("bob@example.com"));
    CHECK(m.date().toString(Qt::ISODate) == u8("2024-01-02T10:00:00+01:00"));
    CHECK(m.messageId() == u8("simple@example.com"));
    CHECK(m.text() == u8("Hello Bob,\nhow are you?\n"));
    CHECK(!m.html());
    CHECK(shape(m) == QStringList {u8("1 text/plain")});
    CHECK(m.parts()[0].charset == u8("us-ascii"));
    CHECK(m.parts()[0].size == 26); // CRLF line ends, before charset decoding
    CHECK(m.warnings().isEmpty());
    CHECK(m.rawHeaders().size() == 7);
    CHECK(m.headers()[5] == std::pair {u8("Subject"), u8("Hello there")});
}

TEST_CASE("corpus: no Content-Type means text/plain in us-ascii", "[mime][corpus]")
{
    const auto m = load("no-content-type");
    CHECK(shape(m) == QStringList {u8("1 text/plain")});
    CHECK(m.parts()[0].charset == u8("us-ascii"));
    CHECK(m.text() == u8("Just text.\n"));
    CHECK(m.messageId().isNull());
    CHECK(!m.date().isValid());
    const QJsonObject json = inspectJson(m);
    CHECK(json.value(QStringLiteral("message_id")).isNull());
    CHECK(json.value(QStringLiteral("date")).isNull());
    CHECK(json.value(QStringLiteral("html")).isNull());
}

TEST_CASE("corpus: RFC 2047 subjects", "[mime][corpus][rfc2047]")
{
    CHECK(load("rfc2047-subject-base64-utf8").subject() == u8("Grüße aus Köln – 你好"));
    CHECK(load("rfc2047-subject-q-latin1").subject() == u8("Café crème is ready"));
    CHECK(load("rfc2047-adjacent-words-joined").subject() == u8("München 東京!"));
    CHECK(load("rfc2047-mixed-charsets").subject() == u8("Привет and ¡Hola!こんにちは"));
    const auto m = load("rfc2047-adjacent-words-joined");
    CHECK(inspectJson(m).value(QStringLiteral("subject")).toString() == u8("München 東京!"));
}

TEST_CASE("corpus: RFC 2047 display names in address headers", "[mime][corpus][rfc2047]")
{
    const auto m = load("rfc2047-display-names");
    REQUIRE(m.from().size() == 1);
    CHECK(m.from()[0].name == u8("Jörg Müller"));
    CHECK(m.from()[0].address == u8("joerg@example.de"));
    REQUIRE(m.to().size() == 2);
    CHECK(m.to()[0].name == u8("Doe, John"));
    CHECK(m.to()[1].name == u8("李雷"));
    CHECK(m.to()[1].address == u8("lilei@example.cn"));
    REQUIRE(m.cc().size() == 2);
    CHECK(m.cc()[0].name == u8("Renée"));
    CHECK(m.cc()[1].name == u8("Plain Person"));
    CHECK(m.cc()[1].address == u8("plain@example.org"));
    REQUIRE(m.replyTo().size() == 1);
    CHECK(m.replyTo()[0].name.isEmpty());
    const QJsonArray to = inspectJson(m).value(QStringLiteral("to")).toArray();
    CHECK(to.at(0).toObject().value(QStringLiteral("name")).toString() == u8("Doe, John"));
    const QJsonArray replyTo = inspectJson(m).value(QStringLiteral("reply_to")).toArray();
    CHECK(replyTo.at(0).toObject().value(QStringLiteral("name")).isNull());
    CHECK(m.header("from") == u8("Jörg Müller <joerg@example.de>"));
}

TEST_CASE("corpus: RFC 2047 in name= and filename=", "[mime][corpus][rfc2047]")
{
    const auto m = load("rfc2047-in-filename");
    CHECK(attachmentNames(m) == QStringList {u8("Bericht Übersicht.pdf")});
    CHECK(m.partContent(QStringLiteral("2")).startsWith("%PDF-1.4"));
}

TEST_CASE("corpus: RFC 2231 parameters", "[mime][corpus][rfc2231]")
{
    CHECK(attachmentNames(load("rfc2231-continuation")) == QStringList {u8("中文文件名.txt")});
    CHECK(attachmentNames(load("rfc2231-charset-language")) == QStringList {u8("résumé d'été.txt")});
    const auto plain = load("rfc2231-plain-continuation");
    CHECK(attachmentNames(plain) == QStringList {u8("quarterly-report-2024.csv")});
    CHECK(plain.partContent(QStringLiteral("2")) == "a,b\r\n1,2");
}

TEST_CASE("corpus: every charset ICU knows, in subject and body", "[mime][corpus][charset]")
{
    struct Case
    {
        const char *file;
        const char *subject;
        const char *text;
    };
    const Case cases[] = {
        {"charset-gbk", "你好，世界", "这是一封测试邮件。镕\n"},
        {"charset-gb18030", "欢迎 €", "中文与表情 😀 混合\n"},
        {"charset-big5", "繁體中文測試", "這是一封繁體中文的郵件。\n"},
        {"charset-iso-2022-jp", "日本語の件名", "こんにちは、世界。\n"},
        {"charset-shift-jis", "テスト", "シフトJISの本文です。\n"},
        {"charset-koi8-r", "Привет, мир", "Съешь же ещё этих мягких французских булок.\n"},
        {"charset-windows-1252", "Smart “quotes” – €5", "He said “hello” — and paid €5.\n"},
        {"charset-iso-8859-2", "Žluťoučký kůň", "Příliš žluťoučký kůň úpěl ďábelské ódy.\n"},
        {"charset-iso-8859-15", "Prix: 5€", "Œuvre à 5€.\n"},
    };
    for (const Case &c : cases) {
        CAPTURE(c.file);
        const auto m = load(c.file);
        CHECK(m.subject() == u8(c.subject));
        CHECK(m.text() == u8(c.text));
        CHECK(m.warnings().isEmpty());
    }
    CHECK(load("charset-gbk").parts()[0].charset == u8("gbk"));
}

TEST_CASE("corpus: unknown charset falls back losslessly with a warning", "[mime][corpus][charset]")
{
    const auto m = load("charset-unknown-fallback");
    CHECK(m.subject() == u8("café"));
    CHECK(m.text() == u8("naïve café\n"));
    CHECK(m.parts()[0].charset == u8("x-klingon"));
    CHECK(warned(m, "unknown charset"));
}

TEST_CASE("corpus: 8-bit headers without encoding", "[mime][corpus][charset]")
{
    const auto utf8 = load("header-8bit-utf8");
    CHECK(utf8.subject() == u8("Übergrößenträger ✓"));
    CHECK(utf8.from().constLast().name == u8("Zoë Ärger"));
    const auto latin1 = load("header-8bit-latin1");
    CHECK(latin1.subject() == u8("Déjà vu"));
    CHECK(latin1.from().constLast().name == u8("Zoë"));
}

TEST_CASE("corpus: multipart/mixed with an attachment", "[mime][corpus][multipart]")
{
    const auto m = load("multipart-mixed");
    CHECK(shape(m) == QStringList {u8("1 text/plain"), u8("2 application/pdf report.pdf")});
    CHECK(m.text() == u8("Here is the report — enjoy."));
    const Part pdf = m.attachments().value(0);
    CHECK(pdf.disposition == u8("attachment"));
    CHECK(pdf.size == 93);
    CHECK(pdf.isAttachment);
    CHECK(m.partContent(QStringLiteral("2")).startsWith("%PDF-1.4\n% test document"));
    CHECK(m.partContent(QStringLiteral("9")).isEmpty());
    CHECK(m.warnings().isEmpty());
    const QJsonObject json = inspectJson(m);
    const QJsonObject part = json.value(QStringLiteral("attachments")).toArray().at(0).toObject();
    CHECK(part.value(QStringLiteral("path")).toString() == u8("2"));
    CHECK(part.value(QStringLiteral("content_type")).toString() == u8("application/pdf"));
    CHECK(part.value(QStringLiteral("charset")).isNull());
    CHECK(part.value(QStringLiteral("filename")).toString() == u8("report.pdf"));
    CHECK(part.value(QStringLiteral("disposition")).toString() == u8("attachment"));
    CHECK(part.value(QStringLiteral("content_id")).isNull());
    CHECK(part.value(QStringLiteral("size")).toInteger() == 93);
    CHECK(part.value(QStringLiteral("sha256")).toString() == sha256(m.partContent(QStringLiteral("2"))));
}

TEST_CASE("corpus: multipart/alternative gives both bodies", "[mime][corpus][multipart]")
{
    const auto m = load("multipart-alternative");
    CHECK(m.text() == u8("Plain version"));
    CHECK(m.html() == u8("<p>HTML <b>version</b></p>"));
    CHECK(m.attachments().isEmpty());
}

TEST_CASE("corpus: multipart/related links cid: images", "[mime][corpus][multipart]")
{
    const auto m = load("multipart-related-cid");
    CHECK(m.html() == u8("<p>Logo: <img src=\"cid:logo@example.com\"></p>"));
    CHECK(!m.text());
    CHECK(m.attachments().isEmpty());
    const auto image = m.partByContentId(QStringLiteral("cid:logo@example.com"));
    REQUIRE(image);
    CHECK(image->contentType == u8("image/png"));
    CHECK(image->path == u8("2"));
    CHECK(m.partContent(image->path).startsWith("\x89PNG"));
    CHECK(m.partByContentId(QStringLiteral("<logo@example.com>")));
    CHECK(!m.partByContentId(QStringLiteral("cid:other@example.com")));

    const auto start = load("related-start-parameter");
    CHECK(start.html() == u8("<img src=\"cid:img@x\">"));
    CHECK(start.partByContentId(QStringLiteral("cid:img%40x")));
    CHECK(start.attachments().isEmpty());
}

TEST_CASE("corpus: multipart/digest parts default to message/rfc822", "[mime][corpus][multipart]")
{
    const auto m = load("multipart-digest");
    CHECK(shape(m) == QStringList {u8("1 message/rfc822"), u8("2 message/rfc822"), u8("3 text/plain")});
    CHECK(m.partContent(QStringLiteral("1")).startsWith("From: one@example.com\r\nSubject: first"));
    CHECK(parseMessage(m.partContent(QStringLiteral("2"))).subject() == u8("second"));
}

TEST_CASE("corpus: three levels of nesting", "[mime][corpus][multipart]")
{
    const auto m = load("multipart-nested-three-levels");
    CHECK(shape(m)
        == QStringList {u8("1.1 text/plain"), u8("1.2.1 text/html"), u8("1.2.2 image/png"),
            u8("2 application/pdf a.pdf")});
    CHECK(m.text() == u8("plain body"));
    CHECK(m.html() == u8("<p>html body <img src=\"cid:img1\"></p>"));
    CHECK(attachmentNames(m) == QStringList {u8("a.pdf")});
    CHECK(m.partByContentId(QStringLiteral("img1"))->path == u8("1.2.2"));
    const QList<Part> tree = m.tree();
    REQUIRE(tree.size() == 7);
    CHECK(tree[0].isContainer);
    CHECK(tree[0].path.isEmpty());
    CHECK(tree[3].contentType == u8("multipart/related"));
    CHECK(tree[3].path == u8("1.2"));
    CHECK(tree[3].depth == 2);
    CHECK(m.warnings().isEmpty());
    const QString text = inspectText(m);
    CHECK(text.contains(u8("│  └─ 1.2 multipart/related")));
    CHECK(text.contains(u8("└─ 2 application/pdf")));
}

TEST_CASE("corpus: an attached message is one leaf", "[mime][corpus][multipart]")
{
    const auto m = load("message-rfc822-attached");
    CHECK(shape(m) == QStringList {u8("1 text/plain"), u8("2 message/rfc822 original.eml")});
    CHECK(m.text() == u8("See the forwarded message."));
    const QByteArray inner = m.partContent(QStringLiteral("2"));
    CHECK(inner.startsWith("From: Carol <carol@example.com>\r\n"));
    CHECK(inner.endsWith("--inner--\r\n"));
    const auto embedded = parseMessage(inner);
    CHECK(embedded.subject() == u8("original message"));
    CHECK(embedded.text() == u8("original text"));
    CHECK(m.warnings().isEmpty());
}

TEST_CASE("corpus: multipart/signed and multipart/report", "[mime][corpus][multipart]")
{
    const auto signedMessage = load("multipart-signed");
    CHECK(signedMessage.text() == u8("Signed text."));
    CHECK(attachmentNames(signedMessage) == QStringList {u8("signature.asc")});
    const auto bounce = load("multipart-report-bounce");
    CHECK(bounce.text() == u8("Your message could not be delivered."));
    CHECK(shape(bounce)
        == QStringList {u8("1 text/plain"), u8("2 message/delivery-status"), u8("3 text/rfc822-headers")});
}

TEST_CASE("corpus: broken boundaries", "[mime][corpus][broken]")
{
    const auto mismatch = load("broken-boundary-mismatch");
    CHECK(shape(mismatch) == QStringList {u8("1 text/plain")});
    CHECK(mismatch.text()->contains(u8("the text")));
    CHECK(warned(mismatch, "boundary \"declared\""));

    const auto missing = load("missing-final-boundary");
    CHECK(shape(missing) == QStringList {u8("1 text/plain"), u8("2 text/plain")});
    // The end of the data stands in for the missing delimiter, so the line break before it belongs to that
    // delimiter (RFC 2046 section 5.1.1) and is not content: the part reads as it would had the sender
    // closed the multipart. (A single-part body keeps every byte up to the end.)
    CHECK(missing.partContent(QStringLiteral("2")) == "second, and then the message just stops");
    CHECK(missing.text() == u8("first\nsecond, and then the message just stops"));
    CHECK(warned(missing, "closing boundary is missing"));

    const auto inner = load("inner-boundary-not-closed");
    CHECK(shape(inner)
        == QStringList {
            u8("1.1 text/plain"), u8("1.2 text/html"), u8("2 application/octet-stream data.bin")});
    CHECK(inner.partContent(QStringLiteral("1.2")) == "<p>html</p>");
    CHECK(inner.partContent(QStringLiteral("2")) == "DATA");
    CHECK(warned(inner, "part 1: the closing boundary is missing; an outer boundary ends it"));

    const auto prefix = load("boundary-prefix-of-other");
    CHECK(shape(prefix)
        == QStringList {u8("1.1 text/plain"), u8("1.2 text/html"), u8("2 text/plain notes.txt")});
    CHECK(prefix.warnings().isEmpty());

    const auto padded = load("boundary-with-trailing-space");
    CHECK(padded.text() == u8("body with a padded boundary line"));
    CHECK(padded.warnings().isEmpty());

    const auto noParam = load("multipart-no-boundary-param");
    CHECK(warned(noParam, "without a boundary parameter; shown as plain text"));
    CHECK(shape(noParam) == QStringList {u8("1 text/plain")});
    CHECK(noParam.text()->startsWith(u8("--\nContent-Type: text/plain\n\nshown as text")));
}

TEST_CASE("regression: a file name does not hide the body (RFC 2183 2.1, 2.3)", "[mime][corpus][bodies]")
{
    // A name= parameter alone is no disposition: the single part is the body, shown as text, and also
    // offered as the file it names.
    const auto named = load("bug-name-parameter-hides-body");
    CHECK(named.text() == u8("The whole body is this text.\nIt must not disappear.\n"));
    CHECK(named.textParts() == QStringList {u8("1")});
    CHECK(attachmentNames(named) == QStringList {u8("a.txt")});
    CHECK(named.parts().at(0).isBody);

    // "inline" means display it, whatever file name it suggests; "attachment" does not.
    const auto inlined = load("bug-inline-filename-hides-body");
    CHECK(inlined.text() == u8("first inline text\nsecond inline text"));
    CHECK(inlined.textParts() == QStringList {u8("1"), u8("3")});
    CHECK(attachmentNames(inlined) == QStringList {u8("msg.txt"), u8("log.txt"), u8("second.txt")});
    const QJsonObject json = inspectJson(inlined);
    CHECK(json.value(QStringLiteral("text_parts")).toArray()
        == QJsonArray {QStringLiteral("1"), QStringLiteral("3")});
    CHECK(json.value(QStringLiteral("html_parts")).toArray().isEmpty());
    CHECK(inspectText(inlined).contains(
        u8("1 text/plain; charset=us-ascii  17 bytes  \"msg.txt\"  [body, attachment]")));
    CHECK(inspectText(inlined).contains(u8("\"log.txt\"  [attachment]")));
}

TEST_CASE("regression: an explicit text/plain in a digest is text (RFC 2046 5.1.5)", "[mime][corpus][bodies]")
{
    const auto m = load("bug-digest-text-part-as-attachment");
    CHECK(shape(m) == QStringList {u8("1 text/plain"), u8("2 message/rfc822"), u8("3 message/rfc822")});
    CHECK(m.text() == u8("This digest holds two messages."));
    CHECK(m.textParts() == QStringList {u8("1")});
    CHECK(attachmentNames(m) == QStringList {u8("2"), u8("3")});
    CHECK(parseMessage(m.partContent(QStringLiteral("3"))).subject() == u8("second"));
}

TEST_CASE(
    "regression: consecutive delimiter lines make no part (RFC 2046 5.1.1)", "[mime][corpus][multipart]")
{
    const auto m = load("bug-consecutive-delimiters-phantom-parts");
    CHECK(shape(m) == QStringList {u8("1 text/plain"), u8("2 text/plain")});
    CHECK(m.text() == u8("one\ntwo"));
    CHECK(m.attachments().isEmpty());
    CHECK(m.warnings().isEmpty());
}

TEST_CASE("corpus: empty parts", "[mime][corpus][broken]")
{
    const auto m = load("empty-parts");
    CHECK(shape(m)
        == QStringList {u8("1 text/plain"), u8("2 text/plain"), u8("3 application/octet-stream empty.bin")});
    for (const Part &part : m.parts()) {
        CHECK(part.size == 0);
        CHECK(part.sha256Hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}

TEST_CASE("corpus: bad base64 and quoted-printable decode with a warning", "[mime][corpus][broken]")
{
    const auto bad = load("bad-base64");
    CHECK(bad.partContent(QStringLiteral("1")) == "Hello world");
    CHECK(warned(bad, "part 1: invalid base64"));

    const auto padding = load("base64-missing-padding");
    CHECK(padding.text() == u8("padding is optional, isn't it?!"));

    const auto qp = load("quoted-printable-soft-breaks");
    CHECK(qp.text()
        == u8("This line is softly broken, café costs £5 = fine. \nA broken =ZZ escape and é lower-case.\n"));
    CHECK(warned(qp, "quoted-printable"));

    const auto unknown = load("unknown-transfer-encoding");
    CHECK(unknown.partContent(QStringLiteral("1")) == "H4sIAAAAAAAAA0tMSgYAwkEkNQMAAAA=\r\n");
    CHECK(warned(unknown, "unknown Content-Transfer-Encoding \"x-gzip64\""));

    // x-uuencode is in no RFC but every common client decodes it.
    const auto uu = load("uuencode");
    CHECK(uu.partContent(QStringLiteral("1")) == "abc");
    CHECK(uu.warnings().isEmpty());
}

TEST_CASE("corpus: format=flowed is shown unwrapped", "[mime][corpus]")
{
    CHECK(load("format-flowed").text()
        == u8("This paragraph was wrapped by the sender and should be shown as one line.\n\n"
              "> A quoted line that continues here.\nStuffed line starts with a space\n-- \nSignature\n"));
    CHECK(load("format-flowed-delsp").text() == u8("Japanese words have no spaces.\n"));
}

TEST_CASE("corpus: very long lines", "[mime][corpus]")
{
    const auto m = load("very-long-lines");
    CHECK(m.subject().size() == 2000 * 5 - 1);
    CHECK(m.header("x-long").size() == 20000);
    CHECK(m.text()->size() == 100000);
    CHECK(m.partContent(QStringLiteral("2")) == QByteArray(30000, '\0'));
    CHECK(m.warnings().isEmpty());
}

TEST_CASE("corpus: mbox From line, bare LF, no blank line after the header", "[mime][corpus]")
{
    const auto mbox = load("mbox-from-line");
    CHECK(mbox.subject() == u8("from mbox"));
    CHECK(mbox.from()[0].address == u8("alice@example.com"));
    CHECK(!mbox.raw().startsWith("From "));

    const auto lf = load("lf-only-line-endings");
    CHECK(lf.text() == u8("line one\nline two"));
    CHECK(lf.html() == u8("<p>x</p>"));

    const auto noBlank = load("header-without-blank-line");
    CHECK(noBlank.subject() == u8("no blank line"));
    CHECK(noBlank.text() == u8("This line is already the body.\nAnd so is this one.\n"));
}

TEST_CASE("corpus: address groups and a bare Bcc", "[mime][corpus][address]")
{
    const auto m = load("address-groups");
    REQUIRE(m.to().size() == 3);
    CHECK(m.to()[0].group == u8("Project Team"));
    CHECK(m.to()[1].name == u8("Smith, Bob"));
    CHECK(m.to()[2].group.isEmpty());
    CHECK(m.cc().isEmpty());
    CHECK(m.bcc()[0].address == u8("hidden@example.com"));
}

TEST_CASE("corpus: obsolete date forms", "[mime][corpus]")
{
    CHECK(load("date-obsolete-zone").date().toString(Qt::ISODate) == u8("1999-01-02T10:00:00-05:00"));
}

TEST_CASE("corpus: attachments and inline parts", "[mime][corpus]")
{
    const auto named = load("attachment-name-without-disposition");
    CHECK(attachmentNames(named) == QStringList {u8("pixel.png")});
    CHECK(named.attachments()[0].disposition.isEmpty());
    CHECK(inspectJson(named)
              .value(QStringLiteral("attachments"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("disposition"))
              .isNull());

    const auto inlineImage = load("inline-image-in-mixed");
    // Text parts around an inline image are joined, as a reader shows them.
    CHECK(inlineImage.text() == u8("photo below\nand text after it"));
    CHECK(attachmentNames(inlineImage) == QStringList {u8("photo.png")});
    CHECK(inlineImage.attachments()[0].disposition == u8("inline"));

    const auto html = load("html-only");
    CHECK(!html.text());
    CHECK(html.html() == u8("<html><body><h1>Hi</h1><p>Café</p></body></html>\n"));
    CHECK(inspectText(html).contains(u8("Café")));
}

TEST_CASE("corpus: malformed Content-Type", "[mime][corpus][broken]")
{
    const auto m = load("content-type-malformed");
    CHECK(shape(m) == QStringList {u8("1 text/plain")});
    CHECK(m.text() == u8("still text\n"));
    CHECK(warned(m, "unreadable Content-Type"));
}

TEST_CASE(
    "corpus: an HTML part without a charset parameter uses its <meta> charset", "[mime][corpus][charset]")
{
    const auto m = load("html-meta-charset");
    CHECK(m.html()->contains(u8("<body>中文网页</body>")));
    CHECK(m.parts()[0].charset == u8("us-ascii"));
    CHECK(m.warnings().isEmpty());
}

TEST_CASE("corpus: a quoted boundary with a semicolon, escapes and parentheses", "[mime][corpus][multipart]")
{
    const auto m = load("boundary-quoted-specials");
    CHECK(shape(m) == QStringList {u8("1 text/plain"), u8("2 text/html")});
    CHECK(m.text() == u8("plain"));
    CHECK(m.html() == u8("<p>html</p>"));
    CHECK(m.warnings().isEmpty());
}
