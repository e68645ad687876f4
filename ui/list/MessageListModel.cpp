#include "list/MessageListModel.h"

#include "common/FileNames.h"
#include "common/Formatting.h"
#include "common/Icons.h"
#include "common/TemporaryFiles.h"
#include "list/CheckCache.h"
#include "mime/ParsedMessage.h"
#include "store/MessageStore.h"

#include <QFile>
#include <QFont>
#include <QMimeData>
#include <QSet>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace MailSink::Ui {

using Store::MessageInfo;

namespace {

constexpr int PageSize = 200;
constexpr int MaxDragMessages = 500;
constexpr qsizetype CacheLimit = 5000;
constexpr qint64 BodySearchRawLimit = 8 * 1024 * 1024;
constexpr qint64 BodySearchParseLimit = 1024 * 1024;

QString envelopeRecipients(const MessageInfo &info)
{
    QStringList list;
    for (const QByteArray &rcpt : info.envelope.recipients)
        list.append(QString::fromUtf8(rcpt));
    return list.join(QStringLiteral(", "));
}

QString fromText(const MessageInfo &info)
{
    if (!info.from.isEmpty())
        return info.from;
    return QString::fromUtf8(info.envelope.mailFrom);
}

QString toText(const MessageInfo &info)
{
    if (!info.to.isEmpty())
        return info.to;
    return envelopeRecipients(info);
}

bool bodyMatches(const QString &path, qint64 size, const QString &needle)
{
    if (size > BodySearchRawLimit)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray raw = file.readAll();
    if (QString::fromUtf8(raw).contains(needle, Qt::CaseInsensitive))
        return true;
    if (size > BodySearchParseLimit)
        return false;
    // Bodies in base64 or quoted-printable only match once decoded.
    const Mime::ParsedMessage parsed = Mime::parseMessage(raw);
    return parsed.text().value_or(QString()).contains(needle, Qt::CaseInsensitive)
        || parsed.html().value_or(QString()).contains(needle, Qt::CaseInsensitive);
}

} // namespace

MessageListModel::MessageListModel(Store::MessageStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_checks(new CheckCache(store, this))
{
    qRegisterMetaType<MessageInfo>();
    qRegisterMetaType<QList<qint64>>();
    connect(store, &Store::MessageStore::messageStored, this, &MessageListModel::handleStored,
        Qt::QueuedConnection);
    connect(store, &Store::MessageStore::messagesRemoved, this, &MessageListModel::handleRemoved,
        Qt::QueuedConnection);
    connect(
        store, &Store::MessageStore::seenChanged, this, &MessageListModel::handleSeen, Qt::QueuedConnection);
    connect(
        &m_watcher, &QFutureWatcher<QList<qint64>>::finished, this, &MessageListModel::handleQueryFinished);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(250);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MessageListModel::refresh);
    connect(m_checks, &CheckCache::ready, this, [this](qint64 id) {
        const int row = rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, Checks), index(row, Checks));
    });
    refresh();
}

MessageListModel::~MessageListModel()
{
    if (m_cancel)
        *m_cancel = true;
    m_watcher.waitForFinished();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool MessageListModel::isDefaultOrder() const
{
    return m_filter.isEmpty() && m_sortColumn == Received && m_sortOrder == Qt::DescendingOrder;
}

const MessageInfo *MessageListModel::cached(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const qint64 id = m_ids.at(row);
    auto it = m_cache.constFind(id);
    if (it != m_cache.constEnd())
        return &it.value();

    if (m_cache.size() > CacheLimit)
        m_cache.clear();
    if (isDefaultOrder()) {
        // The ids are in the store's own order, so the page around `row` is one indexed query.
        const int start = row - row % PageSize;
        const QList<MessageInfo> page = m_store->list(PageSize, start);
        for (const MessageInfo &info : page)
            m_cache.insert(info.id, info);
    } else {
        const int end = std::min<int>(int(m_ids.size()), row + PageSize / 4);
        for (int r = std::max(0, row - PageSize / 4); r < end; ++r) {
            if (!m_cache.contains(m_ids.at(r))) {
                if (auto info = m_store->message(m_ids.at(r)))
                    m_cache.insert(info->id, *info);
            }
        }
    }
    it = m_cache.constFind(id);
    if (it == m_cache.constEnd()) {
        auto info = m_store->message(id);
        if (!info)
            return nullptr;
        it = m_cache.insert(id, *info);
    }
    return &it.value();
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == IdRole)
        return m_ids.value(index.row());
    const MessageInfo *info = cached(index.row());
    if (!info)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Received:
            return Formatting::listTime(info->received);
        case From:
            return fromText(*info);
        case To:
            return toText(*info);
        case Subject:
            return info->subject.isEmpty() ? tr("(no subject)") : info->subject;
        case Size:
            return Formatting::size(info->size);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == Attachment && info->hasAttachments)
            return Icons::attachment();
        if (index.column() == Checks) {
            const auto counts = m_checks->counts(info->id);
            if (counts && counts->errors > 0)
                return Icons::checkSeverity(Lint::Severity::Error);
            if (counts && counts->warnings > 0)
                return Icons::checkSeverity(Lint::Severity::Warning);
        }
        if (index.column() == Subject)
            return info->seen ? Icons::messageRead() : Icons::messageUnread();
        return {};
    case Qt::FontRole:
        if (!info->seen) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        if (index.column() == Checks)
            return checksText(info->id);
        QString tip = tr("From: %1\nTo: %2").arg(fromText(*info), toText(*info));
        if (info->envelope.known) {
            tip += u'\n'
                + tr("Envelope: %1 → %2")
                      .arg(QString::fromUtf8(info->envelope.mailFrom).isEmpty()
                              ? QStringLiteral("<>")
                              : QString::fromUtf8(info->envelope.mailFrom),
                          envelopeRecipients(*info));
        }
        tip += u'\n'
            + tr("Received %1, %2").arg(Formatting::fullTime(info->received), Formatting::size(info->size));
        return tip;
    }
    case Qt::AccessibleTextRole:
        if (index.column() == Attachment)
            return info->hasAttachments ? tr("Has attachments") : QString();
        if (index.column() == Checks)
            return checksText(info->id);
        return data(index, Qt::DisplayRole);
    case SeenRole:
        return info->seen;
    default:
        return {};
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Received:
            return tr("Received");
        case From:
            return tr("From");
        case To:
            return tr("To");
        case Subject:
            return tr("Subject");
        case Size:
            return tr("Size");
        case Attachment:
            return QString();
        }
    }
    if (role == Qt::DecorationRole && section == Attachment)
        return Icons::attachment();
    if (role == Qt::ToolTipRole && section == Attachment)
        return tr("Attachments");
    if (role == Qt::DecorationRole && section == Checks)
        return Icons::checkSeverity(Lint::Severity::Warning);
    if (role == Qt::ToolTipRole && section == Checks)
        return tr("Checks: errors and warnings found in the message (see its Checks tab)");
    return {};
}

