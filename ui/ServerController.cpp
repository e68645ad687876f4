#include "ServerController.h"

#include "api/ApiService.h"
#include "imap/ImapServer.h"
#include "pop3/Pop3Server.h"
#include "smtp/ChaosTriggers.h"
#include "smtp/SmtpServer.h"
#include "store/MessageStore.h"

namespace MailSink::Ui {

namespace {

constexpr ServerController::Listener AllListeners[] = {ServerController::Listener::Smtp,
    ServerController::Listener::Smtps, ServerController::Listener::Pop3, ServerController::Listener::Pop3s,
    ServerController::Listener::Imap, ServerController::Listener::Imaps, ServerController::Listener::Http};

} // namespace

ServerController::ServerController(
    Store::MessageStore *store, Smtp::SmtpServer *smtp, const ServerSettings &initial, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_smtp(smtp)
    , m_settings(initial)
    , m_tls(smtp->config().tls)
    , m_api(new Api::ApiService(store, this))
    , m_chaos(std::make_shared<Smtp::ChaosTriggers>())
{
    Smtp::ServerConfig config = m_smtp->config();
    config.session.chaos = m_chaos->hook();
    m_smtp->setConfig(std::move(config));
    connect(m_smtp, &Smtp::SmtpServer::listeningChanged, this, &ServerController::refresh);
    refresh();
}

void ServerController::setPop3Server(Pop3::Pop3Server *pop3)
{
    m_pop3 = pop3;
    if (m_pop3)
        connect(m_pop3, &Pop3::Pop3Server::listeningChanged, this, &ServerController::refresh);
    refresh();
}

void ServerController::setImapServer(Imap::ImapServer *imap)
{
    m_imap = imap;
    if (m_imap)
        connect(m_imap, &Imap::ImapServer::listeningChanged, this, &ServerController::refresh);
    refresh();
}

QString ServerController::listenerName(Listener listener)
{
    switch (listener) {
    case Listener::Smtp:
        return QStringLiteral("SMTP");
    case Listener::Smtps:
        return QStringLiteral("SMTPS");
    case Listener::Pop3:
        return QStringLiteral("POP3");
    case Listener::Pop3s:
        return QStringLiteral("POP3S");
    case Listener::Imap:
        return QStringLiteral("IMAP");
    case Listener::Imaps:
        return QStringLiteral("IMAPS");
    case Listener::Http:
        return QStringLiteral("HTTP");
    }
    return {};
}

void ServerController::configure(
    Smtp::ServerConfig &config, const ServerSettings &settings, const std::optional<Tls::TlsIdentity> &tls)
{
    config.tls = tls;
    config.maxConnections = settings.maxConnections;
    config.idleTimeoutMs = settings.idleTimeoutSeconds * 1000;
    config.session.maxMessageSize = qint64(settings.maxMessageSizeMiB) * 1024 * 1024;
    config.session.authRequired = settings.authRequired;
    config.session.authUser = settings.authUser.toUtf8();
    config.session.authPassword = settings.authPassword.toUtf8();
}

void ServerController::configure(Pop3::Pop3ServerConfig &config, const ServerSettings &settings,
    const std::optional<Tls::TlsIdentity> &tls)
{
    // POP3 keeps its own connection limit and the RFC 1939 10-minute autologout; AUTH is shared.
    config.tls = tls;
    config.session.authRequired = settings.authRequired;
    config.session.authUser = settings.authUser.toUtf8();
    config.session.authPassword = settings.authPassword.toUtf8();
}

void ServerController::configure(Imap::ImapServerConfig &config, const ServerSettings &settings,
    const std::optional<Tls::TlsIdentity> &tls)
{
    // Like POP3: IMAP keeps its own connection limit and the RFC 3501 30-minute autologout.
    config.tls = tls;
    config.session.authRequired = settings.authRequired;
    config.session.authUser = settings.authUser.toUtf8();
    config.session.authPassword = settings.authPassword.toUtf8();
}

std::optional<Tls::TlsIdentity> ServerController::loadTls(
    const ServerSettings &settings, const QString &storeRoot, QString *error)
{
    if (!settings.tlsEnabled)
        return std::nullopt;
    if (settings.certificateFile.isEmpty() && settings.keyFile.isEmpty())
        return Tls::TlsIdentity::loadOrGenerate(storeRoot, error);
    return Tls::TlsIdentity::load(settings.certificateFile, settings.keyFile, error);
}

bool ServerController::wantedOn(Listener listener, const ServerSettings &settings, bool tls) const
{
    switch (listener) {
    case Listener::Smtp:
        return m_smtpRunning;
    case Listener::Smtps:
        return m_smtpRunning && settings.smtpsEnabled && tls;
    case Listener::Pop3:
        return m_pop3 && settings.pop3Enabled;
    case Listener::Pop3s:
        return m_pop3 && settings.pop3Enabled && settings.pop3sEnabled && tls;
    case Listener::Imap:
        return m_imap && settings.imapEnabled;
    case Listener::Imaps:
        return m_imap && settings.imapEnabled && settings.imapsEnabled && tls;
    case Listener::Http:
        return settings.httpEnabled;
    }
    return false;
}

HostPort &ServerController::addressOf(ServerSettings &settings, Listener listener)
{
    switch (listener) {
    case Listener::Smtp:
        return settings.smtp;
    case Listener::Smtps:
        return settings.smtps;
    case Listener::Pop3:
        return settings.pop3;
    case Listener::Imap:
        return settings.imap;
    case Listener::Imaps:
        return settings.imaps;
    case Listener::Http:
        return settings.http;
    case Listener::Pop3s:
        break;
    }
    return settings.pop3s;
}

bool ServerController::listen(Listener listener, const HostPort &address)
{
    if (!m_store->isOpen()) { // every message would get a 4xx
        m_status[listener].error = tr("no store is open");
        return false;
    }
    if ((listener == Listener::Smtps || listener == Listener::Pop3s || listener == Listener::Imaps)
        && !m_tls) {
        m_status[listener].error = tr("cannot listen for %1 on %2: no TLS certificate")
                                       .arg(listenerName(listener), address.toString());
        return false;
    }
    bool ok = false;
    QString error;
    switch (listener) {
    case Listener::Smtp:
        ok = m_smtp->listen(address);
        error = m_smtp->errorString();
        break;
    case Listener::Smtps:
        ok = m_smtp->listenSmtps(address);
        error = m_smtp->errorString();
        break;
    case Listener::Pop3:
        ok = m_pop3->listen(address);
        error = m_pop3->errorString();
        break;
    case Listener::Pop3s:
        ok = m_pop3->listenPop3s(address);
        error = m_pop3->errorString();
        break;
    case Listener::Imap:
        ok = m_imap->listen(address);
        error = m_imap->errorString();
        break;
    case Listener::Imaps:
        ok = m_imap->listenImaps(address);
        error = m_imap->errorString();
        break;
    case Listener::Http: {
        Api::ApiConfig config;
        config.address = address;
        config.chaos = m_chaos;
        config.maxBodySize
            = std::max<qint64>(qint64(m_settings.maxMessageSizeMiB) * 2 * 1024 * 1024, 1024 * 1024);
        ok = m_api->start(config);
        error = m_api->errorString();
        const QString httpPrefix = QStringLiteral("cannot listen for HTTP on %1: ").arg(address.toString());
        if (error.startsWith(httpPrefix))
            error = QStringLiteral("cannot listen on %1: ").arg(address.toString())
                + error.mid(httpPrefix.size());
        break;
    }
    }
    refresh();
    // The core says "cannot listen on ADDRESS: REASON" in English; REASON comes translated from Qt.
    const QString prefix = QStringLiteral("cannot listen on %1: ").arg(address.toString());
    if (error.startsWith(prefix))
        error = tr("cannot listen on %1: %2").arg(address.toString(), error.mid(prefix.size()));
    m_status[listener].error = ok ? QString() : error;
    return ok;
}

void ServerController::stop(Listener listener)
{
    switch (listener) {
    case Listener::Smtp:
        m_smtp->stopSmtp();
        break;
    case Listener::Smtps:
        m_smtp->stopSmtps();
        break;
    case Listener::Pop3:
        m_pop3->stopPop3();
        break;
    case Listener::Pop3s:
        m_pop3->stopPop3s();
        break;
    case Listener::Imap:
        m_imap->stopImap();
        break;
    case Listener::Imaps:
        m_imap->stopImaps();
        break;
    case Listener::Http:
        m_api->stop();
        break;
    }
    refresh();
    m_status[listener].error.clear();
}

void ServerController::refresh()
{
    auto set = [this](Listener listener, const HostPort &address) {
        Status &status = m_status[listener];
        status.listening = address.port != 0;
        status.address = address;
        if (status.listening)
            status.error.clear();
    };
    set(Listener::Smtp, m_smtp->address());
    set(Listener::Smtps, m_smtp->smtpsAddress());
    set(Listener::Pop3, m_pop3 ? m_pop3->address() : HostPort());
    set(Listener::Pop3s, m_pop3 ? m_pop3->pop3sAddress() : HostPort());
    set(Listener::Imap, m_imap ? m_imap->address() : HostPort());
    set(Listener::Imaps, m_imap ? m_imap->imapsAddress() : HostPort());
    set(Listener::Http, m_api->isRunning() ? m_api->address() : HostPort());
    Q_EMIT statusChanged();
}

void ServerController::pushConfig()
{
    Smtp::ServerConfig smtp = m_smtp->config();
    configure(smtp, m_settings, m_tls);
    m_smtp->setConfig(std::move(smtp));
    if (m_pop3) {
        Pop3::Pop3ServerConfig pop3 = m_pop3->config();
        configure(pop3, m_settings, m_tls);
        m_pop3->setConfig(std::move(pop3));
    }
    if (m_imap) {
        Imap::ImapServerConfig imap = m_imap->config();
        configure(imap, m_settings, m_tls);
        m_imap->setConfig(std::move(imap));
    }
}

bool ServerController::startSmtp()
{
    m_smtpRunning = true;
    bool ok = true;
    for (Listener listener : {Listener::Smtp, Listener::Smtps}) {
        if (wantedOn(listener, m_settings, m_tls.has_value()) && !m_status.value(listener).listening)
            ok = listen(listener, addressOf(m_settings, listener)) && ok;
    }
    Q_EMIT statusChanged();
    return ok;
}

void ServerController::stopHttp()
{
    stop(Listener::Http);
}

void ServerController::stopSmtp()
{
    m_smtpRunning = false;
    stop(Listener::Smtps);
    stop(Listener::Smtp);
    Q_EMIT statusChanged();
}

ServerController::ApplyResult ServerController::apply(const ServerSettings &wanted)
{
    ApplyResult result;
    ServerSettings next = wanted;
    ServerSettings previous = m_settings;

    // Also when TLS is wanted but not in effect (its certificate could not be loaded at start): try again.
    const bool tlsChanged = next.tlsEnabled != previous.tlsEnabled
        || next.certificateFile != previous.certificateFile || next.keyFile != previous.keyFile
        || (next.tlsEnabled && !m_tls);
    if (tlsChanged) {
        QString error;
        std::optional<Tls::TlsIdentity> tls = loadTls(next, m_store->root(), &error);
        if (next.tlsEnabled && !tls) {
            result.tlsError = error;
            if (m_tls
                || !previous.tlsEnabled) { // keep what is in effect; a retry that failed changes nothing
                next.tlsEnabled = previous.tlsEnabled;
                next.certificateFile = previous.certificateFile;
                next.keyFile = previous.keyFile;
            }
        } else {
            m_tls = tls;
        }
    }
    m_settings = next;
    pushConfig(); // new connections get the new limits, AUTH and certificate

    for (Listener listener : AllListeners) {
        const Status status = m_status.value(listener);
        const bool on = wantedOn(listener, next, m_tls.has_value());
        if (!on) {
            if (status.listening) {
                stop(listener);
                result.moved.append(listener);
            }
            continue;
        }
        HostPort &target = addressOf(m_settings, listener);
        const HostPort &before = addressOf(previous, listener);
        if (status.listening && sameAddress(target, before))
            continue;
        result.moved.append(listener);
        if (!listen(listener, target)) {
            result.errors.insert(listener, m_status.value(listener).error);
            if (m_status.value(listener).listening)
                target = before; // still there: the settings say where it really listens
        }
    }
    Q_EMIT statusChanged();
    return result;
}

void ServerController::reloadTls()
{
    if (!m_settings.tlsEnabled)
        return;
    QString error;
    if (auto tls = loadTls(m_settings, m_store->root(), &error)) {
        m_tls = tls;
        pushConfig();
    }
}

bool ServerController::regenerateCertificate(QString *error)
{
    std::optional<Tls::TlsIdentity> tls = Tls::TlsIdentity::regenerate(m_store->root(), error);
    if (!tls)
        return false;
    if (m_settings.tlsEnabled && m_settings.certificateFile.isEmpty() && m_settings.keyFile.isEmpty()) {
        m_tls = tls;
        pushConfig();
    }
    return true;
}

} // namespace MailSink::Ui
