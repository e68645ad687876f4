#include "message/RenderedView.h"

#include "message/MessageBrowser.h"
#include "message/WebEngineSupport.h"

#if MAILSINK_HAVE_WEBENGINE
#include "message/WebMessageView.h"

#include <QWebEnginePage>
#endif

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace MailSink::Ui {

namespace {

constexpr std::array<qreal, 13> ZoomSteps
    = {0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};

} // namespace

RenderedView::RenderedView(QWidget *parent)
    : QWidget(parent)
    , m_useEngine(WebEngineSupport::isAvailable())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    buildToolbar();

    m_remoteBar = new QWidget(this);
    m_remoteBar->setObjectName(QStringLiteral("remoteBar"));
    m_remoteBar->setAutoFillBackground(true);
    m_remoteBar->setStyleSheet(QStringLiteral("background: #fff4ce; color: #5c4400;"));
    auto *barLayout = new QHBoxLayout(m_remoteBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    m_remoteLabel = new QLabel(m_remoteBar);
    m_loadRemote = new QPushButton(tr("Load for this message"), m_remoteBar);
    barLayout->addWidget(m_remoteLabel, 1);
    barLayout->addWidget(m_loadRemote);
    m_remoteBar->hide();
    connect(m_loadRemote, &QPushButton::clicked, this, &RenderedView::loadRemoteContent);
    layout->addWidget(m_remoteBar);

    m_frame = new QWidget(this);
    m_frame->setObjectName(QStringLiteral("renderedFrame"));
    m_frame->setBackgroundRole(QPalette::Dark);
    auto *frameLayout = new QHBoxLayout(m_frame);
    frameLayout->setContentsMargins(0, 0, 0, 0);
    frameLayout->setSpacing(0);
    layout->addWidget(m_frame, 1);

    if (!m_useEngine) {
        m_browser = new MessageBrowser(m_frame);
        frameLayout->addWidget(m_browser);
        connect(m_browser, &MessageBrowser::remoteContentBlocked, this, &RenderedView::updateRemoteBar);
        connect(m_browser, &MessageBrowser::linkActivated, this, &RenderedView::linkActivated);
        connect(m_browser, &MessageBrowser::highlighted, this, [this](const QUrl &url) {
            Q_EMIT linkHovered(url.isEmpty() ? QString() : url.toDisplayString());
        });
        m_darkButton->setEnabled(false);
        m_darkButton->setToolTip(tr("The dark preview needs the browser engine (Qt WebEngine)."));
        m_engineLabel->setText(tr("Qt text engine"));
        m_engineLabel->setToolTip(
            tr("Mailsink was built without Qt WebEngine, or it is turned off: this view "
               "supports only part of the CSS that mail clients support."));
    } else {
        m_engineLabel->setText(tr("Chromium (Qt WebEngine)"));
        m_engineLabel->setToolTip(tr("Scripts are off; nothing remote loads until you allow it."));
    }
}

void RenderedView::buildToolbar()
{
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 0, 6, 0);
    m_widthBox = new QComboBox(this);
    m_widthBox->addItem(tr("Desktop"), int(Width::Desktop));
    m_widthBox->addItem(tr("Tablet (768 px)"), int(Width::Tablet));
    m_widthBox->addItem(tr("Phone (375 px)"), int(Width::Phone));
    m_widthBox->setToolTip(tr("Width of the view, as on these devices (media queries apply)"));
    connect(m_widthBox, &QComboBox::activated, this,
        [this](int index) { setWidthPreset(Width(m_widthBox->itemData(index).toInt())); });

    m_darkButton = new QToolButton(this);
    m_darkButton->setText(tr("Dark"));
    m_darkButton->setCheckable(true);
    m_darkButton->setToolTip(tr("Preview in dark mode: the message's own dark styles (prefers-color-scheme) "
                                "apply, as in Apple Mail"));
    connect(m_darkButton, &QToolButton::toggled, this, &RenderedView::setDarkPreview);

    m_zoomOut = new QToolButton(this);
    m_zoomOut->setText(QStringLiteral("−"));
    m_zoomOut->setToolTip(tr("Zoom out (Ctrl+-)"));
    m_zoomReset = new QToolButton(this);
    m_zoomReset->setToolTip(tr("Actual size (Ctrl+0)"));
    m_zoomIn = new QToolButton(this);
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomIn->setToolTip(tr("Zoom in (Ctrl++)"));
    const auto step = [this](int direction) {
        const auto it = std::lower_bound(ZoomSteps.begin(), ZoomSteps.end(), m_zoom - 0.001);
        qsizetype index = it - ZoomSteps.begin();
        if (direction < 0)
            index = std::max<qsizetype>(0, index - 1);
        else if (index < qsizetype(ZoomSteps.size()) && qAbs(ZoomSteps.at(index) - m_zoom) < 0.001)
            index = std::min<qsizetype>(ZoomSteps.size() - 1, index + 1);
        setZoomFactor(ZoomSteps.at(std::min<qsizetype>(index, ZoomSteps.size() - 1)));
    };
    connect(m_zoomOut, &QToolButton::clicked, this, [step] { step(-1); });
    connect(m_zoomIn, &QToolButton::clicked, this, [step] { step(1); });
    connect(m_zoomReset, &QToolButton::clicked, this, [this] { setZoomFactor(1.0); });
    const auto shortcut = [this](const QList<QKeySequence> &keys, const std::function<void()> &slot) {
        auto *action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)}, [step] { step(1); });
    shortcut({QKeySequence::ZoomOut}, [step] { step(-1); });
    shortcut({QKeySequence(Qt::CTRL | Qt::Key_0)}, [this] { setZoomFactor(1.0); });

    m_engineLabel = new QLabel(this);
    m_engineLabel->setEnabled(false); // reads as a quiet note

    bar->addWidget(m_widthBox);
    bar->addWidget(m_darkButton);
    bar->addSpacing(8);
    bar->addWidget(m_zoomOut);
    bar->addWidget(m_zoomReset);
    bar->addWidget(m_zoomIn);
    bar->addStretch(1);
    bar->addWidget(m_engineLabel);
    static_cast<QVBoxLayout *>(layout())->addLayout(bar);
    applyZoom();
}

