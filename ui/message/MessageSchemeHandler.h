#pragma once

#include "mime/ParsedMessage.h"

#include <QHash>
#include <QString>
#include <QWebEngineUrlSchemeHandler>

namespace MailSink::Ui {

// Serves messages to the browser engine: mailsink-message://<document>/ is the message's HTML body (or
// its plain text as HTML), and cid:<content-id> (RFC 2392) a part of the message whose page asks for it
// (the request's initiator names the document). The schemes are registered by WebEngineSupport::prepare.
class MessageSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    static constexpr const char *DocumentScheme = "mailsink-message";
    static constexpr const char *ContentIdScheme = "cid";

    explicit MessageSchemeHandler(QObject *parent = nullptr);

    // A new document for `message`; its URL is documentUrl(returned key).
    QString addDocument(const Mime::ParsedMessage &message);
    void removeDocument(const QString &document);
    void setDarkPreview(const QString &document, bool dark);
    static QUrl documentUrl(const QString &document, bool dark = false);
    int servedParts(const QString &document) const; // cid: parts answered with content
    int missingParts(const QString &document) const; // cid: references without a part

    void requestStarted(QWebEngineUrlRequestJob *job) override;

    // The document as served for the dark preview (Qt 6.4 has no dark mode setting for pages and scripts
    // are off): the message's own `prefers-color-scheme: dark` rules apply, light-only ones do not, and
    // `<meta name="color-scheme" content="dark">` gives unstyled parts dark defaults, as Apple Mail does.
    static QString darkPreviewHtml(const QString &html);
    static QString plainTextHtml(const QString &text);

private:
    struct Document
    {
        Mime::ParsedMessage message;
        int served = 0;
        int missing = 0;
    };
    void serveDocument(QWebEngineUrlRequestJob *job);
    void servePart(QWebEngineUrlRequestJob *job);

    QHash<QString, Document> m_documents;
    quint64 m_next = 0;
};

} // namespace MailSink::Ui
