#include "Cli.h"

#include "SignalWatcher.h"
#include "api/ApiService.h"
#include "imap/ImapServer.h"
#include "lint/MailLint.h"
#include "mime/ParsedMessage.h"
#include "pop3/Pop3Server.h"
#include "smtp/ChaosTriggers.h"
#include "smtp/SmtpServer.h"
#include "store/MessageStore.h"
#include "tls/TlsIdentity.h"
#include "util/HostPort.h"
#include "util/JsonWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <utility>

namespace MailSink::Cli {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message)
{
    err() << "mailsink: " << message << Qt::endl;
    return ExitUsage;
}

const QCommandLineOption StoreOption(QStringLiteral("store"),
    QStringLiteral("Maildir where caught mail is kept (default: $MAILSINK_STORE or "
                   "the app-data folder)."),
    QStringLiteral("DIR"));
const QCommandLineOption SmtpOption(QStringLiteral("smtp"),
    QStringLiteral("SMTP listen address (default 127.0.0.1:1025)."), QStringLiteral("HOST:PORT"),
    QStringLiteral("127.0.0.1:1025"));
const QCommandLineOption SmtpsOption(QStringLiteral("smtps"),
    QStringLiteral("Also listen for implicit-TLS SMTP (RFC 8314) on this address."),
    QStringLiteral("HOST:PORT"));
const QCommandLineOption Pop3Option(QStringLiteral("pop3"),
    QStringLiteral("POP3 listen address (default 127.0.0.1:1110)."), QStringLiteral("HOST:PORT"),
    QStringLiteral("127.0.0.1:1110"));
const QCommandLineOption Pop3sOption(QStringLiteral("pop3s"),
    QStringLiteral("Also listen for implicit-TLS POP3 (RFC 8314) on this address."),
    QStringLiteral("HOST:PORT"));
const QCommandLineOption NoPop3Option(QStringLiteral("no-pop3"), QStringLiteral("Do not serve POP3."));
const QCommandLineOption ImapOption(QStringLiteral("imap"),
    QStringLiteral("IMAP listen address (default 127.0.0.1:1143)."), QStringLiteral("HOST:PORT"),
    QStringLiteral("127.0.0.1:1143"));
const QCommandLineOption ImapsOption(QStringLiteral("imaps"),
    QStringLiteral("Also listen for implicit-TLS IMAP (RFC 8314) on this address."),
    QStringLiteral("HOST:PORT"));
const QCommandLineOption NoImapOption(QStringLiteral("no-imap"), QStringLiteral("Do not serve IMAP."));
const QCommandLineOption JsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
const QCommandLineOption TlsCertOption(QStringLiteral("tls-cert"),
    QStringLiteral("PEM certificate for STARTTLS/SMTPS."), QStringLiteral("FILE"));
const QCommandLineOption TlsKeyOption(
    QStringLiteral("tls-key"), QStringLiteral("PEM private key for STARTTLS/SMTPS."), QStringLiteral("FILE"));
const QCommandLineOption NoTlsOption(QStringLiteral("no-tls"), QStringLiteral("Do not offer STARTTLS."));
const QCommandLineOption AuthRequiredOption(QStringLiteral("auth-required"),
    QStringLiteral("Refuse mail unless the client authenticates with the "
                   "given --auth-user and --auth-password."));
const QCommandLineOption AuthUserOption(
    QStringLiteral("auth-user"), QStringLiteral("User name for --auth-required."), QStringLiteral("USER"));
const QCommandLineOption AuthPasswordOption(QStringLiteral("auth-password"),
    QStringLiteral("Password for --auth-required."), QStringLiteral("PASSWORD"));
const QCommandLineOption AuthPasswordFileOption(QStringLiteral("auth-password-file"),
    QStringLiteral("Read the password for --auth-required from FILE."), QStringLiteral("FILE"));
const QCommandLineOption MaxSizeOption(QStringLiteral("max-size"),
    QStringLiteral("Largest message accepted, in bytes (default 52428800)."), QStringLiteral("BYTES"));
const QCommandLineOption MaxConnectionsOption(QStringLiteral("max-connections"),
    QStringLiteral("Concurrent SMTP connections (default 256)."), QStringLiteral("N"));
