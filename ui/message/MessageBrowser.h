#pragma once

#include "mime/ParsedMessage.h"

#include <QHash>
#include <QImage>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

class QNetworkAccessManager;

namespace MailSink::Ui {

// Renders a message's HTML (QTextBrowser runs no scripts). loadResource serves cid: and data: from the
// message itself and refuses everything else (http, https, file, relative paths) unless the user chose
// "Load remote images", and then fetches only http(s) images. Links never navigate inside the view:
// a click emits linkActivated and the window hands the URL to the system browser.
class MessageBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    explicit MessageBrowser(QWidget *parent = nullptr);

    void setMessage(const Mime::ParsedMessage &message);
    void setRemoteContentAllowed(bool allowed);
    bool remoteContentAllowed() const { return m_remoteAllowed; }
    QList<QUrl> blockedUrls() const { return m_blocked.values(); }
    int resolvedInlineImages() const { return int(m_resolved.size()); }

    QVariant loadResource(int type, const QUrl &name) override;
    static QString adaptedForTextEngine(const QString &html);

Q_SIGNALS:
    void remoteContentBlocked(int count);
    void linkActivated(const QUrl &url);

private:
    void render();
    void fetchRemote();

    Mime::ParsedMessage m_message;
    bool m_remoteAllowed = false;
    bool m_renderLarge = false;
    QSet<QUrl> m_blocked;
    QSet<QString> m_resolved;
    QHash<QUrl, QImage> m_remote;
    QNetworkAccessManager *m_network = nullptr;
    int m_pending = 0;
};

} // namespace MailSink::Ui
