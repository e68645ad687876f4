#include "message/WebEngineSupport.h"

#include <QCoreApplication>
#include <QtGlobal>

#if MAILSINK_HAVE_WEBENGINE
#include "message/MessageSchemeHandler.h"

#include <QLoggingCategory>
#include <QWebEngineUrlScheme>
#endif

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace MailSink::Ui {

bool WebEngineSupport::s_prepared = false;

void WebEngineSupport::prepare()
{
#if MAILSINK_HAVE_WEBENGINE
    if (s_prepared || qEnvironmentVariableIntValue("MAILSINK_NO_WEBENGINE") == 1)
        return;
    // The message's HTML: an origin of its own per document (mailsink-message://m7/), neither secure
    // (http images allowed after consent must not count as mixed content) nor local (local pages may
    // not load remote URLs at all).
    QWebEngineUrlScheme document(MessageSchemeHandler::DocumentScheme);
    document.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    QWebEngineUrlScheme::registerScheme(document);
    // RFC 2392 Content-ID URLs: "cid:" followed by the part's Content-ID, no authority.
    QWebEngineUrlScheme cid(MessageSchemeHandler::ContentIdScheme);
    cid.setSyntax(QWebEngineUrlScheme::Syntax::Path);
    cid.setFlags(QWebEngineUrlScheme::CorsEnabled); // @font-face and other CORS-mode loads
    QWebEngineUrlScheme::registerScheme(cid);

    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
#ifdef Q_OS_UNIX
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX")) {
        // Chromium will not run as root with its sandbox. Scripts are off and nothing remote loads
        // without consent, but say so: the page renderer then runs unconfined.
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
        qInfo("mailsink: running as root, so the HTML renderer runs without Chromium's sandbox");
    }
#endif
    s_prepared = true;
#endif
}

bool WebEngineSupport::isAvailable()
{
    return s_prepared && qEnvironmentVariableIntValue("MAILSINK_NO_WEBENGINE") != 1;
}

bool WebEngineSupport::isBuiltIn()
{
#if MAILSINK_HAVE_WEBENGINE
    return true;
#else
    return false;
#endif
}

} // namespace MailSink::Ui
