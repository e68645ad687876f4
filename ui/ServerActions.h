#pragma once

#include "util/HostPort.h"

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QWidgetAction;

namespace MailSink::Pop3 {
class Pop3Server;
}
namespace MailSink::Imap {
class ImapServer;
}

namespace MailSink::Ui {

class ServerController;
class Settings;

// The main window's controls of the mailbox servers, POP3 and IMAP: Server > Serve POP3 and Serve IMAP
// (remembered in the settings), and for each a toolbar label with its plain and TLS addresses, or why it
// is off. The listeners themselves are the controller's.
class ServerActions : public QObject
{
    Q_OBJECT

public:
    ServerActions(ServerController *controller, Settings *settings, QMenu *serverMenu, QObject *parent);

    // Serves POP3 (IMAP) through `server` on `address` while its "Serve" setting is on (it is by default).
    void setPop3Server(Pop3::Pop3Server *server, const HostPort &address);
    void setImapServer(Imap::ImapServer *server, const HostPort &address);
    QAction *pop3Action() const { return m_controls[Pop3Service].action; } // null until setPop3Server()
    QAction *imapAction() const { return m_controls[ImapService].action; } // null until setImapServer()
    QLabel *pop3Label() const { return m_controls[Pop3Service].label; }
    QLabel *imapLabel() const { return m_controls[ImapService].label; }
    QWidgetAction *pop3LabelAction() const { return m_controls[Pop3Service].labelAction; } // for the toolbar
    QWidgetAction *imapLabelAction() const { return m_controls[ImapService].labelAction; }

Q_SIGNALS:
    void statusMessage(const QString &text); // for the status bar

private:
    enum Service { Pop3Service, ImapService };
    struct Control
    {
        QAction *action = nullptr;
        QLabel *label = nullptr;
        QWidgetAction *labelAction = nullptr;
    };

    bool attached(Service service) const;
    void attach(Service service, const HostPort &address);
    void apply(Service service, bool on);
    void updateStatus(Service service);
    void reportError(Service service);

    ServerController *m_controller;
    Settings *m_settings;
    QMenu *m_serverMenu;
    Control m_controls[2];
};

} // namespace MailSink::Ui
