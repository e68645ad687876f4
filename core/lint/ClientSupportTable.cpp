#include "ClientSupportTable.h"

#include "CanIEmailData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace MailSink::Lint {

ClientSupportTable::ClientSupportTable()
{
    const QJsonObject root = QJsonDocument::fromJson(QByteArray(CanIEmailJson)).object();
    m_commit = root.value(QStringLiteral("source")).toObject().value(QStringLiteral("commit")).toString();
    m_date = root.value(QStringLiteral("source")).toObject().value(QStringLiteral("date")).toString();
    for (const QJsonValue &value : root.value(QStringLiteral("families")).toArray()) {
        const QJsonObject family = value.toObject();
        m_families.append(
            {family.value(QStringLiteral("id")).toString(), family.value(QStringLiteral("name")).toString()});
    }
    for (const QJsonValue &value : root.value(QStringLiteral("features")).toArray()) {
        const QJsonObject object = value.toObject();
        Feature feature;
        feature.id = object.value(QStringLiteral("id")).toString();
        feature.title = object.value(QStringLiteral("title")).toString();
        feature.source = object.value(QStringLiteral("caniemail")).toString();
        const QJsonObject support = object.value(QStringLiteral("support")).toObject();
        // In the order of the families, not of the JSON object's keys.
        for (const Family &family : std::as_const(m_families)) {
            const QJsonObject entry = support.value(family.id).toObject();
            if (entry.isEmpty())
                continue;
            QStringList notes;
            for (const QJsonValue &note : entry.value(QStringLiteral("notes")).toArray())
                notes.append(note.toString());
            feature.support.append({family.id, entry.value(QStringLiteral("summary")).toString(), notes});
        }
        m_features.append(feature);
    }
}

const ClientSupportTable &ClientSupportTable::instance()
{
    static const ClientSupportTable table;
    return table;
}

const ClientSupportTable::Feature *ClientSupportTable::feature(const QString &id) const
{
    for (const Feature &feature : m_features) {
        if (feature.id == id)
            return &feature;
    }
    return nullptr;
}

QString ClientSupportTable::familyName(const QString &familyId) const
{
    for (const Family &family : m_families) {
        if (family.id == familyId)
            return family.name;
    }
    return familyId;
}

} // namespace MailSink::Lint
