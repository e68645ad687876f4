#include "Transcript.h"
#include "smtp/ChaosTriggers.h"

#include <catch2/catch.hpp>

#include <memory>

using namespace MailSink;
using MailSink::Test::Transcript;

namespace {

std::shared_ptr<Smtp::ChaosTriggers> always(Smtp::ChaosSettings settings)
{
    auto triggers = std::make_shared<Smtp::ChaosTriggers>();
    REQUIRE(triggers->setSettings(settings));
    triggers->setRandom([] { return 0; }); // every draw below any probability above 0
    return triggers;
}

} // namespace

TEST_CASE("chaos: a sender trigger answers MAIL with its code and the session goes on", "[smtp][chaos]")
{
    Smtp::ChaosSettings settings;
    settings.sender = {451, 100};
    auto triggers = always(settings);
    Smtp::SessionConfig config;
    config.chaos = triggers->hook();
    const auto chunk = GENERATE(1, 64, 0);
    Transcript t;
    t.server("220").client("HELO test.example").server("250");
    t.client("MAIL FROM:<a@example.com>").server("451 4.0.0 Chaos sender error");
    t.client("NOOP").server("250 2.0.0 OK");
    const auto run = t.play(chunk, config);
    REQUIRE(run.mismatches.join(QLatin1Char('\n')).toStdString() == "");

    // Turned off: mail flows again, in the same process, without a new session config.
    REQUIRE(triggers->setSettings(Smtp::ChaosSettings {}));
    Transcript ok;
    ok.server("220").client("HELO x").server("250").client("MAIL FROM:<a@example.com>").server("250 2.1.0");
    ok.client("RCPT TO:<b@example.com>").server("250 2.1.5").client("DATA").server("354");
    ok.client("Subject: x").client("").client("body").client(".").server("250 2.0.0");
    const auto after = ok.play(chunk, config);
    REQUIRE(after.mismatches.join(QLatin1Char('\n')).toStdString() == "");
    CHECK(after.messages.size() == 1);
}

TEST_CASE("chaos: recipient and authentication triggers, any 4xx/5xx code", "[smtp][chaos]")
{
    Smtp::ChaosSettings settings;
    settings.recipient = {550, 100};
    settings.authentication = {454, 100};
    auto triggers = always(settings);
    Smtp::SessionConfig config;
    config.chaos = triggers->hook();
    Transcript t;
    t.server("220").client("HELO test.example").server("250");
    t.client("AUTH PLAIN AGEAYg==").server("454 4.0.0 Chaos authentication error");
    t.client("MAIL FROM:<a@example.com>").server("250 2.1.0");
    t.client("RCPT TO:<b@example.com>").server("550 5.0.0 Chaos recipient error");
    t.client("DATA").server("503");
    const auto run = t.play(0, config);
    REQUIRE(run.mismatches.join(QLatin1Char('\n')).toStdString() == "");
    CHECK(run.messages.isEmpty());
}

TEST_CASE("chaos: probability is honoured and bad settings are refused unchanged", "[smtp][chaos]")
{
    auto triggers = std::make_shared<Smtp::ChaosTriggers>();
    Smtp::ChaosSettings settings;
    settings.sender = {421, 30};
    REQUIRE(triggers->setSettings(settings));
    int draw = 0;
    triggers->setRandom([&draw] { return draw; });
    draw = 29;
    CHECK(triggers->roll(Smtp::ChaosStage::Sender) == 421);
    draw = 30;
    CHECK(triggers->roll(Smtp::ChaosStage::Sender) == 0);
    CHECK(triggers->roll(Smtp::ChaosStage::Recipient) == 0);

    QString error;
    Smtp::ChaosSettings bad = settings;
    bad.recipient = {200, 50};
    CHECK_FALSE(triggers->setSettings(bad, &error));
    CHECK(error.contains(QStringLiteral("Recipient")));
    bad.recipient = {451, 101};
    CHECK_FALSE(triggers->setSettings(bad, &error));
    CHECK(triggers->settings() == settings);
}
