#pragma once

#include "util/HostPort.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QSettings;
class QWidget;

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

class ComposeDialog;
class ReleaseDialog;

// The main window's outgoing-mail actions: "Release…" for the current message and "Compose Test
// Message…". Each opens its dialog (non-modal, deleted on close) over the given window.
class OutgoingActions : public QObject
{
    Q_OBJECT

public:
    OutgoingActions(Store::MessageStore *store, std::function<HostPort()> sinkAddress, QWidget *parentWindow);

    QAction *releaseAction() const { return m_release; } // enabled while a message is current
    QAction *composeAction() const { return m_compose; }

    void setCurrentMessage(std::optional<qint64> id);
    std::optional<qint64> currentMessage() const { return m_current; }
    // Where remembered servers are kept; by default the application's QSettings().
    void setSettings(QSettings *settings) { m_settings = settings; }

    ReleaseDialog *openRelease(); // for the current message; nullptr when there is none
    ComposeDialog *openCompose();

private:
    Store::MessageStore *m_store;
    std::function<HostPort()> m_sinkAddress;
    QPointer<QWidget> m_window;
    QSettings *m_settings = nullptr;
    std::optional<qint64> m_current;
    QAction *m_release;
    QAction *m_compose;
};

} // namespace MailSink::Ui
