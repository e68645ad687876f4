#include "ClientCommands.h"

#include "MessageHeaders.h"
#include "ServerAddress.h"
#include "SmtpSender.h"
#include "store/MessageStore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSysInfo>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

namespace MailSink::Client {

namespace {

enum ReleaseExit { ReleaseOk = 0, ReleaseFailed = 1, ReleaseUsage = 2 };
// <sysexits.h>, which sendmail's callers (PHP, cron, MTAs' wrappers) understand.
enum SendmailExit { ExOk = 0, ExUsage = 64, ExNoUser = 67, ExUnavailable = 69, ExTempFail = 75 };

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QByteArray traceLine(const TraceEntry &entry)
{
    switch (entry.kind) {
    case TraceEntry::Kind::Client:
        return "C: " + entry.text;
    case TraceEntry::Kind::Server:
        return "S: " + entry.text;
    case TraceEntry::Kind::Event:
        break;
    }
    return "*  " + entry.text;
}

std::function<void(const Trace &)> traceToStderr(bool verbose)
{
    if (!verbose)
        return {};
    return [](const Trace &lines) {
        for (const TraceEntry &entry : lines)
            err() << QString::fromUtf8(traceLine(entry)) << '\n';
        err().flush();
    };
}

QByteArray localHostName()
{
    const QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        return QByteArrayLiteral("localhost");
    const QByteArray ace = QUrl::toAce(host);
    return ace.isEmpty() ? host.toUtf8() : ace;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// "<a@b>", "Name <a@b>" or "a@b" as one envelope address; "<>" or "" is the null sender.
QByteArray envelopeAddress(const QString &text)
{
    const QList<QByteArray> addresses = MessageHeaders::addresses(text.toUtf8());
    return addresses.value(0);
}

std::optional<QByteArray> readPassword(const QString &path, QString *error)
{
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        *error = QStringLiteral("cannot read the password file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QByteArray password = file.readLine(); // the first line, without its line end
    while (password.endsWith('\n') || password.endsWith('\r'))
        password.chop(1);
    return password;
}

std::optional<QList<QSslCertificate>> readCertificates(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(file.readAll(), QSsl::Der);
    if (certificates.isEmpty()) {
        *error = QStringLiteral("no certificate in %1").arg(path);
        return std::nullopt;
    }
    return certificates;
}

// The options release and sendmail share: where to connect and how.
struct Connection
{
    QString target;
    Security security = Security::None;
    bool insecure = false;
    QList<QByteArray> fingerprints;
    QString caFile;
    QString user;
    QString passwordFile;
    QString helo;
    double timeoutSeconds = 0;
};

std::optional<SenderConfig> senderConfig(const Connection &connection, QString *error)
{
    const quint16 defaultPort = connection.security == Security::ImplicitTls ? 465
        : connection.security == Security::StartTls                          ? 587
                                                                             : 25;
    const auto address = ServerAddress::parse(connection.target, defaultPort, error);
    if (!address)
        return std::nullopt;
    SenderConfig config;
    config.host = address->host;
    config.port = address->port;
    config.session.security = connection.security;
    config.session.heloName = connection.helo.isEmpty() ? localHostName() : connection.helo.toUtf8();
    config.verifyCertificate = !connection.insecure;
    config.acceptedFingerprints = connection.fingerprints;
    if (!connection.caFile.isEmpty()) {
        const auto certificates = readCertificates(connection.caFile, error);
        if (!certificates)
            return std::nullopt;
        config.caCertificates = *certificates;
    }
    if (!connection.user.isEmpty()) {
        if (connection.passwordFile.isEmpty()) {
            *error = QStringLiteral("--user needs --password-file FILE (\"-\" reads standard input)");
            return std::nullopt;
        }
        const auto password = readPassword(connection.passwordFile, error);
        if (!password)
            return std::nullopt;
        config.session.user = connection.user.toUtf8();
        config.session.password = *password;
    } else if (!connection.passwordFile.isEmpty()) {
        *error = QStringLiteral("--password-file needs --user");
        return std::nullopt;
    }
    // A password may go unencrypted only to this machine, or when the user said --insecure.
    config.session.allowCleartextAuth = connection.insecure || isLoopbackHost(config.host);
    if (connection.timeoutSeconds > 0) {
        config.session.timeoutMs = int(connection.timeoutSeconds * 1000);
        config.connectTimeoutMs = config.session.timeoutMs;
    }
    return config;
}

void printFailure(const QString &prefix, const SendResult &result)
{
    err() << prefix << result.error << '\n';
    for (const RejectedRecipient &rejected : result.rejected) {
        err() << prefix << "recipient <" << QString::fromUtf8(rejected.address)
              << "> refused: " << QString::fromUtf8(rejected.reply).replace(u'\n', QStringLiteral(" / "))
              << '\n';
    }
    if (!result.peerFingerprint.isEmpty()) {
        err() << prefix << "if you trust this server, accept its certificate with --fingerprint "
              << QString::fromLatin1(result.peerFingerprint) << '\n';
    }
    err().flush();
}

} // namespace

int runRelease(const QStringList &arguments)
{
    auto usage = [](const QString &message) {
        err() << "mailsink release: " << message << Qt::endl;
        return int(ReleaseUsage);
    };
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Send a caught message, exactly as it was received, to another SMTP server."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption to(
        QStringLiteral("to"), QStringLiteral("Server to deliver to."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption startTls(
        QStringLiteral("starttls"), QStringLiteral("Upgrade with STARTTLS (RFC 3207)."));
    const QCommandLineOption tls(
        QStringLiteral("tls"), QStringLiteral("Implicit TLS from the first byte (RFC 8314)."));
    const QCommandLineOption insecure(
        QStringLiteral("insecure"), QStringLiteral("Accept any certificate; allow AUTH without TLS."));
    const QCommandLineOption fingerprint(QStringLiteral("fingerprint"),
        QStringLiteral("Accept the certificate with this SHA-256 fingerprint."), QStringLiteral("SHA256"));
    const QCommandLineOption caFile(QStringLiteral("cacert"),
        QStringLiteral("Also trust the CA certificates in FILE."), QStringLiteral("FILE"));
    const QCommandLineOption user(
        QStringLiteral("user"), QStringLiteral("AUTH user name."), QStringLiteral("USER"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
        QStringLiteral("Read the AUTH password from FILE (\"-\": standard input)."), QStringLiteral("FILE"));
    const QCommandLineOption from(QStringLiteral("from"),
        QStringLiteral("Envelope sender (default: the caught envelope's; \"<>\" for none)."),
        QStringLiteral("ADDR"));
    const QCommandLineOption rcpt(QStringLiteral("rcpt"),
        QStringLiteral("Envelope recipient; repeat for more (default: the caught envelope's)."),
        QStringLiteral("ADDR"));
    const QCommandLineOption store(QStringLiteral("store"),
        QStringLiteral("Maildir where caught mail is kept (default: $MAILSINK_STORE or "
                       "the app-data folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption helo(QStringLiteral("helo"),
        QStringLiteral("Name to give in EHLO (default: this host's)."), QStringLiteral("NAME"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        QStringLiteral("Seconds to wait for each reply."), QStringLiteral("SECONDS"));
    const QCommandLineOption verbose(QStringList {QStringLiteral("v"), QStringLiteral("verbose")},
        QStringLiteral("Print the SMTP conversation on standard error."));
    parser.addOptions({to, startTls, tls, insecure, fingerprint, caFile, user, passwordFile, from, rcpt,
        store, helo, timeout, verbose});
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("release"), QStringLiteral("The command."));
    parser.addPositionalArgument(
        QStringLiteral("ID"), QStringLiteral("The stored message (see mailsink list)."));
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ReleaseOk;
    }
    QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.first() == QLatin1String("release"))
        positional.removeFirst();
    if (positional.size() != 1)
        return usage(positional.isEmpty()
                ? QStringLiteral("which message? (mailsink release ID --to HOST:PORT)")
                : QStringLiteral("expected one message ID, got %1").arg(positional.join(u' ')));
    QString idText = positional.first();
    if (idText.startsWith(u'#'))
        idText.remove(0, 1);
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return usage(QStringLiteral("\"%1\" is not a message ID").arg(positional.first()));
    if (!parser.isSet(to))
        return usage(QStringLiteral("--to HOST:PORT is required"));
    if (parser.isSet(startTls) && parser.isSet(tls))
        return usage(QStringLiteral("--starttls and --tls exclude each other"));

    Connection connection;
    connection.target = parser.value(to);
    connection.security = parser.isSet(tls) ? Security::ImplicitTls
        : parser.isSet(startTls)            ? Security::StartTls
                                            : Security::None;
    connection.insecure = parser.isSet(insecure);
    for (const QString &value : parser.values(fingerprint))
        connection.fingerprints.append(value.toLatin1());
    connection.caFile = parser.value(caFile);
    connection.user = parser.value(user);
    connection.passwordFile = parser.value(passwordFile);
    connection.helo = parser.value(helo);
    if (parser.isSet(timeout)) {
        connection.timeoutSeconds = parser.value(timeout).toDouble(&ok);
        if (!ok || connection.timeoutSeconds <= 0)
            return usage(QStringLiteral("--timeout needs a positive number of seconds"));
    }
    QString error;
    const auto config = senderConfig(connection, &error);
    if (!config)
        return usage(error);

    Store::MessageStore messages;
    const QString root = parser.isSet(store) ? parser.value(store) : Store::MessageStore::defaultLocation();
    if (!messages.open(root, Store::MessageStore::Mode::Reader))
        return usage(QStringLiteral("cannot open the store %1: %2").arg(root, messages.errorString()));
    const auto info = messages.message(id);
    if (!info)
        return usage(QStringLiteral("no message #%1 in %2").arg(id).arg(root));
    const auto data = messages.readMessage(id, &error);
    if (!data)
        return usage(QStringLiteral("cannot read message #%1: %2").arg(id).arg(error));

    OutgoingMessage message;
    message.data = *data;
    const bool haveEnvelope = info->envelope.known;
    if (parser.isSet(from)) {
        message.mailFrom = envelopeAddress(parser.value(from));
    } else if (haveEnvelope) {
        message.mailFrom = info->envelope.mailFrom;
    } else {
        message.mailFrom = MessageHeaders::addresses(MessageHeaders::values(*data, "From").value(0)).value(0);
    }
    for (const QString &value : parser.values(rcpt)) {
        for (const QByteArray &address : MessageHeaders::addresses(value.toUtf8()))
            message.recipients.append(address);
    }
    if (!parser.isSet(rcpt)) {
        if (haveEnvelope && !info->envelope.recipients.isEmpty()) {
            message.recipients = info->envelope.recipients;
        } else {
            for (const char *field : {"To", "Cc", "Bcc"}) {
                for (const QByteArray &value : MessageHeaders::values(*data, field))
                    message.recipients += MessageHeaders::addresses(value);
            }
        }
    }
    if (message.recipients.isEmpty())
        return usage(QStringLiteral("message #%1 has no recipients; give --rcpt ADDR").arg(id));

    const SendResult result = SmtpSender::sendAndWait(*config, message, traceToStderr(parser.isSet(verbose)));
    const QString target = ServerAddress {config->host, config->port}.toString();
    if (!result.ok) {
        printFailure(QStringLiteral("mailsink release: "), result);
        return ReleaseFailed;
    }
    out() << "message #" << id << " released to " << target << ": "
          << QString::fromUtf8(result.finalReply).replace(u'\n', u' ') << Qt::endl;
    if (!result.rejected.isEmpty()) {
        printFailure(QStringLiteral("mailsink release: "), result);
        err() << "mailsink release: delivered to " << result.accepted.size() << " of "
              << message.recipients.size() << " recipients" << Qt::endl;
        return ReleaseFailed;
    }
    return ReleaseOk;
}

int runSendmail(const QStringList &arguments)
{
    const QString program = QFileInfo(arguments.value(0)).fileName();
    const bool asSendmail = program == QLatin1String("sendmail") || program == QLatin1String("sendmail.exe");
    QStringList args
        = arguments.mid(asSendmail ? 1 : (arguments.value(1) == QLatin1String("sendmail") ? 2 : 1));
    const QString name = asSendmail ? QStringLiteral("sendmail") : QStringLiteral("mailsink sendmail");
    auto usage = [&](const QString &message) {
        err() << name << ": " << message << Qt::endl;
        return int(ExUsage);
    };

    bool extract = false;
    bool ignoreDots = false;
    bool verbose = false;
    std::optional<QString> sender;
    QStringList recipientArgs;
    Connection connection;
    connection.target = qEnvironmentVariable("MAILSINK_SMTP", QStringLiteral("127.0.0.1:1025"));
    bool endOfOptions = false;
    // sendmail options that take a value, either attached ("-Ffull name") or as the next argument.
    const QString withValue = QStringLiteral("fFrBCLNRVXhpO");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString arg = args.at(i);
        if (endOfOptions || !arg.startsWith(u'-') || arg == QLatin1String("-")) {
            recipientArgs.append(arg);
            continue;
        }
        if (arg == QLatin1String("--")) {
            endOfOptions = true;
            continue;
        }
        if (arg.startsWith(QLatin1String("--"))) {
            const qsizetype eq = arg.indexOf(u'=');
            const QString option = arg.mid(2, eq < 0 ? -1 : eq - 2);
            auto value = [&]() -> std::optional<QString> {
                if (eq >= 0)
                    return arg.mid(eq + 1);
                if (i + 1 < args.size())
                    return args.at(++i);
                return std::nullopt;
            };
            if (option == QLatin1String("help")) {
                out() << "Usage: " << name
                      << " [-t] [-i] [-f FROM] [--smtp HOST:PORT] [--starttls|--tls] [--insecure] [-v] [RCPT "
                         "...]\n"
                         "Reads a message on standard input and sends it over SMTP (default 127.0.0.1:1025,\n"
                         "or $MAILSINK_SMTP). -t adds the To, Cc and Bcc addresses; Bcc is removed from the "
                         "copy.\n";
                out().flush();
                return ExOk;
            }
            if (option == QLatin1String("verbose")) {
                verbose = true;
            } else if (option == QLatin1String("starttls")) {
                connection.security = Security::StartTls;
            } else if (option == QLatin1String("tls")) {
                connection.security = Security::ImplicitTls;
            } else if (option == QLatin1String("insecure")) {
                connection.insecure = true;
            } else if (option == QLatin1String("smtp") || option == QLatin1String("fingerprint")
                || option == QLatin1String("user") || option == QLatin1String("password-file")
                || option == QLatin1String("timeout")) {
                const auto v = value();
                if (!v)
                    return usage(QStringLiteral("--%1 needs a value").arg(option));
                if (option == QLatin1String("smtp"))
                    connection.target = *v;
                else if (option == QLatin1String("fingerprint"))
                    connection.fingerprints.append(v->toLatin1());
                else if (option == QLatin1String("user"))
                    connection.user = *v;
                else if (option == QLatin1String("password-file"))
                    connection.passwordFile = *v;
                else if ((connection.timeoutSeconds = v->toDouble()) <= 0)
                    return usage(QStringLiteral("--timeout needs a positive number of seconds"));
            } else {
                return usage(QStringLiteral("unknown option %1").arg(arg));
            }
            continue;
        }
        const QChar letter = arg.at(1);
        QString value;
        if (withValue.contains(letter)) {
            if (arg.size() > 2)
                value = arg.mid(2);
            else if (i + 1 < args.size())
                value = args.at(++i);
            else
                return usage(QStringLiteral("option -%1 needs a value").arg(letter));
        }
        switch (letter.unicode()) {
        case 't':
            extract = true;
            break;
        case 'i':
            ignoreDots = true;
            break;
        case 'v':
            verbose = true;
            break;
        case 'f':
        case 'r':
            sender = value;
            break;
        case 'o':
            if (arg == QLatin1String("-oi"))
                ignoreDots = true;
            break; // -odi, -oem, -oQ... : queueing and error modes mean nothing here
        case 'b':
            if (arg == QLatin1String("-bm") || arg == QLatin1String("-b"))
                break;
            if (arg == QLatin1String("-bi"))
                return ExOk; // newaliases: there are no aliases
            return usage(
                QStringLiteral("mode %1 is not supported (only -bm, delivering a message)").arg(arg));
        default:
            break; // -F, -n, -m, -U, -G, -N, -R, -V, -X, -L, -h, -p, -O, -A, -q, -d...: accepted and ignored
        }
    }

    QString error;
    const auto config = senderConfig(connection, &error);
    if (!config)
        return usage(error);

    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return usage(QStringLiteral("cannot read standard input: %1").arg(input.errorString()));
    QByteArray data = MessageHeaders::canonicalLineEnds(input.readAll());
    if (!ignoreDots) {
        // Without -i, a line holding a single dot ends the message, as in sendmail.
        const qsizetype dot = data.startsWith(".\r\n") ? 0 : data.indexOf("\r\n.\r\n");
        if (dot == 0)
            data.clear();
        else if (dot > 0)
            data.truncate(dot + 2);
        else if (data == ".")
            data.clear();
    }

    OutgoingMessage message;
    if (sender) {
        message.mailFrom = envelopeAddress(*sender);
    } else {
        QString user = qEnvironmentVariable("USER");
        if (user.isEmpty())
            user = qEnvironmentVariable("LOGNAME");
        if (user.isEmpty())
            user = qEnvironmentVariable("USERNAME", QStringLiteral("mailsink"));
        message.mailFrom = user.toUtf8() + '@' + localHostName();
    }
    for (const QString &arg : std::as_const(recipientArgs))
        message.recipients += MessageHeaders::addresses(arg.toUtf8());
    if (extract) {
        // -t: the header recipients are added to those on the command line (as Postfix does).
        for (const char *field : {"To", "Cc", "Bcc"}) {
            for (const QByteArray &value : MessageHeaders::values(data, field)) {
                for (const QByteArray &address : MessageHeaders::addresses(value)) {
                    if (!message.recipients.contains(address))
                        message.recipients.append(address);
                }
            }
        }
    }
    // Blind copies stay blind: the header never goes out.
    data = MessageHeaders::removeField(data, "Bcc");
    data = MessageHeaders::removeField(data, "Resent-Bcc");
    message.data = data;
    if (message.recipients.isEmpty())
        return usage(extract
                ? QStringLiteral("no recipients: none on the command line and none in To, Cc or Bcc")
                : QStringLiteral("no recipients given (use -t to take them from the message)"));

    const SendResult result = SmtpSender::sendAndWait(*config, message, traceToStderr(verbose));
    const QString prefix = name + QStringLiteral(": ");
    if (!result.ok) {
        printFailure(prefix, result);
        const int code = result.reply.left(3).toInt();
        if (code >= 400 && code < 500)
            return ExTempFail;
        if (result.reply.isEmpty()) // no reply: unreachable, timed out, TLS failed, refused before sending
            return result.stage == Stage::Connect || result.stage == Stage::Greeting ? ExTempFail
                                                                                     : ExUnavailable;
        return result.stage == Stage::Rcpt ? ExNoUser : ExUnavailable;
    }
    if (!result.rejected.isEmpty()) {
        printFailure(prefix, result);
        return ExNoUser;
    }
    if (verbose)
        err() << prefix << "sent: " << QString::fromUtf8(result.finalReply).replace(u'\n', u' ') << Qt::endl;
    return ExOk;
}

} // namespace MailSink::Client
