#pragma once

#include <QString>
#include <QStringList>

namespace MailSink::Ui {

// Moves a closed Mailsink store (Maildir new/ cur/ tmp/, the index, the generated certificate) into
// another folder. Within one file system every entry is renamed; across file systems the files are copied
// checked by size and synced to disk first, and the originals are removed only by removeSource() once the
// copy opened as a store.
class StoreMover
{
public:
    StoreMover(QString from, QString to);

    // The target must be empty or missing: two stores are never merged.
    bool move();
    bool copied() const { return m_copied; } // the originals are still there
    void removeSource(); // after a copy that opened fine
    void rollBack(); // the target did not open: put everything back
    QString errorString() const { return m_error; }

    static QStringList storeEntries(); // what belongs to a store, relative to its root

private:
    bool copyTree(const QString &from, const QString &to);

    QString m_from;
    QString m_to;
    QString m_error;
    bool m_copied = false;
    QStringList m_moved;
    QStringList m_copiedFiles;
};

} // namespace MailSink::Ui
