#include "ServerActions.h"

#include "imap/ImapServer.h"

#include "ServerController.h"
#include "settings/Settings.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QWidgetAction>

namespace MailSink::Ui {

ServerActions::ServerActions(
    ServerController *controller, Settings *settings, QMenu *serverMenu, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_serverMenu(serverMenu)
{
    m_imapLabel = new QLabel;
    m_imapLabel->setObjectName(QStringLiteral("imapStatus"));
    m_imapLabel->setTextFormat(Qt::RichText);
    m_imapLabel->setContentsMargins(0, 0, 8, 0);
    m_imapLabelAction = new QWidgetAction(this);
    m_imapLabelAction->setDefaultWidget(m_imapLabel); // the action owns the label from now on
    m_imapLabelAction->setVisible(false); // until there is an IMAP server
    connect(m_controller, &ServerController::statusChanged, this, &ServerActions::updateImapStatus);
}

void ServerActions::setImapServer(Imap::ImapServer *server, const HostPort &address)
{
    m_controller->setImapServer(server);
    if (!m_imapAction) {
        m_imapAction = new QAction(tr("Serve &IMAP"), this);
        m_imapAction->setCheckable(true);
        m_imapAction->setToolTip(tr("Let mail clients read the caught mail over IMAP"));
        m_serverMenu->addAction(m_imapAction);
        connect(m_imapAction, &QAction::toggled, this, [this](bool on) {
            m_settings->setValue(Settings::Key::ServeImap, on);
            applyImap(on);
        });
    }
    m_imapAction->setEnabled(!m_controller->overrides().noImap);
    ServerSettings wanted = m_controller->settings();
    wanted.imap = address;
    m_controller->apply(wanted);
    updateImapStatus();
    reportImapError();
}

void ServerActions::applyImap(bool on)
{
    if (!m_controller->imapServer())
        return;
    ServerSettings wanted = m_controller->settings();
    wanted.imapEnabled = on;
    m_controller->apply(wanted);
    updateImapStatus();
    if (on)
        reportImapError();
}

void ServerActions::reportImapError()
{
    using Listener = ServerController::Listener;
    const QString error = m_controller->status(Listener::Imap).error;
    if (!error.isEmpty())
        Q_EMIT statusMessage(tr("IMAP off: %1").arg(error));
    else if (const QString imaps = m_controller->status(Listener::Imaps).error; !imaps.isEmpty())
        Q_EMIT statusMessage(tr("IMAPS off: %1").arg(imaps));
}

void ServerActions::updateImapStatus()
{
    using Listener = ServerController::Listener;
    Imap::ImapServer *server = m_controller->imapServer();
    if (!server)
        return;
    const ServerController::Status imap = m_controller->status(Listener::Imap);
    const ServerController::Status imaps = m_controller->status(Listener::Imaps);
    const bool enabled = m_controller->settings().imapEnabled;
    m_imapLabelAction->setVisible(true);
    if (m_imapAction) {
        const QSignalBlocker blocker(m_imapAction);
        m_imapAction->setChecked(enabled);
    }
    const QString error = !imap.error.isEmpty() ? imap.error : imaps.error;
    if (!enabled) {
        m_imapLabel->setText(QStringLiteral("<span style=\"color:#6b7280\">●</span> ") + tr("IMAP off"));
        m_imapLabel->setToolTip(tr("Turn it on in Server > Serve IMAP."));
    } else if (imap.listening || imaps.listening) {
        QString where = imap.listening ? imap.address.toString() : QString();
        if (imaps.listening)
            where += (where.isEmpty() ? QString() : QStringLiteral(", "))
                + tr("IMAPS %1").arg(imaps.address.toString());
        const bool tls = imap.listening && server->config().tls.has_value();
        m_imapLabel->setText(QStringLiteral("<span style=\"color:#1e7b34\">●</span> ")
            + tr("IMAP on <b>%1</b>%2").arg(where.toHtmlEscaped(), tls ? tr(" (STARTTLS)") : QString()));
        m_imapLabel->setToolTip(
            tr("Mail clients can read the caught mail here: user \"all\" sees every message, an e-mail "
               "address as user name sees only mail to it; any password. Read and unread are shared with "
               "this window."));
        if (!error.isEmpty())
            m_imapLabel->setText(m_imapLabel->text()
                + QStringLiteral(" <span style=\"color:#c62828\"><b>%1</b></span>")
                      .arg(error.toHtmlEscaped()));
    } else {
        m_imapLabel->setText(QStringLiteral("<span style=\"color:#c62828\">● %1</span>")
                                 .arg(tr("IMAP off: %1").arg(error).toHtmlEscaped()));
        m_imapLabel->setToolTip(tr("Choose another address in File > Settings."));
    }
}

} // namespace MailSink::Ui
