#include "outgoing/ReleaseDialog.h"

#include "common/Formatting.h"
#include "session/TraceView.h"
#include "client/MessageHeaders.h"
#include "client/SmtpSender.h"
#include "store/MessageStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSysInfo>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#ifdef MAILSINK_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace MailSink::Ui {

namespace {

constexpr auto SettingsArray = "OutgoingServers";

quint16 defaultPort(Client::Security security)
{
    switch (security) {
    case Client::Security::StartTls:
        return 587;
    case Client::Security::ImplicitTls:
        return 465;
    case Client::Security::None:
        break;
    }
    return 25;
}

QString securityKey(Client::Security security)
{
    switch (security) {
    case Client::Security::StartTls:
        return QStringLiteral("starttls");
    case Client::Security::ImplicitTls:
        return QStringLiteral("tls");
    case Client::Security::None:
        break;
    }
    return QStringLiteral("none");
}

Client::Security securityFromKey(const QString &key)
{
    if (key == QLatin1String("starttls"))
        return Client::Security::StartTls;
    if (key == QLatin1String("tls"))
        return Client::Security::ImplicitTls;
    return Client::Security::None;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QByteArray heloName()
{
    const QString host = QSysInfo::machineHostName();
    const QByteArray ace = host.isEmpty() ? QByteArray() : QUrl::toAce(host);
    return ace.isEmpty() ? QByteArrayLiteral("localhost") : ace;
}

QString keychainKey(const RemoteServer &server)
{
    return server.user + u'@' + server.host + u':' + QString::number(server.port);
}

QString escaped(const QByteArray &text)
{
    return QString::fromUtf8(text).toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

} // namespace

QString RemoteServer::displayName() const
{
    QString security;
    switch (this->security) {
    case Client::Security::None:
        security = ReleaseDialog::tr("no encryption");
        break;
    case Client::Security::StartTls:
        security = ReleaseDialog::tr("STARTTLS");
        break;
    case Client::Security::ImplicitTls:
        security = ReleaseDialog::tr("TLS");
        break;
    }
    const QString where = host + u':' + QString::number(port);
    if (user.isEmpty())
        return ReleaseDialog::tr("%1 (%2)").arg(where, security);
    return ReleaseDialog::tr("%1 (%2, %3)").arg(where, security, user);
}

bool RemoteServer::sameServer(const RemoteServer &other) const
{
    return host.compare(other.host, Qt::CaseInsensitive) == 0 && port == other.port && user == other.user;
}

ReleaseDialog::ReleaseDialog(Store::MessageStore *store, qint64 messageId, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Release Message"));
    buildUi();
    const auto info = store ? store->message(messageId) : std::nullopt;
    if (!info) {
        m_summary->setText(tr("Message %1 is no longer in the store.").arg(messageId));
        setState(State::Failed);
        return;
    }
    const QString subject = info->subject.isEmpty() ? tr("(no subject)") : info->subject;
    m_summary->setText(tr("Sends “%1” (%2), exactly as it was received, to another server.")
                           .arg(subject.toHtmlEscaped(), Formatting::size(info->size)));
    fillEnvelope(info->envelope.mailFrom, info->envelope.recipients);
    const bool envelopeKnown = info->envelope.known;

    auto *watcher = new QFutureWatcher<std::pair<std::optional<QByteArray>, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, envelopeKnown] {
        const auto [data, error] = watcher->result();
        watcher->deleteLater();
        if (data && !envelopeKnown && m_mailFrom->text().isEmpty() && m_recipients->toPlainText().isEmpty()) {
            // Re-indexed without an envelope: offer the header addresses instead.
            QByteArray from;
            const auto fromValues = Client::MessageHeaders::values(*data, "From");
            if (!fromValues.isEmpty()) {
                const auto addresses = Client::MessageHeaders::addresses(fromValues.constFirst());
                if (!addresses.isEmpty())
                    from = addresses.constFirst();
            }
            QList<QByteArray> to;
            for (const char *field : {"To", "Cc", "Bcc"}) {
                for (const QByteArray &value : Client::MessageHeaders::values(*data, field))
                    to += Client::MessageHeaders::addresses(value);
            }
            fillEnvelope(from, to);
        }
        handleLoaded(data, error);
    });
    watcher->setFuture(QtConcurrent::run([store, messageId] {
        QString error;
        auto data = store->readMessage(messageId, &error);
        return std::pair<std::optional<QByteArray>, QString>(std::move(data), error);
    }));
}

