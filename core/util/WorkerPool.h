#pragma once

#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QObject;

namespace MailSink {

// Long-lived event-loop workers for the SMTP and POP3 servers: each worker is a task of a dedicated
// QThreadPool that runs a QEventLoop and serves many connections, so a thousand idle sessions cost a
// thousand sockets, not a thousand threads (and no task switch per command). One worker per core by
// default. A connection is a QObject made on its worker's thread; it counts as live until it is destroyed
// (a connection ends itself with deleteLater()).
class WorkerPool
{
public:
    explicit WorkerPool(int workers = 0); // 0: QThread::idealThreadCount()
    ~WorkerPool(); // ends every loop; call waitForDone() first to let connections finish
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    int size() const { return int(m_workers.size()); }
    // Runs `make` on the least busy worker's thread; the object it returns (may be null) is live until
    // destroyed. Thread-safe.
    void start(std::function<QObject *()> make);
    int live() const { return m_live.load(); }
    // Waits until no connection is live; false on time-out (msecs < 0: no limit). Thread-safe.
    bool waitForDone(int msecs = -1);

private:
    struct Worker;
    void finished(Worker *worker);

    QThreadPool m_pool;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::atomic<int> m_live {0};
    std::mutex m_mutex;
    std::condition_variable m_idle;
};

} // namespace MailSink
