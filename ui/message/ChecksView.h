#pragma once

#include "lint/Check.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace MailSink::Ui {

// The Checks tab of a message window: what MailLint found, grouped by severity (each with its reference
// and part), and for HTML mail one line per client family saying which features it lacks.
class ChecksView : public QWidget
{
    Q_OBJECT

public:
    enum { CheckIdRole = Qt::UserRole + 1 };

    explicit ChecksView(QWidget *parent = nullptr);

    void setReport(const Lint::Report &report);
    const Lint::Report &report() const { return m_report; }

    QString summaryText() const;
    QTreeWidget *checkList() const { return m_checks; }
    QTreeWidget *clientTable() const { return m_clients; }

    // "Checks (3)" counting errors and warnings, and the icon of the worst severity (none when clean).
    static QString tabTitle(const Lint::Report &report);
    static QIcon tabIcon(const Lint::Report &report);

private:
    Lint::Report m_report;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_checks = nullptr;
    QLabel *m_clientsTitle = nullptr;
    QTreeWidget *m_clients = nullptr;
};

} // namespace MailSink::Ui
