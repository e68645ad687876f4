// MessageBuilder: the encodings one by one, then whole messages parsed back by Python's `email`
// package (policy.default, the strict modern parser) and delivered through Mailsink.
#include "ClientTestSupport.h"
#include "ServerFixture.h"
#include "TestSupport.h"

#include "client/MessageBuilder.h"
#include "client/MessageHeaders.h"
#include "client/SmtpSender.h"
#include "mime/ParsedMessage.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUrl>

#include <catch2/catch.hpp>

using namespace MailSink;
using namespace MailSink::Client;
using namespace MailSink::Test;

namespace {

const char *const ParseScript = R"PY(
import sys, json, hashlib, email
from email import policy
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=policy.default)
def tree(p):
    if p.is_multipart():
        return {'type': p.get_content_type(), 'parts': [tree(c) for c in p.iter_parts()]}
    return p.get_content_type()
def addresses(name):
    h = msg[name]
    return [] if h is None else [[a.display_name, a.addr_spec] for a in h.addresses]
defects = [str(d) for d in msg.defects]
leaves = []
for part in msg.walk():
    defects += [str(d) for d in part.defects]
    if part.is_multipart():
        continue
    data = part.get_payload(decode=True) or b''
    leaves.append({'type': part.get_content_type(), 'charset': part.get_content_charset(),
                   'filename': part.get_filename(), 'disposition': part.get_content_disposition(),
                   'cid': part['Content-ID'], 'cte': part['Content-Transfer-Encoding'],
                   'size': len(data), 'sha256': hashlib.sha256(data).hexdigest()})
for name in ('subject', 'from', 'to', 'cc', 'date', 'message-id'):
    if msg[name] is not None:
        defects += ['%s: %s' % (name, d) for d in msg[name].defects]
def body(kind):
    part = msg.get_body((kind,))
    return None if part is None else part.get_content().replace('\r\n', '\n')
print(json.dumps({'subject': msg['subject'], 'from': addresses('from'), 'to': addresses('to'),
                  'cc': addresses('cc'), 'bcc': addresses('bcc'), 'date': str(msg['date'].datetime),
                  'message_id': msg['message-id'], 'tree': tree(msg), 'text': body('plain'),
                  'html': body('html'), 'leaves': leaves, 'defects': defects}))
)PY";

QJsonObject parseWithPython(const QByteArray &message)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("message.eml"));
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(message);
    file.close();
    const ProcessResult result = python(ParseScript, {path});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return QJsonDocument::fromJson(result.out).object();
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QJsonArray pair(const QString &name, const QString &address)
{
    return QJsonArray {name, address};
}

// Every line ends in CRLF, none is longer than 998 octets, and only 8-bit-free text is used.
void checkWireForm(const QByteArray &message)
{
    CHECK(message.endsWith("\r\n"));
    qsizetype start = 0;
    int longest = 0;
    while (start < message.size()) {
        const qsizetype lf = message.indexOf('\n', start);
        REQUIRE(lf > 0);
        REQUIRE(message.at(lf - 1) == '\r');
        longest = std::max(longest, int(lf - 1 - start));
        start = lf + 1;
    }
    CHECK(longest <= 998);
    CHECK_FALSE(MailSink::Client::SmtpClientSession::needs8Bit(message));
    CHECK_FALSE(MailSink::Client::SmtpClientSession::isBinary(message));
}

} // namespace

