#include "message/MessageWindow.h"

#include "message/AttachmentList.h"
#include "message/ChecksView.h"
#include "common/FileNames.h"
#include "common/Formatting.h"
#include "common/Icons.h"
#include "message/MessageBrowser.h"
#include "message/RenderedView.h"
#include "settings/Settings.h"
#include "session/TraceView.h"
#include "store/MessageStore.h"

#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextCursor>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace MailSink::Ui {

namespace {

std::function<void(const QUrl &)> &urlOpener()
{
    static std::function<void(const QUrl &)> opener;
    return opener;
}

void openUrl(const QUrl &url)
{
    if (urlOpener())
        urlOpener()(url);
    else
        QDesktopServices::openUrl(url);
}

QPlainTextEdit *readOnlyText(QWidget *parent, bool fixed)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setUndoRedoEnabled(false);
    if (fixed) {
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    return edit;
}

QString addressLine(const QList<Mime::Address> &addresses)
{
    QStringList out;
    for (const Mime::Address &address : addresses) {
        if (address.name.isEmpty())
            out.append(address.address.toHtmlEscaped());
        else
            out.append(QStringLiteral("%1 <span style=\"color:#6b7280\">&lt;%2&gt;</span>")
                           .arg(address.name.toHtmlEscaped(), address.address.toHtmlEscaped()));
    }
    return out.join(QStringLiteral(", "));
}

QByteArray headerBlock(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    qsizetype lf = raw.indexOf("\n\n");
    if (end < 0 || (lf >= 0 && lf < end))
        end = lf;
    return end < 0 ? raw : raw.left(end);
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(text.size() > 100);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

void MessageWindow::setUrlOpener(std::function<void(const QUrl &)> opener)
{
    urlOpener() = std::move(opener);
}

MessageBrowser *MessageWindow::browser() const
{
    return m_rendered->browser();
}

MessageWindow::MessageWindow(Store::MessageStore *store, Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_settings(settings)
{
    build();
    connect(&m_watcher, &QFutureWatcher<LoadedMessage>::finished, this, &MessageWindow::handleLoaded);
}

MessageWindow::MessageWindow(Store::MessageStore *store, qint64 id, Settings *settings, QWidget *parent)
    : MessageWindow(store, settings, parent)
{
    m_id = id;
    setWindowTitle(tr("Message %1").arg(id));
    start([store, id] { return MessageLoader::loadStored(store, id); });
}

MessageWindow::MessageWindow(
    const QString &path, Store::MessageStore *store, Settings *settings, QWidget *parent)
    : MessageWindow(store, settings, parent)
{
    m_path = QFileInfo(path).absoluteFilePath();
    setWindowTitle(QFileInfo(path).fileName());
    start([path = m_path] { return MessageLoader::loadFile(path); });
}

MessageWindow::~MessageWindow()
{
    m_watcher.waitForFinished();
}

void MessageWindow::start(std::function<LoadedMessage()> job)
{
    m_subject->setText(tr("Loading…"));
    m_watcher.setFuture(QtConcurrent::run(std::move(job)));
}

void MessageWindow::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    auto *head = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    m_subject = new QLabel(this);
    QFont big = m_subject->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_subject->setFont(big);
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings = new QLabel(this);
    m_warnings->setStyleSheet(QStringLiteral("color: #9a5700;"));
    m_warnings->setWordWrap(true);
    m_warnings->hide();
    titles->addWidget(m_subject);
    titles->addWidget(m_summary);
    titles->addWidget(m_warnings);
    head->addLayout(titles, 1);
    auto *buttons = new QVBoxLayout;
    m_exportButton = new QPushButton(Icons::exportMessage(), tr("Export .eml…"), this);
    m_exportButton->setToolTip(tr("Save the exact bytes that were received (Ctrl+E)"));
    connect(m_exportButton, &QPushButton::clicked, this, &MessageWindow::exportMessage);
    m_importButton = new QPushButton(Icons::importMessage(), tr("Import into store"), this);
    m_importButton->setToolTip(tr("Copy this file into the store so it is listed with caught mail"));
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!importIntoStore(&error))
            QMessageBox::warning(this, tr("Import failed"), error);
    });
    m_importButton->hide();
    m_exportButton->setEnabled(false);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_importButton);
    buttons->addStretch();
    head->addLayout(buttons);
    layout->addLayout(head);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    // Rendered
    m_rendered = new RenderedView(m_tabs);
    connect(m_rendered, &RenderedView::linkActivated, this, [](const QUrl &url) {
        static const QStringList allowed
            = {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("mailto")};
        if (allowed.contains(url.scheme().toLower()))
            openUrl(url);
    });
    connect(m_rendered, &RenderedView::linkHovered, this, &MessageWindow::statusMessage);
    m_tabs->addTab(m_rendered, tr("Rendered"));

    // Plain text
    m_text = readOnlyText(m_tabs, false);
    m_tabs->addTab(m_text, tr("Plain text"));

    // Headers
    auto *headers = new QWidget(m_tabs);
    auto *headersLayout = new QVBoxLayout(headers);
    headersLayout->setContentsMargins(0, 4, 0, 0);
    m_rawToggle = new QCheckBox(tr("Show the raw header block"), headers);
    m_headerStack = new QStackedWidget(headers);
    m_headerTree = new QTreeWidget(m_headerStack);
    m_headerTree->setColumnCount(2);
    m_headerTree->setHeaderLabels({tr("Field"), tr("Value (decoded)")});
    m_headerTree->setRootIsDecorated(false);
    m_headerTree->setAlternatingRowColors(true);
    m_headerTree->setWordWrap(true);
    m_headerTree->setStyleSheet(QStringLiteral("QTreeView::item { padding: 2px 0px; }"));
    m_headerTree->header()->resizeSection(0, 200);
    m_rawHeaders = readOnlyText(m_headerStack, true);
    m_headerStack->addWidget(m_headerTree);
    m_headerStack->addWidget(m_rawHeaders);
    headersLayout->addWidget(m_rawToggle);
    headersLayout->addWidget(m_headerStack, 1);
    connect(m_rawToggle, &QCheckBox::toggled, this, &MessageWindow::showRawHeaders);
    m_tabs->addTab(headers, tr("Headers"));

    // Source
    auto *source = new QWidget(m_tabs);
    auto *sourceLayout = new QVBoxLayout(source);
    sourceLayout->setContentsMargins(0, 4, 0, 0);
    auto *sourceBar = new QHBoxLayout;
    m_sourceNote = new QLabel(source);
    m_sourceNote->setWordWrap(true);
    m_hexToggle = new QCheckBox(tr("Hex"), source);
    sourceBar->addWidget(m_sourceNote, 1);
    sourceBar->addWidget(m_hexToggle);
    m_source = readOnlyText(source, true);
    sourceLayout->addLayout(sourceBar);
    sourceLayout->addWidget(m_source, 1);
    connect(m_hexToggle, &QCheckBox::toggled, this, &MessageWindow::showHex);
    m_tabs->addTab(source, tr("Source"));

    // Envelope & session
    auto *envelope = new QSplitter(Qt::Vertical, m_tabs);
    envelope->setObjectName(QStringLiteral("envelopeSplitter"));
    envelope->setChildrenCollapsible(false);
    auto *scroll = new QScrollArea(envelope);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *form = new QWidget(scroll);
    m_envelopeForm = new QFormLayout(form);
    m_envelopeForm->setLabelAlignment(Qt::AlignRight);
    m_envelopeForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    scroll->setWidget(form);
    m_trace = new TraceView(envelope);
    envelope->addWidget(scroll);
    envelope->addWidget(m_trace);
    envelope->setStretchFactor(0, 0);
    envelope->setStretchFactor(1, 1);
    m_tabs->addTab(envelope, tr("Envelope && session"));

    // Attachments
    auto *attachments = new QWidget(m_tabs);
    auto *attachmentsLayout = new QVBoxLayout(attachments);
    attachmentsLayout->setContentsMargins(0, 4, 0, 0);
    m_attachments = new AttachmentList(attachments);
    auto *attachmentButtons = new QHBoxLayout;
    m_openButton = new QPushButton(Icons::openFile(), tr("Open"), attachments);
    m_saveButton = new QPushButton(Icons::save(), tr("Save…"), attachments);
    m_saveAllButton = new QPushButton(Icons::save(), tr("Save all…"), attachments);
    auto *hint = new QLabel(tr("Drag attachments to the desktop or a folder to save them."), attachments);
    hint->setStyleSheet(QStringLiteral("color: #6b7280;"));
    attachmentButtons->addWidget(m_openButton);
    attachmentButtons->addWidget(m_saveButton);
    attachmentButtons->addWidget(m_saveAllButton);
    attachmentButtons->addStretch();
    attachmentButtons->addWidget(hint);
    attachmentsLayout->addWidget(m_attachments, 1);
    attachmentsLayout->addLayout(attachmentButtons);
    connect(m_openButton, &QPushButton::clicked, this, &MessageWindow::openSelectedAttachments);
    connect(m_saveButton, &QPushButton::clicked, this, &MessageWindow::saveSelectedAttachments);
    connect(m_saveAllButton, &QPushButton::clicked, this, &MessageWindow::saveAllAttachments);
    connect(m_attachments, &QTreeWidget::itemActivated, this, &MessageWindow::openSelectedAttachments);
    m_attachments->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *openAction = new QAction(Icons::openFile(), tr("Open"), m_attachments);
    auto *saveAction = new QAction(Icons::save(), tr("Save…"), m_attachments);
    connect(openAction, &QAction::triggered, this, &MessageWindow::openSelectedAttachments);
    connect(saveAction, &QAction::triggered, this, &MessageWindow::saveSelectedAttachments);
    m_attachments->addActions({openAction, saveAction});
    if (m_settings)
        m_attachments->header()->restoreState(m_settings->bytes(Settings::Key::AttachmentListHeader));
    connect(m_attachments->header(), &QHeaderView::sectionResized, this, [this] {
        if (m_settings)
            m_settings->setValue(Settings::Key::AttachmentListHeader, m_attachments->header()->saveState());
    });
    m_tabs->addTab(attachments, tr("Attachments"));
    m_checks = new ChecksView(m_tabs);
    m_tabs->addTab(m_checks, tr("Checks"));
    m_tabs->setEnabled(false);
}

