#pragma once

// Internal to core/mime: the structure of a message as byte ranges, free of mimetic types.

#include <QList>
#include <QStringList>

namespace MailSink::Mime {

struct MimeNode
{
    qsizetype headerBegin = 0; // offsets into the raw message
    qsizetype bodyBegin = 0;
    qsizetype bodyEnd = 0; // for a container: the end of its epilogue
    QList<int> children; // indexes into MimeTree::nodes; non-empty only for parsed containers
    int parent = -1;
    int depth = 0;
    bool container = false; // a multipart whose parts were found
    bool tooDeep = false; // a multipart below the nesting bound: left unparsed
    bool closed = false; // a container that saw its closing boundary
    bool closedImplicitly = false; // ... or an outer boundary that implies it
};

struct MimeTree
{
    QList<MimeNode> nodes; // nodes[0] is the message itself; document order
    QStringList warnings;
};

// The bounds that keep hostile input away from mimetic's recursive, quadratic corners.
struct MimeLimits
{
    int maxDepth = 64; // deeper multiparts are kept as one unparsed leaf
    int maxChainDepth = 256; // nested message/rfc822 headers (no boundary between them)
    int maxParts = 10000; // entities in one message; the rest is left unparsed
    qsizetype maxFieldSize = 128 * 1024; // one header field, folding included
    qsizetype maxHeaderSize = 1024 * 1024; // one header block
};

} // namespace MailSink::Mime
