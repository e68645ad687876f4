#pragma once

#include "mime/ParsedMessage.h"

#include <QTreeWidget>

namespace MailSink::Ui {

// The attachments of one message: name, type, size and icon. Dragging writes each selected attachment
// under its sanitized name into a private temporary folder and offers text/uri-list.
class AttachmentList : public QTreeWidget
{
    Q_OBJECT

public:
    explicit AttachmentList(QWidget *parent = nullptr);

    void setMessage(const Mime::ParsedMessage &message);
    QList<Mime::Part> selectedParts() const;
    QList<Mime::Part> allParts() const { return m_parts; }
    static QString displayName(const Mime::Part &part);

    // Writes the parts to temporary files; what a drag carries (also used by "Open").
    QMimeData *mimeDataFor(const QList<Mime::Part> &parts) const;
    QString writeTemporary(const Mime::Part &part, QString *error = nullptr) const;

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
    void startDrag(Qt::DropActions supportedActions) override;

private:
    Mime::ParsedMessage m_message;
    QList<Mime::Part> m_parts;
};

} // namespace MailSink::Ui