TEST_CASE("header encodings: RFC 2047 words, phrases, RFC 2231 parameters, folding", "[client][builder]")
{
    CHECK(MessageBuilder::encodeUnstructured(QStringLiteral("Plain subject")) == "Plain subject");
    CHECK(MessageBuilder::encodeUnstructured(QStringLiteral("looks =?like?= a word")).startsWith("=?UTF-8?"));
    CHECK(MessageBuilder::encodeUnstructured(QStringLiteral("Caf\u00e9 au lait"))
        == "=?UTF-8?Q?Caf=C3=A9_au_lait?=");
    CHECK(MessageBuilder::encodeUnstructured(QStringLiteral("\u6771\u4eac")) == "=?UTF-8?B?5p2x5Lqs?=");

    CHECK(MessageBuilder::encodePhrase(QStringLiteral("Bob Smith")) == "Bob Smith");
    CHECK(MessageBuilder::encodePhrase(QStringLiteral("Smith, Bob")) == "\"Smith, Bob\"");
    CHECK(MessageBuilder::encodePhrase(QStringLiteral("say \"hi\"")) == "\"say \\\"hi\\\"\"");
    CHECK(MessageBuilder::encodePhrase(QStringLiteral("J\u00fcrgen")) == "=?UTF-8?Q?J=C3=BCrgen?=");
    CHECK(MessageBuilder::encodeMailbox({QStringLiteral("Bob"), QStringLiteral("bob@example.com")})
        == "Bob <bob@example.com>");
    CHECK(MessageBuilder::encodeMailbox({{}, QStringLiteral("bob@example.com")}) == "bob@example.com");
    CHECK(MessageBuilder::encodeAddress(QStringLiteral("lee@\u4f8b\u3048.jp")) == "lee@xn--r8jz45g.jp");

    CHECK(MessageBuilder::encodeParameter("filename", QStringLiteral("report.pdf")) == "filename=report.pdf");
    CHECK(MessageBuilder::encodeParameter("filename", QStringLiteral("my report.pdf"))
        == "filename=\"my report.pdf\"");
    CHECK(MessageBuilder::encodeParameter("filename", QStringLiteral("r\u00e9sum\u00e9.pdf"))
        == "filename*=utf-8''r%C3%A9sum%C3%A9.pdf");
    const QByteArray longName = MessageBuilder::encodeParameter("filename",
        QStringLiteral("\u65e5\u672c\u8a9e\u306e\u30d5\u30a1\u30a4\u30eb\u540d\u65e5\u672c\u8a9e.pdf"));
    CHECK(longName.startsWith("filename*0*=utf-8''%E6%97%A5"));
    CHECK(longName.contains("; filename*1*="));
    const QByteArray longAscii = MessageBuilder::encodeParameter("name", QString(100, u'a'));
    CHECK(longAscii.startsWith("name*0=\""));
    CHECK(longAscii.contains("; name*1=\""));

    const QByteArray field = "Subject: " + QByteArray("word ").repeated(40).trimmed();
    const QByteArray folded = MessageBuilder::fold(field);
    for (const QByteArray &line : folded.split('\n'))
        CHECK(line.size() <= 79);
    QByteArray unfolded = folded;
    unfolded.replace("\r\n", "");
    CHECK(unfolded == field);
}

TEST_CASE("quoted-printable and base64 bodies", "[client][builder]")
{
    CHECK(MessageBuilder::quotedPrintable("a=b\r\n") == "a=3Db\r\n");
    CHECK(MessageBuilder::quotedPrintable("trailing \r\nspace\t") == "trailing=20\r\nspace=09");
    CHECK(MessageBuilder::quotedPrintable("caf\xc3\xa9") == "caf=C3=A9");
    CHECK(MessageBuilder::quotedPrintable("bare\nlf") == "bare=0Alf");
    const QByteArray longLine = MessageBuilder::quotedPrintable(QByteArray(QByteArray(200, 'x') + "\r\n"));
    for (const QByteArray &line : longLine.split('\n'))
        CHECK(line.size() <= 77); // 76 plus the CR
    QByteArray decoded = longLine;
    decoded.replace("=\r\n", "");
    CHECK(decoded == QByteArray(200, 'x') + "\r\n");
    CHECK(MessageBuilder::base64(QByteArray(100, 'z')).split('\n').first().size() == 77);
    CHECK(MessageBuilder::base64({}).isEmpty());

    const QDateTime date(QDate(2024, 2, 29), QTime(13, 5, 9), QTimeZone(-5 * 3600));
    CHECK(MessageBuilder::formatDate(date) == "Thu, 29 Feb 2024 13:05:09 -0500");
}

