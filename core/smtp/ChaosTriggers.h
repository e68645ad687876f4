#pragma once

#include "SessionConfig.h"

#include <QString>

#include <functional>
#include <memory>
#include <mutex>

namespace MailSink::Smtp {

// One fault: answer ErrorCode instead of accepting, with Probability percent.
struct ChaosTrigger
{
    int errorCode = 451;
    int probability = 0; // 0..100

    friend bool operator==(const ChaosTrigger &, const ChaosTrigger &) = default;
};

struct ChaosSettings
{
    ChaosTrigger sender {451, 0};
    ChaosTrigger recipient {451, 0};
    ChaosTrigger authentication {535, 0};

    friend bool operator==(const ChaosSettings &, const ChaosSettings &) = default;
};

// Mailpit-compatible fault injection shared by every SMTP session: the sessions ask hook() at MAIL,
// RCPT and AUTH; the HTTP API changes the settings at any time. Thread-safe.
class ChaosTriggers : public std::enable_shared_from_this<ChaosTriggers>
{
public:
    ChaosSettings settings() const;
    // Refuses codes outside 400-599 and probabilities outside 0-100; nothing changes then.
    bool setSettings(const ChaosSettings &settings, QString *error = nullptr);
    // The error code to reply with at `stage` (0: go on), drawn with the stage's probability.
    int roll(ChaosStage stage) const;
    // For SessionConfig::chaos; keeps this object alive as long as a session holds it.
    std::function<int(ChaosStage)> hook();

    // Test seam: a draw in 0..99 instead of the random generator.
    void setRandom(std::function<int()> random);

private:
    mutable std::mutex m_mutex;
    ChaosSettings m_settings;
    std::function<int()> m_random;
};

} // namespace MailSink::Smtp
