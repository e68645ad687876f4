#include "outgoing/ComposeDialog.h"

#include "common/Formatting.h"
#include "common/Icons.h"
#include "outgoing/ReleaseDialog.h"
#include "client/SmtpSender.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QUrl>
#include <QUuid>
#include <QVBoxLayout>

namespace MailSink::Ui {

namespace {

// Splits "a@b, "Doe, J." <c@d>" at the commas outside quotes and angle brackets.
QStringList splitAddressList(const QString &text)
{
    QStringList items;
    QString current;
    bool quoted = false;
    bool angle = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && quoted && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
            continue;
        }
        if (c == u'"')
            quoted = !quoted;
        else if (c == u'<' && !quoted)
            angle = true;
        else if (c == u'>' && !quoted)
            angle = false;
        if ((c == u',' || c == u';') && !quoted && !angle) {
            if (!current.trimmed().isEmpty())
                items.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        items.append(current.trimmed());
    return items;
}

std::optional<Client::Mailbox> parseMailbox(const QString &text)
{
    Client::Mailbox mailbox;
    const qsizetype open = text.lastIndexOf(u'<');
    if (open >= 0 && text.endsWith(u'>')) {
        mailbox.address = text.mid(open + 1, text.size() - open - 2).trimmed();
        QString name = text.left(open).trimmed();
        if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"')) {
            name = name.mid(1, name.size() - 2);
            name.replace(QStringLiteral("\\\""), QStringLiteral("\""));
            name.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        }
        mailbox.name = name;
    } else {
        mailbox.address = text.trimmed();
    }
    if (mailbox.address.isEmpty() || mailbox.address.contains(u' ') || !mailbox.address.contains(u'@'))
        return std::nullopt;
    return mailbox;
}

} // namespace

ComposeDialog::ComposeDialog(HostPort sinkAddress, QWidget *parent)
    : QDialog(parent)
    , m_sink(std::move(sinkAddress))
{
    setWindowTitle(tr("Compose Test Message"));
    setObjectName(QStringLiteral("composeDialog"));
    buildUi();
}

ComposeDialog::~ComposeDialog()
{
    if (m_sender) {
        m_sender->disconnect(this);
        m_sender->abort();
    }
}