ReleaseDialog::ReleaseDialog(const Client::OutgoingMessage &message, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Send Message"));
    buildUi();
    m_summary->setText(
        tr("Sends the message (%1) to an SMTP server.").arg(Formatting::size(message.data.size())));
    fillEnvelope(message.mailFrom, message.recipients);
    handleLoaded(message.data, {});
}

ReleaseDialog::~ReleaseDialog()
{
    if (m_sender) {
        m_sender->disconnect(this);
        m_sender->abort();
    }
}

void ReleaseDialog::buildUi()
{
    setObjectName(QStringLiteral("releaseDialog"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    // Server.
    auto *serverBox = new QGroupBox(tr("Server"), this);
    auto *serverForm = new QFormLayout(serverBox);
    m_recentCombo = new QComboBox(serverBox);
    m_recentCombo->setObjectName(QStringLiteral("recentServers"));
    m_host = new QLineEdit(serverBox);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("smtp.example.com"));
    m_port = new QSpinBox(serverBox);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(25);
    m_security = new QComboBox(serverBox);
    m_security->setObjectName(QStringLiteral("security"));
    m_security->addItem(tr("None"), int(Client::Security::None));
    m_security->addItem(tr("STARTTLS"), int(Client::Security::StartTls));
    m_security->addItem(tr("Implicit TLS (SMTPS)"), int(Client::Security::ImplicitTls));
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("&Port:"), serverBox);
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    auto *securityLabel = new QLabel(tr("S&ecurity:"), serverBox);
    securityLabel->setBuddy(m_security);
    hostRow->addWidget(securityLabel);
    hostRow->addWidget(m_security);
    m_user = new QLineEdit(serverBox);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("optional"));
    m_password = new QLineEdit(serverBox);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_storePassword = new QCheckBox(tr("Remember the password in the &keychain"), serverBox);
    m_storePassword->setObjectName(QStringLiteral("storePassword"));
    m_storePassword->setVisible(hasPasswordStorage());
    auto *authRow = new QHBoxLayout;
    authRow->addWidget(m_user, 1);
    auto *passwordLabel = new QLabel(tr("Pass&word:"), serverBox);
    passwordLabel->setBuddy(m_password);
    authRow->addWidget(passwordLabel);
    authRow->addWidget(m_password, 1);
    serverForm->addRow(tr("&Recent:"), m_recentCombo);
    serverForm->addRow(tr("&Host:"), hostRow);
    serverForm->addRow(tr("&User:"), authRow);
    if (hasPasswordStorage())
        serverForm->addRow(QString(), m_storePassword);
    // QFormLayout sets the buddy only for widgets, not for rows built from layouts.
    if (auto *label = qobject_cast<QLabel *>(serverForm->labelForField(hostRow)))
        label->setBuddy(m_host);
    if (auto *label = qobject_cast<QLabel *>(serverForm->labelForField(authRow)))
        label->setBuddy(m_user);

    // Envelope.
    auto *envelopeBox = new QGroupBox(tr("Envelope"), this);
    auto *envelopeForm = new QFormLayout(envelopeBox);
    m_mailFrom = new QLineEdit(envelopeBox);
    m_mailFrom->setObjectName(QStringLiteral("mailFrom"));
    m_mailFrom->setPlaceholderText(tr("empty for the null sender <>"));
    m_recipients = new QPlainTextEdit(envelopeBox);
    m_recipients->setObjectName(QStringLiteral("recipients"));
    m_recipients->setTabChangesFocus(true);
    m_recipients->setPlaceholderText(tr("one address per line"));
    m_recipients->setFixedHeight(m_recipients->fontMetrics().lineSpacing() * 4 + 12);
    envelopeForm->addRow(tr("MAIL &FROM:"), m_mailFrom);
    envelopeForm->addRow(tr("RCPT &TO:"), m_recipients);

    // Conversation and result.
    auto *traceLabel = new QLabel(tr("SMTP con&versation:"), this);
    m_trace = new TraceView(this);
    m_trace->setObjectName(QStringLiteral("trace"));
    m_trace->setMinimumHeight(160);
    traceLabel->setBuddy(m_trace);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("result"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::RichText);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_resultLabel->setMinimumHeight(m_resultLabel->fontMetrics().lineSpacing() * 2);

    m_buttons = new QDialogButtonBox(this);
    m_sendButton = m_buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    m_sendButton->setObjectName(QStringLiteral("send"));
    m_sendButton->setDefault(true);
    // Outside the button box, which shows every button it lays out.
    m_trustButton = new QPushButton(tr("Trust This &Certificate and Retry"), this);
    m_trustButton->setAutoDefault(false);
    m_trustButton->setObjectName(QStringLiteral("trust"));
    m_trustButton->setVisible(false);
    m_closeButton = m_buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("close"));
    connect(m_sendButton, &QPushButton::clicked, this, &ReleaseDialog::send);
    connect(m_trustButton, &QPushButton::clicked, this, &ReleaseDialog::trustCertificateAndRetry);
    connect(m_closeButton, &QPushButton::clicked, this, &ReleaseDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(serverBox);
    layout->addWidget(envelopeBox);
    layout->addWidget(traceLabel);
    layout->addWidget(m_trace, 1);
    layout->addWidget(m_resultLabel);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_trustButton);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_buttons);
    layout->addLayout(buttonRow);

    connect(m_recentCombo, &QComboBox::activated, this, &ReleaseDialog::handleRecentChosen);
    connect(m_security, &QComboBox::currentIndexChanged, this, &ReleaseDialog::handleSecurityChanged);
    connect(m_host, &QLineEdit::textChanged, this, &ReleaseDialog::updateButtons);
    connect(m_recipients, &QPlainTextEdit::textChanged, this, &ReleaseDialog::updateButtons);
    connect(m_user, &QLineEdit::textChanged, this,
        [this] { m_storePassword->setEnabled(!m_user->text().isEmpty()); });
    m_storePassword->setEnabled(false);

    resize(720, 640);
    m_host->setFocus();
    updateButtons();
}

