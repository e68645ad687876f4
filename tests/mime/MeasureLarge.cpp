// Parse time and peak RSS for a message with one large base64 attachment. A measurement, not a test.
//   mime_measure_large                 generate a 50 MiB attachment message in a temporary file, then
//                                      measure it in a fresh process
//   mime_measure_large --generate FILE [MiB]
//   mime_measure_large FILE            read FILE, parse it, print the figures

#include "mime/ParsedMessage.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

namespace {

double peakRssMiB()
{
    // Linux: VmHWM in /proc/self/status.
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return double(line.mid(6).trimmed().split(' ').value(0).toLongLong()) / 1024;
    }
    return -1;
}

bool generate(const QString &path, int mib)
{
    QByteArray payload(qsizetype(mib) << 20, Qt::Uninitialized);
    QRandomGenerator(1).fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
    const QByteArray base64 = payload.toBase64();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(
        "From: big@example.com\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n"
        "Content-Type: text/plain\r\n\r\nsee attachment\r\n--B\r\nContent-Type: application/octet-stream\r\n"
        "Content-Disposition: attachment; filename=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    for (qsizetype i = 0; i < base64.size(); i += 76) {
        file.write(base64.constData() + i, qMin<qsizetype>(76, base64.size() - i));
        file.write("\r\n");
    }
    file.write("--B--\r\n");
    return file.flush();
}

int measure(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const QByteArray raw = file.readAll();
    const double rssRead = peakRssMiB();
    QElapsedTimer timer;
    timer.start();
    const auto message = MailSink::Mime::parseMessage(raw);
    const qint64 parseMs = timer.elapsed();
    const double rssParsed = peakRssMiB();
    timer.restart();
    const QByteArray content = message.partContent(message.attachments().value(0).path);
    const qint64 contentMs = timer.elapsed();
    const double rssContent = peakRssMiB();
    std::printf("message: %.1f MiB on disk, attachment %.1f MiB decoded\n", double(raw.size()) / (1 << 20),
        double(content.size()) / (1 << 20));
    std::printf("parseMessage: %lld ms (structure, base64 decoding and SHA-256 of every part)\n",
        static_cast<long long>(parseMs));
    std::printf("partContent(attachment): %lld ms\n", static_cast<long long>(contentMs));
    std::printf("peak RSS: %.1f MiB after reading the file, %.1f MiB after parseMessage, %.1f MiB after "
                "partContent\n",
        rssRead, rssParsed, rssContent);
    return message.attachments().size() == 1 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args[1] == u"--generate")
        return generate(args[2], args.size() > 3 ? args[3].toInt() : 50) ? 0 : 2;
    if (args.size() == 2)
        return measure(args[1]);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.eml"));
    if (!generate(path, 50))
        return 2;
    return QProcess::execute(app.applicationFilePath(), {path});
}
