#include "MessageActions.h"

#include "common/Actions.h"
#include "common/FileNames.h"
#include "common/Icons.h"
#include "list/MessageListModel.h"
#include "list/MessageListView.h"
#include "message/MessageWindow.h"
#include "settings/Settings.h"
#include "store/MessageStore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMdiArea>
#include <QMdiSubWindow>
#include <QMessageBox>
#include <QtConcurrent/QtConcurrentRun>

namespace MailSink::Ui {

namespace {

constexpr int ManyMessages = 50; // mark read/unread in the background beyond this
constexpr int MaxOpenAtOnce = 20;

} // namespace

MessageActions::MessageActions(Store::MessageStore *store, MessageListModel *model, MessageListView *view,
    QMdiArea *mdi, Settings *settings, Ask ask, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_model(model)
    , m_view(view)
    , m_mdi(mdi)
    , m_settings(settings)
    , m_ask(std::move(ask))
    , m_window(window)
{
    m_open = newAction(this, Icons::messageRead(), tr("Open &message"), QKeySequence(),
        [this] { Q_EMIT openRequested(m_view->selectedIds().mid(0, MaxOpenAtOnce)); });
    m_export = newAction(this, Icons::exportMessage(), tr("&Export .eml…"), QKeySequence(tr("Ctrl+E")),
        &MessageActions::exportSelected);
    m_delete = newAction(
        this, Icons::remove(), tr("&Delete"), QKeySequence::Delete, &MessageActions::deleteSelected);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteAll = newAction(this, Icons::removeAll(), tr("Delete &all…"), QKeySequence(tr("Ctrl+Shift+Del")),
        &MessageActions::deleteAll);
    m_markRead = newAction(this, Icons::markRead(), tr("Mark &read"), QKeySequence(tr("Ctrl+R")),
        [this] { markSelected(true); });
    m_markUnread = newAction(this, Icons::markUnread(), tr("Mark &unread"), QKeySequence(tr("Ctrl+U")),
        [this] { markSelected(false); });

    // Right-click on the list: the commands on the selection.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto separator = [this] {
        auto *line = new QAction(this);
        line->setSeparator(true);
        return line;
    };
    m_view->addActions({m_open, m_export, separator(), m_markRead, m_markUnread, separator(), m_delete});
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MessageActions::updateEnabled);
    connect(m_view, &MessageListView::openRequested, this,
        [this](const QList<qint64> &ids) { Q_EMIT openRequested(ids.mid(0, MaxOpenAtOnce)); });
    connect(m_model, &MessageListModel::totalCountChanged, this, &MessageActions::updateEnabled);
    connect(m_model, &MessageListModel::loaded, this, &MessageActions::updateEnabled);
    updateEnabled();
}

MessageActions::~MessageActions()
{
    m_jobs.waitForFinished();
}

void MessageActions::updateEnabled()
{
    const bool any = !m_view->selectionModel()->selectedRows().isEmpty();
    for (QAction *action : {m_open, m_export, m_delete, m_markRead, m_markUnread})
        action->setEnabled(any);
    m_deleteAll->setEnabled(m_model->totalCount() > 0);
}

void MessageActions::waitForJobs()
{
    m_jobs.waitForFinished();
}

void MessageActions::deleteSelected()
{
    const QList<qint64> ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    // Deleting unlinks files: off the GUI thread. The list updates from messagesRemoved.
    m_jobs.addFuture(QtConcurrent::run([store = m_store, ids] { store->remove(ids); }));
    Q_EMIT statusMessage(tr("Messages deleted: %1").arg(ids.size()), 3000);
}

void MessageActions::closeStoredMessageWindows()
{
    for (QMdiSubWindow *sub : m_mdi->subWindowList()) {
        auto *window = qobject_cast<MessageWindow *>(sub->widget());
        if (window && window->storedId() != 0)
            sub->close();
    }
}

void MessageActions::deleteAll()
{
    const qint64 total = m_model->totalCount();
    if (total == 0 || !m_ask(tr("Delete all stored messages (%1)? This cannot be undone.").arg(total)))
        return;
    closeStoredMessageWindows();
    m_jobs.addFuture(QtConcurrent::run([store = m_store] { store->clear(); }));
    Q_EMIT statusMessage(tr("Deleting all messages…"), 3000);
}

void MessageActions::markSelected(bool seen)
{
    const QList<qint64> ids = m_view->selectedIds();
    auto mark = [store = m_store, ids, seen] {
        for (qint64 id : ids)
            store->setSeen(id, seen);
    };
    if (ids.size() > ManyMessages)
        m_jobs.addFuture(QtConcurrent::run(mark));
    else
        mark();
}

bool MessageActions::exportMessages(const QList<qint64> &ids, const QString &target, QString *error)
{
    const bool toFolder = QFileInfo(target).isDir();
    for (qint64 id : ids) {
        const auto info = m_store->message(id);
        if (!info)
            continue;
        const QString path = toFolder
            ? uniqueFilePath(QDir(target),
                sanitizeFileName(info->subject.left(80), tr("message %1").arg(id)) + QStringLiteral(".eml"))
            : target;
        if (QFileInfo::exists(path) && !toFolder)
            QFile::remove(path);
        // A file copy: byte-identical to what the client sent.
        QFile source(m_store->filePath(*info));
        if (!source.copy(path)) {
            if (error)
                *error = tr("Cannot write %1: %2").arg(path, source.errorString());
            return false;
        }
    }
    return true;
}

void MessageActions::exportSelected()
{
    if (QMdiSubWindow *sub = m_mdi->activeSubWindow();
        sub && sub->isAncestorOf(QApplication::focusWidget())) {
        if (auto *window = qobject_cast<MessageWindow *>(sub->widget())) {
            window->exportMessage();
            return;
        }
    }
    const QList<qint64> ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    const QString last = m_settings->text(Settings::Key::LastDirectory);
    QString target;
    if (ids.size() == 1) {
        const auto info = m_store->message(ids.first());
        const QString name = sanitizeFileName(info ? info->subject.left(80) : QString(), tr("message"))
            + QStringLiteral(".eml");
        target = QFileDialog::getSaveFileName(m_window, tr("Export message"), QDir(last).filePath(name),
            tr("E-mail messages (*.eml);;All files (*)"));
        if (!target.isEmpty())
            m_settings->setValue(Settings::Key::LastDirectory, QFileInfo(target).absolutePath());
    } else {
        target = QFileDialog::getExistingDirectory(m_window, tr("Export the selected messages to"), last);
        if (!target.isEmpty())
            m_settings->setValue(Settings::Key::LastDirectory, target);
    }
    if (target.isEmpty())
        return;
    QString error;
    if (!exportMessages(ids, target, &error))
        QMessageBox::warning(m_window, tr("Export failed"), error);
    else
        Q_EMIT statusMessage(tr("Messages exported: %1").arg(ids.size()), 5000);
}

} // namespace MailSink::Ui
