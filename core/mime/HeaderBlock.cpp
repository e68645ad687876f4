#include "HeaderBlock.h"

namespace MailSink::Mime {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Length of the field name if `line` starts a field ("name:" with optional blanks before the colon).
qsizetype fieldNameLength(QByteArrayView line, qsizetype *colon)
{
    qsizetype i = 0;
    while (i < line.size() && uchar(line[i]) > 32 && uchar(line[i]) < 127 && line[i] != ':')
        ++i;
    const qsizetype nameEnd = i;
    while (i < line.size() && isBlank(line[i]))
        ++i;
    if (nameEnd == 0 || i >= line.size() || line[i] != ':')
        return -1;
    *colon = i;
    return nameEnd;
}

} // namespace

HeaderBlock HeaderBlock::parse(QByteArrayView data)
{
    HeaderBlock block;
    const qsizetype n = data.size();
    qsizetype pos = 0;
    qsizetype fieldStart = -1; // start of the value of the field being collected
    qsizetype fieldEnd = -1; // end of its last line, without the line break
    QByteArray name;
    auto finish = [&] {
        if (fieldStart >= 0)
            block.m_fields.append({name, data.sliced(fieldStart, fieldEnd - fieldStart).toByteArray()});
        fieldStart = -1;
    };
    while (pos < n) {
        qsizetype end = data.sliced(pos).indexOf('\n');
        const qsizetype next = end < 0 ? n : pos + end + 1;
        end = end < 0 ? n : pos + end;
        qsizetype contentEnd = end;
        if (contentEnd > pos && data[contentEnd - 1] == '\r')
            --contentEnd;
        const QByteArrayView line = data.sliced(pos, contentEnd - pos);
        if (line.isEmpty()) {
            finish();
            block.m_emptyLine = true;
            block.m_bodyOffset = next;
            return block;
        }
        if (isBlank(line.front())) {
            if (fieldStart < 0)
                break; // a continuation with nothing to continue: the body has begun
            fieldEnd = contentEnd;
            pos = next;
            continue;
        }
        qsizetype colon = 0;
        const qsizetype nameLength = fieldNameLength(line, &colon);
        if (nameLength < 0)
            break;
        finish();
        name = line.first(nameLength).toByteArray();
        qsizetype valueStart = pos + colon + 1;
        while (valueStart < contentEnd && isBlank(data[valueStart]))
            ++valueStart;
        fieldStart = valueStart;
        fieldEnd = contentEnd;
        pos = next;
    }
    finish();
    block.m_bodyOffset = pos;
    return block;
}

QByteArray HeaderBlock::value(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return field.value.isNull() ? QByteArray("") : field.value;
    }
    return {};
}

bool HeaderBlock::contains(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (field.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace MailSink::Mime
