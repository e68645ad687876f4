#include "CountingHttpServer.h"
#include "TestSupport.h"
#include "WebTestSupport.h"

#include "message/MessageBrowser.h"
#include "message/MessageSchemeHandler.h"
#include "message/MessageWindow.h"
#include "message/RemoteContentPolicy.h"
#include "message/RenderedView.h"
#include "message/WebEngineContext.h"
#include "message/WebMessageView.h"
#include "settings/Settings.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>

#include <memory>

using namespace MailSink;
using namespace MailSink::Test;
using Ui::RenderedView;
using Ui::WebMessageView;

namespace {

// A Rendered tab on its own, shown (the engine starts then), with `message` loaded.
struct Shown
{
    explicit Shown(const Mime::ParsedMessage &message, QSize size = {800, 600})
    {
        view = std::make_unique<RenderedView>();
        view->resize(size);
        view->setMessage(message);
        view->show();
    }
    WebMessageView *web() const { return view->webView(); }
    bool rendered() const
    {
        return waitFor([this] { return web() && web()->isRendered(); });
    }
    // Waits until the pixel at `at` shows `colour` (the engine paints a little after it has loaded).
    bool shows(QPoint at, QColor colour, const QString &screenshot = {}) const
    {
        QImage last;
        const bool ok = waitFor([&] {
            last = grabView(web());
            return last.valid(at) && near(last.pixelColor(at), colour);
        });
        if (!screenshot.isEmpty())
            keepScreenshot(last, screenshot);
        if (!ok && last.valid(at))
            UNSCOPED_INFO(
                "pixel at " << at.x() << "," << at.y() << " is " << last.pixelColor(at).name().toStdString());
        return ok;
    }
    std::unique_ptr<RenderedView> view;
};

QByteArray everyRemoteLoad(const QByteArray &b)
{
    return "<!DOCTYPE html><html><head>\n"
           "<meta http-equiv=\"refresh\" content=\"0; url="
        + b + "/refresh\">\n<link rel=\"stylesheet\" href=\"" + b
        + "/link.css\">\n"
          "<link rel=\"prefetch\" href=\""
        + b + "/prefetch\">\n<link rel=\"preload\" href=\"" + b
        + "/preload.css\" as=\"style\">\n"
          "<link rel=\"preconnect\" href=\""
        + b + "/\">\n<link rel=\"dns-prefetch\" href=\"" + b + "/\">\n<link rel=\"icon\" href=\"" + b
        + "/icon.png\">\n"
          "<style>\n@import url(\""
        + b + "/import.css\");\n@font-face { font-family: Remote; src: url(\"" + b
        + "/font.woff\"); }\n"
          "body { font-family: Remote, sans-serif; background: url(\""
        + b + "/background.png\"); }\n</style></head><body>\n<p>Every kind of remote load</p>\n<img src=\""
        + b + "/img.png\">\n<img srcset=\"" + b + "/srcset.png 2x\">\n<picture><source srcset=\"" + b
        + "/picture.png\"><img alt=\"\"></picture>\n<iframe src=\"" + b
        + "/iframe.html\"></iframe>\n<video poster=\"" + b + "/poster.png\" src=\"" + b
        + "/video.mp4\"></video>\n<audio src=\"" + b
        + "/audio.mp3\" preload=\"auto\"></audio>\n<table background=\"" + b
        + "/table.png\"><tr><td>cell</td></tr></table>\n<input type=\"image\" src=\"" + b
        + "/input.png\">\n<svg width=\"10\" height=\"10\"><image href=\"" + b
        + "/svg.png\" width=\"10\" height=\"10\"/></svg>\n<div style=\"background-image: url('" + b
        + "/inline.png')\">x</div>\n<object data=\"" + b + "/object.html\"></object>\n<a href=\"" + b
        + "/link\" ping=\"" + b + "/ping\">link</a>\n<img src=\"file:///etc/hostname\">\n</body></html>";
}

QStringList paths(const QList<QUrl> &urls)
{
    QStringList result;
    for (const QUrl &url : urls)
        result.append(url.path());
    return result;
}

} // namespace

