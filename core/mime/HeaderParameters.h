#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace MailSink::Mime {

// A "value; name=param; ..." header as in Content-Type (RFC 2045 section 5.1) and Content-Disposition
// (RFC 2183), with RFC 2231 parameter continuations, charsets and percent-encoding, and (not standard
// but common) RFC 2047 encoded words inside quoted parameter values.
class HeaderParameters
{
public:
    static HeaderParameters parse(QByteArrayView raw);

    QByteArray value() const { return m_value; } // lower-cased, e.g. "text/plain" or "attachment"
    // The decoded parameter, or a null QString when absent. Names are case-insensitive.
    QString parameter(QByteArrayView name) const;
    bool hasParameter(QByteArrayView name) const { return !parameter(name).isNull(); }
    QList<std::pair<QByteArray, QString>> parameters() const { return m_parameters; }
    // The bytes of a parameter unquoted but not decoded (continuations joined), for values that are
    // not text, such as a multipart boundary. Null when absent.
    QByteArray rawParameter(QByteArrayView name) const;

private:
    QByteArray m_value;
    QList<std::pair<QByteArray, QString>> m_parameters; // lower-case name, decoded value
    QList<std::pair<QByteArray, QByteArray>> m_raw; // lower-case name, undecoded bytes
};

} // namespace MailSink::Mime
