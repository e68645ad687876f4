#include "message/MessageLoader.h"

#include "lint/MailLint.h"
#include "store/MessageStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

namespace MailSink::Ui::MessageLoader {

namespace {

bool isPlainControl(uchar c)
{
    return c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f';
}

} // namespace

QString sourceText(QByteArrayView raw, bool *binary)
{
    bool escaped = false;
    QString out;
    out.reserve(raw.size());
    qsizetype i = 0;
    while (i < raw.size()) {
        // Find the longest run that is valid UTF-8 without control characters.
        qsizetype end = i;
        while (end < raw.size() && !isPlainControl(uchar(raw[end])) && uchar(raw[end]) != 0x7f)
            ++end;
        if (end > i) {
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QByteArrayView run = raw.sliced(i, end - i);
            QString text = decoder(run);
            if (!decoder.hasError()) {
                out += text;
                i = end;
                continue;
            }
            // Decode byte by byte within the run: invalid bytes become \xNN.
            qsizetype j = i;
            while (j < end) {
                const uchar lead = uchar(raw[j]);
                const int length = lead < 0x80 ? 1
                    : (lead >> 5) == 0x6       ? 2
                    : (lead >> 4) == 0xe       ? 3
                    : (lead >> 3) == 0x1e      ? 4
                                               : 0;
                if (length > 0 && j + length <= end) {
                    QStringDecoder one(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
                    const QString c = one(raw.sliced(j, length));
                    if (!one.hasError()) {
                        out += c;
                        j += length;
                        continue;
                    }
                }
                out += QStringLiteral("\\x%1").arg(lead, 2, 16, QLatin1Char('0'));
                escaped = true;
                ++j;
            }
            i = end;
            continue;
        }
        out += QStringLiteral("\\x%1").arg(uchar(raw[i]), 2, 16, QLatin1Char('0'));
        escaped = true;
        ++i;
    }
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (binary)
        *binary = escaped;
    return out;
}

QString hexDump(QByteArrayView raw)
{
    QString out;
    out.reserve(raw.size() * 4 + raw.size() / 16 * 12);
    for (qsizetype offset = 0; offset < raw.size(); offset += 16) {
        out += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype k = 0; k < 16; ++k) {
            if (offset + k < raw.size()) {
                const uchar c = uchar(raw[offset + k]);
                out += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += c >= 0x20 && c < 0x7f ? QChar(char16_t(c)) : QChar(u'.');
            } else {
                out += QStringLiteral("   ");
            }
            if (k == 7)
                out += u' ';
        }
        out += u' ' + ascii + u'\n';
    }
    return out;
}

LoadedMessage fromBytes(const QByteArray &raw, const QString &filePath, const Lint::Transport &transport)
{
    LoadedMessage loaded;
    loaded.raw = raw;
    loaded.filePath = filePath;
    loaded.parsed = Mime::parseMessage(raw);
    loaded.lint = Lint::MailLint::run(loaded.parsed, transport);
    loaded.sourceTruncated = raw.size() > LoadedMessage::SourceLimit;
    loaded.sourceText = sourceText(
        QByteArrayView(raw).first(std::min(raw.size(), LoadedMessage::SourceLimit)), &loaded.sourceIsBinary);
    return loaded;
}

LoadedMessage loadStored(const Store::MessageStore *store, qint64 id)
{
    const auto info = store->message(id);
    QString error;
    const auto raw = info ? store->readMessage(id, &error) : std::nullopt;
    if (!info || !raw) {
        LoadedMessage failed;
        failed.error = info
            ? error
            : QCoreApplication::translate("MessageLoader", "message %1 is no longer in the store").arg(id);
        return failed;
    }
    LoadedMessage loaded
        = fromBytes(*raw, store->filePath(*info), Lint::Transport::fromEnvelope(info->envelope));
    loaded.info = info;
    loaded.trace = store->trace(id);
    return loaded;
}

LoadedMessage loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadedMessage failed;
        failed.filePath = path;
        failed.error = QCoreApplication::translate("MessageLoader", "cannot read %1: %2")
                           .arg(path, file.errorString());
        return failed;
    }
    return fromBytes(file.readAll(), path);
}

} // namespace MailSink::Ui::MessageLoader
