#pragma once

#include "store/MessageInfo.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>

namespace MailSink::Ui {

// One desktop notification, for one message or a burst of them.
struct Notification
{
    QString title;
    QString body;
    QList<qint64> ids; // in order of arrival, newest last
};

// Collects new messages and, a quiet period after the first one of a burst, sums them up in one
// notification, so a script delivering a thousand messages raises one popup rather than a thousand.
class NotificationBatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultInterval = 1500; // ms from the first message of a burst
    static constexpr int ListedMessages = 3; // lines in the body of a notification for several

    explicit NotificationBatcher(QObject *parent = nullptr);

    void add(const Store::MessageInfo &info);
    void clear(); // discards the pending burst
    bool isPending() const { return !m_ids.isEmpty(); }

    void setEnabled(bool enabled); // off: add() drops messages, and the pending burst is discarded
    bool isEnabled() const { return m_enabled; }
    void setInterval(int ms);
    int interval() const { return m_timer.interval(); }

Q_SIGNALS:
    void notificationReady(const MailSink::Ui::Notification &n);

private:
    void handleTimeout();

    QTimer m_timer;
    bool m_enabled = true;
    QList<qint64> m_ids;
    QList<QString> m_senders; // of the first ListedMessages messages only
    QList<QString> m_subjects;
};

} // namespace MailSink::Ui

Q_DECLARE_METATYPE(MailSink::Ui::Notification)
