#pragma once

#include <QObject>

class QWebEngineProfile;

namespace MailSink::Ui {

class MessageSchemeHandler;
class RemoteContentPolicy;

// The Rendered tab's browser engine, started on first use (the first message page): one off-the-record
// profile (nothing on disk, no cookies at all, no downloads) shared by every message page, with the
// RemoteContentPolicy as its request interceptor and the MessageSchemeHandler for mailsink-message: and
// cid:. Scripts, plugins, DNS prefetch, hyperlink auditing (<a ping>) and page icons are off for all pages.
class WebEngineContext : public QObject
{
    Q_OBJECT

public:
    static WebEngineContext *instance(); // owned by the QApplication, so it outlives every window
    ~WebEngineContext() override;
    static bool isStarted();

    QWebEngineProfile *profile() const { return m_profile; }
    RemoteContentPolicy *policy() const { return m_policy; }
    MessageSchemeHandler *schemes() const { return m_schemes; }

private:
    explicit WebEngineContext(QObject *parent);

    QWebEngineProfile *m_profile = nullptr;
    RemoteContentPolicy *m_policy = nullptr;
    MessageSchemeHandler *m_schemes = nullptr;
    static WebEngineContext *s_instance;
};

} // namespace MailSink::Ui
