#pragma once

#include <QAction>
#include <QIcon>
#include <QKeySequence>

namespace MailSink::Ui {

// A command owned by `owner` that calls `slot` (a member of the owner's class, or a callable) when
// triggered; `shortcut` may be empty.
template<typename Owner, typename Slot>
QAction *newAction(
    Owner *owner, const QIcon &icon, const QString &text, const QKeySequence &shortcut, Slot slot)
{
    auto *action = new QAction(icon, text, owner);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    QObject::connect(action, &QAction::triggered, owner, slot);
    return action;
}

} // namespace MailSink::Ui
