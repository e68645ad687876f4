#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace MailSink::Store {

// The SMTP envelope of one message (RFC 5321 3.3), kept in the index beside the Maildir.
struct Envelope
{
    QByteArray mailFrom; // reverse-path without brackets; empty for the null sender <>
    QByteArray mailParameters; // e.g. "SIZE=1024 BODY=8BITMIME"
    QList<QByteArray> recipients;
    QByteArray helo; // HELO/EHLO argument
    bool extended = false; // EHLO rather than HELO
    QString clientAddress;
    quint16 clientPort = 0;
    QString tlsProtocol; // empty when the session was not encrypted
    QString tlsCipher;
    QByteArray authUser; // empty when not authenticated
    QDateTime received;
    bool known = true; // false when re-indexed from a Maildir file without an envelope

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const; // compact; what the index stores
    static Envelope fromJson(const QJsonObject &object);
};

} // namespace MailSink::Store