const QCommandLineOption WorkersOption(QStringLiteral("workers"),
    QStringLiteral(
        "Event-loop worker threads serving the SMTP and POP3 connections (default: one per core)."),
    QStringLiteral("N"));
const QCommandLineOption MaxRecipientsOption(QStringLiteral("max-recipients"),
    QStringLiteral("Recipients per message (default 1000)."), QStringLiteral("N"));
const QCommandLineOption IdleTimeoutOption(QStringLiteral("idle-timeout"),
    QStringLiteral("Seconds a client may stay silent (default 300)."), QStringLiteral("SECONDS"));
const QCommandLineOption HostnameOption(QStringLiteral("hostname"),
    QStringLiteral("Name in the greeting (default mailsink.localhost)."), QStringLiteral("NAME"));
const QCommandLineOption HttpOption(QStringLiteral("http"),
    QStringLiteral("Mailpit-compatible HTTP API and live events (default 127.0.0.1:8025)."),
    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8025"));
const QCommandLineOption NoHttpOption(
    QStringLiteral("no-http"), QStringLiteral("Do not serve the HTTP API."));
const QCommandLineOption HttpAuthFileOption(QStringLiteral("http-auth-file"),
    QStringLiteral("Require HTTP Basic auth with the \"user:password\" lines of FILE."),
    QStringLiteral("FILE"));
const QCommandLineOption RelayOption(QStringLiteral("relay"),
    QStringLiteral("SMTP server that POST /api/v1/message/ID/release sends to (default: release refused)."),
    QStringLiteral("HOST:PORT"));
const QCommandLineOption QuietOption(QStringLiteral("quiet"), QStringLiteral("Print only errors."));

void addCommonOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({StoreOption, SmtpOption, Pop3Option, ImapOption});
    parser.addHelpOption();
    parser.addVersionOption();
}

// Parses and handles --help/--version; returns an exit code when the command is already done.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "mailsink " << QStringLiteral(MAILSINK_VERSION) << Qt::endl;
        return ExitOk;
    }
    return std::nullopt;
}

QString storeLocation(const QCommandLineParser &parser)
{
    return parser.isSet(StoreOption) ? parser.value(StoreOption) : Store::MessageStore::defaultLocation();
}

std::optional<qint64> positiveNumber(
    const QCommandLineParser &parser, const QCommandLineOption &option, qint64 fallback, QString *error)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value <= 0) {
        *error = QStringLiteral("--%1 needs a positive number, got \"%2\"")
                     .arg(option.names().first(), parser.value(option));
        return std::nullopt;
    }
    return value;
}

QString humanSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// The local time's offset from UTC at a moment, looked up once a second: each lookup runs glibc's tzset(),
// which stats /etc/localtime (a syscall a message at full speed). Serve's main thread only.
int localOffsetSeconds(const QDateTime &utc)
{
    static qint64 second = std::numeric_limits<qint64>::min();
    static int offset = 0;
    const qint64 now = utc.toSecsSinceEpoch();
    if (now != second) {
        offset = utc.toLocalTime().offsetFromUtc();
        second = now;
    }
    return offset;
}