void MessageWindow::handleLoaded()
{
    m_message = m_watcher.result();
    m_loaded = true;
    m_tabs->setEnabled(m_message.error.isEmpty());
    if (!m_message.error.isEmpty()) {
        m_subject->setText(tr("Cannot show this message"));
        m_summary->setText(m_message.error.toHtmlEscaped());
        Q_EMIT loaded();
        return;
    }
    fillHeaderPanel();
    m_rendered->setMessage(m_message.parsed);
    m_text->setPlainText(m_message.parsed.text().value_or(QString()));
    if (!m_message.parsed.text())
        m_text->setPlaceholderText(tr("This message has no plain-text body."));
    fillHeaders();
    fillSource();
    fillEnvelope();
    m_attachments->setMessage(m_message.parsed);
    m_checks->setReport(m_message.lint); // computed by the loader, off the GUI thread
    m_tabs->setTabText(m_tabs->indexOf(m_checks), ChecksView::tabTitle(m_message.lint));
    m_tabs->setTabIcon(m_tabs->indexOf(m_checks), ChecksView::tabIcon(m_message.lint));
    const int count = int(m_attachments->allParts().size());
    m_tabs->setTabText(AttachmentsTab, count ? tr("Attachments (%1)").arg(count) : tr("Attachments"));
    m_tabs->setTabEnabled(AttachmentsTab, count > 0);
    m_openButton->setEnabled(count > 0);
    m_saveButton->setEnabled(count > 0);
    m_saveAllButton->setEnabled(count > 0);
    m_exportButton->setEnabled(true);
    m_importButton->setVisible(!m_message.isStored() && m_store);
    if (m_message.isStored() && !m_message.info->seen)
        m_store->setSeen(m_id, true);
    Q_EMIT loaded();
}

