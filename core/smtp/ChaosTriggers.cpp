#include "ChaosTriggers.h"

#include <QRandomGenerator>

namespace MailSink::Smtp {

namespace {

bool valid(const ChaosTrigger &trigger, const char *name, QString *error)
{
    if (trigger.errorCode < 400 || trigger.errorCode > 599) {
        if (error)
            *error = QStringLiteral("%1: ErrorCode must be between 400 and 599").arg(QLatin1String(name));
        return false;
    }
    if (trigger.probability < 0 || trigger.probability > 100) {
        if (error)
            *error = QStringLiteral("%1: Probability must be between 0 and 100").arg(QLatin1String(name));
        return false;
    }
    return true;
}

} // namespace

ChaosSettings ChaosTriggers::settings() const
{
    std::lock_guard lock(m_mutex);
    return m_settings;
}

bool ChaosTriggers::setSettings(const ChaosSettings &settings, QString *error)
{
    if (!valid(settings.sender, "Sender", error) || !valid(settings.recipient, "Recipient", error)
        || !valid(settings.authentication, "Authentication", error))
        return false;
    std::lock_guard lock(m_mutex);
    m_settings = settings;
    return true;
}

int ChaosTriggers::roll(ChaosStage stage) const
{
    std::lock_guard lock(m_mutex);
    const ChaosTrigger &trigger = stage == ChaosStage::Sender ? m_settings.sender
        : stage == ChaosStage::Recipient                      ? m_settings.recipient
                                                              : m_settings.authentication;
    if (trigger.probability <= 0)
        return 0;
    const int draw = m_random ? m_random() : int(QRandomGenerator::global()->bounded(100));
    return draw < trigger.probability ? trigger.errorCode : 0;
}

std::function<int(ChaosStage)> ChaosTriggers::hook()
{
    return [self = shared_from_this()](ChaosStage stage) { return self->roll(stage); };
}

void ChaosTriggers::setRandom(std::function<int()> random)
{
    std::lock_guard lock(m_mutex);
    m_random = std::move(random);
}

} // namespace MailSink::Smtp
