#include "MimeticAdapter.h"

#include "HeaderBlock.h"
#include "HeaderParameters.h"

#include <mimetic/mimeentity.h>
#include <mimetic/parser/itparser.h>

#include <cstring>
#include <functional>
#include <unordered_map>
#include <vector>

namespace MailSink::Mime {

namespace {

bool containsRfc822(const char *begin, const char *end)
{
    static constexpr char needle[] = "rfc822";
    const qsizetype n = sizeof(needle) - 1;
    for (const char *p = begin; p + n <= end; ++p) {
        if ((*p | 0x20) != 'r')
            continue;
        qsizetype i = 1;
        while (i < n && (p[i] | 0x20) == needle[i])
            ++i;
        if (i == n)
            return true;
    }
    return false;
}

using MimeticParser = mimetic::IteratorParser<const char *, std::input_iterator_tag>;

// mimetic's parser with its boundary scanner replaced (copy_until_boundary is its virtual hook):
// - lines are matched against the open boundaries exactly ("--b", "--b--", trailing white space),
//   never as substrings, and in one linear pass;
// - a boundary of an outer multipart closes the inner ones (mimetic would drop the rest of the message);
// - bodies are recorded as byte ranges, not copied;
// - multiparts below the depth bound are left unparsed, and header blocks are checked against the size
//   bounds before mimetic's header parser gets to them.
class GuardedParser : public MimeticParser
{
public:
    struct Info
    {
        qsizetype bodyBegin = -1;
        qsizetype contentEnd = -1;
        std::vector<qsizetype> childStarts;
        bool tooDeep = false;
        bool noBoundary = false; // a multipart without a boundary parameter: left unsplit
        bool closed = false;
        bool closedImplicitly = false;
    };

    GuardedParser(mimetic::MimeEntity &root, QByteArrayView raw, const MimeLimits &limits)
        : MimeticParser(root)
        , m_begin(raw.data())
        , m_raw(raw)
        , m_limits(limits)
    { }

    void parse() { run(m_raw.data(), m_raw.data() + m_raw.size()); }

    const Info *info(const mimetic::MimeEntity *entity) const
    {
        const auto it = m_info.find(entity);
        return it == m_info.end() ? nullptr : &it->second;
    }
    QStringList warnings() const { return m_warnings; }

protected:
    void copy_until_boundary(mimetic::ParsingElem pe) override
    {
        mimetic::MimeEntity *top = m_entityStack.top();
        Info &entry = m_info[top];
        if (m_stopped) {
            m_lastBoundary = NoBoundary;
            return;
        }
        const char *start = m_bit;
        if ((pe == peBody || pe == pePreamble) && entry.bodyBegin < 0) {
            // mimetic's header parser moves the start of a line that is not a field (a body without a
            // blank line before it, or straight away a boundary) into the body: the bytes just before
            // the cursor, from the start of that line. Scan from there.
            const qsizetype salvaged = qMin(qsizetype(top->body().size()), qsizetype(start - m_begin));
            start -= salvaged;
            entry.bodyBegin = start - m_begin;
            top->body().clear();
        }
        bool skipOwn = false;
        if (pe == pePreamble) {
            const std::size_t level = m_boundaryList.size();
            if (m_owners.size() <= level)
                m_owners.resize(level + 1, nullptr);
            m_owners[level] = top;
            if (!correctBoundary(entry.bodyBegin)) {
                // No boundary parameter: nothing can delimit its parts (RFC 2046 section 5.1.1 makes the
                // parameter mandatory); mimetic would split at every line starting with "--".
                skipOwn = true;
                entry.noBoundary = true;
            } else if (int(m_entityStack.size()) > m_limits.maxDepth) {
                skipOwn = true; // too deep: do not look for this multipart's parts
                entry.tooDeep = true;
            }
        }

        const char *line = start;
        while (line < m_eit) {
            const char *next = nextLine(line);
            const Delimiter delimiter = matchDelimiter(line, next, skipOwn);
            if (delimiter.level >= 0) {
                onBoundary(entry, start, line, next, delimiter.level, delimiter.closing);
                return;
            }
            line = next;
        }
        qsizetype end = m_eit - m_begin;
        if (pe == peBody && !m_boundaryList.empty()) {
            // A part that runs to the end of the data: the end closes every open multipart as a delimiter
            // would, so the line break before it belongs to that missing delimiter (RFC 2046 section 5.1.1),
            // as it would have if the delimiter were there.
            if (end > entry.bodyBegin && m_begin[end - 1] == '\n')
                --end;
            if (end > entry.bodyBegin && m_begin[end - 1] == '\r')
                --end;
        }
        entry.contentEnd = qMax(entry.contentEnd, end);
        m_bit = m_eit;
        m_lastBoundary = NoBoundary;
    }

private:
    struct Delimiter
    {
        int level = -1; // index into m_boundaryList (0 = innermost); -1 when the line is no delimiter
        bool closing = false;
    };

