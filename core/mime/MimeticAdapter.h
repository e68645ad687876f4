#pragma once

#include "MimeTree.h"

#include <QByteArrayView>

namespace MailSink::Mime {

// The one place that uses mimetic (its header parser and entity-tree builder). Hostile input is bounded
// before mimetic sees it, boundaries are found by our own linear, line-anchored scanner (which also
// records byte ranges instead of copying bodies), and nothing mimetic throws gets out.
class MimeticAdapter
{
public:
    // Returns false (with `tree` holding a warning) when the message exceeds the bounds at its top-level
    // header, or mimetic failed; the caller then builds a flat view itself.
    static bool parse(QByteArrayView raw, const MimeLimits &limits, MimeTree *tree);

    // Whether the header block (or chain of message/rfc822 header blocks) at `offset` stays within the
    // bounds, checked conservatively and in linear time.
    static bool headersWithinLimits(
        QByteArrayView raw, qsizetype offset, int depth, const MimeLimits &limits, QString *why);
};

} // namespace MailSink::Mime