void ReleaseDialog::setSettings(QSettings *settings)
{
    m_settings = settings;
    reloadRecent();
}

void ReleaseDialog::showEvent(QShowEvent *event)
{
    if (!m_recentLoaded)
        reloadRecent(); // from the application's settings, unless setSettings() came first
    QDialog::showEvent(event);
}

QSettings &ReleaseDialog::settings()
{
    if (m_settings)
        return *m_settings;
    if (!m_ownSettings)
        m_ownSettings = std::make_unique<QSettings>();
    return *m_ownSettings;
}

void ReleaseDialog::setPasswordStorageEnabled(bool enabled)
{
    m_passwordStorage = enabled;
    m_storePassword->setVisible(enabled && hasPasswordStorage());
}

bool ReleaseDialog::hasPasswordStorage()
{
#ifdef MAILSINK_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

void ReleaseDialog::reloadRecent()
{
    m_recentLoaded = true;
    m_recent = rememberedServers(settings());
    m_recentCombo->clear();
    m_recentCombo->addItem(m_recent.isEmpty() ? tr("(none yet)") : tr("New server"));
    for (const RemoteServer &server : std::as_const(m_recent))
        m_recentCombo->addItem(server.displayName());
    m_recentCombo->setEnabled(!m_recent.isEmpty());
    if (!m_recent.isEmpty() && m_host->text().isEmpty()) {
        m_recentCombo->setCurrentIndex(1);
        selectServer(m_recent.constFirst());
    }
}

void ReleaseDialog::handleRecentChosen(int index)
{
    if (index >= 1 && index <= m_recent.size())
        selectServer(m_recent.at(index - 1));
}

void ReleaseDialog::selectServer(const RemoteServer &server)
{
    m_host->setText(server.host);
    m_security->setCurrentIndex(m_security->findData(int(server.security)));
    m_port->setValue(server.port);
    m_user->setText(server.user);
    m_password->clear();
    m_acceptedFingerprints.clear();
    if (!server.trustedFingerprint.isEmpty())
        m_acceptedFingerprints.append(server.trustedFingerprint);
    for (qsizetype i = 0; i < m_recent.size(); ++i) {
        if (m_recent.at(i).sameServer(server))
            m_recentCombo->setCurrentIndex(int(i) + 1);
    }
    if (!server.user.isEmpty())
        readPassword(server);
}

void ReleaseDialog::handleSecurityChanged(int index)
{
    static const Client::Security order[]
        = {Client::Security::None, Client::Security::StartTls, Client::Security::ImplicitTls};
    const auto security = Client::Security(m_security->itemData(index).toInt());
    for (const Client::Security other : order) {
        if (other != security && m_port->value() == defaultPort(other)) {
            m_port->setValue(defaultPort(security));
            break;
        }
    }
}

void ReleaseDialog::fillEnvelope(const QByteArray &mailFrom, const QList<QByteArray> &recipients)
{
    m_mailFrom->setText(QString::fromUtf8(mailFrom));
    QStringList lines;
    for (const QByteArray &recipient : recipients)
        lines.append(QString::fromUtf8(recipient));
    m_recipients->setPlainText(lines.join(u'\n'));
}

void ReleaseDialog::handleLoaded(const std::optional<QByteArray> &data, const QString &error)
{
    if (!data) {
        m_resultLabel->setText(tr("<b>Cannot read the message:</b> %1").arg(error.toHtmlEscaped()));
        setState(State::Failed);
        return;
    }
    m_message.data = *data;
    setState(State::Ready);
}

RemoteServer ReleaseDialog::currentServer() const
{
    RemoteServer server;
    server.host = m_host->text().trimmed();
    server.port = quint16(m_port->value());
    server.security = Client::Security(m_security->currentData().toInt());
    server.user = m_user->text().trimmed();
    if (!m_acceptedFingerprints.isEmpty())
        server.trustedFingerprint = m_acceptedFingerprints.constLast();
    return server;
}

QList<QByteArray> ReleaseDialog::recipients() const
{
    QList<QByteArray> result;
    const QStringList lines = m_recipients->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QByteArray bytes = line.trimmed().toUtf8();
        if (bytes.isEmpty())
            continue;
        const QList<QByteArray> addresses = Client::MessageHeaders::addresses(bytes);
        if (addresses.isEmpty())
            result.append(bytes);
        for (const QByteArray &address : addresses) {
            if (!result.contains(address))
                result.append(address);
        }
    }
    return result;
}

