#pragma once

#include "smtp/ServerConfig.h"
#include "util/TraceEntry.h"

#include <QDockWidget>
#include <QHash>
#include <QPointer>

#include <functional>

class QAction;
class QListWidget;
class QListWidgetItem;
class QMdiArea;
class QMdiSubWindow;

namespace MailSink::Smtp {
class SmtpServer;
}

namespace MailSink::Ui {

class SessionWindow;
class Settings;

// The Sessions dock: every SMTP connection of this run, newest first, each with its conversation so far,
// which a session window shows when the user double-clicks the entry or, while "Open a window for each new
// session" is on, as the connection opens (at most 8 such windows; the oldest ended one makes room).
// Keeps the last 500 ended sessions that have no window open.
class SessionsDock : public QDockWidget
{
    Q_OBJECT

public:
    // Puts a window into the MDI area at `size` (or less, to fit) and returns its frame.
    using AddWindow = std::function<QMdiSubWindow *(QWidget *widget, const QSize &size)>;
    SessionsDock(Smtp::SmtpServer *server, Settings *settings, QMdiArea *mdi, AddWindow addWindow,
        QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QAction *autoOpenAction() const { return m_autoOpenAction; }
    void applySettings(); // reads "open a window for each new session" again
    SessionWindow *openSession(quint64 sessionId);
    SessionWindow *sessionWindow(quint64 sessionId) const;
    int liveCount() const;

Q_SIGNALS:
    void liveCountChanged();

private:
    struct Record
    {
        Smtp::SessionInfo info;
        Trace trace;
        bool live = true;
        qint64 bytes = -1;
        QPointer<QMdiSubWindow> window;
        QListWidgetItem *item = nullptr;
    };

    void handleStarted(const Smtp::SessionInfo &info);
    void handleTrace(quint64 id, const Trace &lines);
    void handleProgress(quint64 id, qint64 bytes);
    void handleEnded(quint64 id);
    void updateItem(const Record &record);
    void trim();

    Smtp::SmtpServer *m_server;
    Settings *m_settings;
    QMdiArea *m_mdi;
    AddWindow m_addWindow;
    QListWidget *m_list;
    QAction *m_autoOpenAction;
    QHash<quint64, Record> m_sessions;
    QList<quint64> m_order; // oldest first
};

} // namespace MailSink::Ui
