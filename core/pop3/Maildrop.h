#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace MailSink::Pop3 {

// One message of a session's maildrop snapshot (RFC 1939 5: numbers and sizes fixed for the session).
struct MaildropMessage
{
    qint64 id = 0; // store id
    QByteArray uid; // UIDL value: 1-70 printable characters, stable across sessions
    qint64 size = 0; // octets as sent by RETR before byte-stuffing (CRLF line endings)
};

// What a Pop3Session needs from the mail store. The session calls it synchronously; the
// implementation over MessageStore is StoreMaildrop, tests use an in-memory one.
class Maildrop
{
public:
    enum class OpenStatus { Opened, InUse, Failed };
    struct OpenResult
    {
        OpenStatus status = OpenStatus::Failed;
        QList<MaildropMessage> messages; // message 1 first
        QString error;
    };

    virtual ~Maildrop() = default;

    // Takes the exclusive lock on `user`'s maildrop (RFC 1939 4) and the snapshot of its messages.
    virtual OpenResult open(const QByteArray &user) = 0;
    // The stored bytes, line endings as stored; nullopt when the message is gone or unreadable.
    virtual std::optional<QByteArray> read(const MaildropMessage &message, QString *error) = 0;
    virtual void markSeen(const MaildropMessage &message) = 0;
    // The UPDATE state (RFC 1939 6): removes the messages marked as deleted.
    virtual bool remove(const QList<qint64> &ids, QString *error) = 0;
    // Releases the lock taken by open(); does nothing when none is held.
    virtual void release() = 0;
};

} // namespace MailSink::Pop3
