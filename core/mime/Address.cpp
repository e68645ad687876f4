#include "Address.h"

#include "HeaderDecoding.h"

#include <QStringList>

namespace MailSink::Mime {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct Mailbox
{
    QByteArray phrase; // display-name words, unquoted, separated by single spaces
    QByteArray spec; // addr-spec characters outside angle brackets
    QByteArray angle; // inside <...>
    QByteArray comment; // last comment, for "addr (Name)"
    bool hasAngle = false;
    bool phraseQuoted = false;
    qsizetype start = -1;
    qsizetype end = -1;
};

void appendWord(QByteArray &phrase, QByteArrayView word, bool spaceBefore)
{
    if (!phrase.isEmpty() && spaceBefore)
        phrase.append(' ');
    phrase.append(word);
}

QString cleanName(const QByteArray &phrase)
{
    QString name = decodeHeader(phrase).simplified();
    // Some writers quote the name twice ("\"Alice\"") or wrap it in single quotes.
    while (name.size() >= 2
        && ((name.front() == u'"' && name.back() == u'"') || (name.front() == u'\'' && name.back() == u'\'')))
        name = name.mid(1, name.size() - 2).trimmed();
    return name;
}

QString cleanAddress(QByteArray spec)
{
    // Routes (obs-route, RFC 5322 section 4.4): <@relay1,@relay2:user@host>
    const qsizetype colon = spec.lastIndexOf(':');
    if (spec.startsWith('@') && colon >= 0)
        spec = spec.mid(colon + 1);
    QByteArray out;
    out.reserve(spec.size());
    for (const char c : std::as_const(spec)) {
        if (!isSpace(c))
            out.append(c);
    }
    return utf8OrLatin1(out);
}

} // namespace

QString Address::display() const
{
    if (name.isEmpty())
        return address;
    if (address.isEmpty())
        return name;
    return name + QStringLiteral(" <") + address + u'>';
}

QList<Address> parseAddressList(QByteArrayView input)
{
    const QByteArray raw = unfold(input);
    QList<Address> result;
    Mailbox current;
    QString group;
    bool spacePending = false;

    auto finish = [&](qsizetype end) {
        Mailbox box = current;
        current = Mailbox();
        spacePending = false;
        if (box.start < 0)
            return;
        box.end = end;
        Address address;
        address.group = group;
        address.raw = utf8OrLatin1(QByteArrayView(raw).sliced(box.start, box.end - box.start).trimmed());
        if (box.hasAngle) {
            address.address = cleanAddress(box.angle);
            address.name = cleanName(box.phrase + (box.spec.isEmpty() ? QByteArray() : ' ' + box.spec));
        } else {
            QByteArray spec = box.phrase;
            spec += box.spec;
            address.address = cleanAddress(spec);
            if (!box.comment.isEmpty())
                address.name = cleanName(box.comment);
            if (box.phraseQuoted && !address.address.contains(u'@')) {
                // Just a quoted name, no address at all.
                address.name = cleanName(box.phrase);
                address.address.clear();
            }
        }
        if (address.address.isEmpty() && address.name.isEmpty())
            return;
        result.append(address);
    };

    const qsizetype n = raw.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = raw[i];
        if (isSpace(c)) {
            spacePending = true;
            ++i;
            continue;
        }
        if (current.start < 0 && c != ',' && c != ';')
            current.start = i;
        if (c == '"') {
            QByteArray word;
            ++i;
            while (i < n && raw[i] != '"') {
                if (raw[i] == '\\' && i + 1 < n)
                    ++i;
                word.append(raw[i]);
                ++i;
            }
            ++i;
            appendWord(current.hasAngle ? current.spec : current.phrase, word, spacePending);
            current.phraseQuoted = true;
            spacePending = false;
        } else if (c == '(') {
            int depth = 0;
            QByteArray comment;
            while (i < n) {
                const char ch = raw[i++];
                if (ch == '\\' && i < n) {
                    comment.append(raw[i++]);
                    continue;
                }
                if (ch == '(' && depth++ == 0)
                    continue;
                if (ch == ')' && --depth == 0)
                    break;
                comment.append(ch);
            }
            current.comment = comment.trimmed();
            spacePending = true;
        } else if (c == '<') {
            QByteArray angle;
            ++i;
            while (i < n && raw[i] != '>') {
                if (raw[i] == '"') { // quoted local part inside the brackets
                    angle.append(raw[i++]);
                    while (i < n && raw[i] != '"') {
                        if (raw[i] == '\\' && i + 1 < n)
                            angle.append(raw[i++]);
                        angle.append(raw[i++]);
                    }
                    if (i < n)
                        angle.append(raw[i++]);
                    continue;
                }
                angle.append(raw[i++]);
            }
            ++i;
            if (!current.hasAngle) {
                current.angle = angle;
                current.hasAngle = true;
            }
            spacePending = false;
        } else if (c == ',') {
            finish(i);
            ++i;
        } else if (c == ':' && !current.hasAngle && !current.phrase.contains('@') && group.isEmpty()
            && current.start >= 0) {
            // "Group name:" starts a group (RFC 5322 section 3.4).
            group = cleanName(current.phrase);
            current = Mailbox();
            spacePending = false;
            ++i;
        } else if (c == ';') {
            finish(i);
            group.clear();
            ++i;
        } else {
            qsizetype j = i;
            while (j < n && !isSpace(raw[j]) && raw[j] != '"' && raw[j] != '(' && raw[j] != '<'
                && raw[j] != ',' && raw[j] != ';' && !(raw[j] == ':' && group.isEmpty() && !current.hasAngle))
                ++j;
            if (j == i)
                j = i + 1;
            const QByteArrayView word = QByteArrayView(raw).sliced(i, j - i);
            // Inside an addr-spec ("a @ b") words join without spaces; in a phrase they keep one.
            const bool inSpec = word.contains('@') || current.phrase.endsWith('@') || word.startsWith('.')
                || current.phrase.endsWith('.');
            if (current.hasAngle)
                appendWord(current.spec, word, spacePending);
            else
                appendWord(current.phrase, word, spacePending && !inSpec);
            spacePending = false;
            i = j;
        }
    }
    finish(n);
    return result;
}

QString formatAddresses(const QList<Address> &addresses)
{
    QStringList list;
    for (const Address &address : addresses)
        list.append(address.display());
    return list.join(QStringLiteral(", "));
}

} // namespace MailSink::Mime