QString MessageWindow::subjectText() const
{
    return m_subject->text();
}

void MessageWindow::fillHeaderPanel()
{
    const Mime::ParsedMessage &parsed = m_message.parsed;
    const QString subject = parsed.subject();
    m_subject->setText(subject.isEmpty() ? tr("(no subject)") : subject);
    setWindowTitle(subject.isEmpty() ? tr("(no subject)") : subject);
    QStringList lines;
    auto row = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines.append(QStringLiteral("<b>%1</b> %2").arg(label.toHtmlEscaped(), value));
    };
    row(tr("From:"), addressLine(parsed.from()));
    row(tr("To:"), addressLine(parsed.to()));
    row(tr("Cc:"), addressLine(parsed.cc()));
    row(tr("Bcc:"), addressLine(parsed.bcc()));
    if (parsed.date().isValid())
        row(tr("Date:"), Formatting::fullTime(parsed.date()).toHtmlEscaped());
    if (m_message.isStored()) {
        // Recipients that are in the envelope but not in any header were Bcc'd.
        QStringList hidden;
        QStringList visible;
        for (const auto &list : {parsed.to(), parsed.cc(), parsed.bcc()}) {
            for (const Mime::Address &address : list)
                visible.append(address.address.toLower());
        }
        for (const QByteArray &rcpt : m_message.info->envelope.recipients) {
            if (!visible.contains(QString::fromUtf8(rcpt).toLower()))
                hidden.append(QString::fromUtf8(rcpt).toHtmlEscaped());
        }
        if (!hidden.isEmpty())
            row(tr("Bcc (envelope):"), hidden.join(QStringLiteral(", ")));
    }
    if (m_message.isStored())
        lines.append(QStringLiteral("<span style=\"color:#6b7280\">%1</span>")
                         .arg(tr("Received %1 · %2")
                                  .arg(Formatting::fullTime(m_message.info->received),
                                      Formatting::size(m_message.raw.size()))
                                  .toHtmlEscaped()));
    else
        lines.append(QStringLiteral("<span style=\"color:#6b7280\">%1</span>")
                         .arg(tr("Opened from %1 · %2")
                                  .arg(QDir::toNativeSeparators(m_message.filePath),
                                      Formatting::size(m_message.raw.size()))
                                  .toHtmlEscaped()));
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    const QStringList warnings = parsed.warnings();
    m_warnings->setVisible(!warnings.isEmpty());
    m_warnings->setText(tr("⚠ %1").arg(warnings.join(QStringLiteral("; "))));
}