void RenderedView::setMessage(const Mime::ParsedMessage &message)
{
    m_message = message;
    m_hasMessage = true;
    updateRemoteBar(0);
    if (m_browser) {
        m_browser->setMessage(message);
        m_appliedBrowserZoom = 1.0;
        applyZoom();
    }
#if MAILSINK_HAVE_WEBENGINE
    if (m_web)
        m_web->setMessage(message);
#endif
}

void RenderedView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    ensureContent();
}

void RenderedView::ensureContent()
{
#if MAILSINK_HAVE_WEBENGINE
    if (!m_useEngine || m_web)
        return;
    // Starting Chromium takes a while; only a message that is actually looked at pays for it.
    m_web = new WebMessageView(m_frame);
    m_frame->layout()->addWidget(m_web);
    connect(m_web, &WebMessageView::remoteContentBlocked, this, &RenderedView::updateRemoteBar);
    connect(m_web, &WebMessageView::linkActivated, this, &RenderedView::linkActivated);
    connect(m_web->page(), &QWebEnginePage::linkHovered, this, &RenderedView::linkHovered);
    m_web->setDarkPreview(m_dark);
    applyWidth();
    applyZoom();
    if (m_hasMessage)
        m_web->setMessage(m_message);
    Q_EMIT engineStarted();
#endif
}

QWidget *RenderedView::content() const
{
#if MAILSINK_HAVE_WEBENGINE
    if (m_web)
        return m_web;
#endif
    return m_browser;
}

int RenderedView::presetWidth(Width width)
{
    switch (width) {
    case Width::Phone:
        return 375;
    case Width::Tablet:
        return 768;
    case Width::Desktop:
        break;
    }
    return 0;
}

