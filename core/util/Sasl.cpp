#include "Sasl.h"

#include <QList>

namespace MailSink::Sasl {

std::optional<QByteArray> decodeBase64(const QByteArray &text)
{
    if (text.isEmpty() || text == "=")
        return QByteArray();
    auto result = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return result.decoded;
}

std::optional<PlainCredentials> parsePlain(const QByteArray &message)
{
    const QList<QByteArray> fields = message.split('\0');
    if (fields.size() != 3 || fields.at(1).isEmpty())
        return std::nullopt;
    return PlainCredentials {fields.at(0), fields.at(1), fields.at(2)};
}

} // namespace MailSink::Sasl
