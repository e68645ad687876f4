#pragma once

#include <QString>
#include <QWebEnginePage>

namespace MailSink::Ui {

class RemoteContentPolicy;

// A message's page: it shows its own document and never navigates away. A clicked link (also one with
// target="_blank", or in a frame) is handed out as linkClicked; meta refresh, forms and frames are
// refused, except frames with remote content after the user allowed it for this message.
class WebMessagePage : public QWebEnginePage
{
    Q_OBJECT

public:
    WebMessagePage(QWebEngineProfile *profile, RemoteContentPolicy *policy, QObject *parent = nullptr);

    void setDocument(const QString &document) { m_document = document; }
    QString document() const { return m_document; }

Q_SIGNALS:
    void linkClicked(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;

private:
    bool isOwnDocument(const QUrl &url) const;

    RemoteContentPolicy *m_policy;
    QString m_document;
};

} // namespace MailSink::Ui
