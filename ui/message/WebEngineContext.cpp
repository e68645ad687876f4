#include "message/WebEngineContext.h"

#include "message/MessageSchemeHandler.h"
#include "message/RemoteContentPolicy.h"

#include <QCoreApplication>
#include <QWebEngineCookieStore>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace MailSink::Ui {

WebEngineContext *WebEngineContext::s_instance = nullptr;

WebEngineContext *WebEngineContext::instance()
{
    if (!s_instance)
        s_instance = new WebEngineContext(QCoreApplication::instance());
    return s_instance;
}

WebEngineContext::~WebEngineContext()
{
    s_instance = nullptr;
}

bool WebEngineContext::isStarted()
{
    return s_instance != nullptr;
}

WebEngineContext::WebEngineContext(QObject *parent)
    : QObject(parent)
{
    m_profile = new QWebEngineProfile(this); // no storage name: off the record
    m_policy = new RemoteContentPolicy(this);
    m_schemes = new MessageSchemeHandler(this);
    m_profile->setUrlRequestInterceptor(m_policy);
    m_profile->installUrlSchemeHandler(MessageSchemeHandler::DocumentScheme, m_schemes);
    m_profile->installUrlSchemeHandler(MessageSchemeHandler::ContentIdScheme, m_schemes);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_profile->cookieStore()->setCookieFilter(
        [](const QWebEngineCookieStore::FilterRequest &) { return false; });
    connect(m_profile, &QWebEngineProfile::downloadRequested, this,
        [](QWebEngineDownloadRequest *download) { download->cancel(); });

    QWebEngineSettings *settings = m_profile->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    settings->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    settings->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    settings->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::TouchIconsEnabled, false);
    settings->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    settings->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    settings->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    settings->setAttribute(QWebEngineSettings::PlaybackRequiresUserGesture, true);
    settings->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    settings->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);
}

} // namespace MailSink::Ui