    const char *nextLine(const char *line) const
    {
        const void *found = std::memchr(line, '\n', std::size_t(m_eit - line));
        return found ? static_cast<const char *>(found) + 1 : m_eit;
    }

    // Whether [line, next) is a delimiter line ("--b", optional white space) or a closing one ("--b--") of an
    // open multipart, matched exactly, never as a substring.
    Delimiter matchDelimiter(const char *line, const char *next, bool skipOwn) const
    {
        const char *contentEnd = next;
        if (contentEnd > line && contentEnd[-1] == '\n')
            --contentEnd;
        if (contentEnd > line && contentEnd[-1] == '\r')
            --contentEnd;
        if (contentEnd - line < 2 || line[0] != '-' || line[1] != '-')
            return {};
        int level = 0;
        for (const std::string &boundary : m_boundaryList) {
            if (level == 0 && skipOwn) {
                ++level;
                continue;
            }
            const qsizetype length = qsizetype(boundary.size());
            if (contentEnd - line >= length && std::memcmp(line, boundary.data(), std::size_t(length)) == 0) {
                const char *rest = line + length;
                const bool closing = contentEnd - rest >= 2 && rest[0] == '-' && rest[1] == '-';
                bool blank = true;
                for (const char *p = rest; p < contentEnd && blank; ++p)
                    blank = *p == ' ' || *p == '\t';
                if (closing || blank)
                    return {level, closing};
            }
            ++level;
        }
        return {};
    }

    // mimetic's own parameter parser keeps quotes around values with ';' and backslash escapes
    // (boundary="a;b" becomes "a), and it rewrites the field value once it has parsed it. Read the
    // boundary from the raw header with our parser, so it matches what the message model reports.
    // The entity's header is the last header block between where the last part began (a chain of
    // message/rfc822 headers may come first) and the start of its body.
    // Returns false when the header has no usable boundary parameter.
    bool correctBoundary(qsizetype bodyBegin)
    {
        if (m_boundaryList.empty() || bodyBegin < m_headerStart)
            return true;
        qsizetype pos = m_headerStart;
        HeaderBlock block;
        for (int guard = 0; guard <= m_limits.maxChainDepth + 1; ++guard) {
            block = HeaderBlock::parse(m_raw.sliced(pos, bodyBegin - pos));
            if (block.bodyOffset() <= 0 || pos + block.bodyOffset() >= bodyBegin)
                break;
            pos += block.bodyOffset();
        }
        const QByteArray boundary
            = HeaderParameters::parse(block.value("content-type")).rawParameter("boundary");
        if (boundary.isEmpty())
            return false;
        m_boundaryList.front() = "--" + boundary.toStdString();
        return true;
    }

