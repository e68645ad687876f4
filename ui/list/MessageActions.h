#pragma once

#include <QFutureSynchronizer>
#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QMdiArea;
class QWidget;

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

class MessageListModel;
class MessageListView;
class Settings;

// The commands on the messages of the list: open, export as .eml, mark read or unread and delete the
// selected ones, and delete all. Deleting, and marking more than a few, run off the GUI thread; the list
// follows from the store's signals. The actions are enabled by the selection (updateEnabled()).
class MessageActions : public QObject
{
    Q_OBJECT

public:
    // Asks a yes/no question (delete all); `window` parents the file dialogs and message boxes.
    using Ask = std::function<bool(const QString &question)>;
    MessageActions(Store::MessageStore *store, MessageListModel *model, MessageListView *view, QMdiArea *mdi,
        Settings *settings, Ask ask, QWidget *window);
    ~MessageActions() override;

    QAction *openAction() const { return m_open; }
    QAction *exportAction() const { return m_export; }
    QAction *markReadAction() const { return m_markRead; }
    QAction *markUnreadAction() const { return m_markUnread; }
    QAction *deleteAction() const { return m_delete; }
    QAction *deleteAllAction() const { return m_deleteAll; }

    void deleteSelected();
    void deleteAll();
    void markSelected(bool seen);
    // From the message window that has the focus, else the list's selection: one message to a file, more
    // to a folder (named after their subjects).
    void exportSelected();
    bool exportMessages(const QList<qint64> &ids, const QString &target, QString *error = nullptr);

    void updateEnabled();
    void waitForJobs(); // before the store closes

Q_SIGNALS:
    void openRequested(const QList<qint64> &ids);
    void statusMessage(const QString &text, int timeoutMs);

private:
    void closeStoredMessageWindows();

    Store::MessageStore *m_store;
    MessageListModel *m_model;
    MessageListView *m_view;
    QMdiArea *m_mdi;
    Settings *m_settings;
    Ask m_ask;
    QWidget *m_window;
    QAction *m_open;
    QAction *m_export;
    QAction *m_markRead;
    QAction *m_markUnread;
    QAction *m_delete;
    QAction *m_deleteAll;
    QFutureSynchronizer<void> m_jobs;
};

} // namespace MailSink::Ui
