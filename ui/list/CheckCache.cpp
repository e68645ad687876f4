#include "list/CheckCache.h"

#include "lint/MailLint.h"
#include "store/MessageStore.h"

#include <QtConcurrent/QtConcurrentRun>

namespace MailSink::Ui {

CheckCache::CheckCache(Store::MessageStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &CheckCache::handleFinished);
}

CheckCache::~CheckCache()
{
    m_watcher.waitForFinished();
}

CheckCache::Result CheckCache::check(const Store::MessageStore *store, qint64 id, quint64 generation)
{
    Result result {id, generation, std::nullopt};
    const auto info = store->message(id);
    const auto raw = info ? store->readMessage(id) : std::nullopt;
    if (!raw)
        return result;
    const Lint::Report report = Lint::MailLint::run(*raw, Lint::Transport::fromEnvelope(info->envelope));
    Counts counts;
    counts.errors = report.count(Lint::Severity::Error);
    counts.warnings = report.count(Lint::Severity::Warning);
    if (!report.checks.isEmpty() && report.checks.front().severity != Lint::Severity::Info)
        counts.first = report.checks.front().message;
    result.counts = counts;
    return result;
}

std::optional<CheckCache::Counts> CheckCache::counts(qint64 id)
{
    const auto it = m_done.constFind(id);
    if (it != m_done.constEnd())
        return *it;
    if (m_failed.contains(id) || id == m_running)
        return std::nullopt;
    if (m_queued.contains(id)) {
        m_queue.removeOne(id); // asked again: it is visible now, so it goes first
    } else {
        m_queued.insert(id);
    }
    m_queue.append(id);
    while (m_queue.size() > QueueLimit)
        m_queued.remove(m_queue.takeFirst());
    startNext();
    return std::nullopt;
}

void CheckCache::startNext()
{
    if (m_watcher.isRunning() || m_queue.isEmpty())
        return;
    const qint64 id = m_queue.takeLast();
    m_running = id;
    m_watcher.setFuture(QtConcurrent::run(&CheckCache::check, m_store, id, m_generation));
}

void CheckCache::handleFinished()
{
    const Result result = m_watcher.result();
    m_running = 0;
    if (result.generation == m_generation && m_queued.remove(result.id)) {
        if (result.counts) {
            m_done.insert(result.id, *result.counts);
            Q_EMIT ready(result.id);
        } else {
            m_failed.insert(result.id);
        }
    }
    startNext();
}

void CheckCache::forget(const QList<qint64> &ids)
{
    for (qint64 id : ids) {
        m_done.remove(id);
        m_failed.remove(id);
        if (m_queued.remove(id))
            m_queue.removeOne(id);
    }
}

void CheckCache::clear()
{
    ++m_generation;
    m_queue.clear();
    m_queued.clear();
    m_done.clear();
    m_failed.clear();
    m_watcher.waitForFinished();
    m_running = 0;
}

} // namespace MailSink::Ui
