#include "CommitJournal.h"

#include "DurableSync.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <map>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace MailSink::Store {

namespace {

constexpr quint32 Magic = 0x314A534D; // "MSJ1"
constexpr qsizetype HeaderSize = 32;
constexpr qint64 ZeroChunk = 256 * 1024; // how far ahead of the records a segment is zero-filled
constexpr qint64 InvalidateSize = 4096;
enum RecordType : quint32 { MessageRecord = 1, TombstoneRecord = 2 };

// Detects torn and stale records; nothing adversarial reaches the journal, so a fast 64-bit mix does.
quint64 checksum(const char *data, qsizetype size, quint64 hash = 0x243F6A8885A308D3ULL)
{
    auto mix = [](quint64 h, quint64 word) {
        h ^= word;
        h *= 0x9E3779B97F4A7C15ULL;
        return h ^ (h >> 32);
    };
    while (size >= 8) {
        hash = mix(hash, qFromLittleEndian<quint64>(data));
        data += 8;
        size -= 8;
    }
    uchar tail[8] = {};
    std::memcpy(tail, data, size_t(size));
    return mix(hash, qFromLittleEndian<quint64>(tail) ^ (quint64(size) << 56));
}

qsizetype padded(qsizetype size)
{
    return (size + 7) & ~qsizetype(7);
}

void appendField(QByteArray &out, const QByteArray &field)
{
    char length[4];
    qToLittleEndian<quint32>(quint32(field.size()), length);
    out.append(length, 4);
    out.append(field);
}

bool takeField(QByteArrayView &in, QByteArray *field)
{
    if (in.size() < 4)
        return false;
    const quint32 length = qFromLittleEndian<quint32>(in.data());
    if (in.size() - 4 < qsizetype(length))
        return false;
    *field = in.sliced(4, length).toByteArray();
    in = in.sliced(4 + length);
    return true;
}

QByteArray record(RecordType type, quint64 sequence, const QByteArray &payload)
{
    QByteArray out(padded(HeaderSize + payload.size()), '\0');
    char *header = out.data();
    qToLittleEndian<quint32>(Magic, header);
    qToLittleEndian<quint32>(type, header + 4);
    qToLittleEndian<quint64>(sequence, header + 8);
    qToLittleEndian<quint32>(quint32(payload.size()), header + 16);
    std::memcpy(header + HeaderSize, payload.constData(), size_t(payload.size()));
    const quint64 sum = checksum(header + HeaderSize, payload.size(), checksum(header, 24));
    qToLittleEndian<quint64>(sum, header + 24);
    return out;
}

QByteArray messagePayload(const CommitJournal::Entry &entry)
{
    QByteArray payload;
    payload.reserve(
        12 + entry.uniq.size() + entry.envelopeJson.size() + entry.traceJson.size() + entry.body.size());
    appendField(payload, entry.uniq);
    appendField(payload, entry.envelopeJson);
    appendField(payload, entry.traceJson);
    payload.append(entry.body);
    return payload;
}

} // namespace

CommitJournal::CommitJournal(QString folder, Options options)
    : m_folder(std::move(folder))
    , m_options(options)
{ }

CommitJournal::~CommitJournal() = default;

QString CommitJournal::slotPath(int slot) const
{
    return m_folder + QStringLiteral("/%1.seg").arg(slot);
}

bool CommitJournal::openSlot(int slot, QString *error)
{
    Segment &segment = m_segments[size_t(slot)];
    if (segment.file)
        return true;
    auto file = std::make_unique<QFile>(slotPath(slot));
    if (!file->open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        *error = QStringLiteral("cannot open the journal segment %1: %2")
                     .arg(file->fileName(), file->errorString());
        return false;
    }
    segment.zeroed = file->size();
    segment.file = std::move(file);
    return true;
}

