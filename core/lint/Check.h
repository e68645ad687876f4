#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace MailSink::Lint {

enum class Severity { Error, Warning, Info };

// How one client family renders an HTML feature (from the caniemail table).
struct ClientSupport
{
    QString family; // display name, e.g. "Outlook (Windows)"
    QString support; // "no" or "partial"
    QStringList notes; // caniemail's notes for the partial or missing results
};

// One finding about a message as sent: what is wrong, how bad, and where the rule comes from.
struct Check
{
    QString id; // stable, kebab-case: "date-missing", "html-flexbox", ...
    Severity severity = Severity::Warning;
    QString message; // one English sentence
    QString reference; // "RFC 5322 section 3.6", "caniemail: css-display-flex", ...
    QString part; // IMAP part path, empty for the whole message
    QList<ClientSupport> clients; // HTML feature and size checks: who is affected
};

// Per client family: the HTML features a message uses that it does not or only partly supports.
struct FamilySummary
{
    QString family;
    QStringList unsupported; // feature titles
    QStringList partial;
};

// What MailLint found in one message.
struct Report
{
    QList<Check> checks; // errors first, then warnings, then notes; in message order within each
    QList<FamilySummary> clientSummary; // every family of the table when the message has HTML, else empty

    int count(Severity severity) const;
    QJsonObject toJson() const; // {"checks": [...], "client_support": [...]}
};

QString severityName(Severity severity); // "error", "warning", "info"
int countSeverity(const QList<Check> &checks, Severity severity);

QJsonObject toJson(const Check &check);
QJsonArray checksJson(const QList<Check> &checks);
QJsonArray familySummaryJson(const QList<FamilySummary> &summary);

// The lines `mailsink inspect` prints: one per check, then one per client family.
QString checksText(const QList<Check> &checks, const QList<FamilySummary> &summary);
// "Gmail: not supported: position; partial: <style> element", or "... supports everything used".
QString familySummaryLine(const FamilySummary &summary);

} // namespace MailSink::Lint

Q_DECLARE_METATYPE(MailSink::Lint::Check)
Q_DECLARE_METATYPE(MailSink::Lint::Report)
