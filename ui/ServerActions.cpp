#include "ServerActions.h"

#include "imap/ImapServer.h"
#include "pop3/Pop3Server.h"

#include "ServerController.h"
#include "settings/Settings.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QWidgetAction>

namespace MailSink::Ui {

namespace {

using Listener = ServerController::Listener;

QString dot(const char *colour)
{
    return QStringLiteral("<span style=\"color:%1\">●</span> ").arg(QLatin1String(colour));
}

} // namespace

ServerActions::ServerActions(
    ServerController *controller, Settings *settings, QMenu *serverMenu, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_serverMenu(serverMenu)
{
    for (Service service : {Pop3Service, ImapService}) {
        Control &control = m_controls[service];
        control.label = new QLabel;
        control.label->setObjectName(
            service == Pop3Service ? QStringLiteral("pop3Status") : QStringLiteral("imapStatus"));
        control.label->setTextFormat(Qt::RichText);
        control.label->setContentsMargins(0, 0, 8, 0);
        control.labelAction = new QWidgetAction(this);
        control.labelAction->setDefaultWidget(control.label); // the action owns the label from now on
        control.labelAction->setVisible(false); // until there is a server
    }
    connect(m_controller, &ServerController::statusChanged, this, [this] {
        updateStatus(Pop3Service);
        updateStatus(ImapService);
    });
}

void ServerActions::setPop3Server(Pop3::Pop3Server *server, const HostPort &address)
{
    m_controller->setPop3Server(server);
    attach(Pop3Service, address);
}

void ServerActions::setImapServer(Imap::ImapServer *server, const HostPort &address)
{
    m_controller->setImapServer(server);
    attach(ImapService, address);
}

bool ServerActions::attached(Service service) const
{
    return service == Pop3Service ? m_controller->pop3Server() != nullptr
                                  : m_controller->imapServer() != nullptr;
}

void ServerActions::attach(Service service, const HostPort &address)
{
    Control &control = m_controls[service];
    if (!control.action) {
        control.action = new QAction(service == Pop3Service ? tr("Serve &POP3") : tr("Serve &IMAP"), this);
        control.action->setCheckable(true);
        control.action->setToolTip(service == Pop3Service
                ? tr("Let mail clients fetch the caught mail over POP3")
                : tr("Let mail clients read the caught mail over IMAP"));
        m_serverMenu->addAction(control.action);
        connect(control.action, &QAction::toggled, this, [this, service](bool on) {
            m_settings->setValue(
                service == Pop3Service ? Settings::Key::ServePop3 : Settings::Key::ServeImap, on);
            apply(service, on);
        });
    }
    const ServerOverrides &overrides = m_controller->overrides();
    control.action->setEnabled(!(service == Pop3Service ? overrides.noPop3 : overrides.noImap));
    ServerSettings wanted = m_controller->settings();
    (service == Pop3Service ? wanted.pop3 : wanted.imap) = address;
    m_controller->apply(wanted);
    updateStatus(service);
    reportError(service);
}

void ServerActions::apply(Service service, bool on)
{
    if (!attached(service))
        return;
    ServerSettings wanted = m_controller->settings();
    (service == Pop3Service ? wanted.pop3Enabled : wanted.imapEnabled) = on;
    m_controller->apply(wanted);
    updateStatus(service);
    if (on)
        reportError(service);
}

void ServerActions::reportError(Service service)
{
    const QString plain
        = m_controller->status(service == Pop3Service ? Listener::Pop3 : Listener::Imap).error;
    const QString secure
        = m_controller->status(service == Pop3Service ? Listener::Pop3s : Listener::Imaps).error;
    if (!plain.isEmpty())
        Q_EMIT statusMessage(
            service == Pop3Service ? tr("POP3 off: %1").arg(plain) : tr("IMAP off: %1").arg(plain));
    else if (!secure.isEmpty())
        Q_EMIT statusMessage(
            service == Pop3Service ? tr("POP3S off: %1").arg(secure) : tr("IMAPS off: %1").arg(secure));
}

void ServerActions::updateStatus(Service service)
{
    if (!attached(service))
        return;
    const bool pop3 = service == Pop3Service;
    const ServerController::Status plain = m_controller->status(pop3 ? Listener::Pop3 : Listener::Imap);
    const ServerController::Status secure = m_controller->status(pop3 ? Listener::Pop3s : Listener::Imaps);
    const bool enabled = pop3 ? m_controller->settings().pop3Enabled : m_controller->settings().imapEnabled;
    Control &control = m_controls[service];
    control.labelAction->setVisible(true);
    if (control.action) {
        const QSignalBlocker blocker(control.action);
        control.action->setChecked(enabled);
    }
    QLabel *label = control.label;
    const QString error = !plain.error.isEmpty() ? plain.error : secure.error;
    if (!enabled) {
        label->setText(dot("#6b7280") + (pop3 ? tr("POP3 off") : tr("IMAP off")));
        label->setToolTip(
            pop3 ? tr("Turn it on in Server > Serve POP3.") : tr("Turn it on in Server > Serve IMAP."));
    } else if (plain.listening || secure.listening) {
        QString where = plain.listening ? plain.address.toString() : QString();
        if (secure.listening)
            where += (where.isEmpty() ? QString() : QStringLiteral(", "))
                + (pop3 ? tr("POP3S %1") : tr("IMAPS %1")).arg(secure.address.toString());
        const bool tls = plain.listening
            && (pop3 ? m_controller->pop3Server()->config().tls.has_value()
                     : m_controller->imapServer()->config().tls.has_value());
        const QString tlsNote = !tls ? QString() : pop3 ? tr(" (STLS)") : tr(" (STARTTLS)");
        label->setText(dot("#1e7b34")
            + (pop3 ? tr("POP3 on <b>%1</b>%2") : tr("IMAP on <b>%1</b>%2"))
                  .arg(where.toHtmlEscaped(), tlsNote));
        label->setToolTip(pop3
                ? tr("Mail clients can fetch the caught mail here: user \"all\" sees every message, "
                     "an e-mail address as user name sees only mail to it; any password.")
                : tr("Mail clients can read the caught mail here: user \"all\" sees every message, an e-mail "
                     "address as user name sees only mail to it; any password. Read and unread are shared "
                     "with this window."));
        if (!error.isEmpty())
            label->setText(label->text()
                + QStringLiteral(" <span style=\"color:#c62828\"><b>%1</b></span>")
                      .arg(error.toHtmlEscaped()));
    } else {
        label->setText(QStringLiteral("<span style=\"color:#c62828\">● %1</span>")
                           .arg((pop3 ? tr("POP3 off: %1") : tr("IMAP off: %1")).arg(error).toHtmlEscaped()));
        label->setToolTip(tr("Choose another address in File > Settings."));
    }
}

} // namespace MailSink::Ui
