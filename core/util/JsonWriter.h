#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <string>
#include <vector>

namespace MailSink {

// Compact JSON straight into bytes, for what is written at every commit (envelopes, traces):
// several times cheaper than building a QJsonDocument. Strings are UTF-8; invalid UTF-8 is
// replaced the way QString::fromUtf8 does it, so the output is always valid JSON.
class JsonWriter
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(QByteArrayView name);
    JsonWriter &string(QByteArrayView utf8);
    JsonWriter &string(const QByteArray &utf8) { return string(QByteArrayView(utf8)); }
    JsonWriter &string(const char *utf8) { return string(QByteArrayView(utf8)); }
    JsonWriter &string(const QString &text) { return string(QByteArrayView(text.toUtf8())); }
    JsonWriter &stringOrNull(const QByteArray &utf8) { return utf8.isEmpty() ? null() : string(utf8); }
    JsonWriter &number(qint64 value);
    JsonWriter &boolean(bool value);
    JsonWriter &null();
    JsonWriter &timestamp(qint64 msecsSinceEpoch); // as isoUtc(), without a temporary
    QByteArray take() const { return QByteArray(m_out.data(), qsizetype(m_out.size())); }

    // "2026-12-01T20:01:07.123Z"
    static QByteArray isoUtc(qint64 msecsSinceEpoch);
    static void formatIsoUtc(qint64 msecsSinceEpoch, char *out); // the same 24 characters, no allocation

    // For writers that fill one buffer themselves: `utf8` made valid (invalid sequences replaced, as
    // QString::fromUtf8 does; `storage` keeps the repaired copy), and the bytes its quoted, escaped form
    // needs at most.
    static QByteArrayView validUtf8(QByteArrayView utf8, QByteArray &storage);
    static qsizetype quotedSizeBound(QByteArrayView validUtf8) { return 2 + 6 * validUtf8.size(); }
    // Writes `validUtf8` quoted and escaped at `out`; returns the end.
    static char *writeQuoted(char *out, QByteArrayView validUtf8);

private:
    void separate();
    // std::string, not QByteArray: push_back and append are inline here, and a commit writes a few
    // hundred small pieces per message (callgrind: QByteArray::append(char) was 10% of a message).
    std::string m_out;
    std::vector<bool> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace MailSink
