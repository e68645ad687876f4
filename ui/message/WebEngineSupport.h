#pragma once

namespace MailSink::Ui {

// Whether the Rendered tab shows HTML in Qt WebEngine (Chromium) or in the Qt text engine
// (MessageBrowser). The engine is used when Mailsink was built with it (MAILSINK_WEBENGINE), prepare()
// ran before the QApplication was created, and MAILSINK_NO_WEBENGINE is not set to 1.
class WebEngineSupport
{
public:
    // Call before constructing the QApplication: registers the mailsink-message: and cid: URL schemes
    // (Qt WebEngine requires that), shares OpenGL contexts as QWebEngineView needs, and, when running as
    // root, turns Chromium's sandbox off (Chromium refuses to start as root with it). Starts no engine.
    static void prepare();
    static bool isAvailable();
    static bool isBuiltIn();

private:
    static bool s_prepared;
};

} // namespace MailSink::Ui