TEST_CASE("the policy tells the message's own content from remote and never-loaded URLs", "[web][policy]")
{
    using Ui::RemoteContentPolicy;
    using V = RemoteContentPolicy::Verdict;
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("cid:logo@acme.test"))) == V::Local);
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("mailsink-message://m1/"))) == V::Local);
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("data:image/png;base64,AAAA"))) == V::Local);
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("https://example.com/a.png"))) == V::Remote);
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("HTTP://example.com/a.png"))) == V::Remote);
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("file:///etc/passwd"))) == V::Never);
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("ftp://example.com/x"))) == V::Never);
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("ws://example.com/x"))) == V::Never);
    CHECK(RemoteContentPolicy::classify(QUrl(QStringLiteral("qrc:/i18n/x"))) == V::Never);
    CHECK(RemoteContentPolicy::documentOf(QUrl(QStringLiteral("mailsink-message://m7/dark"))).toStdString()
        == "m7");
    CHECK(RemoteContentPolicy::documentOf(QUrl(QStringLiteral("http://m7/"))).isEmpty());
}

TEST_CASE("the dark preview turns the message's own dark styles on", "[web][dark]")
{
    using Ui::MessageSchemeHandler;
    const QString html
        = QStringLiteral("<!DOCTYPE html><html><HEAD><style>@media (prefers-color-scheme: dark) "
                         "{ a {} } @media screen and (PREFERS-COLOR-SCHEME:light) { b {} }</style>");
    const QString dark = MessageSchemeHandler::darkPreviewHtml(html);
    CHECK(dark.toStdString()
        == "<!DOCTYPE html><html><HEAD><meta name=\"color-scheme\" content=\"dark\"><style>@media "
           "(min-width: 0px) "
           "{ a {} } @media screen and (max-width: 0px) and (min-width: 1px) { b {} }</style>");
    CHECK(MessageSchemeHandler::darkPreviewHtml(QStringLiteral("<p>x</p>")).toStdString()
        == "<meta name=\"color-scheme\" content=\"dark\"><p>x</p>");
    const QString text
        = MessageSchemeHandler::plainTextHtml(QStringLiteral("<b> & https://x.test/a?b=1&c=2"));
    CHECK(text.contains(QStringLiteral("&lt;b&gt; &amp; <a href=\"https://x.test/a?b=1&amp;c=2\">")));
}

TEST_CASE("the engine starts only when the Rendered tab is first shown", "[web][lazy]")
{
    const bool startedBefore = Ui::WebEngineContext::isStarted();
    RenderedView view;
    REQUIRE(view.usesWebEngine());
    view.setMessage(parsedHtml("<p>lazy</p>"));
    CHECK(view.webView() == nullptr);
    if (!startedBefore)
        CHECK_FALSE(Ui::WebEngineContext::isStarted());
    view.show();
    REQUIRE(view.webView() != nullptr);
    CHECK(Ui::WebEngineContext::isStarted());
    REQUIRE(waitFor([&] { return view.webView()->isRendered(); }));
    CHECK(pageText(view.webView()).toStdString() == "lazy");
}

