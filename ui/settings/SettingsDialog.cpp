#include "settings/SettingsDialog.h"

#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace MailSink::Ui {

namespace {

using Listener = ServerController::Listener;

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    return label;
}

QString hostText(const HostPort &address)
{
    return address.address.toString();
}

QString endpointText(const QString &host, int port)
{
    return host.contains(u':') && !host.startsWith(u'[') ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                                         : QStringLiteral("%1:%2").arg(host).arg(port);
}

} // namespace

SettingsDialog::SettingsDialog(
    ServerController *controller, Settings *settings, const QString &storeFolder, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_storeFolder(storeFolder)
{
    setWindowTitle(tr("Mailsink Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(createListenPage(), tr("&Listening"));
    tabs->addTab(createSecurityPage(), tr("&Security"));
    tabs->addTab(createLimitsPage(), tr("Li&mits"));
    tabs->addTab(createAppPage(), tr("&Application"));
    layout->addWidget(tabs);

    m_overrideNote = note(QString(), this);
    m_overrideNote->hide();
    layout->addWidget(m_overrideNote);
    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("settingsErrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_errors->hide();
    layout->addWidget(m_errors);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
        &SettingsDialog::applyChanges);

    load();
    lockOverridden();
    updateEnabled();
}

SettingsDialog::Endpoint SettingsDialog::addEndpoint(
    QGridLayout *grid, int row, Listener listener, const QString &label, bool optional)
{
    Endpoint endpoint;
    QWidget *page = grid->parentWidget();
    if (optional) {
        endpoint.enabled = new QCheckBox(label, page);
        grid->addWidget(endpoint.enabled, row, 0);
        connect(endpoint.enabled, &QCheckBox::toggled, this, &SettingsDialog::updateEnabled);
    } else {
        grid->addWidget(new QLabel(label, page), row, 0);
    }
    endpoint.host = new QLineEdit(page);
    endpoint.host->setPlaceholderText(QStringLiteral("127.0.0.1"));
    endpoint.host->setToolTip(tr("127.0.0.1 accepts connections from this computer only; 0.0.0.0 (or ::) "
                                 "from the network too"));
    endpoint.port = new QSpinBox(page);
    endpoint.port->setRange(1, 65535);
    endpoint.port->setSpecialValueText(tr("any free port"));
    endpoint.port->setMinimum(0);
    const QString name = ServerController::listenerName(listener).toLower();
    endpoint.host->setObjectName(name + QStringLiteral("Host"));
    endpoint.port->setObjectName(name + QStringLiteral("Port"));
    grid->addWidget(endpoint.host, row, 1);
    grid->addWidget(new QLabel(tr("Port"), page), row, 2);
    grid->addWidget(endpoint.port, row, 3);
    m_endpoints.insert(listener, endpoint);
    return endpoint;
}

QWidget *SettingsDialog::createListenPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *box = new QGroupBox(tr("Listen on"), page);
    auto *grid = new QGridLayout(box);
    grid->setColumnStretch(1, 1);
    addEndpoint(grid, 0, Listener::Smtp, tr("SMTP"), false);
    addEndpoint(grid, 1, Listener::Smtps, tr("SMTPS (implicit TLS)"), true);
    addEndpoint(grid, 2, Listener::Pop3, tr("POP3"), true);
    addEndpoint(grid, 3, Listener::Pop3s, tr("POP3S (implicit TLS)"), true);
    addEndpoint(grid, 4, Listener::Imap, tr("IMAP"), true);
    addEndpoint(grid, 5, Listener::Imaps, tr("IMAPS (implicit TLS)"), true);
    addEndpoint(grid, 6, Listener::Http, tr("HTTP API (Mailpit-compatible)"), true);
    layout->addWidget(box);
    layout->addWidget(note(tr("Only a listener whose address changes is restarted; connections in progress "
                              "on the others go on. Ports below 1024 usually need administrator rights."),
        page));
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::createSecurityPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *tlsBox = new QGroupBox(tr("TLS"), page);
    auto *tlsLayout = new QVBoxLayout(tlsBox);
    m_tls = new QCheckBox(tr("Offer STARTTLS and STLS (needed for SMTPS, POP3S and IMAPS)"), tlsBox);
    m_certGenerated
        = new QRadioButton(tr("Self-signed certificate for localhost, kept in the store folder"), tlsBox);
    auto *generate = new QPushButton(tr("&Generate a new one"), tlsBox);
    generate->setObjectName(QStringLiteral("generateCertificate"));
    generate->setToolTip(tr("Clients that trusted the old certificate will have to trust the new one"));
    auto *generatedRow = new QHBoxLayout;
    generatedRow->addWidget(m_certGenerated, 1);
    generatedRow->addWidget(generate);
    m_certFiles = new QRadioButton(tr("Certificate and key from PEM files:"), tlsBox);
    m_certFileRow = new QWidget(tlsBox);
    auto *files = new QFormLayout(m_certFileRow);
    files->setContentsMargins(24, 0, 0, 0);
    auto fileRow = [this](QLineEdit *&edit, const QString &title) {
        auto *row = new QWidget(m_certFileRow);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        edit = new QLineEdit(row);
        auto *browse = new QToolButton(row);
        browse->setText(tr("…"));
        browse->setToolTip(tr("Choose a file"));
        h->addWidget(edit, 1);
        h->addWidget(browse);
        connect(browse, &QToolButton::clicked, this, [this, edit, title] {
            const QString path = QFileDialog::getOpenFileName(
                this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
            if (!path.isEmpty())
                edit->setText(path);
        });
        return row;
    };
    files->addRow(tr("Certificate:"), fileRow(m_certEdit, tr("Choose the certificate")));
    files->addRow(tr("Private key:"), fileRow(m_keyEdit, tr("Choose the private key")));
    tlsLayout->addWidget(m_tls);
    tlsLayout->addLayout(generatedRow);
    tlsLayout->addWidget(m_certFiles);
    tlsLayout->addWidget(m_certFileRow);
    connect(m_tls, &QCheckBox::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_certFiles, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    connect(generate, &QPushButton::clicked, this, &SettingsDialog::generateCertificate);
    layout->addWidget(tlsBox);

    auto *authBox = new QGroupBox(tr("Authentication"), page);
    auto *authLayout = new QFormLayout(authBox);
    m_auth
        = new QCheckBox(tr("Require AUTH before MAIL (SMTP) and check the password (POP3, IMAP)"), authBox);
    m_authUser = new QLineEdit(authBox);
    m_authPassword = new QLineEdit(authBox);
    m_authPassword->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    authLayout->addRow(m_auth);
    authLayout->addRow(tr("User name:"), m_authUser);
    authLayout->addRow(tr("Password:"), m_authPassword);
    authLayout->addRow(note(tr("Use test credentials: they are kept in Mailsink's settings file. Without "
                               "this option any user name and password are accepted."),
        authBox));
    connect(m_auth, &QCheckBox::toggled, this, &SettingsDialog::updateEnabled);
    layout->addWidget(authBox);
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::createLimitsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QFormLayout(page);
    m_maxSize = new QSpinBox(page);
    m_maxSize->setRange(0, 4096);
    m_maxSize->setSuffix(tr(" MiB"));
    m_maxSize->setSpecialValueText(tr("No limit"));
    m_maxSize->setToolTip(tr("Announced as SIZE; larger messages are refused with 552"));
    m_maxConnections = new QSpinBox(page);
    m_maxConnections->setRange(1, 4096);
    m_maxConnections->setToolTip(tr("Beyond this many SMTP connections at once, new ones get 421"));
    m_idleTimeout = new QSpinBox(page);
    m_idleTimeout->setRange(5, 24 * 3600);
    m_idleTimeout->setSuffix(tr(" s"));
    m_idleTimeout->setToolTip(tr("An SMTP client silent this long is disconnected with 421"));
    layout->addRow(tr("Largest message:"), m_maxSize);
    layout->addRow(tr("Connections at once:"), m_maxConnections);
    layout->addRow(tr("Idle timeout:"), m_idleTimeout);
    layout->addRow(note(tr("Limits apply to connections made from now on."), page));
    return page;
}

QWidget *SettingsDialog::createAppPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QFormLayout(page);
    auto *storeRow = new QWidget(page);
    auto *h = new QHBoxLayout(storeRow);
    h->setContentsMargins(0, 0, 0, 0);
    m_storeEdit = new QLineEdit(storeRow);
    m_storeEdit->setObjectName(QStringLiteral("storeFolder"));
    auto *browse = new QToolButton(storeRow);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a folder"));
    h->addWidget(m_storeEdit, 1);
    h->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Store folder"), m_storeEdit->text());
        if (!dir.isEmpty())
            m_storeEdit->setText(QDir::toNativeSeparators(dir));
    });
    layout->addRow(tr("Store folder:"), storeRow);
    layout->addRow(QString(),
        note(tr("A Maildir plus its index. Choosing another folder asks whether to move the mail there or "
                "to open the folder as it is."),
            page));
    m_autoOpen = new QCheckBox(tr("Open a window for each new SMTP session"), page);
    m_notifications = new QCheckBox(tr("Show a desktop notification for new mail"), page);
    m_closeToTray = new QCheckBox(
        tr("Closing or minimizing the window keeps Mailsink running in the system tray"), page);
    layout->addRow(m_autoOpen);
    layout->addRow(m_notifications);
    layout->addRow(m_closeToTray);
    m_language = new QComboBox(page);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("繁體中文"), QStringLiteral("zh_TW"));
    layout->addRow(tr("Language:"), m_language);
    layout->addRow(QString(), note(tr("A new language is used from the next start."), page));
    m_theme = new QComboBox(page);
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    layout->addRow(tr("Theme:"), m_theme);
    return page;
}

