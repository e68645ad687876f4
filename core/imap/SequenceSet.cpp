#include "SequenceSet.h"

#include <algorithm>

namespace MailSink::Imap {

namespace {

std::optional<quint32> parseNumber(const QByteArray &text)
{
    if (text == "*")
        return 0;
    if (text.isEmpty() || text.size() > 10 || text.startsWith('0'))
        return std::nullopt;
    quint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + quint64(c - '0');
    }
    if (value > 0xffffffffULL)
        return std::nullopt;
    return quint32(value);
}

} // namespace

std::optional<SequenceSet> SequenceSet::parse(const QByteArray &text)
{
    SequenceSet set;
    if (text.isEmpty())
        return std::nullopt;
    for (const QByteArray &item : text.split(',')) {
        const QList<QByteArray> ends = item.split(':');
        if (ends.size() > 2)
            return std::nullopt;
        const auto first = parseNumber(ends.at(0));
        const auto second = ends.size() == 2 ? parseNumber(ends.at(1)) : first;
        if (!first || !second)
            return std::nullopt;
        set.m_ranges.append({*first, *second});
    }
    return set;
}

bool SequenceSet::contains(quint32 value, quint32 largest) const
{
    for (auto [a, b] : m_ranges) {
        if (a == Star)
            a = largest;
        if (b == Star)
            b = largest;
        if (a > b)
            std::swap(a, b);
        if (value >= a && value <= b)
            return true;
    }
    return false;
}

quint32 SequenceSet::upperBound(quint32 largest) const
{
    quint32 result = 0;
    for (auto [a, b] : m_ranges) {
        if (a == Star)
            a = largest;
        if (b == Star)
            b = largest;
        result = std::max({result, a, b});
    }
    return result;
}

QByteArray SequenceSet::format(const QList<quint32> &ascending)
{
    QByteArray out;
    for (qsizetype i = 0; i < ascending.size();) {
        qsizetype j = i;
        while (j + 1 < ascending.size() && ascending.at(j + 1) == ascending.at(j) + 1)
            ++j;
        if (!out.isEmpty())
            out += ',';
        out += QByteArray::number(ascending.at(i));
        if (j > i)
            out += ':' + QByteArray::number(ascending.at(j));
        i = j + 1;
    }
    return out;
}

} // namespace MailSink::Imap
