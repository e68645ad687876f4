#pragma once

#include "client/SmtpClientSession.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace MailSink::Test {

// A client conversation written as the protocol reads:
//   S: 250-mail.example        server line, CRLF appended; consecutive S lines arrive together,
//                              split into chunks of the given size
//   C: EHLO client             expected client line, CRLF appended
//   R: BDAT 3 LAST\r\nabc      expected raw client bytes with C escapes, nothing appended
//   !tls                       expect Event::StartTls, then the handshake succeeds
//   !tlsfail                   expect Event::StartTls, then the handshake fails
//   !lost                      the server closes the connection
//   !timeout                   the owner's reply timer runs out
//   # comment
class ClientScript
{
public:
    struct Result
    {
        QStringList mismatches;
        Client::SendResult result;
        bool finished = false;
        bool closeEvent = false;
        QByteArray output;
        Trace trace;
    };
    static ClientScript fromText(const QByteArray &text);
    static ClientScript fromFile(const QString &path);
    Result play(qsizetype chunkSize, const Client::ClientConfig &config,
        const Client::OutgoingMessage &message) const;

private:
    struct Step
    {
        char kind; // 'S', 'C', 'R', '!'
        QByteArray bytes;
    };
    QList<Step> m_steps;
};

Client::OutgoingMessage simpleMessage(const QByteArray &data = {});

// Python's aiosmtpd (Debian python3-aiosmtpd) as an independent server, in its own process.
class Aiosmtpd
{
public:
    struct Options
    {
        Options(const QString &mode_ = QStringLiteral("plain"), const QString &auth_ = {})
            : mode(mode_)
            , auth(auth_)
        { }
        QString mode; // plain | starttls | tls
        QString auth; // "user:password" requires AUTH
        bool smtputf8 = true;
        qint64 sizeLimit = 0;
    };
    static bool available();
    explicit Aiosmtpd(const Options &options);
    ~Aiosmtpd();
    bool started() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString errorText() const { return m_error; }
    struct Received
    {
        QByteArray data;
        QByteArray mailFrom;
        QList<QByteArray> recipients;
        QStringList mailOptions;
        QString authUser;
        bool tls = false;
    };
    QList<Received> messages();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

// A self-signed certificate for localhost made with openssl; returns false when openssl is missing.
bool makeCertificate(const QString &dir, QString *error);

} // namespace MailSink::Test
