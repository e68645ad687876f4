#include "Transport.h"

#include "store/Envelope.h"

#include <QByteArray>
#include <QList>

namespace MailSink::Lint {

Transport Transport::fromMailParameters(QByteArrayView parameters)
{
    Transport transport;
    transport.known = true;
    for (const QByteArray &parameter : parameters.toByteArray().simplified().split(' ')) {
        const QByteArray upper = parameter.toUpper();
        if (upper == "BODY=8BITMIME" || upper == "BODY=BINARYMIME")
            transport.eightBitMime = true;
        else if (upper == "SMTPUTF8")
            transport.smtpUtf8 = true;
    }
    return transport;
}

Transport Transport::fromEnvelope(const Store::Envelope &envelope)
{
    if (!envelope.known)
        return {};
    return fromMailParameters(envelope.mailParameters);
}

} // namespace MailSink::Lint