    void onBoundary(
        Info &entry, const char *start, const char *line, const char *next, int level, bool closing)
    {
        // The line break before a boundary belongs to the boundary (RFC 2046 section 5.1.1).
        const char *contentEnd = line;
        if (contentEnd > start && contentEnd[-1] == '\n')
            --contentEnd;
        if (contentEnd > start && contentEnd[-1] == '\r')
            --contentEnd;
        entry.contentEnd = qMax(entry.contentEnd, contentEnd - m_begin);
        const std::size_t ownerLevel = m_boundaryList.size();
        mimetic::MimeEntity *owner = ownerLevel < m_owners.size() ? m_owners[ownerLevel] : nullptr;
        if (level > 0) {
            // An outer boundary: this multipart ends here. Report a close without consuming the line,
            // so mimetic pops one level and the outer multipart sees the same line next.
            if (owner && !m_info[owner].tooDeep)
                m_info[owner].closedImplicitly = true;
            m_bit = line;
            m_lastBoundary = ClosingBoundary;
            return;
        }
        if (closing) {
            if (owner)
                m_info[owner].closed = true;
            m_bit = next;
            m_lastBoundary = ClosingBoundary;
            return;
        }
        // Delimiter lines straight after this one enclose nothing: RFC 2046's grammar (section 5.1.1) has
        // no part between them, so none is made (Python's email package reads them the same way).
        for (Delimiter again = matchDelimiter(next, nextLine(next), false); next < m_eit && again.level == 0;
             again = matchDelimiter(next, nextLine(next), false)) {
            if (again.closing) {
                if (owner)
                    m_info[owner].closed = true;
                m_bit = nextLine(next);
                m_lastBoundary = ClosingBoundary;
                return;
            }
            next = nextLine(next);
        }
        QString why;
        if (++m_entities > m_limits.maxParts) {
            stop(line,
                QStringLiteral("more than %1 parts; the rest of the message is not split into parts")
                    .arg(m_limits.maxParts));
            return;
        }
        if (!MimeticAdapter::headersWithinLimits(
                m_raw, next - m_begin, int(m_entityStack.size()), m_limits, &why)) {
            stop(line, why + QStringLiteral("; the rest of the message is not split into parts"));
            return;
        }
        if (owner)
            m_info[owner].childStarts.push_back(next - m_begin);
        m_headerStart = next - m_begin;
        m_bit = next;
        m_lastBoundary = Boundary;
    }

    void stop(const char *at, const QString &why)
    {
        m_warnings.append(why);
        m_stopped = true;
        m_bit = at;
        m_lastBoundary = NoBoundary; // every level of mimetic's parser returns on this
    }

    const char *m_begin;
    QByteArrayView m_raw;
    MimeLimits m_limits;
    std::unordered_map<const mimetic::MimeEntity *, Info> m_info;
    std::vector<mimetic::MimeEntity *> m_owners; // the multipart owning each boundary-list level
    QStringList m_warnings;
    qsizetype m_headerStart = 0; // where mimetic's header parser last started on a new part
    int m_entities = 1;
    bool m_stopped = false;
};

class TreeBuilder
{
public:
    TreeBuilder(const GuardedParser &parser, QByteArrayView raw, MimeTree *tree)
        : m_parser(parser)
        , m_raw(raw)
        , m_tree(tree)
    { }

    void add(const mimetic::MimeEntity *entity, qsizetype start, int parent, int depth)
    {
        const int index = int(m_tree->nodes.size());
        m_tree->nodes.append(MimeNode());
        MimeNode node;
        node.parent = parent;
        node.depth = depth;
        node.headerBegin = start;
        const GuardedParser::Info *info = m_parser.info(entity);
        const mimetic::MimeEntityList &children = entity->body().parts();
        if (info && info->bodyBegin >= 0) {
            node.bodyBegin = qBound(start, info->bodyBegin, m_raw.size());
            node.bodyEnd = qMax(node.bodyBegin, contentEnd(entity));
            node.tooDeep = info->tooDeep;
            node.closed = info->closed;
            node.closedImplicitly = info->closedImplicitly;
            if (!children.empty() && !info->tooDeep && !info->noBoundary) {
                node.container = true;
                std::size_t k = 0;
                QList<std::pair<const mimetic::MimeEntity *, qsizetype>> pending;
                for (const mimetic::MimeEntity *child : children) {
                    const qsizetype childStart
                        = k < info->childStarts.size() ? info->childStarts[k] : node.bodyEnd;
                    pending.append({child, childStart});
                    ++k;
                }
                m_tree->nodes[index] = node;
                for (const auto &[child, childStart] : std::as_const(pending)) {
                    m_tree->nodes[index].children.append(int(m_tree->nodes.size()));
                    add(child, childStart, index, depth + 1);
                }
                return;
            }
        } else {
            // A message/rfc822 entity: mimetic went straight on into the embedded message, which for us
            // is the content of this leaf.
            const HeaderBlock header = HeaderBlock::parse(m_raw.sliced(start));
            node.bodyBegin = qMin(start + header.bodyOffset(), m_raw.size());
            node.bodyEnd = qMax(node.bodyBegin, contentEnd(entity));
        }
        m_tree->nodes[index] = node;
    }

private:
    qsizetype contentEnd(const mimetic::MimeEntity *entity)
    {
        const auto cached = m_ends.find(entity);
        if (cached != m_ends.end())
            return cached->second;
        qsizetype end = -1;
        if (const GuardedParser::Info *info = m_parser.info(entity))
            end = info->contentEnd;
        for (const mimetic::MimeEntity *child : entity->body().parts())
            end = qMax(end, contentEnd(child));
        m_ends[entity] = end;
        return end;
    }

