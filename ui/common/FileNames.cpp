#include "common/FileNames.h"

#include <QDir>
#include <QFileInfo>

namespace MailSink::Ui {

namespace {

bool isWindowsReserved(const QString &name)
{
    // Windows treats "CON", "con.txt" and "CON .tar.gz" alike: the part before the first dot counts.
    const QString stem = name.section(u'.', 0, 0).trimmed().toUpper();
    static const QStringList fixed = {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
        QStringLiteral("NUL"), QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
    if (fixed.contains(stem))
        return true;
    if (stem.size() == 4 && (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT"))))
        return stem.at(3).isDigit() || stem.at(3) == QChar(0xb9) || stem.at(3) == QChar(0xb2)
            || stem.at(3) == QChar(0xb3);
    return false;
}

// Cuts `text` to at most `bytes` of UTF-8 without splitting a character (or a surrogate pair).
QString truncateUtf8(const QString &text, qsizetype bytes)
{
    QString result;
    qsizetype used = 0;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString piece = text.mid(i, length);
        const qsizetype size = piece.toUtf8().size();
        if (used + size > bytes)
            break;
        result += piece;
        used += size;
        i += length;
    }
    return result;
}

} // namespace

QString sanitizeFileName(const QString &name, const QString &fallback)
{
    // Only the last path component: "../../evil.sh" and "C:\\x\\evil.sh" both become "evil.sh".
    QString base = name;
    const qsizetype slash = std::max(base.lastIndexOf(u'/'), base.lastIndexOf(u'\\'));
    if (slash >= 0)
        base = base.mid(slash + 1);

    QString clean;
    clean.reserve(base.size());
    for (const QChar c : std::as_const(base)) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            continue; // NUL, control characters (including CR/LF)
        if (c.category() == QChar::Other_Format)
            continue; // U+202E RIGHT-TO-LEFT OVERRIDE ("invoice\u202Etxt.exe") and friends
        if (QStringView(u"<>:\"|?*").contains(c))
            clean += u'_';
        else
            clean += c;
    }
    clean = clean.trimmed();
    // No hidden files and no "." or "..": strip leading dots; Windows drops trailing dots and spaces.
    while (clean.startsWith(u'.') || clean.startsWith(u' '))
        clean.remove(0, 1);
    while (clean.endsWith(u'.') || clean.endsWith(u' '))
        clean.chop(1);
    if (clean.isEmpty())
        clean = fallback;
    if (isWindowsReserved(clean))
        clean.prepend(u'_');

    if (clean.toUtf8().size() > MaxFileNameBytes) {
        // Keep a short extension so the file still opens with the right application.
        const qsizetype dot = clean.lastIndexOf(u'.');
        QString extension = dot > 0 && clean.size() - dot <= 16 ? clean.mid(dot) : QString();
        const QString stem = extension.isEmpty() ? clean : clean.left(dot);
        clean = truncateUtf8(stem, MaxFileNameBytes - extension.toUtf8().size()).trimmed() + extension;
    }
    return clean;
}

QString uniqueFilePath(const QDir &dir, const QString &name)
{
    QString candidate = dir.filePath(name);
    if (!QFileInfo::exists(candidate))
        return candidate;
    const qsizetype dot = name.lastIndexOf(u'.');
    const QString stem = dot > 0 ? name.left(dot) : name;
    const QString extension = dot > 0 ? name.mid(dot) : QString();
    for (int n = 2;; ++n) {
        candidate = dir.filePath(QStringLiteral("%1 (%2)%3").arg(stem).arg(n).arg(extension));
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

} // namespace MailSink::Ui