void MessageWindow::fillHeaders()
{
    m_headerTree->clear();
    const auto headers = m_message.parsed.headers();
    for (const auto &[name, value] : headers) {
        auto *item = new QTreeWidgetItem(m_headerTree, {name, value});
        item->setToolTip(1, value);
    }
    bool binary = false;
    m_rawHeaders->setPlainText(MessageLoader::sourceText(headerBlock(m_message.raw), &binary));
}

void MessageWindow::fillSource()
{
    m_hexCache.clear();
    m_source->setPlainText(m_message.sourceText);
    QStringList notes;
    notes.append(tr("%1, exactly as received.").arg(Formatting::size(m_message.raw.size())));
    if (m_message.sourceIsBinary)
        notes.append(tr("Bytes that are not UTF-8 text are shown as \\xNN."));
    if (m_message.sourceTruncated)
        notes.append(tr("Showing the first %1; export the message to see all of it.")
                         .arg(Formatting::size(LoadedMessage::SourceLimit)));
    m_sourceNote->setText(notes.join(u' '));
}

void MessageWindow::showHex(bool hex)
{
    if (hex && m_hexCache.isEmpty()) {
        const qsizetype limit = std::min<qsizetype>(m_message.raw.size(), 1024 * 1024);
        m_hexCache = MessageLoader::hexDump(QByteArrayView(m_message.raw).first(limit));
    }
    m_source->setPlainText(hex ? m_hexCache : m_message.sourceText);
}

