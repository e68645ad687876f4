#pragma once

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Internal to core/store: the index connections shared by MessageStore.cpp and MessageCommit.cpp.
namespace MailSink::Store::Index {

inline constexpr const char *File = "mailsink-index.sqlite";

// One connection per thread and name, in WAL mode. `fullSync` flushes the WAL at every commit
// (synchronous=FULL); otherwise a commit is durable once a later FULL commit or checkpoint flushes it.
QSqlDatabase connection(const QString &name, const QString &path, bool fullSync);
QString sqlError(const QSqlQuery &query);

} // namespace MailSink::Store::Index
