#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace MailSink::Store {

class MessageStore;

// A message being received: streamed into the Maildir's tmp/ as it arrives, never held in memory.
// Destroying an uncommitted writer removes its file, so nothing partial is ever left behind.
class MessageWriter
{
public:
    ~MessageWriter();
    MessageWriter(const MessageWriter &) = delete;
    MessageWriter &operator=(const MessageWriter &) = delete;

    bool write(QByteArrayView bytes);
    qint64 size() const { return m_size; }
    bool hasFailed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    const QByteArray &head() const { return m_head; } // the first bytes, enough for the header block
    const QByteArray &uniq() const { return m_uniq; }

    static constexpr qsizetype HeadLimit = 256 * 1024;

private:
    friend class MessageStore;
    MessageWriter(MessageStore *store, QByteArray uniq, QString tmpPath);
    int fileDescriptor() const; // -1 once closed
    bool syncAndClose(QString *error); // on the committer: flush the data (fdatasync), then close
    bool closeFile(QString *error); // on the committer: close, no flush (the journal holds the bytes)
    void discard();

    MessageStore *m_store;
    QByteArray m_uniq;
    QString m_tmpPath;
#ifdef Q_OS_UNIX
    int m_fd = -1;
#else
    QFile m_file;
#endif
    QByteArray m_head;
    qint64 m_size = 0;
    QString m_error;
    bool m_done = false; // committed or discarded
};

} // namespace MailSink::Store