void SettingsDialog::load()
{
    const ServerSettings &s = m_controller->settings();
    auto set = [this](Listener listener, bool on, const HostPort &address) {
        const Endpoint e = m_endpoints.value(listener);
        if (e.enabled)
            e.enabled->setChecked(on);
        e.host->setText(hostText(address));
        e.port->setValue(address.port);
    };
    set(Listener::Smtp, true, s.smtp);
    set(Listener::Smtps, s.smtpsEnabled, s.smtps);
    set(Listener::Pop3, s.pop3Enabled, s.pop3);
    set(Listener::Pop3s, s.pop3sEnabled, s.pop3s);
    set(Listener::Imap, s.imapEnabled, s.imap);
    set(Listener::Imaps, s.imapsEnabled, s.imaps);
    set(Listener::Http, s.httpEnabled, s.http);
    if (!m_controller->pop3Server()) {
        for (Listener listener : {Listener::Pop3, Listener::Pop3s}) {
            const Endpoint e = m_endpoints.value(listener);
            e.enabled->setEnabled(false);
            e.enabled->setToolTip(tr("POP3 is not available in this run"));
        }
    }
    if (!m_controller->imapServer()) {
        for (Listener listener : {Listener::Imap, Listener::Imaps}) {
            const Endpoint e = m_endpoints.value(listener);
            e.enabled->setEnabled(false);
            e.enabled->setToolTip(tr("IMAP is not available in this run"));
        }
    }
    m_tls->setChecked(s.tlsEnabled);
    const bool files = !s.certificateFile.isEmpty() || !s.keyFile.isEmpty();
    m_certFiles->setChecked(files);
    m_certGenerated->setChecked(!files);
    m_certEdit->setText(s.certificateFile);
    m_keyEdit->setText(s.keyFile);
    m_auth->setChecked(s.authRequired);
    m_authUser->setText(s.authUser);
    m_authPassword->setText(s.authPassword);
    m_maxSize->setValue(s.maxMessageSizeMiB);
    m_maxConnections->setValue(s.maxConnections);
    m_idleTimeout->setValue(s.idleTimeoutSeconds);
    m_storeEdit->setText(QDir::toNativeSeparators(m_storeFolder));
    m_autoOpen->setChecked(m_settings->flag(Settings::Key::AutoOpenSessions));
    m_notifications->setChecked(m_settings->flag(Settings::Key::Notifications));
    m_closeToTray->setChecked(m_settings->flag(Settings::Key::CloseToTray));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings->text(Settings::Key::Language))));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(m_settings->text(Settings::Key::Theme))));
}

