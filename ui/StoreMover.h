#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QLockFile;

namespace MailSink::Ui {

// Moves a closed Mailsink store (Maildir new/ cur/ tmp/, the index, the generated certificate) into
// another folder. On one file system every entry is renamed; across file systems the files are copied,
// checked by size and synced to disk, and the originals are removed only by removeSource() once the copy
// opened as a store. The source's store lock is held from move() until the mover is destroyed, so no other
// Mailsink can take in mail there meanwhile.
class StoreMover
{
public:
    StoreMover(QString from, QString to);
    ~StoreMover();

    // Refuses a target that is not empty (two stores are never merged) or that lies inside the store, or
    // the store inside it.
    bool move();
    bool copied() const { return m_copied; } // the originals are still there
    void removeSource(); // after a copy that opened fine
    // The target did not open: puts everything back. False (and errorString()) if something could not be
    // put back; then nothing is deleted anywhere.
    bool rollBack();
    void releaseLock(); // before the source is opened again as a store
    QString errorString() const { return m_error; }

    static QStringList storeEntries(); // what belongs to a store, relative to its root

private:
    bool copyTree(const QString &from, const QString &to);
    static void removeEntries(const QString &root); // the store's own entries under root, nothing else

    QString m_from;
    QString m_to;
    QString m_error;
    bool m_copied = false;
    QStringList m_moved;
    QStringList m_copiedFiles;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace MailSink::Ui
