#pragma once

#include "client/MessageBuilder.h"
#include "util/HostPort.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QMimeData;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QTabWidget;

namespace MailSink::Client {
class SmtpSender;
}

namespace MailSink::Ui {

// Composes a test message (From, To/Cc/Bcc, Subject in any language, plain and/or HTML body,
// attachments and inline images, added by button or by dropping files) with Client::MessageBuilder
// and sends it to the sink itself or, through a ReleaseDialog, to a remembered server.
class ComposeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ComposeDialog(HostPort sinkAddress, QWidget *parent = nullptr);
    ~ComposeDialog() override;

    void setSettings(QSettings *settings); // remembered servers (see ReleaseDialog)

    // Adds a file; inline parts get a Content-ID the HTML can use as "cid:…". False if unreadable.
    bool addFile(const QString &path, bool asInline);
    qsizetype attachmentCount() const { return m_files.size(); }

    // The message as it would be sent now; nullopt (and a message why) when it cannot be built.
    std::optional<Client::OutgoingMessage> buildMessage(QString *error = nullptr) const;

    enum class State { Editing, Sending, Sent, Failed };
    State state() const { return m_state; }
    QString statusText() const;

public Q_SLOTS:
    void sendToSink();

Q_SIGNALS:
    void stateChanged(MailSink::Ui::ComposeDialog::State state);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void reject() override;

private:
    struct File
    {
        QString name;
        QByteArray contentType;
        QByteArray data;
        bool isInline = false;
        QByteArray contentId;
    };

    void buildUi();
    void addFilesByDialog(bool asInline);
    void removeSelectedFile();
    void rebuildFileList();
    void populateServerMenu();
    void sendToServer(int index); // -1: a new server
    void setState(State state);
    void setStatus(const QString &html);
    QSettings &settings();
    static QStringList localFiles(const QMimeData *mime);

    HostPort m_sink;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
    QList<File> m_files;
    State m_state = State::Editing;
    QPointer<Client::SmtpSender> m_sender;

    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QTabWidget *m_bodyTabs = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPlainTextEdit *m_html = nullptr;
    QListWidget *m_fileList = nullptr;
    QPushButton *m_removeFile = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_sendSink = nullptr;
    QPushButton *m_sendServer = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace MailSink::Ui