void SettingsDialog::lockOverridden()
{
    const ServerOverrides &o = m_controller->overrides();
    QStringList fixed;
    auto lock = [](const Endpoint &e) {
        if (e.enabled)
            e.enabled->setEnabled(false);
        e.host->setEnabled(false);
        e.port->setEnabled(false);
    };
    if (o.smtp) {
        lock(m_endpoints.value(Listener::Smtp));
        fixed << QStringLiteral("--smtp");
    }
    if (o.pop3) {
        lock(m_endpoints.value(Listener::Pop3));
        fixed << QStringLiteral("--pop3");
    }
    if (o.noPop3) {
        lock(m_endpoints.value(Listener::Pop3));
        lock(m_endpoints.value(Listener::Pop3s));
        fixed << QStringLiteral("--no-pop3");
    }
    if (o.imap) {
        lock(m_endpoints.value(Listener::Imap));
        fixed << QStringLiteral("--imap");
    }
    if (o.noImap) {
        lock(m_endpoints.value(Listener::Imap));
        lock(m_endpoints.value(Listener::Imaps));
        fixed << QStringLiteral("--no-imap");
    }
    if (o.http) {
        lock(m_endpoints.value(Listener::Http));
        fixed << QStringLiteral("--http");
    }
    if (o.noHttp) {
        lock(m_endpoints.value(Listener::Http));
        fixed << QStringLiteral("--no-http");
    }
    if (o.noTls) {
        m_tls->setEnabled(false);
        lock(m_endpoints.value(Listener::Smtps));
        lock(m_endpoints.value(Listener::Pop3s));
        lock(m_endpoints.value(Listener::Imaps));
        fixed << QStringLiteral("--no-tls");
    }
    if (o.store) {
        m_storeEdit->setEnabled(false);
        fixed << QStringLiteral("--store");
    }
    if (!fixed.isEmpty()) {
        m_overrideNote->setText(tr("Set on the command line for this run, so not editable here: %1")
                                    .arg(fixed.join(QStringLiteral(", "))));
        m_overrideNote->show();
    }
}

