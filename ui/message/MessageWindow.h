#pragma once

#include "message/MessageLoader.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QCheckBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

class AttachmentList;
class ChecksView;
class MessageBrowser;
class RenderedView;
class Settings;
class TraceView;

// One message in its own MDI subwindow: Rendered, Plain text, Headers, Source, Envelope & session,
// Attachments, Checks. The message is read and parsed in the background; the window fills in when it arrives.
class MessageWindow : public QWidget
{
    Q_OBJECT

public:
    enum Tab { RenderedTab, TextTab, HeadersTab, SourceTab, EnvelopeTab, AttachmentsTab };

    // A stored message (marked seen once shown).
    MessageWindow(Store::MessageStore *store, qint64 id, Settings *settings, QWidget *parent = nullptr);
    // A .eml file; the store (may be null) is used for "Import into store".
    MessageWindow(
        const QString &path, Store::MessageStore *store, Settings *settings, QWidget *parent = nullptr);
    ~MessageWindow() override;

    bool isLoaded() const { return m_loaded; }
    const LoadedMessage &message() const { return m_message; }
    qint64 storedId() const { return m_id; }
    QString filePath() const { return m_path; }

    QTabWidget *tabs() const { return m_tabs; }
    RenderedView *rendered() const { return m_rendered; }
    MessageBrowser *browser() const; // the Qt text engine view, when the browser engine is not used
    AttachmentList *attachmentList() const { return m_attachments; }
    ChecksView *checksView() const { return m_checks; }
    QString subjectText() const;

    bool exportTo(const QString &path, QString *error = nullptr) const; // byte-identical copy
    bool importIntoStore(QString *error = nullptr); // for .eml files

    // Test seams for the dialogs behind Save and the system handler behind links and Open.
    static void setUrlOpener(std::function<void(const QUrl &)> opener);

public Q_SLOTS:
    void exportMessage();
    void openSelectedAttachments();
    void saveSelectedAttachments();
    void saveAllAttachments();

Q_SIGNALS:
    void loaded();
    void imported(qint64 id);
    void statusMessage(const QString &text);

private:
    MessageWindow(Store::MessageStore *store, Settings *settings, QWidget *parent);
    void build();
    void start(std::function<LoadedMessage()> job);
    void handleLoaded();
    void fillHeaderPanel();
    void fillHeaders();
    void fillSource();
    void fillEnvelope();
    void showRawHeaders(bool raw);
    void showHex(bool hex);
    bool saveParts(const QList<Mime::Part> &parts, const QString &directory, QString *error);

    Store::MessageStore *m_store;
    Settings *m_settings;
    qint64 m_id = 0;
    QString m_path;
    bool m_loaded = false;
    LoadedMessage m_message;
    QFutureWatcher<LoadedMessage> m_watcher;
    QString m_hexCache;

    QLabel *m_subject = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_warnings = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    RenderedView *m_rendered = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QStackedWidget *m_headerStack = nullptr;
    QTreeWidget *m_headerTree = nullptr;
    QPlainTextEdit *m_rawHeaders = nullptr;
    QCheckBox *m_rawToggle = nullptr;
    QPlainTextEdit *m_source = nullptr;
    QLabel *m_sourceNote = nullptr;
    QCheckBox *m_hexToggle = nullptr;
    QFormLayout *m_envelopeForm = nullptr;
    TraceView *m_trace = nullptr;
    AttachmentList *m_attachments = nullptr;
    ChecksView *m_checks = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_saveAllButton = nullptr;
};

} // namespace MailSink::Ui
