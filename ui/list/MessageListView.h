#pragma once

#include <QTableView>

namespace MailSink::Ui {

class MessageListModel;

// The table of stored messages: sortable, multi-select, Enter or double-click opens, drag gives .eml
// files. Keeps the selection (by message id) across model resets from sorting and filtering.
class MessageListView : public QTableView
{
    Q_OBJECT

public:
    explicit MessageListView(QWidget *parent = nullptr);

    void setMessageModel(MessageListModel *model);
    MessageListModel *messageModel() const { return m_model; }
    QList<qint64> selectedIds() const;
    void selectIds(const QList<qint64> &ids);

Q_SIGNALS:
    void openRequested(const QList<qint64> &ids);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    MessageListModel *m_model = nullptr;
    QList<qint64> m_keptSelection;
    qint64 m_keptCurrent = 0;
};

} // namespace MailSink::Ui
