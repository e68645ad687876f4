#include "common/Translations.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <set>
#include <string>
#include <tuple>

using namespace MailSink;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType; // "unfinished", "vanished", "obsolete" or empty when finished
    QStringList translations; // one entry, or one per <numerusform>
};

using Key = std::tuple<QString, QString, QString, bool>;

Key keyOf(const Message &m)
{
    return {m.context, m.source, m.comment, m.numerus};
}

QString describe(const Key &key)
{
    return std::get<0>(key) + QLatin1String(" | ") + std::get<1>(key);
}

std::vector<Message> readTs(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    std::vector<Message> messages;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name") && context.isEmpty()) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message {};
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.translationType = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations.append(xml.readElementText());
            } else {
                current.translations.append(xml.readElementText());
            }
            messages.push_back(current);
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return messages;
}

bool isActive(const Message &m)
{
    return m.translationType != QLatin1String("vanished") && m.translationType != QLatin1String("obsolete");
}

QString tsPath(const QString &language)
{
    return QStringLiteral(MAILSINK_SOURCE_DIR "/translations/mailsink_%1.ts").arg(language);
}

std::multiset<QString> matches(const QRegularExpression &re, const QString &text)
{
    std::multiset<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

// One mnemonic ("&X"), not the escaped literal "&&".
bool hasMnemonic(const QString &text)
{
    return QString(text).remove(QLatin1String("&&")).contains(u'&');
}

} // namespace

TEST_CASE(
    "every message of both .ts files has a finished translation keeping its placeholders", "[translations]")
{
    const QString language = QString::fromStdString(GENERATE(as<std::string>(), "zh_CN", "zh_TW"));
    const QRegularExpression placeholder(QStringLiteral("%L?[1-9]|%n"));
    const QRegularExpression tag(QStringLiteral("</?[a-z]+(?=[\\s/>])"));
    const auto messages = readTs(tsPath(language));
    REQUIRE(messages.size() > 200);
    for (const Message &m : messages) {
        if (!isActive(m))
            continue;
        INFO(language.toStdString() << ": " << describe(keyOf(m)).toStdString());
        CHECK(m.translationType.isEmpty());
        REQUIRE(m.translations.size() == 1); // Chinese has a single plural form
        const QString &translation = m.translations.front();
        INFO("translation: " << translation.toStdString());
        CHECK_FALSE(translation.trimmed().isEmpty());
        CHECK(matches(placeholder, translation) == matches(placeholder, m.source));
        CHECK(matches(tag, translation) == matches(tag, m.source));
        CHECK(hasMnemonic(translation) == hasMnemonic(m.source));
    }
}

TEST_CASE("the .ts files hold exactly the strings lupdate extracts from ui/ and app/", "[translations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString extracted = dir.filePath(QStringLiteral("extracted.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(MAILSINK_SOURCE_DIR));
    lupdate.start(QStringLiteral(MAILSINK_LUPDATE),
        {QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-ts"), extracted,
            QStringLiteral("-locations"), QStringLiteral("none")});
    REQUIRE(lupdate.waitForFinished(120000));
    INFO(lupdate.readAllStandardError().toStdString());
    REQUIRE(lupdate.exitCode() == 0);

    std::set<Key> inSources;
    for (const Message &m : readTs(extracted))
        inSources.insert(keyOf(m));
    REQUIRE(inSources.size() > 200);

    const QString language = QString::fromStdString(GENERATE(as<std::string>(), "zh_CN", "zh_TW"));
    std::set<Key> inTs;
    for (const Message &m : readTs(tsPath(language))) {
        if (isActive(m))
            inTs.insert(keyOf(m));
    }
    for (const Key &key : inSources) {
        INFO(language.toStdString() << " lacks " << describe(key).toStdString()
                                    << " (run: cmake --build <build> --target mailsink_lupdate)");
        CHECK(inTs.count(key) == 1);
    }
    for (const Key &key : inTs) {
        INFO(language.toStdString() << " still has " << describe(key).toStdString()
                                    << ", gone from the sources");
        CHECK(inSources.count(key) == 1);
    }
}

TEST_CASE("locale names map to the catalogue for their script", "[translations]")
{
    CHECK(Ui::translationFor(QStringLiteral("zh_CN")) == QLatin1String("zh_CN"));
    CHECK(Ui::translationFor(QStringLiteral("zh_SG")) == QLatin1String("zh_CN"));
    CHECK(Ui::translationFor(QStringLiteral("zh-Hans-CN")) == QLatin1String("zh_CN"));
    CHECK(Ui::translationFor(QStringLiteral("zh")) == QLatin1String("zh_CN"));
    CHECK(Ui::translationFor(QStringLiteral("zh_TW.UTF-8")) == QLatin1String("zh_TW"));
    CHECK(Ui::translationFor(QStringLiteral("zh_HK")) == QLatin1String("zh_TW"));
    CHECK(Ui::translationFor(QStringLiteral("zh-Hant")) == QLatin1String("zh_TW"));
    CHECK(Ui::translationFor(QStringLiteral("en_US")).isEmpty());
    CHECK(Ui::translationFor(QStringLiteral("de")).isEmpty());

    CHECK(
        Ui::languageArgument({QStringLiteral("mailsink"), QStringLiteral("--lang"), QStringLiteral("zh_TW")})
        == QLatin1String("zh_TW"));
    CHECK(Ui::languageArgument({QStringLiteral("mailsink"), QStringLiteral("-lang=zh_CN")})
        == QLatin1String("zh_CN"));
    CHECK(Ui::languageArgument({QStringLiteral("mailsink"), QStringLiteral("--"), QStringLiteral("--lang")})
              .isEmpty());
}

TEST_CASE("installTranslators switches the UI and Qt's own strings to Chinese", "[translations]")
{
    auto &app = *QCoreApplication::instance();
    REQUIRE(QFile::exists(QStringLiteral(":/i18n/mailsink_zh_CN.qm")));
    REQUIRE(QFile::exists(QStringLiteral(":/i18n/mailsink_zh_TW.qm")));
    const char *context = "MailSink::Ui::MainWindow";

    Ui::installTranslators(app, QStringLiteral("zh_TW"));
    CHECK(QCoreApplication::translate(context, "&Quit") == QStringLiteral("結束(&Q)"));
    CHECK(QCoreApplication::translate(context, "Start listening") == QStringLiteral("開始監聽"));
    CHECK(QCoreApplication::translate("QPlatformTheme", "&Yes") == QStringLiteral("是(&Y)"));

    Ui::installTranslators(app, QStringLiteral("zh_CN"));
    CHECK(QCoreApplication::translate(context, "&Quit") == QStringLiteral("退出(&Q)"));
    CHECK(QCoreApplication::translate(context, "Start listening") == QStringLiteral("开始监听"));

    Ui::installTranslators(app, QStringLiteral("en_US"));
    CHECK(QCoreApplication::translate(context, "&Quit") == QLatin1String("&Quit"));
    QLocale::setDefault(QLocale::system());
}