void SettingsDialog::updateEnabled()
{
    const bool tlsFixed = m_controller->overrides().noTls;
    const bool tls = m_tls->isChecked() && !tlsFixed;
    m_certGenerated->setEnabled(tls);
    m_certFiles->setEnabled(tls);
    m_certFileRow->setEnabled(tls && m_certFiles->isChecked());
    if (auto *generate = findChild<QPushButton *>(QStringLiteral("generateCertificate")))
        generate->setEnabled(tls && m_certGenerated->isChecked());
    m_authUser->setEnabled(m_auth->isChecked());
    m_authPassword->setEnabled(m_auth->isChecked());
    // The implicit-TLS checkboxes first: their fields follow them below.
    const Endpoint smtps = m_endpoints.value(Listener::Smtps);
    const Endpoint pop3s = m_endpoints.value(Listener::Pop3s);
    const Endpoint imaps = m_endpoints.value(Listener::Imaps);
    if (!tlsFixed) {
        smtps.enabled->setEnabled(tls);
        pop3s.enabled->setEnabled(tls && m_controller->pop3Server() && !m_controller->overrides().noPop3);
        imaps.enabled->setEnabled(tls && m_controller->imapServer() && !m_controller->overrides().noImap);
    }
    for (auto it = m_endpoints.cbegin(); it != m_endpoints.cend(); ++it) {
        const Endpoint &e = it.value();
        if (!e.enabled)
            continue;
        if (!e.enabled->isEnabled()) {
            e.host->setEnabled(false);
            e.port->setEnabled(false);
            continue;
        }
        bool on = e.enabled->isChecked();
        if (it.key() == Listener::Pop3s)
            on = on && m_endpoints.value(Listener::Pop3).enabled->isChecked();
        if (it.key() == Listener::Imaps)
            on = on && m_endpoints.value(Listener::Imap).enabled->isChecked();
        e.host->setEnabled(on);
        e.port->setEnabled(on);
    }
}

std::optional<ServerSettings> SettingsDialog::collect(QStringList *problems) const
{
    ServerSettings s = m_controller->settings();
    auto read = [&](Listener listener, HostPort &target) {
        const Endpoint e = m_endpoints.value(listener);
        QString error;
        const QString host
            = e.host->text().trimmed().isEmpty() ? QStringLiteral("127.0.0.1") : e.host->text().trimmed();
        if (auto parsed = HostPort::parse(endpointText(host, e.port->value()), &error))
            target = *parsed;
        else
            problems->append(tr("%1: %2").arg(ServerController::listenerName(listener), error));
    };
    read(Listener::Smtp, s.smtp);
    read(Listener::Smtps, s.smtps);
    read(Listener::Pop3, s.pop3);
    read(Listener::Pop3s, s.pop3s);
    read(Listener::Imap, s.imap);
    read(Listener::Imaps, s.imaps);
    read(Listener::Http, s.http);
    s.httpEnabled = m_endpoints.value(Listener::Http).enabled->isChecked();
    s.smtpsEnabled = m_endpoints.value(Listener::Smtps).enabled->isChecked();
    s.pop3Enabled = m_endpoints.value(Listener::Pop3).enabled->isChecked();
    s.pop3sEnabled = m_endpoints.value(Listener::Pop3s).enabled->isChecked();
    s.imapEnabled = m_endpoints.value(Listener::Imap).enabled->isChecked();
    s.imapsEnabled = m_endpoints.value(Listener::Imaps).enabled->isChecked();
    s.tlsEnabled = m_tls->isChecked();
    if (m_certFiles->isChecked()) {
        s.certificateFile = m_certEdit->text().trimmed();
        s.keyFile = m_keyEdit->text().trimmed();
        if (s.tlsEnabled && (s.certificateFile.isEmpty() || s.keyFile.isEmpty()))
            problems->append(tr("TLS: choose both the certificate and the private key file"));
    } else {
        s.certificateFile.clear();
        s.keyFile.clear();
    }
    s.authRequired = m_auth->isChecked();
    s.authUser = m_authUser->text();
    s.authPassword = m_authPassword->text();
    if (s.authRequired && (s.authUser.isEmpty() || s.authPassword.isEmpty()))
        problems->append(tr("Authentication: enter the user name and password clients must use"));
    s.maxMessageSizeMiB = m_maxSize->value();
    s.maxConnections = m_maxConnections->value();
    s.idleTimeoutSeconds = m_idleTimeout->value();
    if (!problems->isEmpty())
        return std::nullopt;
    return s;
}