void MessageWindow::showRawHeaders(bool raw)
{
    m_headerStack->setCurrentIndex(raw ? 1 : 0);
}

void MessageWindow::fillEnvelope()
{
    while (m_envelopeForm->rowCount() > 0)
        m_envelopeForm->removeRow(0);
    QWidget *parent = m_envelopeForm->parentWidget();
    auto add = [&](const QString &label, const QString &value) {
        m_envelopeForm->addRow(label, valueLabel(value, parent));
    };
    if (!m_message.isStored()) {
        add(tr("File:"), QDir::toNativeSeparators(m_message.filePath));
        add(tr("Envelope:"), tr("None: this message was opened from a file, not received over SMTP."));
        m_trace->hide();
        return;
    }
    const Store::Envelope &envelope = m_message.info->envelope;
    add(tr("Received:"), Formatting::fullTime(m_message.info->received));
    if (!envelope.known) {
        add(tr("Envelope:"), tr("Unknown: the message was found in the Maildir without its index entry."));
    } else {
        QString from
            = envelope.mailFrom.isEmpty() ? tr("<> (null sender)") : QString::fromUtf8(envelope.mailFrom);
        if (!envelope.mailParameters.isEmpty())
            from += QStringLiteral("   ") + QString::fromUtf8(envelope.mailParameters);
        add(tr("MAIL FROM:"), from);
        QStringList rcpt;
        for (const QByteArray &address : envelope.recipients)
            rcpt.append(QString::fromUtf8(address));
        add(tr("RCPT TO:"), rcpt.join(u'\n'));
        add(envelope.extended ? tr("EHLO:") : tr("HELO:"), QString::fromUtf8(envelope.helo));
        add(tr("Client:"), QStringLiteral("%1:%2").arg(envelope.clientAddress).arg(envelope.clientPort));
        add(tr("TLS:"),
            envelope.tlsProtocol.isEmpty() ? tr("not encrypted")
                                           : envelope.tlsProtocol + u' ' + envelope.tlsCipher);
        add(tr("AUTH:"),
            envelope.authUser.isEmpty() ? tr("not authenticated") : QString::fromUtf8(envelope.authUser));
    }
    add(tr("File:"), QDir::toNativeSeparators(m_message.filePath));
    m_trace->setTrace(m_message.trace);
    m_trace->setVisible(!m_message.trace.isEmpty());
    m_trace->moveCursor(QTextCursor::Start);
    // Show every envelope field without scrolling; the trace gets the rest.
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("envelopeSplitter"))) {
        const int form = parent->sizeHint().height() + 8;
        splitter->setSizes({form, std::max(200, splitter->height() - form)});
    }
}

