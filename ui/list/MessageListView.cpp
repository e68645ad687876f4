#include "list/MessageListView.h"

#include "list/MessageListModel.h"

#include <QDrag>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>

namespace MailSink::Ui {

MessageListView::MessageListView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setStretchLastSection(false);
    connect(this, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model && index.isValid())
            Q_EMIT openRequested({m_model->idAt(index.row())});
    });
}

void MessageListView::setMessageModel(MessageListModel *model)
{
    m_model = model;
    setModel(model);
    QHeaderView *header = horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::Subject, QHeaderView::Stretch);
    header->setSectionResizeMode(MessageListModel::Attachment, QHeaderView::Fixed);
    header->resizeSection(MessageListModel::Attachment, 28);
    header->setSectionResizeMode(MessageListModel::Checks, QHeaderView::Fixed);
    header->resizeSection(MessageListModel::Checks, 28);
    header->resizeSection(MessageListModel::Received, 140);
    header->resizeSection(MessageListModel::From, 220);
    header->resizeSection(MessageListModel::To, 200);
    header->resizeSection(MessageListModel::Size, 80);
    header->setSortIndicator(MessageListModel::Received, Qt::DescendingOrder);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptSelection = selectedIds();
        m_keptCurrent = currentIndex().isValid() ? m_model->idAt(currentIndex().row()) : 0;
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        selectIds(m_keptSelection);
        const int row = m_keptCurrent ? m_model->rowOf(m_keptCurrent) : -1;
        if (row >= 0)
            selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::NoUpdate);
    });
}

QList<qint64> MessageListView::selectedIds() const
{
    if (!m_model || !selectionModel())
        return {};
    return m_model->idsAt(selectionModel()->selectedRows());
}

void MessageListView::selectIds(const QList<qint64> &ids)
{
    if (!m_model || !selectionModel())
        return;
    QItemSelection selection;
    for (qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            selection.select(m_model->index(row, 0), m_model->index(row, MessageListModel::ColumnCount - 1));
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void MessageListView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && state() != EditingState) {
        const QList<qint64> ids = selectedIds();
        if (!ids.isEmpty()) {
            Q_EMIT openRequested(ids);
            event->accept();
            return;
        }
    }
    QTableView::keyPressEvent(event);
}

void MessageListView::startDrag(Qt::DropActions supportedActions)
{
    Q_UNUSED(supportedActions);
    if (!m_model)
        return;
    QMimeData *data = m_model->mimeData(selectionModel()->selectedRows());
    if (!data)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    drag->setPixmap(
        QIcon(m_model->data(currentIndex().siblingAtColumn(MessageListModel::Subject), Qt::DecorationRole)
                  .value<QIcon>())
            .pixmap(32, 32));
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

} // namespace MailSink::Ui
