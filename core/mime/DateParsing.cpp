#include "DateParsing.h"

#include <QList>
#include <QTimeZone>

namespace MailSink::Mime {

namespace {

int monthFromName(QByteArrayView word)
{
    static const char *const names[]
        = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3)
        return 0;
    const QByteArray lower = word.first(3).toByteArray().toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == names[i])
            return i + 1;
    }
    return 0;
}

bool zoneFromName(QByteArrayView word, int *offsetMinutes)
{
    struct Zone
    {
        const char *name;
        int hours;
    };
    static const Zone zones[] = {{"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0}, {"est", -5}, {"edt", -4},
        {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
    const QByteArray lower = word.toByteArray().toLower();
    for (const Zone &zone : zones) {
        if (lower == zone.name) {
            *offsetMinutes = zone.hours * 60;
            return true;
        }
    }
    if (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z') {
        *offsetMinutes = 0; // military zones: RFC 5322 section 4.3 says treat as -0000
        return true;
    }
    return false;
}

bool allDigits(QByteArrayView word)
{
    if (word.isEmpty())
        return false;
    for (const char c : word) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

QDateTime parseDate(QByteArrayView raw)
{
    // Tokenize on white space and commas; drop comments.
    QList<QByteArray> words;
    QByteArray word;
    int comment = 0;
    for (const char c : raw) {
        if (c == '(') {
            ++comment;
            continue;
        }
        if (c == ')' && comment > 0) {
            --comment;
            continue;
        }
        if (comment)
            continue;
        if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
            if (!word.isEmpty())
                words.append(word);
            word.clear();
        } else {
            word.append(c);
        }
    }
    if (!word.isEmpty())
        words.append(word);

    int day = 0, month = 0, year = -1, hour = -1, minute = 0, second = 0;
    int offset = 0;
    bool haveZone = false;
    for (const QByteArray &w : std::as_const(words)) {
        if (w.contains(':') && hour < 0) {
            const QList<QByteArray> fields = w.split(':');
            if (fields.size() < 2 || fields.size() > 3 || !allDigits(fields[0]) || !allDigits(fields[1]))
                return {};
            hour = fields[0].toInt();
            minute = fields[1].toInt();
            if (fields.size() == 3) {
                QByteArray secs = fields[2];
                const qsizetype dot = secs.indexOf('.');
                if (dot >= 0)
                    secs.truncate(dot);
                if (!allDigits(secs))
                    return {};
                second = secs.toInt();
            }
        } else if ((w.startsWith('+') || w.startsWith('-')) && w.size() == 5 && allDigits(w.sliced(1))) {
            const int value = w.sliced(1).toInt();
            offset = (value / 100 * 60 + value % 100) * (w.startsWith('-') ? -1 : 1);
            haveZone = true;
        } else if (allDigits(w) && w.size() <= 2 && day == 0 && month == 0 && hour < 0) {
            day = w.toInt();
        } else if (allDigits(w) && w.size() <= 2 && day == 0 && month != 0) {
            day = w.toInt(); // "Jan 02 2024", as asctime writes it
        } else if (allDigits(w) && year < 0 && (day != 0 || month != 0) && w.size() <= 4) {
            year = w.toInt();
            if (w.size() == 2)
                year += year < 50 ? 2000 : 1900;
            else if (w.size() == 3)
                year += 1900;
        } else if (month == 0 && monthFromName(w)) {
            month = monthFromName(w);
        } else if (!haveZone && hour >= 0) {
            int minutes = 0;
            if (zoneFromName(w, &minutes)) {
                offset = minutes;
                haveZone = true;
            }
        }
    }
    if (day < 1 || month < 1 || year < 0 || hour < 0)
        return {};
    const QDate date(year, month, day);
    const QTime time(hour, minute, second == 60 ? 59 : second);
    if (!date.isValid() || !time.isValid() || offset < -24 * 60 || offset > 24 * 60)
        return {};
    return QDateTime(date, time, QTimeZone(offset * 60));
}

} // namespace MailSink::Mime
