#include "SmtpReply.h"

namespace MailSink::Client {

QByteArray SmtpReply::toText() const
{
    const QByteArray number = QByteArray::number(code);
    if (lines.isEmpty())
        return number;
    QByteArray text;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            text += '\n';
        text += number;
        if (!lines.at(i).isEmpty() || i + 1 < lines.size())
            text += (i + 1 < lines.size() ? '-' : ' ') + lines.at(i);
    }
    return text;
}

} // namespace MailSink::Client