bool CommitJournal::open(QString *error)
{
    if (!QDir().mkpath(m_folder)) {
        *error = QStringLiteral("cannot create the journal folder %1").arg(m_folder);
        return false;
    }
    int slotCount = m_options.maxSegments;
    const QStringList names = QDir(m_folder).entryList({QStringLiteral("*.seg")}, QDir::Files);
    for (const QString &name : names) {
        bool ok = false;
        const int slot = name.chopped(4).toInt(&ok);
        if (ok && slot >= 0)
            slotCount = std::max(slotCount, slot + 1);
    }
    std::lock_guard lock(m_mutex);
    m_segments.clear();
    m_segments.resize(size_t(slotCount));
    m_live.clear();
    m_recovered.clear();

    std::vector<std::pair<quint64, std::vector<std::pair<int, QByteArray>>>> found; // per slot
    std::vector<int> foundSlot;
    quint64 highest = 0;
    for (int slot = 0; slot < slotCount; ++slot) {
        if (!QFile::exists(slotPath(slot)))
            continue;
        if (!openSlot(slot, error))
            return false;
        const size_t before = found.size();
        readSlot(slot, found);
        if (found.size() > before) {
            foundSlot.push_back(slot);
            highest = std::max(highest, found.back().first);
        }
    }
    std::vector<size_t> order(found.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(
        order.begin(), order.end(), [&](size_t a, size_t b) { return found[a].first < found[b].first; });

    // Replay in append order: a tombstone removes what came before it.
    std::map<std::string, std::pair<int, Entry>> messages; // uniq -> (slot, entry)
    std::vector<std::string> appendOrder;
    for (size_t index : order) {
        const int slot = foundSlot[index];
        Segment &segment = m_segments[size_t(slot)];
        segment.state = State::Sealed;
        segment.sequence = found[index].first;
        segment.lastAppend = std::chrono::steady_clock::now();
        for (auto &[type, payload] : found[index].second) {
            QByteArrayView in(payload);
            if (type == MessageRecord) {
                Entry entry;
                if (!takeField(in, &entry.uniq) || !takeField(in, &entry.envelopeJson)
                    || !takeField(in, &entry.traceJson))
                    continue;
                entry.body = in.toByteArray();
                const std::string key = entry.uniq.toStdString();
                if (!messages.count(key))
                    appendOrder.push_back(key);
                messages[key] = {slot, std::move(entry)};
            } else if (type == TombstoneRecord) {
                QByteArray uniq;
                while (takeField(in, &uniq))
                    messages.erase(uniq.toStdString());
            }
        }
    }
    for (const std::string &key : appendOrder) {
        auto it = messages.find(key);
        if (it == messages.end())
            continue;
        m_live[key] = it->second.first;
        m_segments[size_t(it->second.first)].uniqs.append(it->second.second.uniq);
        m_recovered.push_back(std::move(it->second.second));
        messages.erase(it);
    }
    // Never the sequence of anything a slot may still hold: stale records must not check out.
    const quint64 now = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000;
    m_nextSequence = std::max(highest + 1, now);
    m_stopping = false;
    return true;
}

void CommitJournal::readSlot(
    int slot, std::vector<std::pair<quint64, std::vector<std::pair<int, QByteArray>>>> &out)
{
    Segment &segment = m_segments[size_t(slot)];
    segment.file->seek(0);
    const QByteArray data = segment.file->read(m_options.segmentSize);
    std::vector<std::pair<int, QByteArray>> records;
    quint64 sequence = 0;
    qsizetype pos = 0;
    while (data.size() - pos >= HeaderSize) {
        const char *header = data.constData() + pos;
        if (qFromLittleEndian<quint32>(header) != Magic)
            break;
        const quint32 type = qFromLittleEndian<quint32>(header + 4);
        const quint64 seq = qFromLittleEndian<quint64>(header + 8);
        const qsizetype length = qFromLittleEndian<quint32>(header + 16);
        if (length > data.size() - pos - HeaderSize || (sequence && seq != sequence))
            break;
        const quint64 sum = checksum(header + HeaderSize, length, checksum(header, 24));
        if (sum != qFromLittleEndian<quint64>(header + 24))
            break;
        sequence = seq;
        records.emplace_back(int(type), QByteArray(header + HeaderSize, length));
        pos += padded(HeaderSize + length);
    }
    segment.used = pos;
    if (!records.empty())
        out.emplace_back(sequence, std::move(records));
}

bool CommitJournal::fits(const Entry &entry) const
{
    return padded(HeaderSize + 12 + entry.uniq.size() + entry.envelopeJson.size() + entry.traceJson.size()
               + entry.body.size())
        <= m_options.segmentSize;
}

int CommitJournal::currentSlot(std::unique_lock<std::mutex> &lock, qint64 need, QString *error)
{
    for (;;) {
        int freeSlot = -1, inUse = 0;
        for (size_t slot = 0; slot < m_segments.size(); ++slot) {
            Segment &segment = m_segments[slot];
            if (segment.state == State::Current) {
                if (segment.used + need <= m_options.segmentSize)
                    return int(slot);
                segment.state = State::Sealed; // full: the next one takes over
                m_changed.notify_all();
            }
            if (segment.state == State::Free) {
                if (freeSlot < 0)
                    freeSlot = int(slot);
            } else {
                ++inUse;
            }
        }
        if (freeSlot >= 0 && inUse < m_options.maxSegments) {
            if (!openSlot(freeSlot, error))
                return -1;
            Segment &segment = m_segments[size_t(freeSlot)];
            segment.state = State::Current;
            segment.sequence = m_nextSequence++;
            segment.used = 0;
            segment.uniqs.clear();
            return freeSlot;
        }
        if (m_stopping) {
            *error = QStringLiteral("the journal is closing");
            return -1;
        }
        // Every slot waits for its checkpoint: the disk is slower than the load, so is ingestion.
        m_starved = true;
        m_changed.notify_all();
        m_changed.wait(lock);
        m_starved = false;
    }
}

bool CommitJournal::writeRecords(std::unique_lock<std::mutex> &lock, const std::vector<QByteArray> &records,
    const std::vector<QByteArray> &uniqs, QString *error)
{
    size_t next = 0;
    while (next < records.size()) {
        const int slot = currentSlot(lock, records[next].size(), error);
        if (slot < 0)
            return false;
        Segment &segment = m_segments[size_t(slot)];
        QByteArray buffer;
        const size_t first = next;
        while (next < records.size()
            && segment.used + buffer.size() + records[next].size() <= m_options.segmentSize)
            buffer.append(records[next++]);
        const qint64 end = segment.used + buffer.size();
        qint64 zeroed = segment.zeroed;
        if (end > segment.zeroed) {
            // Zeros ahead, so that the next flushes write data only: no size or block map to update.
            zeroed = std::min(m_options.segmentSize, (end + ZeroChunk - 1) / ZeroChunk * ZeroChunk);
            buffer.append(QByteArray(zeroed - end, '\0'));
        }
        QString why;
        const bool written = segment.file->seek(segment.used) && segment.file->write(buffer) == buffer.size();
        if (!written)
            why = segment.file->errorString();
        if (!written || !DurableSync::syncFileData(int(segment.file->handle()), &why)) {
            *error = QStringLiteral("cannot write the journal %1: %2").arg(segment.file->fileName(), why);
            // What was written may have reached the disk in part; a later record must not follow it.
            segment.state = State::Sealed;
            segment.used = m_options.segmentSize;
            return false;
        }
        segment.used = end;
        segment.zeroed = std::max(segment.zeroed, zeroed);
        segment.lastAppend = std::chrono::steady_clock::now();
        for (size_t i = first; i < next; ++i) {
            if (!uniqs[i].isEmpty()) {
                segment.uniqs.append(uniqs[i]);
                m_live[uniqs[i].toStdString()] = slot;
            }
        }
    }
    return true;
}

bool CommitJournal::append(const std::vector<const Entry *> &entries, QString *error)
{
    std::vector<QByteArray> payloads;
    payloads.reserve(entries.size());
    for (const Entry *entry : entries)
        payloads.push_back(messagePayload(*entry));
    std::unique_lock lock(m_mutex);
    size_t done = 0;
    while (done < payloads.size()) {
        // A record's header carries its segment's sequence: framed for the segment it goes into.
        const int slot = currentSlot(lock, padded(HeaderSize + payloads[done].size()), error);
        if (slot < 0)
            return false;
        const Segment &segment = m_segments[size_t(slot)];
        std::vector<QByteArray> chunk, chunkUniqs;
        qint64 room = m_options.segmentSize - segment.used;
        while (done < payloads.size()) {
            QByteArray framed = record(MessageRecord, segment.sequence, payloads[done]);
            if (framed.size() > room)
                break;
            room -= framed.size();
            chunk.push_back(std::move(framed));
            chunkUniqs.push_back(entries[done]->uniq);
            ++done;
        }
        if (chunk.empty()) {
            *error = QStringLiteral("a message is too large for the journal");
            return false;
        }
        m_unsettled.push_back(slot);
        if (!writeRecords(lock, chunk, chunkUniqs, error))
            return false;
    }
    return true;
}

void CommitJournal::settle()
{
    std::lock_guard lock(m_mutex);
    // The checkpointer waits only for a sealed segment; waking it after every batch would cost a task
    // switch a batch for nothing.
    const bool awaited = std::any_of(m_unsettled.begin(), m_unsettled.end(),
        [this](int slot) { return m_segments[size_t(slot)].state == State::Sealed; });
    m_unsettled.clear();
    if (awaited)
        m_changed.notify_all();
}

void CommitJournal::forget(const QList<QByteArray> &uniqs)
{
    std::unique_lock lock(m_mutex);
    QByteArray payload;
    for (const QByteArray &uniq : uniqs) {
        auto it = m_live.find(uniq.toStdString());
        if (it == m_live.end())
            continue;
        m_segments[size_t(it->second)].uniqs.removeOne(uniq);
        m_live.erase(it);
        appendField(payload, uniq);
    }
    if (payload.isEmpty())
        return;
    QString error;
    qsizetype pos = 0;
    while (pos < payload.size()) {
        // Whole fields, at most a quarter of a segment per record.
        qsizetype end = pos;
        while (end < payload.size()) {
            const qsizetype field = 4 + qFromLittleEndian<quint32>(payload.constData() + end);
            if (end > pos && end + field - pos > m_options.segmentSize / 4)
                break;
            end += field;
        }
        const QByteArray part = payload.mid(pos, end - pos);
        pos = end;
        const int slot = currentSlot(lock, padded(HeaderSize + part.size()), &error);
        if (slot < 0
            || !writeRecords(lock, {record(TombstoneRecord, m_segments[size_t(slot)].sequence, part)},
                {QByteArray()}, &error)) {
            qCWarning(lcStore).noquote() << "cannot record a deletion in the journal:" << error;
            return;
        }
    }
}

std::optional<CommitJournal::Checkpoint> CommitJournal::waitForDue()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_stopping)
            return std::nullopt;
        const auto now = std::chrono::steady_clock::now();
        int oldest = -1, current = -1, inUse = 0;
        for (size_t slot = 0; slot < m_segments.size(); ++slot) {
            const Segment &segment = m_segments[slot];
            if (segment.state != State::Free)
                ++inUse;
            if (segment.state == State::Current)
                current = int(slot);
            if (segment.state == State::Sealed
                && (oldest < 0 || segment.sequence < m_segments[size_t(oldest)].sequence))
                oldest = int(slot);
        }
        const bool pressure = m_starved || inUse * 2 > m_options.maxSegments;
        // Oldest first, and never one the batch being committed wrote to (it is not in new/ yet). A batch
        // (at most 512 messages of 64 KiB) never fills every segment, so the committer cannot wait for it.
        const bool unsettled
            = oldest >= 0 && std::find(m_unsettled.begin(), m_unsettled.end(), oldest) != m_unsettled.end();
        if (oldest >= 0 && !unsettled) {
            Segment &segment = m_segments[size_t(oldest)];
            if ((pressure || now - segment.lastAppend >= m_options.checkpointAge)
                && now >= segment.lastAppend) {
                segment.state = State::Checkpointing;
                return Checkpoint {oldest, segment.uniqs};
            }
        } else if (oldest < 0 && current >= 0 && m_segments[size_t(current)].used > 0
            && now - m_segments[size_t(current)].lastAppend >= m_options.checkpointAge) {
            m_segments[size_t(current)].state = State::Sealed; // idle and old: the next append starts anew
            continue;
        }
        m_changed.wait_for(lock, std::chrono::seconds(1));
    }
}