void ComposeDialog::buildUi()
{
    auto *form = new QFormLayout;
    auto addLine = [&](const QString &label, const QString &name, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        edit->installEventFilter(this);
        form->addRow(label, edit);
        return edit;
    };
    m_from = addLine(tr("&From:"), QStringLiteral("from"), tr("Name <sender@example.com>"));
    m_from->setText(QStringLiteral("Mailsink <test@mailsink.localhost>"));
    m_to = addLine(tr("&To:"), QStringLiteral("to"), tr("someone@example.com, Name <other@example.com>"));
    m_cc = addLine(tr("&Cc:"), QStringLiteral("cc"), QString());
    m_bcc = addLine(tr("&Bcc:"), QStringLiteral("bcc"), tr("envelope only, not in the headers"));
    m_subject = addLine(tr("&Subject:"), QStringLiteral("subject"), tr("any language"));

    m_bodyTabs = new QTabWidget(this);
    m_text = new QPlainTextEdit(m_bodyTabs);
    m_text->setObjectName(QStringLiteral("text"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("The text/plain body (leave empty for HTML only)"));
    m_html = new QPlainTextEdit(m_bodyTabs);
    m_html->setObjectName(QStringLiteral("html"));
    m_html->setTabChangesFocus(true);
    m_html->setPlaceholderText(
        tr("The text/html body (leave empty for plain text only). Inline images dropped here are inserted as "
           "<img src=\"cid:…\">."));
    m_bodyTabs->addTab(m_text, tr("Plain te&xt"));
    m_bodyTabs->addTab(m_html, tr("&HTML"));
    for (QPlainTextEdit *edit : {m_text, m_html})
        edit->viewport()->installEventFilter(this);

    auto *filesLabel = new QLabel(tr("Attachme&nts (or drop files onto this window):"), this);
    m_fileList = new QListWidget(this);
    m_fileList->setObjectName(QStringLiteral("attachments"));
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileList->viewport()->installEventFilter(this);
    m_fileList->setMinimumHeight(m_fileList->fontMetrics().lineSpacing() * 4);
    filesLabel->setBuddy(m_fileList);
    auto *addAttachment = new QPushButton(tr("&Attach Files…"), this);
    addAttachment->setObjectName(QStringLiteral("addAttachment"));
    auto *addInline = new QPushButton(tr("Add &Inline Image…"), this);
    addInline->setObjectName(QStringLiteral("addInline"));
    m_removeFile = new QPushButton(tr("&Remove"), this);
    m_removeFile->setObjectName(QStringLiteral("removeAttachment"));
    m_removeFile->setEnabled(false);
    connect(addAttachment, &QPushButton::clicked, this, [this] { addFilesByDialog(false); });
    connect(addInline, &QPushButton::clicked, this, [this] { addFilesByDialog(true); });
    connect(m_removeFile, &QPushButton::clicked, this, &ComposeDialog::removeSelectedFile);
    connect(m_fileList, &QListWidget::itemSelectionChanged, this,
        [this] { m_removeFile->setEnabled(!m_fileList->selectedItems().isEmpty()); });
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(addAttachment);
    fileButtons->addWidget(addInline);
    fileButtons->addWidget(m_removeFile);
    fileButtons->addStretch(1);
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_fileList, 1);
    filesRow->addLayout(fileButtons);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_sendSink = new QPushButton(tr("Send to &Mailsink"), this);
    m_sendSink->setObjectName(QStringLiteral("sendToSink"));
    // Enter in a field must not send a half-written message: Ctrl+Return sends.
    m_sendSink->setAutoDefault(false);
    m_sendSink->setShortcut(QKeySequence(tr("Ctrl+Return")));
    m_sendSink->setToolTip(
        tr("Deliver to this Mailsink's own SMTP listener (%1), Ctrl+Return").arg(m_sink.toString()));
    m_sendServer = new QPushButton(tr("Send to Ser&ver"), this);
    m_sendServer->setObjectName(QStringLiteral("sendToServer"));
    m_sendServer->setAutoDefault(false);
    auto *serverMenu = new QMenu(m_sendServer);
    m_sendServer->setMenu(serverMenu);
    connect(serverMenu, &QMenu::aboutToShow, this, &ComposeDialog::populateServerMenu);
    m_closeButton = new QPushButton(tr("Cl&ose"), this);
    m_closeButton->setObjectName(QStringLiteral("close"));
    m_closeButton->setAutoDefault(false);
    connect(m_sendSink, &QPushButton::clicked, this, &ComposeDialog::sendToSink);
    connect(m_closeButton, &QPushButton::clicked, this, &ComposeDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_sendSink);
    buttons->addWidget(m_sendServer);
    buttons->addWidget(m_closeButton);

    // QDialog makes the first auto-default button the default one, and Enter in a field would press it.
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_bodyTabs, 3);
    layout->addWidget(filesLabel);
    layout->addLayout(filesRow, 1);
    layout->addLayout(buttons);

    setAcceptDrops(true);
    resize(760, 640);
    m_to->setFocus();
}

void ComposeDialog::setSettings(QSettings *settings)
{
    m_settings = settings;
}

QSettings &ComposeDialog::settings()
{
    if (m_settings)
        return *m_settings;
    if (!m_ownSettings)
        m_ownSettings = std::make_unique<QSettings>();
    return *m_ownSettings;
}

bool ComposeDialog::addFile(const QString &path, bool asInline)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(tr("<b>Cannot read %1:</b> %2")
                      .arg(QFileInfo(path).fileName().toHtmlEscaped(), file.errorString().toHtmlEscaped()));
        return false;
    }
    File entry;
    entry.name = QFileInfo(path).fileName();
    entry.contentType = QMimeDatabase().mimeTypeForFile(path).name().toLatin1();
    entry.data = file.readAll();
    entry.isInline = asInline;
    if (asInline) {
        entry.contentId = QStringLiteral("part%1.%2@mailsink")
                              .arg(m_files.size() + 1)
                              .arg(QUuid::createUuid().toString(QUuid::Id128).left(12))
                              .toLatin1();
        const QString tag = QStringLiteral("<img src=\"cid:%1\" alt=\"%2\">\n")
                                .arg(QString::fromLatin1(entry.contentId), entry.name.toHtmlEscaped());
        if (m_html->toPlainText().trimmed().isEmpty())
            m_html->setPlainText(QStringLiteral("<p>") + m_text->toPlainText().toHtmlEscaped()
                + QStringLiteral("</p>\n") + tag);
        else
            m_html->insertPlainText(tag);
    }
    m_files.append(entry);
    rebuildFileList();
    return true;
}