TEST_CASE(
    "a composed message parses back in Python's email package exactly as built", "[client][builder][python]")
{
    const QString subject
        = QStringLiteral("Gr\u00fc\u00dfe aus \u6771\u4eac \u2014 a subject long enough to need several "
                         "encoded words, folded over lines");
    const QString text
        = QStringLiteral("Hello Bob,\n\nA line that is long enough to need a soft line break in quoted-"
                         "printable, with accents: \u00e9\u00e8\u00ea and more text after them.\n"
                         "From the start of a line\n.a dot-led line\ntrailing spaces   \nbye\n");
    const QString html = QStringLiteral(
        "<html><body><p>Hello <b>Bob</b> \u6771\u4eac</p><img src=\"cid:logo\"></body></html>\n");
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    for (int i = 0; i < 300; ++i)
        png += char(i * 7 % 256);
    QByteArray pdf;
    for (int i = 0; i < 5000; ++i)
        pdf += char((i * 31 + 7) % 256);
    const QByteArray notes = "line one\nline two\n";
    const QString pdfName
        = QStringLiteral("\u65e5\u672c\u8a9e\u306e\u30d5\u30a1\u30a4\u30eb\u540d with a rather long name "
                         "that needs continuations.pdf");

    MessageBuilder builder;
    builder.setFrom({QStringLiteral("M\u00fcller, J\u00fcrgen"), QStringLiteral("juergen@example.com")});
    builder.addTo({QStringLiteral("Bob \"The Builder\" O'Neil"), QStringLiteral("bob@example.com")});
    builder.addTo({QStringLiteral("\u674e\u5c0f\u9f8d"), QStringLiteral("lee@\u4f8b\u3048.jp")});
    builder.addCc({{}, QStringLiteral("carol@example.com")});
    builder.addBcc({QStringLiteral("Dave"), QStringLiteral("dave@example.com")});
    builder.setSubject(subject);
    builder.setText(text);
    builder.setHtml(html);
    const QByteArray cid = builder.addInline(QStringLiteral("logo.png"), "image/png", png, "logo");
    builder.addAttachment(pdfName, "application/pdf", pdf);
    builder.addAttachment(QStringLiteral("notes; final.txt"), "text/plain", notes);
    builder.addHeader("X-Mailer", QStringLiteral("Mailsink composer \u2713"));
    builder.setDate(QDateTime(QDate(2024, 5, 17), QTime(9, 30, 0), QTimeZone(2 * 3600)));
    builder.setRandomSeed(42);
    const QByteArray message = builder.build();
    CHECK(cid == "logo");
    CHECK(builder.build() == message); // the seed makes it reproducible
    checkWireForm(message);
    CHECK_FALSE(message.contains("dave@example.com")); // Bcc is envelope only
    CHECK(builder.envelopeSender() == "juergen@example.com");
    CHECK(builder.envelopeRecipients()
        == QList<QByteArray> {
            "bob@example.com", "lee@xn--r8jz45g.jp", "carol@example.com", "dave@example.com"});

    const QJsonObject parsed = parseWithPython(message);
    INFO(QJsonDocument(parsed).toJson().toStdString());
    CHECK(parsed.value(QStringLiteral("defects")).toArray().isEmpty());
    CHECK(parsed.value(QStringLiteral("subject")).toString() == subject);
    CHECK(parsed.value(QStringLiteral("from")).toArray()
        == QJsonArray {
            pair(QStringLiteral("M\u00fcller, J\u00fcrgen"), QStringLiteral("juergen@example.com"))});
    CHECK(parsed.value(QStringLiteral("to")).toArray()
        == QJsonArray {pair(QStringLiteral("Bob \"The Builder\" O'Neil"), QStringLiteral("bob@example.com")),
            pair(QStringLiteral("\u674e\u5c0f\u9f8d"), QStringLiteral("lee@xn--r8jz45g.jp"))});
    CHECK(parsed.value(QStringLiteral("cc")).toArray()
        == QJsonArray {pair({}, QStringLiteral("carol@example.com"))});
    CHECK(parsed.value(QStringLiteral("bcc")).toArray().isEmpty());
    CHECK(parsed.value(QStringLiteral("date")).toString() == QLatin1String("2024-05-17 09:30:00+02:00"));
    CHECK(parsed.value(QStringLiteral("message_id")).toString().startsWith(QLatin1String("<")));
    CHECK(parsed.value(QStringLiteral("message_id")).toString().endsWith(QLatin1String("@example.com>")));
    CHECK(parsed.value(QStringLiteral("text")).toString() == text);
    CHECK(parsed.value(QStringLiteral("html")).toString() == html);

    const QJsonObject tree = parsed.value(QStringLiteral("tree")).toObject();
    CHECK(tree.value(QStringLiteral("type")).toString() == QLatin1String("multipart/mixed"));
    const QJsonArray mixed = tree.value(QStringLiteral("parts")).toArray();
    REQUIRE(mixed.size() == 3);
    const QJsonObject related = mixed.at(0).toObject();
    CHECK(related.value(QStringLiteral("type")).toString() == QLatin1String("multipart/related"));
    const QJsonArray relatedParts = related.value(QStringLiteral("parts")).toArray();
    REQUIRE(relatedParts.size() == 2);
    CHECK(relatedParts.at(0).toObject().value(QStringLiteral("type")).toString()
        == QLatin1String("multipart/alternative"));
    CHECK(relatedParts.at(1).toString() == QLatin1String("image/png"));

    const QJsonArray leaves = parsed.value(QStringLiteral("leaves")).toArray();
    REQUIRE(leaves.size() == 5);
    auto leaf = [&](int i) { return leaves.at(i).toObject(); };
    CHECK(leaf(0).value(QStringLiteral("type")).toString() == QLatin1String("text/plain"));
    CHECK(leaf(0).value(QStringLiteral("charset")).toString() == QLatin1String("utf-8"));
    CHECK(leaf(0).value(QStringLiteral("cte")).toString() == QLatin1String("quoted-printable"));
    CHECK(leaf(1).value(QStringLiteral("type")).toString() == QLatin1String("text/html"));
    CHECK(leaf(1).value(QStringLiteral("cte")).toString()
        == QLatin1String("quoted-printable")); // mostly ASCII markup
    CHECK(leaf(2).value(QStringLiteral("cid")).toString() == QLatin1String("<logo>"));
    CHECK(leaf(2).value(QStringLiteral("disposition")).toString() == QLatin1String("inline"));
    CHECK(leaf(2).value(QStringLiteral("sha256")).toString() == sha256(png));
    CHECK(leaf(3).value(QStringLiteral("filename")).toString() == pdfName);
    CHECK(leaf(3).value(QStringLiteral("disposition")).toString() == QLatin1String("attachment"));
    CHECK(leaf(3).value(QStringLiteral("cte")).toString() == QLatin1String("base64"));
    CHECK(leaf(3).value(QStringLiteral("sha256")).toString() == sha256(pdf));
    CHECK(leaf(3).value(QStringLiteral("size")).toInt() == pdf.size());
    CHECK(leaf(4).value(QStringLiteral("filename")).toString() == QLatin1String("notes; final.txt"));
    CHECK(leaf(4).value(QStringLiteral("sha256")).toString() == sha256(notes)); // bare LFs kept exactly

    // Our own parser (core/mime) reads the same message the same way.
    const Mime::ParsedMessage own = Mime::parseMessage(message);
    INFO(own.warnings().join(QLatin1Char('\n')).toStdString());
    CHECK(own.warnings().isEmpty());
    CHECK(own.subject() == parsed.value(QStringLiteral("subject")).toString());
    auto addressesOf = [](const QList<Mime::Address> &list) {
        QJsonArray array;
        for (const Mime::Address &address : list)
            array.append(pair(address.name, address.address));
        return array;
    };
    CHECK(addressesOf(own.from()) == parsed.value(QStringLiteral("from")).toArray());
    CHECK(addressesOf(own.to()) == parsed.value(QStringLiteral("to")).toArray());
    CHECK(addressesOf(own.cc()) == parsed.value(QStringLiteral("cc")).toArray());
    CHECK(own.text().value_or(QString()) == parsed.value(QStringLiteral("text")).toString());
    CHECK(own.html().value_or(QString()) == parsed.value(QStringLiteral("html")).toString());
    CHECK(own.date().toSecsSinceEpoch()
        == QDateTime(QDate(2024, 5, 17), QTime(7, 30), QTimeZone::utc()).toSecsSinceEpoch());
    CHECK(QLatin1Char('<') + own.messageId() + QLatin1Char('>')
        == parsed.value(QStringLiteral("message_id")).toString());
    const QList<Mime::Part> ownParts = own.parts();
    REQUIRE(ownParts.size() == leaves.size());
    for (int i = 0; i < ownParts.size(); ++i) {
        CAPTURE(i);
        const Mime::Part &part = ownParts.at(i);
        CHECK(part.contentType == leaf(i).value(QStringLiteral("type")).toString());
        CHECK(part.filename == leaf(i).value(QStringLiteral("filename")).toString());
        CHECK(part.disposition == leaf(i).value(QStringLiteral("disposition")).toString());
        CHECK(part.size == leaf(i).value(QStringLiteral("size")).toInteger());
        CHECK(QString::fromLatin1(part.sha256Hex) == leaf(i).value(QStringLiteral("sha256")).toString());
        const QString partCid = leaf(i).value(QStringLiteral("cid")).toString();
        CHECK(part.contentId == (partCid.isEmpty() ? QString() : partCid.mid(1, partCid.size() - 2)));
    }
}

