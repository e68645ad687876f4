#include "message/ChecksView.h"

#include "common/Icons.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace MailSink::Ui {

namespace {

QString groupTitle(Lint::Severity severity, int count)
{
    switch (severity) {
    case Lint::Severity::Error:
        return ChecksView::tr("Errors (%1)").arg(count);
    case Lint::Severity::Warning:
        return ChecksView::tr("Warnings (%1)").arg(count);
    case Lint::Severity::Info:
        break;
    }
    return ChecksView::tr("Notes (%1)").arg(count);
}

} // namespace

ChecksView::ChecksView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_checks = new QTreeWidget(splitter);
    m_checks->setColumnCount(3);
    m_checks->setHeaderLabels({tr("Check"), tr("Reference"), tr("Part")});
    m_checks->setWordWrap(true);
    m_checks->setUniformRowHeights(false);
    m_checks->setRootIsDecorated(true);
    m_checks->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_checks->header()->setStretchLastSection(false);
    m_checks->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_checks->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_checks->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_checks->header()->resizeSection(1, 200);

    auto *clientsBox = new QWidget(splitter);
    auto *clientsLayout = new QVBoxLayout(clientsBox);
    clientsLayout->setContentsMargins(0, 0, 0, 0);
    m_clientsTitle = new QLabel(
        tr("<b>HTML support by client family</b> (offline data derived from caniemail.com)"), clientsBox);
    clientsLayout->addWidget(m_clientsTitle);
    m_clients = new QTreeWidget(clientsBox);
    m_clients->setColumnCount(3);
    m_clients->setHeaderLabels({tr("Client family"), tr("Not supported"), tr("Partly supported")});
    m_clients->setRootIsDecorated(false);
    m_clients->setWordWrap(true);
    m_clients->setUniformRowHeights(false);
    m_clients->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_clients->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_clients->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    clientsLayout->addWidget(m_clients);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setReport({});
}

QString ChecksView::summaryText() const
{
    return m_summary->text();
}

QString ChecksView::tabTitle(const Lint::Report &report)
{
    const int count = report.count(Lint::Severity::Error) + report.count(Lint::Severity::Warning);
    return count > 0 ? tr("Checks (%1)").arg(count) : tr("Checks");
}

QIcon ChecksView::tabIcon(const Lint::Report &report)
{
    if (report.count(Lint::Severity::Error) > 0)
        return Icons::checkSeverity(Lint::Severity::Error);
    if (report.count(Lint::Severity::Warning) > 0)
        return Icons::checkSeverity(Lint::Severity::Warning);
    return {};
}

void ChecksView::setReport(const Lint::Report &report)
{
    m_report = report;
    m_checks->clear();
    const int errors = report.count(Lint::Severity::Error);
    const int warnings = report.count(Lint::Severity::Warning);
    const int notes = report.count(Lint::Severity::Info);
    if (report.checks.isEmpty())
        m_summary->setText(tr("No problems found: the message passes every check."));
    else
        m_summary->setText(
            tr("%1 errors, %2 warnings, %3 notes. Errors break the message for some recipients; "
               "warnings cost deliverability or readability.")
                .arg(errors)
                .arg(warnings)
                .arg(notes));

    for (const Lint::Severity severity :
        {Lint::Severity::Error, Lint::Severity::Warning, Lint::Severity::Info}) {
        const int count = report.count(severity);
        if (count == 0)
            continue;
        auto *group = new QTreeWidgetItem(m_checks, {groupTitle(severity, count)});
        group->setIcon(0, Icons::checkSeverity(severity));
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
        for (const Lint::Check &check : report.checks) {
            if (check.severity != severity)
                continue;
            auto *item = new QTreeWidgetItem(group, {check.message, check.reference, check.part});
            item->setData(0, CheckIdRole, check.id);
            QString tip = check.id + u'\n' + check.message;
            for (const Lint::ClientSupport &client : check.clients) {
                tip += u'\n' + client.family + QStringLiteral(": ")
                    + (client.support == u"no" ? tr("not supported") : tr("partly supported"));
                for (const QString &note : client.notes)
                    tip += QStringLiteral("\n    ") + note;
            }
            item->setToolTip(0, tip);
            item->setToolTip(1, check.reference);
        }
        group->setExpanded(true);
    }

    m_clients->clear();
    const bool html = !report.clientSummary.isEmpty();
    m_clientsTitle->setVisible(html);
    m_clients->setVisible(html);
    for (const Lint::FamilySummary &family : report.clientSummary) {
        const bool fine = family.unsupported.isEmpty() && family.partial.isEmpty();
        auto *item = new QTreeWidgetItem(m_clients,
            {family.family,
                fine ? tr("— (supports every checked feature)")
                     : family.unsupported.join(QStringLiteral(", ")),
                family.partial.join(QStringLiteral(", "))});
        item->setIcon(0,
            !family.unsupported.isEmpty()   ? Icons::checkSeverity(Lint::Severity::Warning)
                : !family.partial.isEmpty() ? Icons::checkSeverity(Lint::Severity::Info)
                                            : QIcon());
        item->setToolTip(0, Lint::familySummaryLine(family));
    }
}

} // namespace MailSink::Ui