Qt::ItemFlags MessageListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    // Checks are computed only for the rows on screen, so there is nothing to sort by.
    if (column < 0 || column >= ColumnCount || column == Checks
        || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    refresh();
}

void MessageListModel::setFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    refresh();
}

void MessageListModel::setSearchBodies(bool on)
{
    if (on == m_searchBodies)
        return;
    m_searchBodies = on;
    if (!m_filter.isEmpty())
        refresh();
}

void MessageListModel::stopQuery()
{
    m_refreshTimer.stop();
    if (m_cancel)
        *m_cancel = true;
    m_watcher.waitForFinished(); // a later setFuture() drops its pending finished signal
    m_checks->clear();
}

void MessageListModel::refresh()
{
    m_refreshTimer.stop();
    if (m_cancel)
        *m_cancel = true;
    if (m_watcher.isRunning()) {
        // The running query stops at its next page; its result is dropped and this runs again.
        m_pendingRefresh = true;
        return;
    }
    m_pendingRefresh = false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const Query query {m_filter, m_searchBodies, m_sortColumn, m_sortOrder};
    m_watcher.setFuture(QtConcurrent::run(&MessageListModel::runQuery, m_store, query, m_cancel));
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged(true);
    }
}

void MessageListModel::handleQueryFinished()
{
    if (m_pendingRefresh) {
        refresh();
        return;
    }
    const QList<qint64> ids = m_watcher.result();
    beginResetModel();
    m_ids = ids;
    m_cache.clear();
    endResetModel();
    m_loading = false;
    setTotal(m_filter.isEmpty() ? m_ids.size() : m_store->count());
    Q_EMIT loadingChanged(false);
    Q_EMIT loaded();
}

bool MessageListModel::matches(const MessageInfo &info, const QString &needle)
{
    if (needle.isEmpty())
        return true;
    auto has = [&](const QString &text) { return text.contains(needle, Qt::CaseInsensitive); };
    if (has(info.subject) || has(info.from) || has(info.to) || has(QString::fromUtf8(info.envelope.mailFrom))
        || has(QString::fromUtf8(info.envelope.helo)) || has(info.envelope.clientAddress))
        return true;
    for (const QByteArray &rcpt : info.envelope.recipients) {
        if (has(QString::fromUtf8(rcpt)))
            return true;
    }
    return false;
}

