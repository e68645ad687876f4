#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace MailSink::Lint {

// The offline table of HTML feature support per client family, derived from the public caniemail.com
// data (core/lint/caniemail.json, made by derive_caniemail.py) and compiled into the binary.
class ClientSupportTable
{
public:
    struct Support
    {
        QString familyId;
        QString summary; // "yes", "no" or "partial"
        QStringList notes;
    };
    struct Feature
    {
        QString id; // "flexbox", ...
        QString title; // "display:flex (flexbox)"
        QString source; // caniemail feature name, "css-display-flex"
        QList<Support> support;
    };
    struct Family
    {
        QString id;
        QString name;
    };

    static const ClientSupportTable &instance(); // parsed once, thread-safe, immutable

    const QList<Family> &families() const { return m_families; }
    const Feature *feature(const QString &id) const; // nullptr for an unknown id
    QString familyName(const QString &familyId) const;
    QString sourceCommit() const { return m_commit; }
    QString sourceDate() const { return m_date; }

private:
    ClientSupportTable();

    QList<Family> m_families;
    QList<Feature> m_features;
    QString m_commit;
    QString m_date;
};

} // namespace MailSink::Lint
