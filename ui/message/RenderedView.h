#pragma once

#include "mime/ParsedMessage.h"

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace MailSink::Ui {

class MessageBrowser;
class WebMessageView;

// The Rendered tab: the message as its recipients' clients show it. In the browser engine
// (WebMessageView) where available, else in the Qt text engine (MessageBrowser). Above it: width presets
// (phone 375 px, tablet 768 px, desktop), the dark preview, zoom; and the bar that says how much remote
// content was blocked, with "Load for this message". The engine starts when the tab is first shown.
class RenderedView : public QWidget
{
    Q_OBJECT

public:
    enum class Width { Desktop, Tablet, Phone };

    explicit RenderedView(QWidget *parent = nullptr);

    void setMessage(const Mime::ParsedMessage &message);
    bool usesWebEngine() const { return m_useEngine; }
    MessageBrowser *browser() const { return m_browser; } // the Qt text engine view, if that is used
    WebMessageView *webView() const { return m_web; } // the engine view, once created

    void setWidthPreset(Width width);
    Width widthPreset() const { return m_width; }
    static int presetWidth(Width width); // CSS pixels; 0 for the whole window
    void setZoomFactor(qreal factor);
    qreal zoomFactor() const { return m_zoom; }
    void setDarkPreview(bool dark);
    bool darkPreview() const { return m_dark; }
    void loadRemoteContent(); // "Load for this message"
    int blockedCount() const { return m_blocked; }
    bool isRemoteBarVisible() const;

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    void linkHovered(const QString &url);
    void engineStarted(); // the web view was created

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildToolbar();
    void ensureContent();
    void applyWidth();
    void applyZoom();
    void updateRemoteBar(int blocked);
    QWidget *content() const;

    bool m_useEngine = false;
    Mime::ParsedMessage m_message;
    bool m_hasMessage = false;
    Width m_width = Width::Desktop;
    qreal m_zoom = 1.0;
    qreal m_appliedBrowserZoom = 1.0;
    bool m_dark = false;
    int m_blocked = 0;

    QComboBox *m_widthBox = nullptr;
    QToolButton *m_darkButton = nullptr;
    QToolButton *m_zoomOut = nullptr;
    QToolButton *m_zoomReset = nullptr;
    QToolButton *m_zoomIn = nullptr;
    QLabel *m_engineLabel = nullptr;
    QWidget *m_remoteBar = nullptr;
    QLabel *m_remoteLabel = nullptr;
    QPushButton *m_loadRemote = nullptr;
    QWidget *m_frame = nullptr; // centres the content at a preset width
    MessageBrowser *m_browser = nullptr;
    WebMessageView *m_web = nullptr;
};

} // namespace MailSink::Ui
