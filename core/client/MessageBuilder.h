#pragma once

#include "SmtpClientSession.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace MailSink::Client {

struct Mailbox
{
    QString name; // display name, any language; may be empty
    QString address;
};

// Composes an RFC 5322 / MIME (RFC 2045-2049) message: multipart/mixed ⊃ related ⊃ alternative as
// needed, RFC 2047 encoded words in Subject and names, RFC 2231 file names, base64 or
// quoted-printable chosen per part, Date and Message-ID, CRLF line ends throughout.
class MessageBuilder
{
public:
    void setFrom(const Mailbox &from) { m_from = from; }
    void setReplyTo(const Mailbox &replyTo) { m_replyTo = replyTo; }
    void addTo(const Mailbox &to) { m_to.append(to); }
    void addCc(const Mailbox &cc) { m_cc.append(cc); }
    void addBcc(const Mailbox &bcc) { m_bcc.append(bcc); } // envelope only, unless setIncludeBcc(true)
    void setIncludeBcc(bool include) { m_includeBcc = include; }
    void setSubject(const QString &subject) { m_subject = subject; }
    void setText(const QString &text) { m_text = text; }
    void setHtml(const QString &html) { m_html = html; }
    void addAttachment(const QString &fileName, const QByteArray &contentType, const QByteArray &data);
    // An image (or any part) the HTML refers to as "cid:<returned id>"; goes into multipart/related.
    QByteArray addInline(const QString &fileName, const QByteArray &contentType, const QByteArray &data,
        const QByteArray &contentId = {});
    void addHeader(const QByteArray &name, const QString &value); // unstructured; encoded if needed
    void setDate(const QDateTime &date) { m_date = date; }
    void setMessageId(const QByteArray &messageId) { m_messageId = messageId; } // without <>
    void setRandomSeed(quint32 seed) { m_seed = seed; } // reproducible boundaries and ids

    QByteArray build() const;
    QByteArray envelopeSender() const;
    QList<QByteArray> envelopeRecipients() const; // To, Cc and Bcc, each once
    OutgoingMessage toOutgoing() const { return {envelopeSender(), envelopeRecipients(), build()}; }

    // The encodings, for tests and other composers.
    static QByteArray encodeUnstructured(const QString &text); // RFC 2047 2, 5(1) where needed
    static QByteArray encodePhrase(const QString &text); // RFC 5322 phrase or RFC 2047 5(3)
    static QByteArray encodeMailbox(const Mailbox &mailbox); // "Name <local@domain>", IDN domain as ACE
    static QByteArray encodeAddress(const QString &address); // addr-spec, IDN domain as ACE
    static QByteArray encodeParameter(const QByteArray &name, const QString &value); // RFC 2231
    static QByteArray fold(const QByteArray &field); // RFC 5322 2.2.3 at whitespace
    static QByteArray quotedPrintable(QByteArrayView data); // RFC 2045 6.7, CRLF as hard breaks
    static QByteArray base64(QByteArrayView data); // RFC 2045 6.8, 76-column lines
    static QByteArray formatDate(const QDateTime &date); // RFC 5322 3.3

private:
    struct Part
    {
        QString fileName;
        QByteArray contentType;
        QByteArray data;
        QByteArray contentId;
    };

    Mailbox m_from;
    std::optional<Mailbox> m_replyTo;
    QList<Mailbox> m_to;
    QList<Mailbox> m_cc;
    QList<Mailbox> m_bcc;
    bool m_includeBcc = false;
    QString m_subject;
    QString m_text;
    QString m_html;
    QList<Part> m_attachments;
    QList<Part> m_inline;
    QList<std::pair<QByteArray, QString>> m_headers;
    QDateTime m_date;
    QByteArray m_messageId;
    std::optional<quint32> m_seed;
};

} // namespace MailSink::Client