    const GuardedParser &m_parser;
    QByteArrayView m_raw;
    MimeTree *m_tree;
    std::unordered_map<const mimetic::MimeEntity *, qsizetype> m_ends;
};

} // namespace

bool MimeticAdapter::headersWithinLimits(
    QByteArrayView raw, qsizetype offset, int depth, const MimeLimits &limits, QString *why)
{
    // Conservative on purpose: a block runs to the first empty line (mimetic may stop earlier, never
    // later), and every line mentioning rfc822 counts as one more nested message header.
    const char *const end = raw.data() + raw.size();
    const char *p = raw.data() + qMin(offset, raw.size());
    int chain = 0;
    while (p < end) {
        const char *blockStart = p;
        const char *fieldStart = p;
        int rfc822Lines = 0;
        bool emptyLine = false;
        while (p < end) {
            const void *found = std::memchr(p, '\n', std::size_t(end - p));
            const char *lineEnd = found ? static_cast<const char *>(found) : end;
            const char *next = found ? lineEnd + 1 : end;
            const char *content = lineEnd > p && lineEnd[-1] == '\r' ? lineEnd - 1 : lineEnd;
            if (content == p) {
                emptyLine = true;
                p = next;
                break;
            }
            if (*p != ' ' && *p != '\t')
                fieldStart = p;
            if (lineEnd - fieldStart > limits.maxFieldSize) {
                *why = QStringLiteral("a header field longer than %1 bytes").arg(limits.maxFieldSize);
                return false;
            }
            if (lineEnd - blockStart > limits.maxHeaderSize) {
                *why = QStringLiteral("a header block longer than %1 bytes").arg(limits.maxHeaderSize);
                return false;
            }
            if (containsRfc822(p, lineEnd))
                ++rfc822Lines;
            p = next;
        }
        if (rfc822Lines == 0 || !emptyLine)
            return true;
        chain += rfc822Lines;
        if (depth + chain > limits.maxChainDepth) {
            *why = QStringLiteral("message/rfc822 nested more than %1 levels deep").arg(limits.maxChainDepth);
            return false;
        }
    }
    return true;
}

bool MimeticAdapter::parse(QByteArrayView raw, const MimeLimits &limits, MimeTree *tree)
{
    tree->nodes.clear();
    QString why;
    if (!headersWithinLimits(raw, 0, 0, limits, &why)) {
        tree->warnings.append(why);
        return false;
    }
    try {
        mimetic::MimeEntity root;
        GuardedParser parser(root, raw, limits);
        parser.parse();
        tree->warnings += parser.warnings();
        TreeBuilder builder(parser, raw, tree);
        builder.add(&root, 0, -1, 0);
        return true;
    } catch (const std::exception &e) {
        tree->nodes.clear();
        tree->warnings.append(
            QStringLiteral("the MIME parser failed (%1)").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        tree->nodes.clear();
        tree->warnings.append(QStringLiteral("the MIME parser failed"));
    }
    return false;
}

} // namespace MailSink::Mime
