#include "StoreIndex.h"

#include <QSqlError>

Q_LOGGING_CATEGORY(lcStore, "mailsink.store")

namespace MailSink::Store::Index {

QSqlDatabase connection(const QString &name, const QString &path, bool fullSync)
{
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return db;
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    // FULL flushes the WAL at every commit. The committer's connection is NORMAL while the journal holds
    // what a crash could take from the index; readers only write flags, which may trail.
    query.exec(
        fullSync ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"));
    query.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    return db;
}

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

} // namespace MailSink::Store::Index
