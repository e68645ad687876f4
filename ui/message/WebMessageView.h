#pragma once

#include "mime/ParsedMessage.h"

#include <QUrl>
#include <QWebEngineView>

namespace MailSink::Ui {

class WebMessagePage;

// A message rendered by the browser engine (see WebEngineContext): its HTML comes from the
// MessageSchemeHandler, remote content waits for setRemoteContentAllowed(true) (RemoteContentPolicy),
// links come out as linkActivated. Constructing the first one starts the engine.
class WebMessageView : public QWebEngineView
{
    Q_OBJECT

public:
    explicit WebMessageView(QWidget *parent = nullptr);
    ~WebMessageView() override;

    void setMessage(const Mime::ParsedMessage &message);
    void setRemoteContentAllowed(bool allowed); // for this message; reloads it
    bool remoteContentAllowed() const;
    void setDarkPreview(bool dark);
    bool darkPreview() const { return m_dark; }

    QString document() const { return m_document; }
    WebMessagePage *messagePage() const { return m_page; }
    bool isRendered() const { return m_rendered; } // the last load finished
    int blockedCount() const;
    QList<QUrl> blockedUrls() const;
    int remoteLoads() const; // requests let through after consent
    int servedParts() const; // cid: parts the engine asked for and got

Q_SIGNALS:
    void remoteContentBlocked(int count);
    void linkActivated(const QUrl &url);
    void rendered(bool ok);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void load();

    WebMessagePage *m_page = nullptr;
    QString m_document;
    bool m_dark = false;
    bool m_rendered = false;
};

} // namespace MailSink::Ui
