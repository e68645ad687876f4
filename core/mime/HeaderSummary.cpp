#include "HeaderSummary.h"

#include <QByteArray>

namespace MailSink::Mime {

namespace {

QString decodeValue(const QByteArray &raw)
{
    // Header bytes are UTF-8 in practice; anything else falls back to Latin-1 losslessly.
    QString text = QString::fromUtf8(raw);
    if (text.contains(QChar::ReplacementCharacter))
        text = QString::fromLatin1(raw);
    return text.simplified();
}

} // namespace

HeaderSummary summarizeHeaders(QByteArrayView head)
{
    HeaderSummary summary;
    QByteArray current;
    auto take = [&summary](const QByteArray &field) {
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0)
            return;
        const QByteArray name = field.left(colon).trimmed().toLower();
        const QByteArray value = field.mid(colon + 1).trimmed();
        if (name == "subject")
            summary.subject = decodeValue(value);
        else if (name == "from")
            summary.from = decodeValue(value);
        else if (name == "to")
            summary.to = decodeValue(value);
        else if (name == "content-type")
            summary.hasAttachments = value.toLower().startsWith("multipart/mixed");
    };
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype end = head.indexOf('\n', pos);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = end + 1;
        if (line.isEmpty())
            break;
        if ((line.front() == ' ' || line.front() == '\t') && !current.isEmpty()) {
            current.append(' ').append(line.trimmed());
            continue;
        }
        take(current);
        current = line.toByteArray();
    }
    take(current);
    return summary;
}

} // namespace MailSink::Mime