void ReleaseDialog::updateButtons()
{
    const bool idle = m_state == State::Ready || m_state == State::Delivered || m_state == State::Failed;
    const bool haveMessage = !m_message.data.isEmpty();
    m_sendButton->setEnabled(idle && haveMessage && !m_host->text().trimmed().isEmpty()
        && !m_recipients->toPlainText().trimmed().isEmpty());
    m_closeButton->setText(m_state == State::Sending ? tr("&Cancel") : tr("Cl&ose"));
    for (QWidget *widget : {static_cast<QWidget *>(m_recentCombo), static_cast<QWidget *>(m_host),
             static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_security),
             static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_password),
             static_cast<QWidget *>(m_mailFrom), static_cast<QWidget *>(m_recipients)})
        widget->setEnabled(m_state != State::Sending && (widget != m_recentCombo || !m_recent.isEmpty()));
}

void ReleaseDialog::setState(State state)
{
    m_state = state;
    updateButtons();
    Q_EMIT stateChanged(state);
}

void ReleaseDialog::send()
{
    if (m_state == State::Sending || m_message.data.isEmpty())
        return;
    const RemoteServer server = currentServer();
    if (server.host.isEmpty())
        return;
    QByteArray from = m_mailFrom->text().trimmed().toUtf8();
    if (from.startsWith('<') && from.endsWith('>'))
        from = from.mid(1, from.size() - 2);
    m_message.mailFrom = from;
    m_message.recipients = recipients();
    if (m_message.recipients.isEmpty())
        return;

    Client::SenderConfig config;
    config.host = server.host;
    config.port = server.port;
    config.session.security = server.security;
    config.session.heloName = heloName();
    config.session.user = server.user.toUtf8();
    config.session.password = server.user.isEmpty() ? QByteArray() : m_password->text().toUtf8();
    // A password goes unencrypted only to this machine.
    config.session.allowCleartextAuth = isLoopbackHost(server.host);
    config.acceptedFingerprints = m_acceptedFingerprints;

    m_trustButton->setVisible(false);
    m_trace->setTrace({});
    m_resultLabel->setText(tr("Connecting to %1…").arg(server.displayName().toHtmlEscaped()));
    m_result = {};
    setState(State::Sending);

    m_sender = new Client::SmtpSender(config, this);
    connect(m_sender, &Client::SmtpSender::traceReceived, this,
        [this](const Trace &lines) { m_trace->append(lines); });
    connect(m_sender, &Client::SmtpSender::finished, this, &ReleaseDialog::handleFinished);
    m_sender->send(m_message);
}

