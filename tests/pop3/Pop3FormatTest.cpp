#include "pop3/Pop3Format.h"

#include <catch2/catch.hpp>

#include <QRandomGenerator>
#include <QString>

using namespace MailSink::Pop3;

TEST_CASE("toCrlf turns bare LF into CRLF and ends the last line", "[pop3][format]")
{
    CHECK(toCrlf("a\r\nb\nc") == "a\r\nb\r\nc\r\n");
    CHECK(toCrlf("a\r\n") == "a\r\n");
    CHECK(toCrlf("\n\n") == "\r\n\r\n");
    CHECK(toCrlf("") == "");
    CHECK(toCrlf("lone\rcr\n") == "lone\rcr\r\n");
}

TEST_CASE("crlfSize is the size toCrlf produces", "[pop3][format]")
{
    QRandomGenerator random(42);
    const char alphabet[] = {'a', '.', '\r', '\n', ' '};
    for (int round = 0; round < 500; ++round) {
        QByteArray raw;
        const int length = random.bounded(40);
        for (int i = 0; i < length; ++i)
            raw.append(alphabet[random.bounded(5)]);
        INFO(raw.toStdString());
        CHECK(crlfSize(raw) == toCrlf(raw).size());
    }
}

TEST_CASE("dotStuff doubles leading dots and terminates", "[pop3][format]")
{
    CHECK(dotStuff("a\r\n.b\r\n.\r\n") == "a\r\n..b\r\n..\r\n.\r\n");
    CHECK(dotStuff(".") == "..\r\n.\r\n");
    CHECK(dotStuff("") == ".\r\n");
    CHECK(dotStuff("x\r\n") == "x\r\n.\r\n");
}

TEST_CASE("topLines keeps the header block and n body lines", "[pop3][format]")
{
    const QByteArray message = "A: 1\r\nB: 2\r\n\r\nl1\r\nl2\r\nl3\r\n";
    CHECK(topLines(message, 0) == "A: 1\r\nB: 2\r\n\r\n");
    CHECK(topLines(message, 2) == "A: 1\r\nB: 2\r\n\r\nl1\r\nl2\r\n");
    CHECK(topLines(message, 99) == message);
    CHECK(topLines("A: 1\r\n", 3) == "A: 1\r\n");
    CHECK(topLines("\r\nbody\r\n", 0) == "\r\n");
}

TEST_CASE("uidFor keeps a valid Maildir name and hashes any other", "[pop3][format]")
{
    CHECK(uidFor("1700000000.M1P2Q3.host") == "1700000000.M1P2Q3.host");
    const QByteArray longName = QByteArray("1700000000.M1P2Q3.").append(QByteArray(80, 'h'));
    CHECK(uidFor(longName).size() == 41);
    CHECK(uidFor(longName) == uidFor(longName));
    CHECK(uidFor("with space") != "with space");
    for (char c : uidFor("with space"))
        CHECK((c >= 0x21 && c <= 0x7e));
}
