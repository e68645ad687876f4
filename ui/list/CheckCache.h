#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <optional>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

// The result of MailLint for the rows of the message list, computed lazily off the GUI thread: a row
// asks, a worker reads, parses and checks the message (one at a time, so the list never competes with
// the servers for both cores), and `ready` tells the model to repaint that row.
class CheckCache : public QObject
{
    Q_OBJECT

public:
    struct Counts
    {
        int errors = 0;
        int warnings = 0;
        QString first; // the first error or warning, for the tooltip
    };

    explicit CheckCache(Store::MessageStore *store, QObject *parent = nullptr);
    ~CheckCache() override;

    // The counts when known; otherwise queues the message (the most recently asked first) and returns none.
    std::optional<Counts> counts(qint64 id);
    void forget(const QList<qint64> &ids);
    // Drops everything and waits for the worker (before the store closes or changes).
    void clear();

    static constexpr int QueueLimit = 256; // ids asked for long ago (scrolled past) are dropped

Q_SIGNALS:
    void ready(qint64 id);

private:
    struct Result
    {
        qint64 id = 0;
        quint64 generation = 0;
        std::optional<Counts> counts; // none when the message could not be read
    };
    static Result check(const Store::MessageStore *store, qint64 id, quint64 generation);
    void startNext();
    void handleFinished();

    Store::MessageStore *m_store;
    QHash<qint64, Counts> m_done;
    QList<qint64> m_queue; // newest request last
    QSet<qint64> m_queued;
    QSet<qint64> m_failed;
    quint64 m_generation = 0;
    qint64 m_running = 0; // the id the worker has, 0 when idle
    QFutureWatcher<Result> m_watcher;
};

} // namespace MailSink::Ui