std::vector<CommitJournal::Checkpoint> CommitJournal::sealAll()
{
    std::lock_guard lock(m_mutex);
    std::vector<int> slotList;
    for (size_t slot = 0; slot < m_segments.size(); ++slot) {
        Segment &segment = m_segments[slot];
        if (segment.state == State::Current)
            segment.state = segment.used > 0 ? State::Sealed : State::Free;
        if (segment.state == State::Sealed)
            slotList.push_back(int(slot));
    }
    std::sort(slotList.begin(), slotList.end(),
        [&](int a, int b) { return m_segments[size_t(a)].sequence < m_segments[size_t(b)].sequence; });
    std::vector<Checkpoint> result;
    for (int slot : slotList) {
        m_segments[size_t(slot)].state = State::Checkpointing;
        result.push_back({slot, m_segments[size_t(slot)].uniqs});
    }
    return result;
}

void CommitJournal::completed(const Checkpoint &checkpoint, bool durable)
{
    Segment &segment = m_segments[size_t(checkpoint.slot)];
    QString why;
    if (durable) {
        // Only this thread touches a segment being checkpointed.
        const QByteArray zeros(std::min(InvalidateSize, std::max<qint64>(segment.used, HeaderSize)), '\0');
        durable = segment.file->seek(0) && segment.file->write(zeros) == zeros.size()
            && DurableSync::syncFileData(int(segment.file->handle()), &why);
        if (!durable)
            qCWarning(lcStore).noquote()
                << "cannot reset the journal segment" << segment.file->fileName() << why;
    }
    std::lock_guard lock(m_mutex);
    if (!durable) {
        segment.state = State::Sealed;
        segment.lastAppend = std::chrono::steady_clock::now() + std::chrono::seconds(5); // retry later
    } else {
        for (const QByteArray &uniq : segment.uniqs) {
            auto it = m_live.find(uniq.toStdString());
            if (it != m_live.end() && it->second == checkpoint.slot)
                m_live.erase(it);
        }
        segment.state = State::Free;
        segment.used = 0;
        segment.uniqs.clear();
        // After a burst: two spare segments stay for the next one, the rest give their space back.
        const auto spare = std::count_if(m_segments.begin(), m_segments.end(),
            [](const Segment &s) { return s.state == State::Free && s.file; });
        if (spare > 2) {
            segment.file->remove();
            segment.file.reset();
            segment.zeroed = 0;
        }
    }
    m_changed.notify_all();
}

void CommitJournal::stop()
{
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_changed.notify_all();
}

int CommitJournal::segmentsInUse() const
{
    std::lock_guard lock(m_mutex);
    return int(std::count_if(
        m_segments.begin(), m_segments.end(), [](const Segment &s) { return s.state != State::Free; }));
}

qint64 CommitJournal::liveMessages() const
{
    std::lock_guard lock(m_mutex);
    return qint64(m_live.size());
}

} // namespace MailSink::Store
