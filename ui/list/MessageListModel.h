#pragma once

#include "store/MessageInfo.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

class CheckCache;

// The message list over the store index. Holds only the ids in display order and a bounded cache of
// index rows fetched a page at a time, so 100,000 stored messages cost a list of ids, not 100,000 rows.
// Sorting by anything but the time and filtering run as a background query that pages through the index.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Received, From, To, Subject, Size, Attachment, Checks, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SeenRole };

    explicit MessageListModel(Store::MessageStore *store, QObject *parent = nullptr);
    ~MessageListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    // Matches subject, From/To headers and the envelope (MAIL FROM, RCPT TO, HELO, client) in the index;
    // with searchBodies also the message bytes on disk (in the background).
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    void setSearchBodies(bool on);
    bool searchBodies() const { return m_searchBodies; }
    void refresh();
    // Cancels a running query and waits for it (before the store closes); refresh() starts over.
    void stopQuery();
    bool isLoading() const { return m_loading; }
    qint64 totalCount() const { return m_total; }

    qint64 idAt(int row) const;
    int rowOf(qint64 id) const;
    std::optional<Store::MessageInfo> infoAt(int row) const;
    QList<qint64> idsAt(const QModelIndexList &indexes) const;

    // Writes a byte-identical copy of a stored message, named after its subject, into a private
    // temporary folder (TemporaryFiles) for drag and drop; returns the path or an empty string.
    QString writeDragCopy(qint64 id) const;

    static bool matches(const Store::MessageInfo &info, const QString &needle);

Q_SIGNALS:
    void loaded(); // a query finished; rows reflect the current filter and sort order
    void loadingChanged(bool loading);
    void totalCountChanged(qint64 total);

private:
    struct Query
    {
        QString filter;
        bool bodies = false;
        int column = Received;
        Qt::SortOrder order = Qt::DescendingOrder;
    };
    static QList<qint64> runQuery(
        const Store::MessageStore *store, Query query, std::shared_ptr<std::atomic_bool> cancelled);

    void handleStored(const Store::MessageInfo &info);
    void handleRemoved(const QList<qint64> &ids);
    void handleSeen(qint64 id, bool seen);
    void handleQueryFinished();
    const Store::MessageInfo *cached(int row) const;
    QString checksText(qint64 id) const;
    bool isDefaultOrder() const;
    void setTotal(qint64 total);

    Store::MessageStore *m_store;
    QList<qint64> m_ids;
    mutable QHash<qint64, Store::MessageInfo> m_cache;
    QString m_filter;
    bool m_searchBodies = false;
    int m_sortColumn = Received;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    bool m_loading = false;
    qint64 m_total = 0;
    QFutureWatcher<QList<qint64>> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_pendingRefresh = false;
    QTimer m_refreshTimer;
    CheckCache *m_checks; // the Checks column: MailLint per visible row, off the GUI thread
};

} // namespace MailSink::Ui
