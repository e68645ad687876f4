#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace MailSink::Mime {

// One RFC 5322 section 2.2 header block, split into fields without interpreting them. Linear in the
// input however it is folded, so it is safe on hostile multi-megabyte headers.
class HeaderBlock
{
public:
    struct Field
    {
        QByteArray name; // as written
        QByteArray value; // as written after the colon: leading blanks removed, folding kept
    };

    // Reads from the start of `data` up to and including the empty line that ends the block. A line
    // that is neither a field nor a continuation also ends the block (it is then the first body line).
    static HeaderBlock parse(QByteArrayView data);

    const QList<Field> &fields() const { return m_fields; }
    qsizetype bodyOffset() const { return m_bodyOffset; } // where the body starts in `data`
    bool endedOnEmptyLine() const { return m_emptyLine; }

    // The first field with this name (case-insensitive), or a null array.
    QByteArray value(QByteArrayView name) const;
    bool contains(QByteArrayView name) const;

private:
    QList<Field> m_fields;
    qsizetype m_bodyOffset = 0;
    bool m_emptyLine = false;
};

} // namespace MailSink::Mime
