#pragma once

#include <QByteArrayView>
#include <QString>

namespace MailSink::Mime {

// What the message list shows, taken from the header block alone (cheap enough for every commit).
struct HeaderSummary
{
    QString subject;
    QString from; // display form, e.g. "Alice <alice@example.com>"
    QString to;
    bool hasAttachments = false; // a guess from the top-level Content-Type
};

// `head` is the start of the message; reading stops at the first empty line.
HeaderSummary summarizeHeaders(QByteArrayView head);

} // namespace MailSink::Mime