void ReleaseDialog::handleFinished(const Client::SendResult &result)
{
    if (m_sender) {
        m_sender->disconnect(this);
        m_sender->deleteLater();
        m_sender = nullptr;
    }
    m_result = result;
    showResult(result);
    if (result.ok) {
        const RemoteServer server = currentServer();
        rememberServer(settings(), server);
        if (!server.user.isEmpty() && m_storePassword->isChecked())
            writePassword(server, m_password->text());
        reloadRecent(); // the host field is filled, so nothing in it changes
        m_recentCombo->setCurrentIndex(1); // rememberServer() put this one first
    }
    setState(result.ok ? State::Delivered : State::Failed);
    if (!result.ok && !result.peerFingerprint.isEmpty()) {
        m_trustButton->setVisible(true);
        m_trustButton->setFocus();
    } else {
        m_closeButton->setFocus();
    }
}

void ReleaseDialog::showResult(const Client::SendResult &result)
{
    QString html;
    if (result.ok) {
        html = tr("<b style=\"color:#1a7f37\">✔ Delivered</b> to %1.")
                   .arg(currentServer().displayName().toHtmlEscaped());
        if (!result.finalReply.isEmpty())
            html += u' ' + tr("The server replied: <tt>%1</tt>").arg(escaped(result.finalReply));
        if (!result.rejected.isEmpty()) {
            html += QStringLiteral("<br>") + tr("Refused recipients:");
            for (const Client::RejectedRecipient &rejected : result.rejected) {
                html += QStringLiteral("<br>&nbsp;&nbsp;")
                    + QString::fromUtf8(rejected.address).toHtmlEscaped() + QStringLiteral(": <tt>")
                    + escaped(rejected.reply) + QStringLiteral("</tt>");
            }
        }
    } else {
        html = tr("<b style=\"color:#cf222e\">✘ Not delivered</b> (stage: %1): %2")
                   .arg(Client::stageName(result.stage).toHtmlEscaped(), result.error.toHtmlEscaped());
        if (!result.reply.isEmpty() && !result.error.contains(QString::fromUtf8(result.reply)))
            html += QStringLiteral("<br>") + tr("The server replied: <tt>%1</tt>").arg(escaped(result.reply));
        for (const Client::RejectedRecipient &rejected : result.rejected) {
            html += QStringLiteral("<br>&nbsp;&nbsp;") + QString::fromUtf8(rejected.address).toHtmlEscaped()
                + QStringLiteral(": <tt>") + escaped(rejected.reply) + QStringLiteral("</tt>");
        }
        if (!result.peerFingerprint.isEmpty()) {
            html += QStringLiteral("<br>")
                + tr("The server's certificate is not trusted (%1). Its SHA-256 fingerprint "
                     "is<br><tt>%2</tt><br>"
                     "Trust it only if you know it is this server's.")
                      .arg(result.certificateErrors.join(QStringLiteral("; ")).toHtmlEscaped(),
                          QString::fromLatin1(result.peerFingerprint));
        }
    }
    m_resultLabel->setText(html);
}