TEST_CASE("the MIME structure has only the layers the content needs", "[client][builder][python]")
{
    struct Case
    {
        const char *name;
        bool text, html, inlined, attachment;
        QString expected;
    };
    const Case c = GENERATE(Case {"text only", true, false, false, false, QStringLiteral("text/plain")},
        Case {"html only", false, true, false, false, QStringLiteral("text/html")},
        Case {"both", true, true, false, false, QStringLiteral("multipart/alternative")},
        Case {"html with image", false, true, true, false, QStringLiteral("multipart/related")},
        Case {"text with attachment", true, false, false, true, QStringLiteral("multipart/mixed")},
        Case {"attachment only", false, false, false, true, QStringLiteral("multipart/mixed")},
        Case {"nothing", false, false, false, false, QStringLiteral("text/plain")});
    CAPTURE(c.name);
    MessageBuilder builder;
    builder.setFrom({{}, QStringLiteral("a@example.com")});
    builder.addTo({{}, QStringLiteral("b@example.com")});
    builder.setSubject(QStringLiteral("structure"));
    if (c.text)
        builder.setText(QStringLiteral("plain ascii\n"));
    if (c.html)
        builder.setHtml(QStringLiteral("<p>html</p>"));
    if (c.inlined)
        builder.addInline(QStringLiteral("a.gif"), "image/gif", "GIF89a");
    if (c.attachment)
        builder.addAttachment(QStringLiteral("a.bin"), {}, QByteArray("\0\1\2", 3));
    const QByteArray message = builder.build();
    checkWireForm(message);
    const QJsonObject parsed = parseWithPython(message);
    INFO(message.toStdString());
    CHECK(parsed.value(QStringLiteral("defects")).toArray().isEmpty());
    const QJsonValue tree = parsed.value(QStringLiteral("tree"));
    const QString top
        = tree.isString() ? tree.toString() : tree.toObject().value(QStringLiteral("type")).toString();
    CHECK(top == c.expected);
    if (c.text && !c.html && !c.attachment)
        CHECK(message.contains("Content-Transfer-Encoding: 7bit\r\n"));
}