TEST_CASE("no remote request of any kind leaves before consent and after Load for this message they do",
    "[web][remote]")
{
    CountingHttpServer server;
    REQUIRE(server.start());
    Shown shown(parsedHtml(everyRemoteLoad(server.base())));
    REQUIRE(shown.rendered());
    QTest::qWait(1500); // time for anything late: meta refresh, media, prefetch
    CHECK(server.connections() == 0);
    CHECK(server.paths().isEmpty());
    CHECK(shown.web()->page()->url().scheme().toStdString() == "mailsink-message");

    const QStringList blocked = paths(shown.web()->blockedUrls());
    INFO("blocked: " << blocked.join(u' ').toStdString());
    for (const char *path : {"/link.css", "/preload.css", "/import.css", "/font.woff", "/background.png",
             "/img.png", "/srcset.png", "/picture.png", "/iframe.html", "/poster.png", "/video.mp4",
             "/audio.mp3", "/table.png", "/input.png", "/svg.png", "/inline.png", "/prefetch", "/refresh"}) {
        INFO(path);
        CHECK(blocked.contains(QLatin1String(path)));
    }
    CHECK_FALSE(blocked.contains(QStringLiteral("/icon.png"))); // page icons are off altogether
    CHECK(shown.view->blockedCount() == shown.web()->blockedCount());
    REQUIRE(shown.view->isRemoteBarVisible());
    auto *label = shown.view->findChild<QWidget *>(QStringLiteral("remoteBar"))->findChild<QLabel *>();
    CHECK(
        label->text().startsWith(QStringLiteral("Remote content blocked (%1 requests)").arg(blocked.size())));

    // The button on the bar: this message's remote content loads, still without leaving the message.
    auto *load = shown.view->findChild<QWidget *>(QStringLiteral("remoteBar"))->findChild<QPushButton *>();
    REQUIRE(load);
    load->click();
    CHECK_FALSE(shown.view->isRemoteBarVisible());
    REQUIRE(waitFor([&] {
        return server.requested(QStringLiteral("/img.png")) && server.requested(QStringLiteral("/link.css"))
            && server.requested(QStringLiteral("/import.css"))
            && server.requested(QStringLiteral("/background.png"))
            && server.requested(QStringLiteral("/iframe.html"))
            && server.requested(QStringLiteral("/srcset.png"))
            && server.requested(QStringLiteral("/poster.png"))
            && server.requested(QStringLiteral("/inline.png"));
    }));
    QTest::qWait(1000);
    INFO("requested: " << server.paths().join(u' ').toStdString());
    CHECK(server.connections() > 0);
    CHECK(shown.web()->remoteLoads() > 0);
    CHECK_FALSE(server.requested(QStringLiteral("/refresh"))); // meta refresh never navigates away
    CHECK_FALSE(server.requested(QStringLiteral("/ping"))); // no hyperlink auditing
    CHECK(shown.web()->page()->url().scheme().toStdString() == "mailsink-message");

    // Consent is per message: the next message starts blocked again.
    const int before = int(server.paths().size());
    shown.view->setMessage(parsedHtml(everyRemoteLoad(server.base())));
    REQUIRE(shown.rendered());
    QTest::qWait(1000);
    CHECK(server.paths().size() == before);
    CHECK(shown.view->isRemoteBarVisible());
}

TEST_CASE("cid: images come from the message so the MJML welcome mail shows its header and hero image",
    "[web][cid]")
{
    Shown shown(Mime::parseMessage(readFile(testData(QStringLiteral("html/mjml-welcome.eml")))), {800, 900});
    REQUIRE(shown.rendered());
    CHECK(shown.web()->servedParts() == 2); // logo and hero
    CHECK(shown.view->blockedCount() == 0);
    CHECK_FALSE(shown.view->isRemoteBarVisible());
    // 600 px centred in 800: the header's brand blue, the hero image (orange) below it, the page's grey.
    CHECK(shown.shows({110, 10}, QColor(0x1f, 0x6f, 0xeb)));
    CHECK(shown.shows({50, 50}, QColor(0xee, 0xf1, 0xf5)));
    CHECK(shown.shows({110, 100}, QColor(0xff, 0xb0, 0x48), QStringLiteral("web-mjml-welcome")));
    CHECK(pageText(shown.web()).contains(QStringLiteral("Welcome aboard, Ada!")));
}

