#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace MailSink::Ui {

// The browser engine's gate to the network, installed on the Rendered tab's off-the-record profile:
// every request any message page makes (images, style sheets, @import, fonts, frames, media, prefetch,
// navigations) passes interceptRequest. A message's own content (mailsink-message:, cid:, data:) loads;
// http(s) loads only for a document whose user chose "Load for this message"; anything else (file:,
// ftp:, ws:, ...) never loads. Documents are the hosts of mailsink-message:// URLs (one per message
// shown); requests of a document that did not startLoad() are blocked and not counted.
class RemoteContentPolicy : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT

public:
    enum class Verdict { Local, Remote, Never };

    explicit RemoteContentPolicy(QObject *parent = nullptr);

    static Verdict classify(const QUrl &url);
    // The document a request belongs to: the host of its mailsink-message:// first-party URL, else empty.
    static QString documentOf(const QUrl &firstPartyUrl);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    void setRemoteAllowed(const QString &document, bool allowed);
    bool isRemoteAllowed(const QString &document) const;
    // Counts a load refused on the document's behalf elsewhere (a frame or meta refresh the page did
    // not navigate to); `url` is remote.
    void noteBlocked(const QString &document, const QUrl &url);
    int blockedCount(const QString &document) const;
    QList<QUrl> blockedUrls(const QString &document) const;
    int allowedRemoteCount(const QString &document) const;
    // A (re)load of the document begins: counting starts at zero; its consent stays as it was.
    void startLoad(const QString &document);
    void forget(const QString &document);

Q_SIGNALS:
    void blocked(const QString &document, int count);

private:
    struct Document
    {
        bool allowed = false;
        int blocked = 0;
        int allowedRemote = 0;
        QList<QUrl> urls; // the first ones, for the tooltip
    };
    QHash<QString, Document> m_documents;
};

} // namespace MailSink::Ui
