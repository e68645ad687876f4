#include "SessionsDock.h"

#include "common/Formatting.h"
#include "common/Icons.h"
#include "session/SessionWindow.h"
#include "settings/Settings.h"
#include "smtp/SmtpServer.h"

#include <QAction>
#include <QListWidget>
#include <QMdiArea>
#include <QMdiSubWindow>

namespace MailSink::Ui {

namespace {

constexpr int MaxAutoOpenSessions = 8; // beyond this many open session windows, new ones are only listed
constexpr int MaxSessionRecords = 500;

} // namespace

SessionsDock::SessionsDock(
    Smtp::SmtpServer *server, Settings *settings, QMdiArea *mdi, AddWindow addWindow, QWidget *parent)
    : QDockWidget(tr("Sessions"), parent)
    , m_server(server)
    , m_settings(settings)
    , m_mdi(mdi)
    , m_addWindow(std::move(addWindow))
    , m_list(new QListWidget(this))
    , m_autoOpenAction(new QAction(tr("Open a window for each &new session"), this))
{
    qRegisterMetaType<Smtp::SessionInfo>();
    qRegisterMetaType<Trace>();
    setObjectName(QStringLiteral("sessionsDock"));
    m_list->setToolTip(tr("Every SMTP connection; double-click to open its conversation"));
    setWidget(m_list);
    connect(m_list, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { openSession(item->data(Qt::UserRole).toULongLong()); });

    m_autoOpenAction->setCheckable(true);
    applySettings();
    connect(m_autoOpenAction, &QAction::toggled, this,
        [this](bool on) { m_settings->setValue(Settings::Key::AutoOpenSessions, on); });

    // The server emits from its workers.
    connect(
        server, &Smtp::SmtpServer::sessionStarted, this, &SessionsDock::handleStarted, Qt::QueuedConnection);
    connect(server, &Smtp::SmtpServer::traceReceived, this, &SessionsDock::handleTrace, Qt::QueuedConnection);
    connect(server, &Smtp::SmtpServer::transferProgress, this, &SessionsDock::handleProgress,
        Qt::QueuedConnection);
    connect(server, &Smtp::SmtpServer::sessionEnded, this, &SessionsDock::handleEnded, Qt::QueuedConnection);
}

void SessionsDock::applySettings()
{
    m_autoOpenAction->setChecked(m_settings->flag(Settings::Key::AutoOpenSessions));
}

int SessionsDock::liveCount() const
{
    int live = 0;
    for (const Record &record : m_sessions)
        live += record.live ? 1 : 0;
    return live;
}

SessionWindow *SessionsDock::sessionWindow(quint64 sessionId) const
{
    const auto it = m_sessions.constFind(sessionId);
    if (it == m_sessions.constEnd() || !it->window)
        return nullptr;
    return qobject_cast<SessionWindow *>(it->window->widget());
}

SessionWindow *SessionsDock::openSession(quint64 sessionId)
{
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        return nullptr;
    if (it->window) {
        m_mdi->setActiveSubWindow(it->window);
        return qobject_cast<SessionWindow *>(it->window->widget());
    }
    auto *window = new SessionWindow(it->info);
    window->appendTrace(it->trace);
    if (it->bytes >= 0)
        window->setTransferred(it->bytes);
    if (!it->live)
        window->setEnded();
    connect(window, &SessionWindow::closeSessionRequested, this,
        [this](quint64 id) { m_server->closeSession(id); });
    QMdiSubWindow *active = m_mdi->activeSubWindow();
    it->window = m_addWindow(window, m_settings->value(Settings::Key::SessionWindowSize).toSize());
    it->window->setWindowTitle(window->title());
    // A session that opens by itself must not take the focus from what the user is reading.
    if (active && active != it->window.data())
        m_mdi->setActiveSubWindow(active);
    return window;
}

void SessionsDock::handleStarted(const Smtp::SessionInfo &info)
{
    Record record;
    record.info = info;
    record.item = new QListWidgetItem();
    record.item->setData(Qt::UserRole, info.id);
    m_list->insertItem(0, record.item);
    m_sessions.insert(info.id, record);
    m_order.append(info.id);
    updateItem(record);
    trim();
    Q_EMIT liveCountChanged();
    if (!m_autoOpenAction->isChecked())
        return;
    // Make room by closing the oldest finished session window; if all are live, only list it.
    int open = 0;
    for (const Record &other : std::as_const(m_sessions))
        open += other.window ? 1 : 0;
    for (auto it = m_order.cbegin(); open >= MaxAutoOpenSessions && it != m_order.cend(); ++it) {
        Record &other = m_sessions[*it];
        if (!other.live && other.window) {
            other.window->close();
            --open;
        }
    }
    if (open < MaxAutoOpenSessions)
        openSession(info.id);
}

void SessionsDock::handleTrace(quint64 id, const Trace &lines)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    it->trace.append(lines);
    if (SessionWindow *window = sessionWindow(id))
        window->appendTrace(lines);
}

void SessionsDock::handleProgress(quint64 id, qint64 bytes)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    it->bytes = bytes;
    if (SessionWindow *window = sessionWindow(id))
        window->setTransferred(bytes);
    updateItem(*it);
}

void SessionsDock::handleEnded(quint64 id)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    it->live = false;
    it->bytes = -1;
    if (SessionWindow *window = sessionWindow(id)) {
        window->setEnded();
        it->window->setWindowIcon(window->windowIcon());
    }
    updateItem(*it);
    Q_EMIT liveCountChanged();
}

void SessionsDock::updateItem(const Record &record)
{
    if (!record.item)
        return;
    QString text = tr("#%1  %2:%3  %4")
                       .arg(record.info.id)
                       .arg(record.info.clientAddress)
                       .arg(record.info.clientPort)
                       .arg(record.info.started.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    if (record.bytes >= 0)
        text += u'\n' + tr("receiving %1").arg(Formatting::size(record.bytes));
    record.item->setText(text);
    record.item->setIcon(Icons::session(record.live));
    record.item->setToolTip(record.live ? tr("Connected") : tr("Ended"));
}

void SessionsDock::trim()
{
    while (m_order.size() > MaxSessionRecords) {
        // Forget the oldest ended session without an open window.
        auto victim = std::find_if(m_order.begin(), m_order.end(), [this](quint64 id) {
            const Record &record = m_sessions[id];
            return !record.live && !record.window;
        });
        if (victim == m_order.end())
            return;
        delete m_sessions[*victim].item;
        m_sessions.remove(*victim);
        m_order.erase(victim);
    }
}

} // namespace MailSink::Ui
