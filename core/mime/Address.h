#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace MailSink::Mime {

// One mailbox of an RFC 5322 section 3.4 address list.
struct Address
{
    QString name; // display name, decoded (RFC 2047) and unquoted; may be empty
    QString address; // addr-spec, e.g. "alice@example.com"
    QString raw; // the mailbox as written (undecoded)
    QString group; // the group it was listed in ("Team: a@x, b@y;"), else empty

    QString display() const; // "Name <address>" or just the address
    friend bool operator==(const Address &, const Address &) = default;
};

// Parses an address list leniently: quoted names with commas, comments, groups (flattened into their
// members), routes, bare addresses, "addr (Name)" and names in unquoted 8-bit or encoded words.
QList<Address> parseAddressList(QByteArrayView raw);

// "Name <address>, ..." for display.
QString formatAddresses(const QList<Address> &addresses);

} // namespace MailSink::Mime
