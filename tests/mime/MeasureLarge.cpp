// mime_measure_large [MiB]: builds a message with one base64 attachment of that size (default 50 MiB),
// parses it and prints the parse time and the process's peak RSS. A measurement, not a test.

#include "mime/ParsedMessage.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>

namespace {

qint64 peakRssKiB()
{
    // Linux: VmHWM in /proc/self/status. Elsewhere: unknown (-1).
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int mib = argc > 1 ? QByteArray(argv[1]).toInt() : 50;
    QByteArray raw;
    {
        QByteArray payload(qsizetype(mib) << 20, Qt::Uninitialized);
        QRandomGenerator(1).fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
        const QByteArray base64 = payload.toBase64();
        raw = "From: big@example.com\r\nSubject: big\r\nContent-Type: multipart/mixed; "
              "boundary=B\r\n\r\n--B\r\n"
              "Content-Type: text/plain\r\n\r\nsee attachment\r\n--B\r\nContent-Type: "
              "application/octet-stream\r\n"
              "Content-Disposition: attachment; filename=big.bin\r\nContent-Transfer-Encoding: "
              "base64\r\n\r\n";
        raw.reserve(raw.size() + base64.size() * 78 / 76 + 16);
        for (qsizetype i = 0; i < base64.size(); i += 76)
            raw += QByteArrayView(base64).sliced(i, qMin<qsizetype>(76, base64.size() - i)) + "\r\n";
        raw += "--B--\r\n";
    }
    const qint64 rssBefore = peakRssKiB();
    QElapsedTimer timer;
    timer.start();
    const auto message = MailSink::Mime::parseMessage(raw);
    const qint64 parseMs = timer.elapsed();
    const qint64 rssAfter = peakRssKiB();
    timer.restart();
    const QByteArray content = message.partContent(message.attachments().value(0).path);
    const qint64 contentMs = timer.elapsed();
    std::printf("message: %.1f MiB (attachment %d MiB, base64)\n", double(raw.size()) / (1 << 20), mib);
    std::printf("parseMessage: %lld ms (structure, decode, SHA-256 of every part)\n",
        static_cast<long long>(parseMs));
    std::printf("partContent of the attachment: %lld ms (%lld bytes)\n", static_cast<long long>(contentMs),
        static_cast<long long>(content.size()));
    std::printf("peak RSS: %.1f MiB before parsing (the message itself), %.1f MiB after\n",
        double(rssBefore) / 1024, double(rssAfter) / 1024);
    std::printf("peak RSS added by parsing: %.1f MiB\n", double(rssAfter - rssBefore) / 1024);
    return message.attachments().size() == 1 ? 0 : 1;
}