void ComposeDialog::addFilesByDialog(bool asInline)
{
    const QStringList paths = asInline
        ? QFileDialog::getOpenFileNames(this, tr("Add Inline Images"), QString(),
            tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg);;All files (*)"))
        : QFileDialog::getOpenFileNames(this, tr("Attach Files"));
    for (const QString &path : paths)
        addFile(path, asInline);
}

void ComposeDialog::removeSelectedFile()
{
    QList<int> rows;
    for (const QListWidgetItem *item : m_fileList->selectedItems())
        rows.append(m_fileList->row(item));
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : std::as_const(rows))
        m_files.removeAt(row);
    rebuildFileList();
}

void ComposeDialog::rebuildFileList()
{
    m_fileList->clear();
    for (const File &file : std::as_const(m_files)) {
        const QString type = QString::fromLatin1(file.contentType);
        const QString text = file.isInline
            ? tr("%1 — %2, %3, inline as cid:%4")
                  .arg(file.name, type, Formatting::size(file.data.size()),
                      QString::fromLatin1(file.contentId))
            : tr("%1 — %2, %3").arg(file.name, type, Formatting::size(file.data.size()));
        auto *item = new QListWidgetItem(Icons::forMimeType(type), text, m_fileList);
        item->setToolTip(text);
    }
}

std::optional<Client::OutgoingMessage> ComposeDialog::buildMessage(QString *error) const
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Client::MessageBuilder builder;
    const QStringList fromItems = splitAddressList(m_from->text());
    if (fromItems.isEmpty())
        return fail(tr("Enter a From address."));
    const auto from = parseMailbox(fromItems.constFirst());
    if (!from)
        return fail(tr("“%1” is not an e-mail address.").arg(fromItems.constFirst()));
    builder.setFrom(*from);
    int recipients = 0;
    for (auto [edit, add] :
        {std::pair {m_to, &Client::MessageBuilder::addTo}, std::pair {m_cc, &Client::MessageBuilder::addCc},
            std::pair {m_bcc, &Client::MessageBuilder::addBcc}}) {
        for (const QString &item : splitAddressList(edit->text())) {
            const auto mailbox = parseMailbox(item);
            if (!mailbox)
                return fail(tr("“%1” is not an e-mail address.").arg(item));
            (builder.*add)(*mailbox);
            ++recipients;
        }
    }
    if (recipients == 0)
        return fail(tr("Enter at least one recipient (To, Cc or Bcc)."));
    builder.setSubject(m_subject->text());
    const QString text = m_text->toPlainText();
    const QString html = m_html->toPlainText();
    if (!text.isEmpty() || html.isEmpty())
        builder.setText(text);
    if (!html.isEmpty())
        builder.setHtml(html);
    for (const File &file : m_files) {
        if (file.isInline)
            builder.addInline(file.name, file.contentType, file.data, file.contentId);
        else
            builder.addAttachment(file.name, file.contentType, file.data);
    }
    return builder.toOutgoing();
}