QList<qint64> MessageListModel::runQuery(
    const Store::MessageStore *store, Query query, std::shared_ptr<std::atomic_bool> cancelled)
{
    if (query.filter.isEmpty() && query.column == Received) {
        QList<qint64> ids = store->ids();
        if (query.order == Qt::AscendingOrder)
            std::reverse(ids.begin(), ids.end());
        return ids;
    }

    // One pass over the index keeping only (id, key): never all rows at once.
    struct Row
    {
        qint64 id;
        QString text; // From, To, Subject (case-folded)
        qint64 number; // Received, Size, Attachment
    };
    std::vector<Row> rows;
    const bool textKey = query.column == From || query.column == To || query.column == Subject;
    const bool complete = store->forEach(
        [&](const MessageInfo &info) {
            if (*cancelled)
                return false;
            if (!matches(info, query.filter)
                && !(query.bodies && bodyMatches(store->filePath(info), info.size, query.filter)))
                return true;
            Row row {info.id, {}, 0};
            switch (query.column) {
            case Received:
                row.number = info.received.toMSecsSinceEpoch();
                break;
            case From:
                row.text = fromText(info).toCaseFolded();
                break;
            case To:
                row.text = toText(info).toCaseFolded();
                break;
            case Subject:
                row.text = info.subject.toCaseFolded();
                break;
            case Size:
                row.number = info.size;
                break;
            case Attachment:
                row.number = info.hasAttachments ? 1 : 0;
                break;
            }
            rows.push_back(std::move(row));
            return true;
        },
        !query.filter.isEmpty()); // the envelope is only needed to match a filter
    if (!complete && *cancelled)
        return {};
    if (query.column != Received || query.order == Qt::AscendingOrder) {
        // Stable: equal keys keep the store's newest-first order.
        const bool ascending = query.order == Qt::AscendingOrder;
        std::stable_sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
            const int order
                = textKey ? a.text.compare(b.text) : (a.number < b.number ? -1 : a.number > b.number);
            return ascending ? order < 0 : order > 0;
        });
    }
    QList<qint64> ids;
    ids.reserve(qsizetype(rows.size()));
    for (const Row &row : rows)
        ids.append(row.id);
    return ids;
}

void MessageListModel::handleStored(const MessageInfo &info)
{
    if (m_loading) {
        m_refreshTimer.start(); // the running query may or may not have seen it
        return;
    }
    setTotal(m_total + 1);
    if (!matches(info, m_filter))
        return;
    if (m_sortColumn == Received) {
        const int row = m_sortOrder == Qt::DescendingOrder ? 0 : int(m_ids.size());
        beginInsertRows({}, row, row);
        m_ids.insert(row, info.id);
        m_cache.insert(info.id, info);
        endInsertRows();
    } else {
        m_refreshTimer.start();
    }
}

void MessageListModel::handleRemoved(const QList<qint64> &ids)
{
    const QSet<qint64> gone(ids.cbegin(), ids.cend());
    for (qint64 id : ids)
        m_cache.remove(id);
    m_checks->forget(ids);
    if (ids.size() > 64) {
        beginResetModel();
        m_ids.removeIf([&](qint64 id) { return gone.contains(id); });
        endResetModel();
    } else {
        for (int row = int(m_ids.size()) - 1; row >= 0; --row) {
            if (gone.contains(m_ids.at(row))) {
                beginRemoveRows({}, row, row);
                m_ids.removeAt(row);
                endRemoveRows();
            }
        }
    }
    setTotal(m_store->count());
}

void MessageListModel::handleSeen(qint64 id, bool seen)
{
    auto it = m_cache.find(id);
    if (it != m_cache.end()) {
        it->seen = seen;
        // The file moved to cur/ with the S flag; the cached path is stale.
        m_cache.erase(it);
    }
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MessageListModel::setTotal(qint64 total)
{
    if (total == m_total)
        return;
    m_total = total;
    Q_EMIT totalCountChanged(total);
}

qint64 MessageListModel::idAt(int row) const
{
    return m_ids.value(row, 0);
}

QString MessageListModel::checksText(qint64 id) const
{
    const auto counts = m_checks->counts(id);
    if (!counts)
        return {};
    if (counts->errors == 0 && counts->warnings == 0)
        return tr("No errors or warnings");
    const QString count = tr("%1 errors, %2 warnings").arg(counts->errors).arg(counts->warnings);
    return counts->first.isEmpty() ? count : count + u'\n' + counts->first;
}

int MessageListModel::rowOf(qint64 id) const
{
    return int(m_ids.indexOf(id));
}

std::optional<MessageInfo> MessageListModel::infoAt(int row) const
{
    if (const MessageInfo *info = cached(row))
        return *info;
    return std::nullopt;
}

QList<qint64> MessageListModel::idsAt(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !rows.contains(index.row()))
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (int row : rows)
        ids.append(idAt(row));
    return ids;
}

QStringList MessageListModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QString MessageListModel::writeDragCopy(qint64 id) const
{
    const auto info = m_store->message(id);
    if (!info)
        return {};
    const QString base = sanitizeFileName(info->subject.left(80), tr("message %1").arg(id));
    return TemporaryFiles::copy(m_store->filePath(*info), base + QStringLiteral(".eml"));
}

QMimeData *MessageListModel::mimeData(const QModelIndexList &indexes) const
{
    QList<QUrl> urls;
    // Each file is a copy made now, on the GUI thread: a drag carries at most MaxDragMessages.
    for (qint64 id : idsAt(indexes).mid(0, MaxDragMessages)) {
        const QString path = writeDragCopy(id);
        if (!path.isEmpty())
            urls.append(QUrl::fromLocalFile(path));
    }
    if (urls.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

} // namespace MailSink::Ui
