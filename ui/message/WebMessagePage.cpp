#include "message/WebMessagePage.h"

#include "message/MessageSchemeHandler.h"
#include "message/RemoteContentPolicy.h"

#include <QWebEngineNewWindowRequest>

namespace MailSink::Ui {

WebMessagePage::WebMessagePage(QWebEngineProfile *profile, RemoteContentPolicy *policy, QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_policy(policy)
{
    // target="_blank" links and the like: never a new window, the link goes to the system browser. The
    // request is not accepted (openIn is not called), so no page is created for it.
    connect(this, &QWebEnginePage::newWindowRequested, this, [this](QWebEngineNewWindowRequest &request) {
        if (request.isUserInitiated())
            Q_EMIT linkClicked(request.requestedUrl());
    });
}

bool WebMessagePage::isOwnDocument(const QUrl &url) const
{
    return url.scheme() == QLatin1String(MessageSchemeHandler::DocumentScheme) && url.host() == m_document;
}

bool WebMessagePage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (type == NavigationTypeLinkClicked) {
        // Jumps to an anchor in the message stay; every other link is the user's to open elsewhere.
        if (isMainFrame && isOwnDocument(url) && url.hasFragment())
            return true;
        Q_EMIT linkClicked(url);
        return false;
    }
    if (type == NavigationTypeFormSubmitted)
        return false;
    if (isMainFrame) {
        if (isOwnDocument(url))
            return true; // our own loads, reloads and the dark preview
        if (RemoteContentPolicy::classify(url) == RemoteContentPolicy::Verdict::Remote)
            m_policy->noteBlocked(m_document, url); // meta refresh: never, consent or not
        return false;
    }
    // Frames (<iframe>, <object>, <embed>): the message's own parts, or remote ones after consent.
    switch (RemoteContentPolicy::classify(url)) {
    case RemoteContentPolicy::Verdict::Local:
        return url.scheme() != QLatin1String(MessageSchemeHandler::DocumentScheme) || isOwnDocument(url);
    case RemoteContentPolicy::Verdict::Remote:
        if (m_policy->isRemoteAllowed(m_document))
            return true;
        m_policy->noteBlocked(m_document, url);
        return false;
    case RemoteContentPolicy::Verdict::Never:
        return false;
    }
    return false;
}

} // namespace MailSink::Ui
