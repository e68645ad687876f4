#pragma once

#include "Check.h"
#include "Transport.h"

#include "mime/ParsedMessage.h"

namespace MailSink::Lint {

// Checks a message as its sender built it: RFC 5322 header and line rules, MIME structure and transfer
// encodings (RFC 2045/2046/2183/2392), what the SMTP envelope allowed (RFC 6152, RFC 6531), HTML habits
// that cost deliverability or accessibility, size limits of big providers, and HTML features big clients
// do not render (caniemail data). Pure function of its input; safe on any thread.
class MailLint
{
public:
    struct SizeLimit
    {
        QString provider;
        qint64 bytes;
    };
    static QList<SizeLimit> sizeLimits(); // largest first

    static Report run(const Mime::ParsedMessage &message, const Transport &transport = {});
    static Report run(const QByteArray &raw, const Transport &transport = {});
};

} // namespace MailSink::Lint
