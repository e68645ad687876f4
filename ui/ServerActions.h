#pragma once

#include "util/HostPort.h"

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QWidgetAction;

namespace MailSink::Imap {
class ImapServer;
}

namespace MailSink::Ui {

class ServerController;
class Settings;

// The main window's IMAP controls: Server > Serve IMAP (remembered in the settings) and a toolbar label
// with the IMAP and IMAPS addresses, or why IMAP is off. The listeners themselves are the controller's.
class ServerActions : public QObject
{
    Q_OBJECT

public:
    ServerActions(ServerController *controller, Settings *settings, QMenu *serverMenu, QObject *parent);

    // Serves IMAP through `server` on `address` while the "Serve IMAP" setting is on (it is by default).
    void setImapServer(Imap::ImapServer *server, const HostPort &address);
    QAction *imapAction() const { return m_imapAction; } // null until setImapServer()
    QLabel *imapLabel() const { return m_imapLabel; }
    QWidgetAction *imapLabelAction() const { return m_imapLabelAction; } // for the toolbar

Q_SIGNALS:
    void statusMessage(const QString &text); // for the status bar

private:
    void applyImap(bool on);
    void updateImapStatus();
    void reportImapError();

    ServerController *m_controller;
    Settings *m_settings;
    QMenu *m_serverMenu;
    QAction *m_imapAction = nullptr;
    QLabel *m_imapLabel = nullptr;
    QWidgetAction *m_imapLabelAction = nullptr;
};

} // namespace MailSink::Ui