void ReleaseDialog::trustCertificateAndRetry()
{
    if (m_result.peerFingerprint.isEmpty() || m_state == State::Sending)
        return;
    if (!m_acceptedFingerprints.contains(m_result.peerFingerprint))
        m_acceptedFingerprints.append(m_result.peerFingerprint);
    send();
}

void ReleaseDialog::reject()
{
    if (m_sender) {
        m_sender->abort(); // finished() arrives now and shows "aborted"
        return;
    }
    QDialog::reject();
}

QList<RemoteServer> ReleaseDialog::rememberedServers(QSettings &settings)
{
    QList<RemoteServer> servers;
    const int count = settings.beginReadArray(QLatin1String(SettingsArray));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        RemoteServer server;
        server.host = settings.value(QStringLiteral("host")).toString();
        server.port = quint16(settings.value(QStringLiteral("port"), 25).toUInt());
        server.security = securityFromKey(settings.value(QStringLiteral("security")).toString());
        server.user = settings.value(QStringLiteral("user")).toString();
        server.trustedFingerprint = settings.value(QStringLiteral("trustedFingerprint")).toByteArray();
        if (!server.host.isEmpty() && server.port != 0)
            servers.append(server);
    }
    settings.endArray();
    return servers;
}

void ReleaseDialog::rememberServer(QSettings &settings, const RemoteServer &server)
{
    QList<RemoteServer> servers = rememberedServers(settings);
    servers.removeIf([&](const RemoteServer &other) { return other.sameServer(server); });
    servers.prepend(server);
    while (servers.size() > MaxRememberedServers)
        servers.removeLast();
    settings.remove(QLatin1String(SettingsArray));
    settings.beginWriteArray(QLatin1String(SettingsArray), int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        settings.setArrayIndex(i);
        const RemoteServer &s = servers.at(i);
        settings.setValue(QStringLiteral("host"), s.host);
        settings.setValue(QStringLiteral("port"), s.port);
        settings.setValue(QStringLiteral("security"), securityKey(s.security));
        settings.setValue(QStringLiteral("user"), s.user);
        if (!s.trustedFingerprint.isEmpty())
            settings.setValue(
                QStringLiteral("trustedFingerprint"), QString::fromLatin1(s.trustedFingerprint));
    }
    settings.endArray();
    settings.sync();
}

void ReleaseDialog::readPassword(const RemoteServer &server)
{
#ifdef MAILSINK_HAVE_QTKEYCHAIN
    if (!m_passwordStorage || server.user.isEmpty())
        return;
    auto *job = new QKeychain::ReadPasswordJob(QStringLiteral("Mailsink SMTP"), this);
    job->setAutoDelete(true);
    job->setKey(keychainKey(server));
    const QString key = keychainKey(server);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError && keychainKey(currentServer()) == key
            && m_password->text().isEmpty()) {
            m_password->setText(read->textData());
            m_storePassword->setChecked(true);
        }
    });
    job->start();
#else
    Q_UNUSED(server)
    Q_UNUSED(keychainKey)
#endif
}

void ReleaseDialog::writePassword(const RemoteServer &server, const QString &password)
{
#ifdef MAILSINK_HAVE_QTKEYCHAIN
    if (!m_passwordStorage || server.user.isEmpty())
        return;
    auto *job = new QKeychain::WritePasswordJob(QStringLiteral("Mailsink SMTP"), this);
    job->setAutoDelete(true);
    job->setKey(keychainKey(server));
    job->setTextData(password);
    job->start();
#else
    Q_UNUSED(server)
    Q_UNUSED(password)
#endif
}

} // namespace MailSink::Ui
