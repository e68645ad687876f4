#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace MailSink::Imap {

// The MIME structure of one message as IMAP presents it (RFC 3501 6.4.5, 7.4.2): ENVELOPE, BODYSTRUCTURE
// and the octets of BODY[section]. Works on byte ranges of the CRLF message, so a section is exactly the
// bytes stored; bounded in depth and part count, so hostile nesting cannot exhaust the stack.
class MessageStructure
{
public:
    explicit MessageStructure(QByteArray crlf);

    const QByteArray &bytes() const { return m_bytes; }
    QByteArray envelope() const { return envelope(0); }
    QByteArray bodyStructure(bool extended) const { return bodyStructure(0, extended); }
    // The text of a section spec as written between the brackets ("", "1.2", "HEADER.FIELDS (To)",
    // "2.MIME", ...); nullopt when it names no part or is malformed.
    std::optional<QByteArray> section(const QByteArray &spec) const;
    // Every value of a top-level header field, unfolded, as written (for SEARCH).
    QList<QByteArray> headerValues(const QByteArray &name) const;
    QByteArray header() const; // the top-level header, with the blank line that ends it
    QByteArray text() const; // the body of the top-level message

    static constexpr int MaxDepth = 32;
    static constexpr int MaxEntities = 2000;

private:
    struct Field
    {
        QByteArray name;
        qsizetype begin = 0; // the field's first octet
        qsizetype valueBegin = 0; // after the colon
        qsizetype end = 0; // after its last CRLF
    };
    struct Entity
    {
        qsizetype headerBegin = 0;
        qsizetype bodyBegin = 0;
        qsizetype end = 0;
        QList<Field> fields;
        QByteArray type = "text"; // lower case
        QByteArray subtype = "plain";
        QByteArray contentType; // the raw field value, unfolded
        QList<int> children; // parts of a multipart
        int message = -1; // the encapsulated message of a message/rfc822 part
    };

    int parseEntity(qsizetype begin, qsizetype end, int depth, bool digestPart);
    QByteArray fieldValue(const Entity &entity, const QByteArray &name) const; // first one, unfolded
    QByteArray envelope(int entity) const;
    QByteArray bodyStructure(int entity, bool extended) const;
    QByteArray addressList(const Entity &entity, const QByteArray &name) const;
    QByteArray headerFields(const Entity &entity, const QList<QByteArray> &names, bool exclude) const;
    QByteArray range(qsizetype begin, qsizetype end) const { return m_bytes.mid(begin, end - begin); }

    QByteArray m_bytes;
    QList<Entity> m_entities;
};

} // namespace MailSink::Imap
