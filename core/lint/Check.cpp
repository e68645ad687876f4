#include "Check.h"

namespace MailSink::Lint {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

int countSeverity(const QList<Check> &checks, Severity severity)
{
    int count = 0;
    for (const Check &check : checks)
        count += check.severity == severity ? 1 : 0;
    return count;
}

int Report::count(Severity severity) const
{
    return countSeverity(checks, severity);
}

QJsonObject Report::toJson() const
{
    return QJsonObject {{QStringLiteral("checks"), checksJson(checks)},
        {QStringLiteral("client_support"), familySummaryJson(clientSummary)}};
}

QJsonObject toJson(const Check &check)
{
    QJsonObject object {
        {QStringLiteral("id"), check.id},
        {QStringLiteral("severity"), severityName(check.severity)},
        {QStringLiteral("message"), check.message},
        {QStringLiteral("reference"), check.reference},
        {QStringLiteral("part"),
            check.part.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(check.part)},
    };
    if (!check.clients.isEmpty()) {
        QJsonArray clients;
        for (const ClientSupport &client : check.clients)
            clients.append(QJsonObject {{QStringLiteral("family"), client.family},
                {QStringLiteral("support"), client.support},
                {QStringLiteral("notes"), QJsonArray::fromStringList(client.notes)}});
        object.insert(QStringLiteral("clients"), clients);
    }
    return object;
}

QJsonArray checksJson(const QList<Check> &checks)
{
    QJsonArray array;
    for (const Check &check : checks)
        array.append(toJson(check));
    return array;
}

QJsonArray familySummaryJson(const QList<FamilySummary> &summary)
{
    QJsonArray array;
    for (const FamilySummary &family : summary)
        array.append(QJsonObject {{QStringLiteral("family"), family.family},
            {QStringLiteral("unsupported"), QJsonArray::fromStringList(family.unsupported)},
            {QStringLiteral("partial"), QJsonArray::fromStringList(family.partial)}});
    return array;
}

QString familySummaryLine(const FamilySummary &summary)
{
    QStringList pieces;
    if (!summary.unsupported.isEmpty())
        pieces.append(QStringLiteral("not supported: ") + summary.unsupported.join(QStringLiteral(", ")));
    if (!summary.partial.isEmpty())
        pieces.append(QStringLiteral("partly supported: ") + summary.partial.join(QStringLiteral(", ")));
    if (pieces.isEmpty())
        return summary.family + QStringLiteral(": supports every checked feature the HTML uses");
    return summary.family + QStringLiteral(": ") + pieces.join(QStringLiteral("; "));
}

QString checksText(const QList<Check> &checks, const QList<FamilySummary> &summary)
{
    QString out;
    if (checks.isEmpty()) {
        out += QStringLiteral("Checks: none fired\n");
    } else {
        out += QStringLiteral("Checks (%1 errors, %2 warnings, %3 notes):\n")
                   .arg(countSeverity(checks, Severity::Error))
                   .arg(countSeverity(checks, Severity::Warning))
                   .arg(countSeverity(checks, Severity::Info));
        for (const Check &check : checks) {
            out += QStringLiteral("  %1 %2").arg(severityName(check.severity), -8).arg(check.id);
            if (!check.part.isEmpty())
                out += QStringLiteral(" (part %1)").arg(check.part);
            out += QStringLiteral(": ") + check.message + QStringLiteral(" [") + check.reference
                + QStringLiteral("]\n");
        }
    }
    if (!summary.isEmpty()) {
        out += QStringLiteral("\nHTML support by client family (caniemail data):\n");
        for (const FamilySummary &family : summary)
            out += QStringLiteral("  ") + familySummaryLine(family) + u'\n';
    }
    return out;
}

} // namespace MailSink::Lint
