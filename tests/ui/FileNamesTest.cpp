#include "common/FileNames.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using MailSink::Ui::MaxFileNameBytes;
using MailSink::Ui::sanitizeFileName;

namespace {

std::string s(const QString &text)
{
    return text.toStdString();
}

// Every sanitized name must be creatable as a plain file directly inside the folder.
void requireSafe(const QString &name)
{
    INFO("sanitized: " << s(name));
    REQUIRE(!name.isEmpty());
    REQUIRE(!name.contains(u'/'));
    REQUIRE(!name.contains(u'\\'));
    REQUIRE(!name.contains(QChar(0)));
    REQUIRE(!name.startsWith(u'.'));
    REQUIRE(name.toUtf8().size() <= MaxFileNameBytes);
    QTemporaryDir dir;
    QFile file(QDir(dir.path()).filePath(name));
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(QFileInfo(file.fileName()).absolutePath() == QFileInfo(dir.path()).absoluteFilePath());
}

} // namespace

TEST_CASE("path traversal keeps only the last component", "[ui][filenames]")
{
    CHECK(s(sanitizeFileName(QStringLiteral("../../evil.sh"))) == "evil.sh");
    CHECK(s(sanitizeFileName(QStringLiteral("/etc/passwd"))) == "passwd");
    CHECK(s(sanitizeFileName(QStringLiteral("..\\..\\Windows\\System32\\evil.dll"))) == "evil.dll");
    CHECK(s(sanitizeFileName(QStringLiteral("C:\\Users\\me\\report.pdf"))) == "report.pdf");
    CHECK(s(sanitizeFileName(QStringLiteral("dir/sub\\name.txt"))) == "name.txt");
    CHECK(s(sanitizeFileName(QStringLiteral(".."))) == "attachment");
    CHECK(s(sanitizeFileName(QStringLiteral("../"))) == "attachment");
    requireSafe(sanitizeFileName(QStringLiteral("../../evil.sh")));
}

TEST_CASE("NUL and control characters are removed", "[ui][filenames]")
{
    const QString withNul = QStringLiteral("evil") + QChar(0) + QStringLiteral(".txt.exe");
    CHECK(s(sanitizeFileName(withNul)) == "evil.txt.exe");
    CHECK(s(sanitizeFileName(QStringLiteral("line\r\nbreak\t.txt"))) == "linebreak.txt");
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
    CHECK(s(sanitizeFileName(QStringLiteral("invoice") + QChar(0x202e) + QStringLiteral("fdp.exe")))
        == "invoicefdp.exe");
    requireSafe(sanitizeFileName(withNul));
}

TEST_CASE("characters Windows forbids become underscores", "[ui][filenames]")
{
    CHECK(s(sanitizeFileName(QStringLiteral("a<b>c:d\"e|f?g*h.txt"))) == "a_b_c_d_e_f_g_h.txt");
}

TEST_CASE("Windows device names are defused", "[ui][filenames]")
{
    for (const char *name : {"CON", "con", "PRN", "AUX", "NUL", "nul.txt", "COM1", "com9.log", "LPT1",
             "Lpt3.tar.gz", "CON .txt"}) {
        const QString clean = sanitizeFileName(QString::fromLatin1(name));
        INFO(name << " -> " << s(clean));
        CHECK(clean.startsWith(u'_'));
        requireSafe(clean);
    }
    CHECK(s(sanitizeFileName(QStringLiteral("CONSOLE.txt"))) == "CONSOLE.txt");
    CHECK(s(sanitizeFileName(QStringLiteral("COM10"))) == "COM10");
    CHECK(s(sanitizeFileName(QStringLiteral("nullable.c"))) == "nullable.c");
}

TEST_CASE("leading dots, trailing dots and spaces go", "[ui][filenames]")
{
    CHECK(s(sanitizeFileName(QStringLiteral(".bashrc"))) == "bashrc");
    CHECK(s(sanitizeFileName(QStringLiteral("...hidden.sh"))) == "hidden.sh");
    CHECK(s(sanitizeFileName(QStringLiteral("  name.txt. . "))) == "name.txt");
    CHECK(s(sanitizeFileName(QString())) == "attachment");
    CHECK(s(sanitizeFileName(QStringLiteral("   "), QStringLiteral("message"))) == "message");
}

TEST_CASE("long names are cut to fit and keep their extension", "[ui][filenames]")
{
    const QString longName = QString(300, u'a') + QStringLiteral(".pdf");
    const QString clean = sanitizeFileName(longName);
    CHECK(clean.toUtf8().size() <= MaxFileNameBytes);
    CHECK(clean.endsWith(QLatin1String(".pdf")));
    requireSafe(clean);

    // 300 CJK characters are 900 bytes of UTF-8; the cut never splits a character.
    const QString cjk = QString(300, QChar(0x62a5)) + QStringLiteral(".csv");
    const QString cleanCjk = sanitizeFileName(cjk);
    CHECK(cleanCjk.toUtf8().size() <= MaxFileNameBytes);
    CHECK(cleanCjk.endsWith(QLatin1String(".csv")));
    CHECK(QString::fromUtf8(cleanCjk.toUtf8()) == cleanCjk);
    requireSafe(cleanCjk);

    // Emoji are surrogate pairs in UTF-16: never cut in half.
    QString emoji;
    for (int i = 0; i < 120; ++i)
        emoji += QString::fromUtf8("\xF0\x9F\x93\x8E");
    const QString cleanEmoji = sanitizeFileName(emoji);
    CHECK(!cleanEmoji.isEmpty());
    CHECK(!cleanEmoji.back().isHighSurrogate());
    requireSafe(cleanEmoji);
}

TEST_CASE("ordinary names are left alone", "[ui][filenames]")
{
    CHECK(s(sanitizeFileName(QStringLiteral("第一季度报告.pdf"))) == "第一季度报告.pdf");
    CHECK(s(sanitizeFileName(QStringLiteral("photo 2024-05-01 (1).jpg"))) == "photo 2024-05-01 (1).jpg");
}

TEST_CASE("unique paths add a counter before the extension", "[ui][filenames]")
{
    QTemporaryDir dir;
    const QDir d(dir.path());
    const QString first = MailSink::Ui::uniqueFilePath(d, QStringLiteral("a.txt"));
    CHECK(first == d.filePath(QStringLiteral("a.txt")));
    QFile(first).open(QIODevice::WriteOnly);
    CHECK(
        MailSink::Ui::uniqueFilePath(d, QStringLiteral("a.txt")) == d.filePath(QStringLiteral("a (2).txt")));
}
