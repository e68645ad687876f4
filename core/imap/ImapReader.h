#pragma once

#include "MessageFlags.h"

#include <QByteArray>

#include <optional>

namespace MailSink::Imap {

// Reads the tokens of one complete command (RFC 3501 9): the line with its literals in place, each literal
// as "{n}\r\n" or "{n+}\r\n" (RFC 7888) followed by its n octets, as ImapSession collected them.
class ImapReader
{
public:
    explicit ImapReader(const QByteArray &command);

    bool atEnd() const { return m_pos >= m_data.size(); }
    char peek() const { return atEnd() ? '\0' : m_data.at(m_pos); }
    bool consume(char c); // the next character is c: take it
    bool space() { return consume(' '); }
    std::optional<QByteArray> tag();
    std::optional<QByteArray> atom(); // 1*ATOM-CHAR
    std::optional<QByteArray> fetchName(); // an atom that ends before '[' (BODY.PEEK[...])
    std::optional<QByteArray> string(); // quoted or literal
    std::optional<QByteArray> astring(); // 1*ASTRING-CHAR or string
    std::optional<QByteArray> listMailbox(); // 1*list-char (atoms with % and *) or string
    std::optional<quint32> number(); // nz or zero, at most 4294967295
    // A sequence set in its raw form (digits, ':', ',', '*'); SequenceSet parses it.
    std::optional<QByteArray> sequenceSet();
    // A flag list for STORE: "(flag ...)" or flags separated by spaces; \Recent is dropped (it cannot be
    // stored); nullopt when malformed or a flag is not allowed.
    std::optional<MessageFlags> flagList();
    // Up to (not including) `stop`, for a FETCH section spec (no literals there).
    QByteArray until(char stop);
    QByteArray rest() const { return m_data.mid(m_pos); }
    qsizetype position() const { return m_pos; }
    void seek(qsizetype position) { m_pos = position; }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

} // namespace MailSink::Imap
