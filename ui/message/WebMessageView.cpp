#include "message/WebMessageView.h"

#include "message/MessageSchemeHandler.h"
#include "message/RemoteContentPolicy.h"
#include "message/WebEngineContext.h"
#include "message/WebMessagePage.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QWebEngineContextMenuRequest>

namespace MailSink::Ui {

WebMessageView::WebMessageView(QWidget *parent)
    : QWebEngineView(parent)
{
    WebEngineContext *engine = WebEngineContext::instance();
    m_page = new WebMessagePage(engine->profile(), engine->policy(), this);
    setPage(m_page);
    setAcceptDrops(false); // an .eml dropped here opens in Mailsink, not in the page
    connect(m_page, &WebMessagePage::linkClicked, this, &WebMessageView::linkActivated);
    connect(
        engine->policy(), &RemoteContentPolicy::blocked, this, [this](const QString &document, int count) {
            if (document == m_document)
                Q_EMIT remoteContentBlocked(count);
        });
    connect(m_page, &QWebEnginePage::loadStarted, this, [this] { m_rendered = false; });
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        m_rendered = true;
        Q_EMIT rendered(ok);
    });
}

WebMessageView::~WebMessageView()
{
    if (!m_document.isEmpty() && WebEngineContext::isStarted()) {
        WebEngineContext::instance()->schemes()->removeDocument(m_document);
        WebEngineContext::instance()->policy()->forget(m_document);
    }
}

void WebMessageView::setMessage(const Mime::ParsedMessage &message)
{
    WebEngineContext *engine = WebEngineContext::instance();
    if (!m_document.isEmpty()) {
        engine->schemes()->removeDocument(m_document);
        engine->policy()->forget(m_document);
    }
    // A new document per message, so consent given to one never carries over to another.
    m_document = engine->schemes()->addDocument(message);
    m_page->setDocument(m_document);
    load();
}

void WebMessageView::setRemoteContentAllowed(bool allowed)
{
    if (m_document.isEmpty() || allowed == remoteContentAllowed())
        return;
    WebEngineContext::instance()->policy()->setRemoteAllowed(m_document, allowed);
    load();
}

bool WebMessageView::remoteContentAllowed() const
{
    return !m_document.isEmpty() && WebEngineContext::instance()->policy()->isRemoteAllowed(m_document);
}

void WebMessageView::setDarkPreview(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    if (!m_document.isEmpty())
        load();
}

void WebMessageView::load()
{
    m_rendered = false;
    WebEngineContext::instance()->policy()->startLoad(m_document);
    Q_EMIT remoteContentBlocked(0);
    m_page->load(MessageSchemeHandler::documentUrl(m_document, m_dark));
}

int WebMessageView::blockedCount() const
{
    return WebEngineContext::instance()->policy()->blockedCount(m_document);
}

QList<QUrl> WebMessageView::blockedUrls() const
{
    return WebEngineContext::instance()->policy()->blockedUrls(m_document);
}

int WebMessageView::remoteLoads() const
{
    return WebEngineContext::instance()->policy()->allowedRemoteCount(m_document);
}

int WebMessageView::servedParts() const
{
    return WebEngineContext::instance()->schemes()->servedParts(m_document);
}

void WebMessageView::contextMenuEvent(QContextMenuEvent *event)
{
    // Only what makes sense for a caught message: no Back, Reload, Save page or Open in new window.
    QMenu menu(this);
    const QWebEngineContextMenuRequest *request = lastContextMenuRequest();
    if (request && !request->selectedText().isEmpty())
        menu.addAction(m_page->action(QWebEnginePage::Copy));
    if (request && request->linkUrl().isValid())
        menu.addAction(m_page->action(QWebEnginePage::CopyLinkToClipboard));
    if (request && request->mediaType() == QWebEngineContextMenuRequest::MediaTypeImage)
        menu.addAction(m_page->action(QWebEnginePage::CopyImageToClipboard));
    menu.addAction(m_page->action(QWebEnginePage::SelectAll));
    menu.exec(event->globalPos());
}

} // namespace MailSink::Ui
