#include "WorkerPool.h"

#include <QEventLoop>
#include <QObject>
#include <QThread>

#include <future>

namespace MailSink {

struct WorkerPool::Worker
{
    QObject *context = nullptr; // lives on the worker's thread while its loop runs
    QEventLoop *loop = nullptr;
    std::atomic<int> load {0};
    std::promise<void> stopped;
};

WorkerPool::WorkerPool(int workers)
{
    const int count = workers > 0 ? workers : std::max(1, QThread::idealThreadCount());
    m_pool.setMaxThreadCount(count);
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(QStringLiteral("mailsink-workers"));
    for (int i = 0; i < count; ++i) {
        auto worker = std::make_unique<Worker>();
        Worker *w = worker.get();
        std::promise<void> ready;
        std::future<void> started = ready.get_future();
        m_pool.start([w, &ready] {
            QObject context;
            QEventLoop loop;
            w->context = &context;
            w->loop = &loop;
            ready.set_value();
            loop.exec();
            // Whatever connection is still here goes with its worker (the pool is being destroyed).
            const QList<QObject *> left = context.children();
            qDeleteAll(left);
        });
        started.wait();
        m_workers.push_back(std::move(worker));
    }
}

WorkerPool::~WorkerPool()
{
    for (const auto &worker : m_workers)
        QMetaObject::invokeMethod(
            worker->context, [loop = worker->loop] { loop->quit(); }, Qt::QueuedConnection);
    m_pool.waitForDone();
}

void WorkerPool::start(std::function<QObject *()> make)
{
    Worker *best = m_workers.front().get();
    for (const auto &worker : m_workers) {
        if (worker->load.load() < best->load.load())
            best = worker.get();
    }
    ++best->load;
    ++m_live;
    QMetaObject::invokeMethod(
        best->context,
        [this, best, make = std::move(make)] {
            QObject *connection = make();
            if (!connection) {
                finished(best);
                return;
            }
            connection->setParent(best->context);
            QObject::connect(
                connection, &QObject::destroyed, best->context, [this, best] { finished(best); },
                Qt::DirectConnection);
        },
        Qt::QueuedConnection);
}

void WorkerPool::finished(Worker *worker)
{
    --worker->load;
    if (--m_live == 0) {
        std::lock_guard lock(m_mutex);
        m_idle.notify_all();
    }
}

bool WorkerPool::waitForDone(int msecs)
{
    std::unique_lock lock(m_mutex);
    const auto done = [this] { return m_live.load() == 0; };
    if (msecs < 0) {
        m_idle.wait(lock, done);
        return true;
    }
    return m_idle.wait_for(lock, std::chrono::milliseconds(msecs), done);
}

} // namespace MailSink
