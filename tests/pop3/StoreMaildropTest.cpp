#include "pop3/StoreMaildrop.h"
#include "TestSupport.h"
#include "pop3/MaildropRegistry.h"
#include "pop3/Pop3Format.h"
#include "store/MessageStore.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace MailSink;

namespace {

qint64 add(Store::MessageStore &store, const QByteArray &raw, const QList<QByteArray> &recipients)
{
    auto writer = store.beginMessage();
    writer->write(raw);
    Store::Envelope envelope;
    envelope.recipients = recipients;
    const Store::CommitResult result = store.commit(std::move(writer), envelope, {});
    REQUIRE(result.ok);
    return result.id;
}

} // namespace

TEST_CASE(
    "maildrop keys: an address is its own maildrop, any other name is the whole store", "[pop3][maildrop]")
{
    CHECK(Pop3::StoreMaildrop::maildropKey("all") == QStringLiteral("*"));
    CHECK(Pop3::StoreMaildrop::maildropKey("anything") == QStringLiteral("*"));
    CHECK(Pop3::StoreMaildrop::maildropKey("Bob@Example.COM") == QStringLiteral("bob@example.com"));
    CHECK(Pop3::StoreMaildrop::isVisible(QStringLiteral("*"), {}));
    CHECK(Pop3::StoreMaildrop::isVisible(QStringLiteral("bob@example.com"), {"x@y", "BOB@example.com"}));
    CHECK_FALSE(Pop3::StoreMaildrop::isVisible(QStringLiteral("bob@example.com"), {"bobby@example.com"}));
    CHECK_FALSE(Pop3::StoreMaildrop::isVisible(QStringLiteral("bob@example.com"), {}));
}

TEST_CASE("StoreMaildrop snapshots the store oldest first with CRLF sizes", "[pop3][maildrop]")
{
    QTemporaryDir dir;
    Store::MessageStore store;
    REQUIRE(store.open(dir.path()));
    auto registry = std::make_shared<Pop3::MaildropRegistry>();
    const qint64 first = add(store, "Subject: a\n\nbare\n", {"bob@example.com"});
    const qint64 second = add(store, "Subject: b\r\n\r\nok\r\n", {"alice@example.com"});

    Pop3::StoreMaildrop all(&store, registry);
    const auto opened = all.open("all");
    REQUIRE(opened.status == Pop3::Maildrop::OpenStatus::Opened);
    REQUIRE(opened.messages.size() == 2);
    CHECK(opened.messages.at(0).id == first);
    CHECK(opened.messages.at(0).size == 20);
    CHECK(opened.messages.at(0).uid == Pop3::uidFor(store.message(first)->uniq));
    CHECK(opened.messages.at(1).id == second);
    CHECK(registry->cachedSize(store.message(first)->uniq) == 20);

    // Locked until released; another view is another lock.
    Pop3::StoreMaildrop other(&store, registry);
    CHECK(other.open("ALL").status == Pop3::Maildrop::OpenStatus::InUse);
    const auto bob = other.open("bob@example.com");
    REQUIRE(bob.status == Pop3::Maildrop::OpenStatus::Opened);
    CHECK(bob.messages.size() == 1);

    // RETR marks seen; the message can still be read after its file moved to cur/.
    all.markSeen(opened.messages.at(0));
    CHECK(store.message(first)->seen);
    QString error;
    CHECK(all.read(opened.messages.at(0), &error) == QByteArray("Subject: a\n\nbare\n"));

    // Both sessions delete the same message: the second finds it gone, which is no failure.
    CHECK(other.remove({first}, &error));
    CHECK(all.remove({first, second}, &error));
    CHECK(store.count() == 0);
    CHECK_FALSE(all.read(opened.messages.at(1), &error));

    all.release();
    CHECK_FALSE(registry->isLocked(QStringLiteral("*")));
    other.release();
    CHECK_FALSE(registry->isLocked(QStringLiteral("bob@example.com")));
}