QString messageLine(const Store::MessageInfo &info)
{
    const QString from = info.envelope.known ? QString::fromUtf8(info.envelope.mailFrom) : info.from;
    QStringList rcpt;
    for (const QByteArray &address : info.envelope.recipients)
        rcpt.append(QString::fromUtf8(address));
    const QString to = rcpt.isEmpty() ? info.to : rcpt.join(QStringLiteral(", "));
    // One line a message at full speed: no format strings to parse (callgrind: QDateTime::toString with
    // a format and four arg() passes were 18,000 instructions a message). The ISO form of the local
    // time, "2026-12-01 20:01:07".
    const qint64 localMs
        = info.received.toMSecsSinceEpoch() + qint64(localOffsetSeconds(info.received)) * 1000;
    char iso[24];
    JsonWriter::formatIsoUtc(localMs, iso);
    iso[10] = ' ';
    const QString stamp = QString::fromLatin1(iso, 19);
    return stamp + QStringLiteral("  #") + QString::number(info.id) + QStringLiteral("  <") + from
        + QStringLiteral("> -> ") + to + QStringLiteral("  \"") + info.subject + QStringLiteral("\"  ")
        + humanSize(info.size);
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run the mail sink without a GUI until SIGINT or SIGTERM."));
    addCommonOptions(parser);
    parser.addOptions(
        {SmtpsOption, Pop3sOption, NoPop3Option, ImapsOption, NoImapOption, TlsCertOption, TlsKeyOption,
            NoTlsOption, AuthRequiredOption, AuthUserOption, AuthPasswordOption, AuthPasswordFileOption,
            MaxSizeOption, MaxConnectionsOption, WorkersOption, MaxRecipientsOption, IdleTimeoutOption,
            HostnameOption, HttpOption, NoHttpOption, HttpAuthFileOption, RelayOption, QuietOption});
    parser.addPositionalArgument(QStringLiteral("serve"), QStringLiteral("The command."));
    if (auto done = parse(parser, arguments))
        return *done;
    if (parser.positionalArguments().size() > 1)
        return fail(
            QStringLiteral("serve takes no arguments, got \"%1\"").arg(parser.positionalArguments().at(1)));

    QString error;
    const auto smtp = HostPort::parse(parser.value(SmtpOption), &error);
    if (!smtp)
        return fail(QStringLiteral("--smtp: %1").arg(error));
    std::optional<HostPort> smtps;
    if (parser.isSet(SmtpsOption)) {
        smtps = HostPort::parse(parser.value(SmtpsOption), &error);
        if (!smtps)
            return fail(QStringLiteral("--smtps: %1").arg(error));
    }
    std::optional<HostPort> pop3, pop3s;
    if (!parser.isSet(NoPop3Option)) {
        pop3 = HostPort::parse(parser.value(Pop3Option), &error);
        if (!pop3)
            return fail(QStringLiteral("--pop3: %1").arg(error));
        if (parser.isSet(Pop3sOption)) {
            pop3s = HostPort::parse(parser.value(Pop3sOption), &error);
            if (!pop3s)
                return fail(QStringLiteral("--pop3s: %1").arg(error));
        }
    }
    std::optional<HostPort> http;
    if (!parser.isSet(NoHttpOption)) {
        http = HostPort::parse(parser.value(HttpOption), &error);
        if (!http)
            return fail(QStringLiteral("--http: %1").arg(error));
    } else if (parser.isSet(HttpAuthFileOption)) {
        return fail(QStringLiteral("--http-auth-file needs the HTTP API; drop --no-http"));
    }
    std::optional<HostPort> relay;
    if (parser.isSet(RelayOption)) {
        relay = HostPort::parse(parser.value(RelayOption), &error);
        if (!relay)
            return fail(QStringLiteral("--relay: %1").arg(error));
    }
    std::optional<HostPort> imap, imaps;
    if (!parser.isSet(NoImapOption)) {
        imap = HostPort::parse(parser.value(ImapOption), &error);
        if (!imap)
            return fail(QStringLiteral("--imap: %1").arg(error));
        if (parser.isSet(ImapsOption)) {
            imaps = HostPort::parse(parser.value(ImapsOption), &error);
            if (!imaps)
                return fail(QStringLiteral("--imaps: %1").arg(error));
        }
    }
    const auto maxSize = positiveNumber(parser, MaxSizeOption, 50 * 1024 * 1024, &error);
    const auto maxConnections = positiveNumber(parser, MaxConnectionsOption, 256, &error);
    const auto maxRecipients = positiveNumber(parser, MaxRecipientsOption, 1000, &error);
    const auto idleTimeout = positiveNumber(parser, IdleTimeoutOption, 300, &error);
    const auto workers = positiveNumber(parser, WorkersOption, QThread::idealThreadCount(), &error);
    if (!maxSize || !maxConnections || !maxRecipients || !idleTimeout || !workers)
        return fail(error);

    Smtp::ServerConfig config;
    config.maxConnections = int(std::min<qint64>(*maxConnections, 10000));
    config.workers = int(std::min<qint64>(*workers, 256));
    config.idleTimeoutMs = int(std::min<qint64>(*idleTimeout, 86400) * 1000);
    config.session.maxMessageSize = *maxSize;
    config.session.maxRecipients = int(std::min<qint64>(*maxRecipients, 100000));
    if (parser.isSet(HostnameOption))
        config.session.hostname = parser.value(HostnameOption).toUtf8();
    if (parser.isSet(AuthRequiredOption)) {
        config.session.authRequired = true;
        config.session.authUser = parser.value(AuthUserOption).toUtf8();
        if (parser.isSet(AuthPasswordFileOption)) {
            QFile file(parser.value(AuthPasswordFileOption));
            if (!file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            config.session.authPassword = file.readAll().trimmed();
        } else {
            config.session.authPassword = parser.value(AuthPasswordOption).toUtf8();
        }
        if (config.session.authUser.isEmpty() || config.session.authPassword.isEmpty())
            return fail(QStringLiteral(
                "--auth-required needs --auth-user and --auth-password (or --auth-password-file)"));
    }

    // Before anything is announced: a SIGTERM right after start-up must still stop cleanly.
    SignalWatcher watcher;
    Store::MessageStore store;
    if (!store.open(storeLocation(parser), Store::MessageStore::Mode::Exclusive))
        return fail(store.errorString());

    if (!parser.isSet(NoTlsOption)) {
        std::optional<Tls::TlsIdentity> identity;
        if (parser.isSet(TlsCertOption) || parser.isSet(TlsKeyOption)) {
            if (!parser.isSet(TlsCertOption) || !parser.isSet(TlsKeyOption))
                return fail(QStringLiteral("--tls-cert and --tls-key go together"));
            identity
                = Tls::TlsIdentity::load(parser.value(TlsCertOption), parser.value(TlsKeyOption), &error);
        } else {
            identity = Tls::TlsIdentity::loadOrGenerate(store.root(), &error);
        }
        if (!identity)
            return fail(error);
        config.tls = std::move(identity);
    } else if (smtps || pop3s || imaps) {
        return fail(QStringLiteral("--smtps, --pop3s and --imaps need TLS; drop --no-tls"));
    }

    // Mailpit's chaos triggers, set through the API, reach every SMTP session through this hook.
    const auto chaos = std::make_shared<Smtp::ChaosTriggers>();
    config.session.chaos = chaos->hook();

    const bool quiet = parser.isSet(QuietOption);
    Smtp::SmtpServer server(&store, config);
    if (!server.listen(*smtp))
        return fail(server.errorString());
    if (smtps && !server.listenSmtps(*smtps))
        return fail(server.errorString());

    // POP3 shares the store, the TLS identity and the credentials with SMTP.
    std::unique_ptr<Pop3::Pop3Server> pop3Server;
    if (pop3) {
        Pop3::Pop3ServerConfig pop3Config;
        pop3Config.session.hostname = config.session.hostname;
        pop3Config.session.authRequired = config.session.authRequired;
        pop3Config.session.authUser = config.session.authUser;
        pop3Config.session.authPassword = config.session.authPassword;
        pop3Config.tls = config.tls;
        pop3Config.workers = config.workers;
        pop3Server = std::make_unique<Pop3::Pop3Server>(&store, pop3Config);
        if (!pop3Server->listen(*pop3))
            return fail(pop3Server->errorString());
        if (pop3s && !pop3Server->listenPop3s(*pop3s))
            return fail(pop3Server->errorString());
    }

    Api::ApiService api(&store);
    if (http) {
        Api::ApiConfig apiConfig;
        apiConfig.address = *http;
        apiConfig.authFile = parser.value(HttpAuthFileOption);
        apiConfig.chaos = chaos;
        apiConfig.maxBodySize = std::max<qint64>(config.session.maxMessageSize * 2, 1024 * 1024);
        if (relay) {
            Client::SenderConfig sender;
            sender.host = relay->address.toString();
            sender.port = relay->port;
            sender.session.heloName = config.session.hostname;
            apiConfig.relay = sender;
        }
        if (!api.start(apiConfig))
            return fail(api.errorString());
        if (!http->isLoopback() && apiConfig.authFile.isEmpty())
            err() << "mailsink: warning: the HTTP API on " << http->toString()
                  << " has no --http-auth-file: anyone who can reach it can read and delete the mail"
                  << Qt::endl;
    }
    // IMAP likewise (the same login rules as POP3).
    std::unique_ptr<Imap::ImapServer> imapServer;
    if (imap) {
        Imap::ImapServerConfig imapConfig;
        imapConfig.session.hostname = config.session.hostname;
        imapConfig.session.authRequired = config.session.authRequired;
        imapConfig.session.authUser = config.session.authUser;
        imapConfig.session.authPassword = config.session.authPassword;
        imapConfig.tls = config.tls;
        imapConfig.workers = config.workers;
        imapServer = std::make_unique<Imap::ImapServer>(&store, imapConfig);
        if (!imapServer->listen(*imap))
            return fail(imapServer->errorString());
        if (imaps && !imapServer->listenImaps(*imaps))
            return fail(imapServer->errorString());
    }

    auto warnExposed = [](const HostPort &address) {
        if (!address.isLoopback())
            err() << "mailsink: warning: listening on " << address.toString()
                  << ", which is reachable from other machines" << Qt::endl;
    };
    warnExposed(*smtp);
    for (const auto &address : {smtps, pop3, pop3s, imap, imaps, http}) {
        if (address)
            warnExposed(*address);
    }
    bool flushQueued = false;
    if (!quiet) {
        out() << "Mailsink " << QStringLiteral(MAILSINK_VERSION) << ": SMTP on "
              << server.address().toString() << (config.tls ? " (STARTTLS)" : "");
        if (smtps)
            out() << ", SMTPS on " << server.smtpsAddress().toString();
        if (pop3Server)
            out() << ", POP3 on " << pop3Server->address().toString() << (config.tls ? " (STLS)" : "");
        if (pop3s)
            out() << ", POP3S on " << pop3Server->pop3sAddress().toString();
        if (api.isRunning())
            out() << ", HTTP on " << api.address().toString();
        if (imapServer)
            out() << ", IMAP on " << imapServer->address().toString() << (config.tls ? " (STARTTLS)" : "");
        if (imaps)
            out() << ", IMAPS on " << imapServer->imapsAddress().toString();
        out() << Qt::endl;
        out() << "Storing mail in " << store.root() << " (" << store.count() << " messages)" << Qt::endl;
        // A line a message, written out once the event loop has delivered the messages committed so far:
        // one write for a burst, not one a line. Anything else printed with Qt::endl flushes them first.
        QObject::connect(&store, &Store::MessageStore::messageStored, &server,
            [&server, &flushQueued](const Store::MessageInfo &info) {
                out() << messageLine(info) << '\n';
                if (std::exchange(flushQueued, true))
                    return;
                QMetaObject::invokeMethod(
                    &server,
                    [&flushQueued] {
                        flushQueued = false;
                        out().flush();
                    },
                    Qt::QueuedConnection);
            });
    }

    int exitCode = ExitOk;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &server, [&](int) {
        if (!quiet)
            out() << "Stopping: finishing messages in transfer" << Qt::endl;
        server.shutdown(5000);
        if (pop3Server)
            pop3Server->shutdown(2000);
        api.stop();
        if (imapServer)
            imapServer->shutdown(2000);
        QCoreApplication::exit(exitCode);
    });
    const int code = QCoreApplication::exec();
    server.shutdown(0);
    // A message that finished while the server wound down was acknowledged; its notice is still queued
    // for this thread, so that its line is printed too.
    QCoreApplication::sendPostedEvents();
    out().flush();
    pop3Server.reset();
    api.stop();
    imapServer.reset();
    store.close();
    return code;
}

