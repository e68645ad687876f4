#include "mime/ParsedMessage.h"

#include "MimeTestPrinting.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QThread>

using namespace MailSink;
using namespace MailSink::Mime;

namespace {

bool warned(const ParsedMessage &message, const char *fragment)
{
    for (const QString &warning : message.warnings()) {
        if (warning.contains(QLatin1String(fragment), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QByteArray nestedMultiparts(int depth)
{
    QByteArray raw = "Subject: deep\r\n";
    for (int i = 0; i < depth; ++i)
        raw += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\r\n\r\n--b"
            + QByteArray::number(i) + "\r\n";
    raw += "Content-Type: text/plain\r\n\r\ninnermost\r\n";
    for (int i = depth - 1; i >= 0; --i)
        raw += "--b" + QByteArray::number(i) + "--\r\n";
    return raw;
}

// Runs `work` on a thread with a small stack, as a pool thread on macOS would have (512 KiB).
template<typename Work>
void onSmallStack(Work work)
{
    std::unique_ptr<QThread> thread(QThread::create(work));
    thread->setStackSize(512 * 1024);
    thread->start();
    REQUIRE(thread->wait(QDeadlineTimer(120000)));
}

} // namespace

TEST_CASE("nesting within the bound is parsed, also on a small stack", "[mime][hostile]")
{
    ParsedMessage message;
    onSmallStack([&] { message = parseMessage(nestedMultiparts(60)); });
    const QList<Part> parts = message.parts();
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].path.count(u'.') == 59);
    CHECK(message.text() == QStringLiteral("innermost"));
    CHECK(message.warnings().isEmpty());
}

TEST_CASE("nesting beyond the bound becomes one unparsed leaf and a warning", "[mime][hostile]")
{
    const int depth = GENERATE(65, 1000, 100000);
    CAPTURE(depth);
    ParsedMessage message;
    onSmallStack([&] { message = parseMessage(nestedMultiparts(depth)); });
    const QList<Part> parts = message.parts();
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].contentType == QStringLiteral("multipart/mixed"));
    CHECK(parts[0].path.count(u'.') == 63);
    CHECK(message.partContent(parts[0].path).contains("innermost"));
    CHECK(warned(message, "nested deeper"));
}

TEST_CASE("a long chain of message/rfc822 headers is bounded", "[mime][hostile]")
{
    const int depth = GENERATE(10, 300, 50000);
    CAPTURE(depth);
    QByteArray raw;
    for (int i = 0; i < depth; ++i)
        raw += "Subject: level " + QByteArray::number(i) + "\r\nContent-Type: message/rfc822\r\n\r\n";
    raw += "Subject: inside\r\n\r\nbody\r\n";
    ParsedMessage message;
    onSmallStack([&] { message = parseMessage(raw); });
    CHECK(message.subject() == QStringLiteral("level 0"));
    REQUIRE(message.parts().size() == 1);
    CHECK(message.parts()[0].contentType == QStringLiteral("message/rfc822"));
    CHECK(message.partContent(QStringLiteral("1")).endsWith("Subject: inside\r\n\r\nbody\r\n"));
    CHECK(warned(message, "rfc822 nested") == (depth > 256));
}

TEST_CASE("multi-megabyte folded headers are not handed to mimetic", "[mime][hostile]")
{
    QByteArray folded = "Subject: start";
    for (int i = 0; i < 400000; ++i)
        folded += "\r\n x";
    const QByteArray raw
        = "From: a@example.com\r\n" + folded + "\r\nContent-Type: text/plain\r\n\r\nbody\r\n";
    const auto message = parseMessage(raw);
    CHECK(message.subject().size() == 5 + 2 * 400000);
    CHECK(message.text() == QStringLiteral("body\n"));
    CHECK(warned(message, "header field longer than"));

    // The same inside a part: parsing stops at that part, what came before stays.
    const QByteArray inPart
        = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nfirst\r\n--b\r\nX-Huge: "
        + QByteArray(3 << 20, 'h') + "\r\n\r\nsecond\r\n--b--\r\n";
    const auto partial = parseMessage(inPart);
    CHECK(partial.text() == QStringLiteral("first"));
    CHECK(warned(partial, "header field longer than"));
}

