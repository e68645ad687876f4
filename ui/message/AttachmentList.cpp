#include "message/AttachmentList.h"

#include "common/Formatting.h"
#include "common/Icons.h"
#include "common/TemporaryFiles.h"

#include <QDrag>
#include <QHeaderView>
#include <QMimeData>
#include <QMimeDatabase>
#include <QUrl>

namespace MailSink::Ui {

namespace {

enum Column { NameColumn, TypeColumn, SizeColumn, DispositionColumn };

} // namespace

AttachmentList::AttachmentList(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(4);
    setHeaderLabels({tr("Name"), tr("Type"), tr("Size"), tr("Disposition")});
    setRootIsDecorated(false);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setIconSize(QSize(24, 24));
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header()->resizeSection(TypeColumn, 180);
    header()->resizeSection(SizeColumn, 90);
    header()->resizeSection(DispositionColumn, 100);
}

QString AttachmentList::displayName(const Mime::Part &part)
{
    if (!part.filename.isEmpty())
        return part.filename;
    const QMimeType type = QMimeDatabase().mimeTypeForName(part.contentType);
    const QString suffix
        = type.isValid() && !type.preferredSuffix().isEmpty() ? u'.' + type.preferredSuffix() : QString();
    return tr("part %1").arg(part.path) + suffix;
}

void AttachmentList::setMessage(const Mime::ParsedMessage &message)
{
    m_message = message;
    m_parts = message.attachments();
    clear();
    for (const Mime::Part &part : std::as_const(m_parts)) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(NameColumn, displayName(part));
        item->setIcon(NameColumn, Icons::forMimeType(part.contentType));
        item->setText(TypeColumn, part.contentType);
        item->setText(SizeColumn, Formatting::size(part.size));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(DispositionColumn, part.disposition);
        item->setToolTip(NameColumn,
            tr("%1\nPart %2, SHA-256 %3")
                .arg(displayName(part), part.path, QString::fromLatin1(part.sha256Hex)));
        item->setData(NameColumn, Qt::UserRole, part.path);
        item->setFlags(
            Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren);
    }
    if (topLevelItemCount() > 0)
        setCurrentItem(topLevelItem(0));
}

QList<Mime::Part> AttachmentList::selectedParts() const
{
    QList<Mime::Part> parts;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->isSelected())
            parts.append(m_parts.at(i));
    }
    return parts;
}

QString AttachmentList::writeTemporary(const Mime::Part &part, QString *error) const
{
    return TemporaryFiles::write(displayName(part), m_message.partContent(part.path), error);
}

QMimeData *AttachmentList::mimeDataFor(const QList<Mime::Part> &parts) const
{
    QList<QUrl> urls;
    for (const Mime::Part &part : parts) {
        const QString path = writeTemporary(part);
        if (!path.isEmpty())
            urls.append(QUrl::fromLocalFile(path));
    }
    if (urls.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

QStringList AttachmentList::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData *AttachmentList::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    QList<Mime::Part> parts;
    for (QTreeWidgetItem *item : items) {
        const int row = indexOfTopLevelItem(item);
        if (row >= 0)
            parts.append(m_parts.at(row));
    }
    return mimeDataFor(parts);
}

void AttachmentList::startDrag(Qt::DropActions supportedActions)
{
    Q_UNUSED(supportedActions);
    QMimeData *data = mimeDataFor(selectedParts());
    if (!data)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    if (currentItem())
        drag->setPixmap(currentItem()->icon(NameColumn).pixmap(32, 32));
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

} // namespace MailSink::Ui
