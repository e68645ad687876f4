#include "outgoing/OutgoingActions.h"

#include "outgoing/ComposeDialog.h"
#include "outgoing/ReleaseDialog.h"

#include <QAction>
#include <QKeySequence>
#include <QWidget>

namespace MailSink::Ui {

OutgoingActions::OutgoingActions(
    Store::MessageStore *store, std::function<HostPort()> sinkAddress, QWidget *parentWindow)
    : QObject(parentWindow)
    , m_store(store)
    , m_sinkAddress(std::move(sinkAddress))
    , m_window(parentWindow)
    , m_release(new QAction(tr("Re&lease…"), this))
    , m_compose(new QAction(tr("&Compose Test Message…"), this))
{
    m_release->setObjectName(QStringLiteral("releaseAction"));
    m_release->setToolTip(tr("Send the message, exactly as received, to a real SMTP server"));
    m_release->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_release->setEnabled(false);
    m_compose->setObjectName(QStringLiteral("composeAction"));
    m_compose->setToolTip(tr("Write a test message and send it to Mailsink or another server"));
    m_compose->setShortcut(QKeySequence::New);
    connect(m_release, &QAction::triggered, this, [this] { openRelease(); });
    connect(m_compose, &QAction::triggered, this, [this] { openCompose(); });
}

void OutgoingActions::setCurrentMessage(std::optional<qint64> id)
{
    m_current = id;
    m_release->setEnabled(id.has_value() && m_store);
}

ReleaseDialog *OutgoingActions::openRelease()
{
    if (!m_current || !m_store)
        return nullptr;
    auto *dialog = new ReleaseDialog(m_store, *m_current, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_settings)
        dialog->setSettings(m_settings);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

ComposeDialog *OutgoingActions::openCompose()
{
    auto *dialog = new ComposeDialog(m_sinkAddress ? m_sinkAddress() : HostPort {}, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_settings)
        dialog->setSettings(m_settings);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace MailSink::Ui