bool MessageWindow::exportTo(const QString &path, QString *error) const
{
    if (!m_loaded || !m_message.error.isEmpty()) {
        if (error)
            *error = tr("The message is not loaded.");
        return false;
    }
    // The bytes read when the window opened are the bytes in the file: write them as they are.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_message.raw) != m_message.raw.size()
        || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void MessageWindow::exportMessage()
{
    if (!m_loaded)
        return;
    const QString dir = m_settings ? m_settings->text(Settings::Key::LastDirectory) : QDir::homePath();
    const QString name
        = sanitizeFileName(m_message.parsed.subject().left(80), tr("message")) + QStringLiteral(".eml");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export message"), QDir(dir).filePath(name), tr("E-mail messages (*.eml);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_settings)
        m_settings->setValue(Settings::Key::LastDirectory, QFileInfo(path).absolutePath());
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Cannot write %1: %2").arg(path, error));
    else
        Q_EMIT statusMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

bool MessageWindow::importIntoStore(QString *error)
{
    if (!m_store || !m_loaded || m_message.isStored() || !m_message.error.isEmpty()) {
        if (error)
            *error = tr("Nothing to import.");
        return false;
    }
    m_importButton->setEnabled(false);
    // Writing and commit() (which waits for the disk flush) run off the GUI thread.
    auto *watcher = new QFutureWatcher<Store::CommitResult>(this);
    connect(watcher, &QFutureWatcher<Store::CommitResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Store::CommitResult result = watcher->result();
        if (!result.ok) {
            m_importButton->setEnabled(true);
            QMessageBox::warning(this, tr("Import failed"), result.error);
            return;
        }
        m_importButton->setText(tr("Imported"));
        Q_EMIT statusMessage(tr("Imported into the store as message %1").arg(result.id));
        Q_EMIT imported(result.id);
    });
    watcher->setFuture(QtConcurrent::run([store = m_store, raw = m_message.raw] {
        auto writer = store->beginMessage();
        if (!writer)
            return Store::CommitResult {false, 0, store->errorString()};
        if (!writer->write(raw))
            return Store::CommitResult {false, 0, writer->errorString()};
        Store::Envelope envelope;
        envelope.known = false; // a file has no SMTP envelope
        envelope.received = QDateTime::currentDateTimeUtc();
        return store->commit(std::move(writer), envelope, {});
    }));
    return true;
}

void MessageWindow::openSelectedAttachments()
{
    const QList<Mime::Part> parts = m_attachments->selectedParts();
    for (const Mime::Part &part : parts) {
        QString error;
        const QString path = m_attachments->writeTemporary(part, &error);
        if (path.isEmpty())
            QMessageBox::warning(this, tr("Cannot open attachment"), error);
        else
            openUrl(QUrl::fromLocalFile(path));
    }
}

bool MessageWindow::saveParts(const QList<Mime::Part> &parts, const QString &directory, QString *error)
{
    const QDir dir(directory);
    for (const Mime::Part &part : parts) {
        const QString path = uniqueFilePath(dir, sanitizeFileName(AttachmentList::displayName(part)));
        QSaveFile file(path);
        const QByteArray bytes = m_message.parsed.partContent(part.path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            if (error)
                *error = tr("Cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
    }
    return true;
}

void MessageWindow::saveSelectedAttachments()
{
    const QList<Mime::Part> parts = m_attachments->selectedParts();
    if (parts.isEmpty())
        return;
    const QString last = m_settings ? m_settings->text(Settings::Key::LastDirectory) : QDir::homePath();
    QString error;
    if (parts.size() == 1) {
        const QString name = sanitizeFileName(AttachmentList::displayName(parts.first()));
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Save attachment"), QDir(last).filePath(name));
        if (path.isEmpty())
            return;
        if (m_settings)
            m_settings->setValue(Settings::Key::LastDirectory, QFileInfo(path).absolutePath());
        QSaveFile file(path);
        const QByteArray bytes = m_message.parsed.partContent(parts.first().path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            QMessageBox::warning(
                this, tr("Save failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Save attachments to"), last);
    if (dir.isEmpty())
        return;
    if (m_settings)
        m_settings->setValue(Settings::Key::LastDirectory, dir);
    if (!saveParts(parts, dir, &error))
        QMessageBox::warning(this, tr("Save failed"), error);
}

void MessageWindow::saveAllAttachments()
{
    const QString last = m_settings ? m_settings->text(Settings::Key::LastDirectory) : QDir::homePath();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Save all attachments to"), last);
    if (dir.isEmpty())
        return;
    if (m_settings)
        m_settings->setValue(Settings::Key::LastDirectory, dir);
    QString error;
    if (!saveParts(m_attachments->allParts(), dir, &error))
        QMessageBox::warning(this, tr("Save failed"), error);
    else
        Q_EMIT statusMessage(tr("Attachments saved to %1: %2")
                                 .arg(QDir::toNativeSeparators(dir))
                                 .arg(m_attachments->allParts().size()));
}

} // namespace MailSink::Ui