TEST_CASE(
    "a composed message travels through Mailsink: Bcc in the envelope only", "[client][builder][integration]")
{
    ServerFixture server;
    MessageBuilder builder;
    builder.setFrom({QStringLiteral("Alice"), QStringLiteral("alice@example.com")});
    builder.addTo({QStringLiteral("Bob"), QStringLiteral("bob@example.com")});
    builder.addBcc({QStringLiteral("Hidden"), QStringLiteral("hidden@example.com")});
    builder.setSubject(QStringLiteral("\u4f60\u597d"));
    builder.setText(QStringLiteral("\u4f60\u597d\u4e16\u754c\n"));
    const OutgoingMessage message = builder.toOutgoing();
    SenderConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = server.port();
    const SendResult result = SmtpSender::sendAndWait(config, message);
    REQUIRE(result.ok);
    REQUIRE(server.waitForMessages(1));
    const Store::MessageInfo info = server.store().list().first();
    CHECK(readFile(server.store().filePath(info)) == message.data);
    CHECK(info.envelope.recipients == QList<QByteArray> {"bob@example.com", "hidden@example.com"});
    CHECK(info.subject == QStringLiteral("\u4f60\u597d"));
    CHECK(MessageHeaders::values(message.data, "Bcc").isEmpty());
}
