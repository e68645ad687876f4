#include "JsonWriter.h"

#include <QUtf8StringView>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace MailSink {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out.push_back(',');
        m_first.back() = false;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.push_back('{');
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.push_back('}');
    m_first.pop_back();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.push_back('[');
    m_first.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.push_back(']');
    m_first.pop_back();
    return *this;
}

namespace {

// 0: copied as is; otherwise the character after the backslash ('u': \u00XX).
constexpr auto escapes = [] {
    std::array<char, 256> table {};
    for (int c = 0; c < 0x20; ++c)
        table[c] = 'u';
    table['"'] = '"';
    table['\\'] = '\\';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
    return table;
}();

} // namespace

JsonWriter &JsonWriter::key(QByteArrayView name)
{
    // Keys are the program's own ASCII identifiers: nothing to validate or escape.
    Q_ASSERT(
        std::none_of(name.begin(), name.end(), [](char c) { return escapes[uchar(c)] || uchar(c) >= 0x80; }));
    separate();
    m_out.push_back('"');
    m_out.append(name.data(), size_t(name.size()));
    m_out.append("\":", 2);
    m_afterKey = true;
    return *this;
}

QByteArrayView JsonWriter::validUtf8(QByteArrayView utf8, QByteArray &storage)
{
    for (char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            if (QUtf8StringView(utf8).isValidUtf8())
                return utf8;
            storage = QString::fromUtf8(utf8).toUtf8();
            return storage;
        }
    }
    return utf8;
}

char *JsonWriter::writeQuoted(char *out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    *out++ = '"';
    const char *data = utf8.data();
    const qsizetype size = utf8.size();
    qsizetype run = 0; // start of bytes that need no escaping, copied in one go
    for (qsizetype i = 0; i < size; ++i) {
        const auto u = static_cast<unsigned char>(data[i]);
        const char escape = escapes[u];
        if (!escape)
            continue;
        std::memcpy(out, data + run, size_t(i - run));
        out += i - run;
        run = i + 1;
        *out++ = '\\';
        *out++ = escape;
        if (escape == 'u') {
            *out++ = '0';
            *out++ = '0';
            *out++ = hex[u >> 4];
            *out++ = hex[u & 15];
        }
    }
    std::memcpy(out, data + run, size_t(size - run));
    out += size - run;
    *out++ = '"';
    return out;
}

JsonWriter &JsonWriter::string(QByteArrayView utf8)
{
    separate();
    QByteArray repaired;
    utf8 = validUtf8(utf8, repaired);
    const size_t at = m_out.size();
    m_out.resize(at + size_t(quotedSizeBound(utf8)));
    char *end = writeQuoted(m_out.data() + at, utf8);
    m_out.resize(size_t(end - m_out.data()));
    return *this;
}

JsonWriter &JsonWriter::number(qint64 value)
{
    separate();
    char digits[24];
    const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
    Q_UNUSED(error);
    m_out.append(digits, size_t(end - digits));
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    separate();
    m_out.append(value ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

void JsonWriter::formatIsoUtc(qint64 ms, char *buffer)
{
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    qint64 rest = ms - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2);
    auto put = [buffer](int at, qint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            buffer[at + i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(0, year, 4);
    buffer[4] = '-';
    put(5, month, 2);
    buffer[7] = '-';
    put(8, day, 2);
    buffer[10] = 'T';
    put(11, rest / 3600000, 2);
    buffer[13] = ':';
    put(14, rest / 60000 % 60, 2);
    buffer[16] = ':';
    put(17, rest / 1000 % 60, 2);
    buffer[19] = '.';
    put(20, rest % 1000, 3);
    buffer[23] = 'Z';
}

QByteArray JsonWriter::isoUtc(qint64 ms)
{
    char buffer[24];
    formatIsoUtc(ms, buffer);
    return QByteArray(buffer, sizeof buffer);
}

JsonWriter &JsonWriter::timestamp(qint64 ms)
{
    separate();
    char buffer[26];
    buffer[0] = '"';
    formatIsoUtc(ms, buffer + 1);
    buffer[25] = '"';
    m_out.append(buffer, sizeof buffer);
    return *this;
}

} // namespace MailSink
