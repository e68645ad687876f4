#include "api/SearchQuery.h"
#include "api/BasicAuth.h"

#include <catch2/catch.hpp>

using namespace MailSink;
using Api::SearchQuery;
using Api::SearchSubject;

namespace {

SearchSubject subject()
{
    SearchSubject s;
    s.subject = QStringLiteral("Your Invoice 42");
    s.from = QStringLiteral("Shop Billing <billing@shop.example>");
    s.to = QStringLiteral("Dev <dev@example.com>");
    s.read = false;
    s.received = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    s.size = 2048;
    s.envelope = QStringLiteral("bounce@shop.example dev@example.com audit@example.com");
    return s;
}

SearchSubject::Details details()
{
    SearchSubject::Details d;
    d.cc = QStringLiteral("Carol <carol@example.com>");
    d.bcc = QStringLiteral("audit@example.com");
    d.messageId = QStringLiteral("inv-42@shop.example");
    d.text = QStringLiteral("please pay by friday. reference zx-7781");
    d.attachments = 1;
    return d;
}

bool match(const char *query, int *loads = nullptr)
{
    const auto parsed = SearchQuery::parse(QString::fromUtf8(query), QTimeZone::utc());
    return parsed.matches(subject(), [loads] {
        if (loads)
            ++*loads;
        return details();
    });
}

} // namespace

TEST_CASE("search: terms, quoted phrases and negation as Mailpit splits them", "[api][search]")
{
    CHECK(SearchQuery::tokenize(QStringLiteral(R"(from:bob "two words" -subject:"a b"  is:read)"))
        == QStringList {QStringLiteral("from:bob"), QStringLiteral("two words"),
            QStringLiteral("-subject:a b"), QStringLiteral("is:read")});
    CHECK(match("invoice"));
    CHECK(match("\"invoice 42\""));
    CHECK_FALSE(match("\"invoice 43\""));
    CHECK(match("subject:invoice from:billing to:dev@example.com"));
    CHECK_FALSE(match("subject:invoice -from:billing"));
    CHECK(match("!from:nobody"));
    CHECK(match("cc:carol bcc:audit message-id:inv-42 has:attachment -has:inline"));
    CHECK(match("addressed:carol"));
    CHECK(match("is:unread -is:read"));
    CHECK_FALSE(match("tag:anything"));
    CHECK(match("-is:tagged"));
    CHECK(match("zx-7781")); // only in the body
    CHECK_FALSE(match("-zx-7781"));
    CHECK(match("from:")); // an empty field term says nothing
}

TEST_CASE("search: dates in the given time zone, sizes with units", "[api][search]")
{
    CHECK(match("after:2026-03-01 before:2026-03-02"));
    CHECK_FALSE(match("after:2026-03-02"));
    CHECK(match("before:\"2026-03-01 12:30\""));
    CHECK_FALSE(match("before:\"2026-03-01 11:30\""));
    CHECK(match("after:2026-03-01T11:59:00Z"));
    CHECK(match("larger:1K smaller:1MB"));
    CHECK_FALSE(match("larger:2k"));
    CHECK(SearchQuery::parseSize(QStringLiteral("1.5M")) == 1572864);
    CHECK(SearchQuery::parseSize(QStringLiteral("lots")) == 0);
    bool ok = true;
    SearchQuery::parseDate(QStringLiteral("yesterday-ish"), QTimeZone::utc(), &ok);
    CHECK_FALSE(ok);
    const auto parsed = SearchQuery::parse(QStringLiteral("after:garbage subject:invoice"), QTimeZone::utc());
    CHECK(parsed.warnings().size() == 1); // ignored, as Mailpit does, and the rest still applies
    CHECK(parsed.matches(subject(), {}));
    const QDateTime tokyo = SearchQuery::parseDate(
        QStringLiteral("2026-03-01"), QTimeZone(QByteArrayLiteral("Asia/Tokyo")), &ok);
    CHECK(tokyo.toUTC() == QDateTime(QDate(2026, 2, 28), QTime(15, 0), Qt::UTC));
}

TEST_CASE("search: the message is opened only when a term needs it", "[api][search]")
{
    int loads = 0;
    CHECK(match("subject:invoice is:unread larger:1k", &loads));
    CHECK(loads == 0);
    CHECK_FALSE(match("subject:nothing cc:carol", &loads)); // decided by the cheap term first
    CHECK(loads == 0);
    CHECK(match("invoice", &loads)); // found in the subject
    CHECK(loads == 0);
    CHECK(match("cc:carol bcc:audit zx-7781", &loads));
    CHECK(loads == 1); // once, however many terms need it
}

TEST_CASE("basic auth: clear and {SHA} passwords, bad files refused", "[api][auth]")
{
    QString error;
    const auto auth
        = Api::BasicAuth::parse("# comment\nalice:secret\nbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n", &error);
    REQUIRE(auth);
    CHECK(auth->check("Basic " + QByteArray("alice:secret").toBase64()) == QStringLiteral("alice"));
    CHECK(auth->check("basic " + QByteArray("bob:password").toBase64()) == QStringLiteral("bob"));
    CHECK_FALSE(auth->check("Basic " + QByteArray("alice:Secret").toBase64()));
    CHECK_FALSE(auth->check("Basic " + QByteArray("carol:secret").toBase64()));
    CHECK_FALSE(auth->check("Basic !!!"));
    CHECK_FALSE(auth->check("Bearer abc"));
    CHECK_FALSE(Api::BasicAuth::parse("no colon here\n", &error));
    CHECK(error.contains(QStringLiteral("line 1")));
    CHECK_FALSE(Api::BasicAuth::parse("u:$2y$10$abcdefghijklmnopqrstuv\n", &error));
    CHECK(error.contains(QStringLiteral("bcrypt")));
    CHECK_FALSE(Api::BasicAuth::parse("# only comments\n", &error));
}
