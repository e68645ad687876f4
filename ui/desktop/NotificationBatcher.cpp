#include "desktop/NotificationBatcher.h"

#include <QStringList>

namespace MailSink::Ui {

namespace {

QString senderText(const Store::MessageInfo &info)
{
    if (!info.from.isEmpty())
        return info.from;
    const QString mailFrom = QString::fromUtf8(info.envelope.mailFrom);
    return mailFrom.isEmpty() ? QStringLiteral("<>") : mailFrom;
}

} // namespace

NotificationBatcher::NotificationBatcher(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Notification>();
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &NotificationBatcher::handleTimeout);
}

void NotificationBatcher::add(const Store::MessageInfo &info)
{
    if (!m_enabled)
        return;
    m_ids.append(info.id);
    if (m_senders.size() < ListedMessages) {
        m_senders.append(senderText(info));
        m_subjects.append(info.subject.isEmpty() ? tr("(no subject)") : info.subject);
    }
    // Counted from the first message, not restarted by later ones: a steady stream still notifies.
    if (!m_timer.isActive())
        m_timer.start();
}

void NotificationBatcher::clear()
{
    m_timer.stop();
    m_ids.clear();
    m_senders.clear();
    m_subjects.clear();
}

void NotificationBatcher::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        clear();
}

void NotificationBatcher::setInterval(int ms)
{
    m_timer.setInterval(ms);
}

void NotificationBatcher::handleTimeout()
{
    if (m_ids.isEmpty())
        return;
    Notification n;
    n.ids = m_ids;
    const int count = int(m_ids.size());
    if (count == 1) {
        n.title = m_subjects.constFirst();
        n.body = tr("From %1").arg(m_senders.constFirst());
    } else {
        n.title = tr("%1 new messages").arg(count); // a burst has two or more
        QStringList lines;
        for (qsizetype i = 0; i < m_senders.size(); ++i)
            lines.append(tr("%1 — %2", "sender — subject").arg(m_senders.at(i), m_subjects.at(i)));
        if (count > m_senders.size())
            lines.append(tr("and %1 more").arg(count - int(m_senders.size())));
        n.body = lines.join(u'\n');
    }
    clear();
    Q_EMIT notificationReady(n);
}

} // namespace MailSink::Ui
