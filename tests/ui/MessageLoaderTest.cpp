#include "message/MessageLoader.h"

#include <catch2/catch.hpp>

using namespace MailSink::Ui;

TEST_CASE("source view shows UTF-8 as text and escapes everything else", "[ui][source]")
{
    bool binary = true;
    CHECK(MessageLoader::sourceText("Subject: hi\r\n\r\n你好\r\n", &binary).toStdString()
        == "Subject: hi\n\n你好\n");
    CHECK_FALSE(binary);

    const QByteArray bytes("A\x00"
                           "B\xff\xfe"
                           "C\x1b",
        7);
    CHECK(MessageLoader::sourceText(bytes, &binary).toStdString() == "A\\x00B\\xff\\xfeC\\x1b");
    CHECK(binary);

    // Latin-1 bytes inside otherwise readable text stay readable around the escape.
    CHECK(MessageLoader::sourceText("caf\xe9 ok", &binary).toStdString() == "caf\\xe9 ok");
}

TEST_CASE("hex dump shows offsets, bytes and ASCII", "[ui][source]")
{
    const QString dump = MessageLoader::hexDump(QByteArrayView("Hello\x00world", 11));
    CHECK(dump.startsWith(QLatin1String("00000000  48 65 6c 6c 6f 00 77 6f  72 6c 64")));
    CHECK(dump.contains(QLatin1String("Hello.world")));
}
