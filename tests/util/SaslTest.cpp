#include "util/Sasl.h"

#include <catch2/catch.hpp>

using namespace MailSink;

TEST_CASE("SASL base64 is strict and knows the empty response", "[util][sasl]")
{
    CHECK(Sasl::decodeBase64("") == QByteArray());
    CHECK(Sasl::decodeBase64("=") == QByteArray());
    CHECK(Sasl::decodeBase64("AGJvYgBzZWNyZXQ=") == QByteArray("\0bob\0secret", 11));
    CHECK_FALSE(Sasl::decodeBase64("not base64!"));
    CHECK_FALSE(Sasl::decodeBase64("AGJvYgBzZWNyZXQ=junk"));
}

TEST_CASE("SASL PLAIN splits authzid, authcid and password", "[util][sasl]")
{
    const auto plain = Sasl::parsePlain(QByteArray("\0bob\0secret", 11));
    REQUIRE(plain);
    CHECK(plain->authzid.isEmpty());
    CHECK(plain->authcid == "bob");
    CHECK(plain->password == "secret");
    CHECK(plain->identity() == "bob");

    const auto as = Sasl::parsePlain(QByteArray("carol@example.com\0admin\0pw", 26));
    REQUIRE(as);
    CHECK(as->identity() == "carol@example.com");
    CHECK(as->authcid == "admin");

    CHECK(Sasl::parsePlain(QByteArray("\0bob\0", 5))->password.isEmpty());
    CHECK_FALSE(Sasl::parsePlain(QByteArray("\0\0secret", 8))); // no user name
    CHECK_FALSE(Sasl::parsePlain(QByteArray("bob\0secret", 10))); // two fields
    CHECK_FALSE(Sasl::parsePlain(QByteArray("a\0b\0c\0d", 7))); // four fields
}