void RenderedView::setWidthPreset(Width width)
{
    m_width = width;
    m_widthBox->setCurrentIndex(m_widthBox->findData(int(width)));
    applyWidth();
}

void RenderedView::applyWidth()
{
    QWidget *view = content();
    if (!view)
        return;
    // The page's viewport in CSS pixels is the widget's width over the zoom factor (media queries
    // measure it with the scroll bar, as phones with overlay scroll bars do).
    const int css = presetWidth(m_width);
    if (css) {
        view->setFixedWidth(qRound(css * (m_useEngine ? m_zoom : 1.0)));
        m_frame->layout()->setAlignment(view, Qt::AlignHCenter);
    } else {
        view->setMinimumWidth(0);
        view->setMaximumWidth(QWIDGETSIZE_MAX);
        m_frame->layout()->setAlignment(view, {});
    }
    m_frame->setAutoFillBackground(css != 0);
}

void RenderedView::setZoomFactor(qreal factor)
{
    m_zoom = std::clamp(factor, ZoomSteps.front(), ZoomSteps.back());
    applyZoom();
    applyWidth();
}

void RenderedView::applyZoom()
{
    m_zoomReset->setText(QStringLiteral("%1%").arg(qRound(m_zoom * 100)));
    m_zoomOut->setEnabled(m_zoom > ZoomSteps.front() + 0.001);
    m_zoomIn->setEnabled(m_zoom < ZoomSteps.back() - 0.001);
#if MAILSINK_HAVE_WEBENGINE
    if (m_web)
        m_web->setZoomFactor(m_zoom);
#endif
    if (m_browser && !qFuzzyCompare(m_appliedBrowserZoom, m_zoom)) {
        // The text engine scales fonts only (sizes in px stay as they are).
        QFont font = m_browser->document()->defaultFont();
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * m_zoom / m_appliedBrowserZoom);
        m_browser->document()->setDefaultFont(font);
        m_appliedBrowserZoom = m_zoom;
    }
}

void RenderedView::setDarkPreview(bool dark)
{
    if (!m_useEngine)
        return;
    m_dark = dark;
    if (m_darkButton->isChecked() != dark)
        m_darkButton->setChecked(dark);
#if MAILSINK_HAVE_WEBENGINE
    if (m_web)
        m_web->setDarkPreview(dark);
#endif
}

void RenderedView::loadRemoteContent()
{
    m_remoteBar->hide();
    if (m_browser)
        m_browser->setRemoteContentAllowed(true);
#if MAILSINK_HAVE_WEBENGINE
    if (m_web)
        m_web->setRemoteContentAllowed(true);
#endif
}

bool RenderedView::isRemoteBarVisible() const
{
    return m_remoteBar->isVisibleTo(const_cast<RenderedView *>(this));
}

void RenderedView::updateRemoteBar(int blocked)
{
    m_blocked = blocked;
    bool allowed = false;
    if (m_browser)
        allowed = m_browser->remoteContentAllowed();
#if MAILSINK_HAVE_WEBENGINE
    if (m_web)
        allowed = m_web->remoteContentAllowed();
#endif
    m_remoteBar->setVisible(blocked > 0 && !allowed);
    m_remoteLabel->setText(blocked == 1 ? tr("Remote content blocked (1 request)")
                                        : tr("Remote content blocked (%1 requests)").arg(blocked));
    if (m_browser) {
        QStringList urls;
        for (const QUrl &url : m_browser->blockedUrls())
            urls.append(url.toDisplayString());
        m_remoteLabel->setToolTip(urls.mid(0, 20).join(u'\n'));
    }
#if MAILSINK_HAVE_WEBENGINE
    if (m_web) {
        QStringList urls;
        for (const QUrl &url : m_web->blockedUrls())
            urls.append(url.toDisplayString());
        m_remoteLabel->setToolTip(urls.mid(0, 20).join(u'\n'));
    }
#endif
}

} // namespace MailSink::Ui