TEST_CASE("a header field name without a colon cannot grow quadratically either", "[mime][hostile]")
{
    const QByteArray raw = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
        + QByteArray(2 << 20, 'n') + "\r\n--b--\r\n";
    const auto message = parseMessage(raw);
    CHECK(message.size() == raw.size());
    CHECK(warned(message, "header field longer than"));
}

TEST_CASE("tens of thousands of parts are capped", "[mime][hostile]")
{
    QByteArray raw = "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
    for (int i = 0; i < 30000; ++i)
        raw += "--b\r\n\r\nx\r\n";
    raw += "--b--\r\n";
    const auto message = parseMessage(raw);
    CHECK(message.parts().size() == 9999);
    CHECK(warned(message, "more than 10000 parts"));
}

TEST_CASE("random bytes and mutated corpus messages never crash", "[mime][hostile]")
{
    QRandomGenerator random(12345);
    const QByteArray seed
        = "Content-Type: multipart/mixed; boundary=\"x\"\r\nSubject: =?utf-8?B?w6k=?=\r\n\r\n"
          "--x\r\nContent-Type: message/rfc822\r\n\r\nContent-Type: multipart/alternative; "
          "boundary=y\r\n\r\n--y\r\nContent-Transfer-Encoding: base64\r\n\r\nAAA=\r\n--y--\r\n"
          "--x\r\nContent-Disposition: attachment; filename*0*=utf-8''%C3; filename*1*=%A9\r\n"
          "Content-Transfer-Encoding: quoted-printable\r\n\r\n=C3=A9=\r\n--x--\r\n";
    for (int round = 0; round < 3000; ++round) {
        QByteArray input = seed;
        const int edits = 1 + int(random.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = random.bounded(int(input.size()) + 1);
            switch (random.bounded(4)) {
            case 0:
                input.insert(at, char(random.bounded(256)));
                break;
            case 1:
                input.remove(at, random.bounded(16));
                break;
            case 2:
                input.insert(at, input.mid(random.bounded(int(input.size()) + 1), random.bounded(64)));
                break;
            default:
                if (at < input.size())
                    input[at] = "\r\n-=?:;\"*' \t"[random.bounded(12)];
            }
        }
        const auto message = parseMessage(input);
        for (const Part &part : message.parts())
            REQUIRE(message.partContent(part.path).size() == part.size);
        (void)inspectJson(message);
        (void)inspectText(message);
    }
}

TEST_CASE("a 50 MiB attachment, generated at test time", "[mime][large]")
{
    QByteArray payload(50 << 20, Qt::Uninitialized);
    QRandomGenerator random(42);
    random.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
    QByteArray base64 = payload.toBase64();
    QByteArray body;
    body.reserve(base64.size() + base64.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < base64.size(); i += 76)
        body += QByteArrayView(base64).sliced(i, qMin<qsizetype>(76, base64.size() - i)) + "\r\n";
    base64 = QByteArray();
    const QByteArray raw
        = "From: big@example.com\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
          "--B\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n--B\r\nContent-Type: "
          "application/octet-stream\r\nContent-Disposition: attachment; filename=big.bin\r\n"
          "Content-Transfer-Encoding: base64\r\n\r\n"
        + body + "--B--\r\n";
    body = QByteArray();
    const auto message = parseMessage(raw);
    REQUIRE(message.attachments().size() == 1);
    const Part big = message.attachments()[0];
    CHECK(big.filename == QStringLiteral("big.bin"));
    CHECK(big.size == payload.size());
    CHECK(big.sha256Hex == QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
    CHECK(message.partContent(big.path) == payload);
    CHECK(message.text() == QStringLiteral("see attachment"));
    CHECK(message.warnings().isEmpty());
}
