// `cmake --install` into a temporary prefix puts a runnable binary, the .desktop file, the icons and
// the AppStream metainfo where desktops look for them.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

namespace {

const QString AppId = QStringLiteral("io.github.mailsink.Mailsink");

struct Run
{
    int exitCode = -1;
    QByteArray output;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000)) {
        result.output = process.errorString().toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = process.readAll();
    return result;
}

QString wellFormedXmlError(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    QXmlStreamReader xml(&file);
    while (!xml.atEnd())
        xml.readNext();
    return xml.hasError() ? xml.errorString() : QString();
}

// Installs once per test process; every section checks the same prefix.
const QString &installedPrefix()
{
    static QTemporaryDir dir;
    static bool installed = [] {
        const Run install = run(QStringLiteral(MAILSINK_CMAKE_COMMAND),
            {QStringLiteral("--install"), QStringLiteral(MAILSINK_BUILD_DIR), QStringLiteral("--prefix"),
                dir.path()});
        UNSCOPED_INFO(install.output.constData());
        return install.exitCode == 0;
    }();
    REQUIRE(dir.isValid());
    REQUIRE(installed);
    static const QString path = dir.path();
    return path;
}

} // namespace

TEST_CASE("cmake --install puts a runnable binary under bin", "[install]")
{
#ifdef Q_OS_WIN
    const QString binary = installedPrefix() + QStringLiteral("/bin/mailsink.exe");
#else
    const QString binary = installedPrefix() + QStringLiteral("/bin/mailsink");
#endif
    REQUIRE(QFileInfo(binary).isExecutable());
    const Run version = run(binary, {QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.output.contains(MAILSINK_VERSION));
}

// The desktop files are installed for freedesktop.org desktops only.
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
TEST_CASE("the installed .desktop file opens .eml files with mailsink", "[install]")
{
    const QString path
        = installedPrefix() + QStringLiteral("/share/applications/") + AppId + QStringLiteral(".desktop");
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    CHECK(text.startsWith("[Desktop Entry]\n"));
    CHECK(text.contains("\nMimeType=message/rfc822;\n"));
    CHECK(text.contains("\nExec=mailsink %F\n"));
    CHECK(text.contains("\nIcon=mailsink\n"));

    const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty()) {
        WARN("desktop-file-validate not installed (package desktop-file-utils): not validated");
        return;
    }
    const Run validate = run(validator, {path});
    INFO(validate.output.constData());
    CHECK(validate.exitCode == 0);
    // Hints are allowed (two main categories, Development and Network, are on purpose); warnings are not.
    CHECK_FALSE(validate.output.contains("error:"));
    CHECK_FALSE(validate.output.contains("warning:"));
}

TEST_CASE("the icon is installed as SVG and rendered PNGs", "[install]")
{
    const QString icons = installedPrefix() + QStringLiteral("/share/icons/hicolor/");
    const QString svg = icons + QStringLiteral("scalable/apps/mailsink.svg");
    REQUIRE(QFileInfo::exists(svg));
    CHECK(wellFormedXmlError(svg).isEmpty());

    QStringList pngs;
    for (const int size : {16, 32, 48, 64, 128, 256}) {
        const QString png = icons + QStringLiteral("%1x%1/apps/mailsink.png").arg(size);
        if (QFileInfo::exists(png))
            pngs.append(png);
    }
    const bool haveRenderer = !QStandardPaths::findExecutable(QStringLiteral("rsvg-convert")).isEmpty();
    if (pngs.isEmpty() && !haveRenderer) {
        WARN("rsvg-convert not installed (package librsvg2-bin) at build time: only the SVG is installed");
        return;
    }
    CHECK(pngs.size() == 6);
    for (const QString &png : std::as_const(pngs)) {
        QFile file(png);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
    }
}

TEST_CASE("the AppStream metainfo is installed and well-formed", "[install]")
{
    const QString path
        = installedPrefix() + QStringLiteral("/share/metainfo/") + AppId + QStringLiteral(".metainfo.xml");
    REQUIRE(QFileInfo::exists(path));
    INFO(wellFormedXmlError(path).toStdString());
    CHECK(wellFormedXmlError(path).isEmpty());

    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    CHECK(text.contains(QByteArray("<id>" + AppId.toLatin1() + "</id>")));
    CHECK(text.contains("<mediatype>message/rfc822</mediatype>"));
    CHECK(text.contains("<release version=\"" MAILSINK_VERSION "\""));

    const QString appstreamcli = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (appstreamcli.isEmpty()) {
        WARN("appstreamcli not installed (package appstream): not validated");
        return;
    }
    const Run validate = run(appstreamcli, {QStringLiteral("validate"), QStringLiteral("--no-net"), path});
    INFO(validate.output.constData());
    CHECK(validate.exitCode == 0);
}
#endif