int runList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the stored messages, newest first."));
    addCommonOptions(parser);
    parser.addOption(JsonOption);
    parser.addPositionalArgument(QStringLiteral("list"), QStringLiteral("The command."));
    if (auto done = parse(parser, arguments))
        return *done;
    Store::MessageStore store;
    if (!store.open(storeLocation(parser), Store::MessageStore::Mode::Reader))
        return fail(store.errorString());
    const QList<Store::MessageInfo> messages = store.list();
    if (parser.isSet(JsonOption)) {
        QJsonArray array;
        for (const Store::MessageInfo &info : messages) {
            array.append(QJsonObject {
                {QStringLiteral("id"), info.id},
                {QStringLiteral("file"), store.filePath(info)},
                {QStringLiteral("received"), info.received.toString(Qt::ISODateWithMs)},
                {QStringLiteral("size"), info.size},
                {QStringLiteral("subject"), info.subject},
                {QStringLiteral("from"), info.from},
                {QStringLiteral("to"), info.to},
                {QStringLiteral("envelope"), info.envelope.toJson()},
                {QStringLiteral("seen"), info.seen},
            });
        }
        const QByteArray json = QJsonDocument(array).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return ExitOk;
    }
    for (const Store::MessageInfo &info : messages)
        out() << messageLine(info) << Qt::endl;
    if (messages.isEmpty())
        err() << "No messages in " << store.root() << Qt::endl;
    return ExitOk;
}

