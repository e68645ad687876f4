#pragma once

#include <QByteArrayView>

namespace MailSink::Store {
struct Envelope;
}

namespace MailSink::Lint {

// What the SMTP envelope says about how a message was sent: the MAIL FROM parameters that allow 8-bit
// bodies (RFC 6152 BODY=8BITMIME, RFC 3030 BODY=BINARYMIME) and UTF-8 headers (RFC 6531 SMTPUTF8).
struct Transport
{
    bool known = false; // false for a file, or a message re-indexed without its envelope
    bool eightBitMime = false;
    bool smtpUtf8 = false;

    static Transport fromEnvelope(const Store::Envelope &envelope);
    static Transport fromMailParameters(QByteArrayView parameters); // "SIZE=10 BODY=8BITMIME SMTPUTF8"
};

} // namespace MailSink::Lint