bool SettingsDialog::applyChanges()
{
    QStringList problems;
    std::optional<ServerSettings> wanted = collect(&problems);
    if (!wanted) {
        showErrors(problems);
        return false;
    }
    // Overridden fields keep their command-line values for this run and their saved values on disk.
    ServerSettings effective = *wanted;
    m_controller->overrides().applyTo(effective);
    const ServerController::ApplyResult result = m_controller->apply(effective);

    ServerSettings toSave = m_controller->settings(); // what took (a failed listener keeps its address)
    m_controller->overrides().restoreSaved(toSave, ServerSettings::load(*m_settings));
    toSave.save(*m_settings);
    m_settings->setValue(Settings::Key::AutoOpenSessions, m_autoOpen->isChecked());
    m_settings->setValue(Settings::Key::Notifications, m_notifications->isChecked());
    m_settings->setValue(Settings::Key::CloseToTray, m_closeToTray->isChecked());
    const bool newLanguage
        = m_settings->text(Settings::Key::Language) != m_language->currentData().toString();
    m_settings->setValue(Settings::Key::Language, m_language->currentData());
    m_settings->setValue(Settings::Key::Theme, m_theme->currentData());
    Q_EMIT appSettingsChanged();

    QStringList errors;
    if (!result.tlsError.isEmpty())
        errors << tr("TLS: %1. TLS stays as it was.").arg(result.tlsError);
    for (auto it = result.errors.cbegin(); it != result.errors.cend(); ++it) {
        const ServerController::Status status = m_controller->status(it.key());
        const QString name = ServerController::listenerName(it.key());
        errors << (status.listening
                ? tr("%1: %2. Still listening on %3.").arg(name, it.value(), status.address.toString())
                : tr("%1: %2. Not listening.").arg(name, it.value()));
    }
    const QString folder = QDir::fromNativeSeparators(m_storeEdit->text().trimmed());
    if (m_storeEdit->isEnabled() && !folder.isEmpty()
        && QDir::cleanPath(QDir(folder).absolutePath())
            != QDir::cleanPath(QDir(m_storeFolder).absolutePath())) {
        Q_EMIT storeFolderChangeRequested(QDir(folder).absolutePath());
    }
    // Last: a restart must not cut short the store change above.
    if (newLanguage)
        Q_EMIT languageChanged(m_language->currentData().toString());
    load(); // shows what is in effect now, e.g. the previous port of a listener that could not move
    lockOverridden();
    updateEnabled();
    showErrors(errors);
    if (!errors.isEmpty())
        Q_EMIT statusMessage(errors.join(u' '));
    return errors.isEmpty();
}

void SettingsDialog::setStoreFolder(const QString &folder)
{
    m_storeFolder = folder;
    m_storeEdit->setText(QDir::toNativeSeparators(folder));
}

void SettingsDialog::showErrors(const QStringList &errors)
{
    m_errors->setText(errors.join(u'\n'));
    m_errors->setVisible(!errors.isEmpty());
}

QString SettingsDialog::errorText() const
{
    return m_errors->isVisible() ? m_errors->text() : QString();
}

void SettingsDialog::accept()
{
    if (applyChanges())
        QDialog::accept();
}

void SettingsDialog::generateCertificate()
{
    QString error;
    if (m_controller->regenerateCertificate(&error)) {
        showErrors({});
        Q_EMIT statusMessage(tr("A new self-signed certificate is in use for new connections."));
    } else {
        showErrors({tr("TLS: %1").arg(error)});
    }
}

} // namespace MailSink::Ui