int runInspect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print the decoded structure of a message: an .eml file or "
                       "the ID of a stored message (see \"mailsink list\")."));
    addCommonOptions(parser);
    parser.addOption(JsonOption);
    parser.addPositionalArgument(QStringLiteral("inspect"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("FILE.eml|ID"), QStringLiteral("The message."));
    if (auto done = parse(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(QStringLiteral("inspect needs one FILE.eml or message ID"));
    const QString target = positional.at(1);

    bool isId = false;
    const qint64 id = target.toLongLong(&isId);
    Mime::ParsedMessage message;
    Lint::Transport transport; // unknown for a file
    QJsonObject extra;
    if (isId && !QFile::exists(target)) {
        Store::MessageStore store;
        if (!store.open(storeLocation(parser), Store::MessageStore::Mode::Reader))
            return fail(store.errorString());
        QString error;
        const auto raw = store.readMessage(id, &error);
        if (!raw)
            return fail(error);
        message = Mime::parseMessage(*raw);
        const auto info = store.message(id);
        extra.insert(QStringLiteral("envelope"), info->envelope.toJson());
        transport = Lint::Transport::fromEnvelope(info->envelope);
        extra.insert(QStringLiteral("session"), traceToJson(store.trace(id)));
    } else {
        QString error;
        if (!QFileInfo(target).isFile())
            return fail(QStringLiteral("no such file or message: %1").arg(target));
        message = Mime::parseFile(target, &error);
        if (!error.isEmpty())
            return fail(error);
    }
    const Lint::Report report = Lint::MailLint::run(message, transport);
    if (parser.isSet(JsonOption)) {
        QJsonObject json = Mime::inspectJson(message);
        json.insert(QStringLiteral("checks"), Lint::checksJson(report.checks));
        json.insert(QStringLiteral("client_support"), Lint::familySummaryJson(report.clientSummary));
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            json.insert(it.key(), it.value());
        const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        return ExitOk;
    }
    out() << Mime::inspectText(message);
    if (extra.contains(QStringLiteral("envelope"))) {
        const Store::Envelope envelope
            = Store::Envelope::fromJson(extra.value(QStringLiteral("envelope")).toObject());
        QStringList rcpt;
        for (const QByteArray &address : envelope.recipients)
            rcpt.append(QString::fromUtf8(address));
        out() << "\nEnvelope: MAIL FROM:<" << QString::fromUtf8(envelope.mailFrom)
              << "> RCPT TO: " << rcpt.join(QStringLiteral(", ")) << " from " << envelope.clientAddress
              << Qt::endl;
    }
    out() << u'\n' << Lint::checksText(report.checks, report.clientSummary);
    out().flush();
    return ExitOk;
}

int runUsage(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Mailsink catches outgoing mail for developers.\n\n"
        "Commands:\n"
        "  mailsink [FILE.eml ...]          open the desktop app (in the running one, unless "
        "--new-instance)\n"
        "  mailsink serve                   run SMTP (and POP3) without a GUI until SIGINT/SIGTERM\n"
        "  mailsink list [--json]           the stored messages, newest first\n"
        "  mailsink inspect FILE.eml|ID [--json]   the decoded structure of one message\n"
        "  mailsink release ID --to HOST:PORT [--starttls|--tls] [--user U --password-file F] [--rcpt ADDR "
        "...]\n"
        "                                   send a caught message, exactly as received, to a real server\n"
        "  mailsink sendmail [-t] [-i] [-f FROM] [RCPT ...]   sendmail drop-in: read a message on stdin, "
        "send it\n"
        "Run \"mailsink COMMAND --help\" for the options of a command."));
    addCommonOptions(parser);
    if (auto done = parse(parser, arguments))
        return *done;
    out() << parser.helpText();
    return ExitOk;
}

} // namespace MailSink::Cli