TEST_CASE("a click on a link goes to the system browser and the view stays on the message", "[web][links]")
{
    CountingHttpServer server;
    REQUIRE(server.start());
    const QByteArray html = "<body style=\"margin:0\"><a href=\"" + server.base()
        + "/clicked\" style=\"display:block;width:400px;height:100px;background:#0000ff\">same window</a>"
          "<a href=\""
        + server.base()
        + "/blank\" target=\"_blank\" "
          "style=\"display:block;width:400px;height:100px;background:#00ff00\">new "
          "window</a></body>";
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("links.eml"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(htmlMessage(html, "links"));
    }
    QSettings backend(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Ui::Settings settings(&backend);
    QList<QUrl> opened;
    Ui::MessageWindow::setUrlOpener([&](const QUrl &url) { opened.append(url); });
    Ui::MessageWindow window(path, nullptr, &settings);
    window.resize(800, 600);
    window.show();
    REQUIRE(waitFor([&] { return window.isLoaded() && window.rendered()->webView(); }));
    WebMessageView *web = window.rendered()->webView();
    REQUIRE(waitFor([&] { return web->isRendered(); }));
    REQUIRE(waitFor([&] { return near(grabView(web).pixelColor(50, 50), QColor(0, 0, 255)); }));

    QWidget *input = web->focusProxy();
    REQUIRE(input);
    const auto click = [&](QPoint at, int count) {
        return waitFor([&] {
            QTest::mouseMove(input, at);
            QTest::mouseClick(input, Qt::LeftButton, {}, at);
            return waitFor([&] { return opened.size() >= count; }, 1000);
        });
    };
    REQUIRE(click({50, 50}, 1));
    REQUIRE(click({50, 150}, 2));
    Ui::MessageWindow::setUrlOpener({});
    CHECK(opened.at(0).toString().toStdString() == server.base().toStdString() + "/clicked");
    CHECK(opened.at(1).toString().toStdString() == server.base().toStdString() + "/blank");
    QTest::qWait(500);
    CHECK(server.connections() == 0);
    CHECK(web->page()->url().scheme().toStdString() == "mailsink-message");
    CHECK(pageText(web).contains(QStringLiteral("same window")));
}

TEST_CASE("width presets give the page a phone's or a tablet's viewport and zoom scales it", "[web][width]")
{
    const QByteArray html = "<style>body{margin:0;background:#00ff00} @media (max-width: 480px) "
                            "{ body { background: #ff0000 } }</style><body><p>width</p></body>";
    Shown shown(parsedHtml(html), {1000, 600});
    REQUIRE(shown.rendered());
    CHECK(shown.shows({200, 300}, QColor(0, 255, 0)));
    shown.view->setWidthPreset(RenderedView::Width::Phone);
    REQUIRE(waitFor([&] { return shown.web()->width() == 375; }));
    CHECK(shown.shows({200, 300}, QColor(255, 0, 0), QStringLiteral("web-width-phone")));
    shown.view->setWidthPreset(RenderedView::Width::Tablet);
    REQUIRE(waitFor([&] { return shown.web()->width() == 768; }));
    CHECK(shown.shows({200, 300}, QColor(0, 255, 0)));

    shown.view->setWidthPreset(RenderedView::Width::Phone);
    shown.view->setZoomFactor(2.0);
    CHECK(shown.web()->zoomFactor() == Approx(2.0));
    REQUIRE(waitFor([&] { return shown.web()->width() == 750; })); // still 375 CSS pixels
    CHECK(shown.shows({200, 300}, QColor(255, 0, 0)));
    shown.view->setWidthPreset(RenderedView::Width::Desktop);
    REQUIRE(waitFor([&] { return shown.web()->width() == 1000; }));
}

TEST_CASE(
    "the dark preview applies the message's dark styles and gives unstyled mail a dark canvas", "[web][dark]")
{
    const QByteArray styled
        = "<!DOCTYPE html><html><head><style>body{margin:0;background:#ffffff;color:#000}"
          "@media (prefers-color-scheme: dark) { body { background: #102030; color: #fff } }"
          "</style></head><body><p>styled</p></body></html>";
    Shown shown(parsedHtml(styled));
    REQUIRE(shown.rendered());
    CHECK(shown.shows({300, 300}, QColor(255, 255, 255)));
    shown.view->setDarkPreview(true);
    CHECK(shown.shows({300, 300}, QColor(0x10, 0x20, 0x30), QStringLiteral("web-dark-styled")));
    shown.view->setMessage(parsedHtml("<p>unstyled</p>"));
    REQUIRE(shown.rendered());
    QImage image;
    REQUIRE(waitFor([&] {
        image = grabView(shown.web());
        return image.valid(300, 300) && image.pixelColor(300, 300).lightness() < 60;
    }));
    keepScreenshot(image, QStringLiteral("web-dark-unstyled"));
    shown.view->setDarkPreview(false);
    CHECK(shown.shows({300, 300}, QColor(255, 255, 255)));
}

TEST_CASE("a body decoded to Unicode wins over a stale <meta charset>", "[web][charset]")
{
    const QByteArray html = "<html><head><meta charset=\"iso-8859-1\"></head><body>Gr\xc3\xbc\xc3\x9f"
                            "e \xe4\xbd\xa0\xe5\xa5\xbd</body></html>";
    Shown shown(parsedHtml(html));
    REQUIRE(shown.rendered());
    CHECK(pageText(shown.web()).toStdString() == "Grüße 你好");
}

TEST_CASE("with MAILSINK_NO_WEBENGINE=1 the Rendered tab uses the Qt text engine", "[web][fallback]")
{
    qputenv("MAILSINK_NO_WEBENGINE", "1");
    RenderedView view;
    qunsetenv("MAILSINK_NO_WEBENGINE");
    CHECK_FALSE(view.usesWebEngine());
    REQUIRE(view.browser());
    view.setMessage(parsedHtml("<p>fallback</p>"));
    view.show();
    CHECK(view.webView() == nullptr);
    CHECK(view.browser()->toPlainText().trimmed().toStdString() == "fallback");
}
