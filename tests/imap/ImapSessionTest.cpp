#include "ImapTranscript.h"
#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace MailSink;
using MailSink::Test::testData;

namespace {

QStringList transcripts()
{
    QStringList names
        = QDir(testData(QStringLiteral("imap"))).entryList({QStringLiteral("*.txt")}, QDir::Files);
    names.sort();
    return names;
}

} // namespace

TEST_CASE("IMAP transcripts give the same conversation however the input is split", "[imap][transcript]")
{
    const QStringList names = transcripts();
    REQUIRE(!names.isEmpty());
    const auto chunk = GENERATE(1, 3, 64, 1 << 20);
    for (const QString &name : names) {
        INFO(name.toStdString() << " at chunk " << chunk);
        const auto run = Test::ImapTranscript::fromFile(testData(QStringLiteral("imap/") + name)).play(chunk);
        const QString record = qEnvironmentVariable("IMAP_RECORD"); // a folder: write what the session said
        if (chunk == 1 << 20 && !record.isEmpty()) {
            const auto recorded
                = Test::ImapTranscript::fromFile(testData(QStringLiteral("imap/") + name)).play(chunk, true);
            QFile file(record + u'/' + name);
            if (file.open(QIODevice::WriteOnly))
                file.write(recorded.recorded);
        }
        CAPTURE(run.mismatches.join(QLatin1Char('\n')).toStdString());
        CHECK(run.mismatches.isEmpty());
    }
}
