#include "MessageWriter.h"

#include "MessageStore.h"

namespace MailSink::Store {

MessageWriter::MessageWriter(MessageStore *store, QByteArray uniq, QString tmpPath)
    : m_store(store)
    , m_uniq(std::move(uniq))
    , m_tmpPath(std::move(tmpPath))
    , m_file(m_tmpPath)
{
    if (m_store->injectFault(MessageStore::Fault::Create)) {
        m_error = QStringLiteral("cannot create %1: injected failure").arg(m_tmpPath);
        return;
    }
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
        m_error = QStringLiteral("cannot create %1: %2").arg(m_tmpPath, m_file.errorString());
}

MessageWriter::~MessageWriter()
{
    discard();
}

bool MessageWriter::write(QByteArrayView bytes)
{
    if (hasFailed())
        return false;
    if (m_head.size() < HeadLimit)
        m_head.append(bytes.first(std::min<qsizetype>(bytes.size(), HeadLimit - m_head.size())));
    if (m_store->injectFault(MessageStore::Fault::Write)) {
        m_error
            = QStringLiteral("cannot write %1: injected failure (no space left on device)").arg(m_tmpPath);
        return false;
    }
    qsizetype done = 0;
    while (done < bytes.size()) {
        const qint64 n = m_file.write(bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            m_error = QStringLiteral("cannot write %1: %2").arg(m_tmpPath, m_file.errorString());
            return false;
        }
        done += n;
    }
    m_size += bytes.size();
    return true;
}

bool MessageWriter::closeFile()
{
    if (m_file.isOpen())
        m_file.close();
    if (m_file.error() != QFileDevice::NoError && m_error.isEmpty())
        m_error = QStringLiteral("cannot write %1: %2").arg(m_tmpPath, m_file.errorString());
    return !hasFailed();
}

void MessageWriter::discard()
{
    if (m_done)
        return;
    m_done = true;
    m_file.close();
    QFile::remove(m_tmpPath);
}

} // namespace MailSink::Store