void ComposeDialog::sendToSink()
{
    if (m_state == State::Sending)
        return;
    QString error;
    const auto message = buildMessage(&error);
    if (!message) {
        setStatus(
            QStringLiteral("<b style=\"color:#cf222e\">") + error.toHtmlEscaped() + QStringLiteral("</b>"));
        return;
    }
    Client::SenderConfig config;
    const QHostAddress address = m_sink.address.isNull() || m_sink.address == QHostAddress::Any
            || m_sink.address == QHostAddress::AnyIPv4 || m_sink.address == QHostAddress::AnyIPv6
        ? QHostAddress(QHostAddress::LocalHost)
        : m_sink.address;
    config.host = address.toString();
    config.port = m_sink.port;
    config.session.security = Client::Security::None;
    config.session.heloName = QByteArrayLiteral("localhost");
    config.connectTimeoutMs = 10000;
    setStatus(tr("Sending to Mailsink (%1)…").arg(m_sink.toString().toHtmlEscaped()));
    setState(State::Sending);
    m_sender = new Client::SmtpSender(config, this);
    connect(m_sender, &Client::SmtpSender::finished, this, [this](const Client::SendResult &result) {
        if (m_sender) {
            m_sender->disconnect(this);
            m_sender->deleteLater();
            m_sender = nullptr;
        }
        if (result.ok) {
            setStatus(tr("<b style=\"color:#1a7f37\">✔ Sent to Mailsink</b> (%1)")
                          .arg(QString::fromUtf8(result.finalReply).toHtmlEscaped()));
        } else {
            QString html
                = tr("<b style=\"color:#cf222e\">✘ Not sent</b> (stage: %1): %2")
                      .arg(Client::stageName(result.stage).toHtmlEscaped(), result.error.toHtmlEscaped());
            if (!result.reply.isEmpty() && !result.error.contains(QString::fromUtf8(result.reply)))
                html += QStringLiteral("<br><tt>") + QString::fromUtf8(result.reply).toHtmlEscaped()
                    + QStringLiteral("</tt>");
            setStatus(html);
        }
        setState(result.ok ? State::Sent : State::Failed);
    });
    m_sender->send(*message);
}

void ComposeDialog::populateServerMenu()
{
    QMenu *menu = m_sendServer->menu();
    menu->clear();
    const QList<RemoteServer> servers = ReleaseDialog::rememberedServers(settings());
    for (qsizetype i = 0; i < servers.size(); ++i) {
        menu->addAction(servers.at(i).displayName(), this, [this, i] { sendToServer(int(i)); });
    }
    if (!servers.isEmpty())
        menu->addSeparator();
    menu->addAction(tr("&Other Server…"), this, [this] { sendToServer(-1); });
}

void ComposeDialog::sendToServer(int index)
{
    QString error;
    const auto message = buildMessage(&error);
    if (!message) {
        setStatus(
            QStringLiteral("<b style=\"color:#cf222e\">") + error.toHtmlEscaped() + QStringLiteral("</b>"));
        return;
    }
    auto *dialog = new ReleaseDialog(*message, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSettings(&settings());
    const QList<RemoteServer> servers = ReleaseDialog::rememberedServers(settings());
    if (index >= 0 && index < servers.size())
        dialog->selectServer(servers.at(index));
    dialog->open();
}

void ComposeDialog::setState(State state)
{
    m_state = state;
    m_sendSink->setEnabled(state != State::Sending);
    m_sendServer->setEnabled(state != State::Sending);
    m_closeButton->setText(state == State::Sending ? tr("&Cancel") : tr("Cl&ose"));
    Q_EMIT stateChanged(state);
}

void ComposeDialog::setStatus(const QString &html)
{
    m_status->setText(html);
}

QString ComposeDialog::statusText() const
{
    return m_status->text();
}

void ComposeDialog::reject()
{
    if (m_sender) {
        m_sender->abort();
        return;
    }
    QDialog::reject();
}

QStringList ComposeDialog::localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files.append(url.toLocalFile());
    }
    return files;
}

void ComposeDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ComposeDialog::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    for (const QString &path : files)
        addFile(path, false);
    if (!files.isEmpty())
        event->acceptProposedAction();
}

// Files dropped onto the text fields become attachments (images dropped onto the HTML body become
// inline images) instead of their paths being pasted as text.
bool ComposeDialog::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (localFiles(drag->mimeData()).isEmpty())
            break;
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files = localFiles(drop->mimeData());
        if (files.isEmpty())
            break;
        const bool ontoHtml = watched == m_html->viewport();
        for (const QString &path : files) {
            const bool image
                = QMimeDatabase().mimeTypeForFile(path).name().startsWith(QLatin1String("image/"));
            addFile(path, ontoHtml && image);
        }
        drop->acceptProposedAction();
        return true;
    }
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace MailSink::Ui
