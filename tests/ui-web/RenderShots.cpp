// Renders .eml files in the Rendered tab, once in the browser engine and once in the Qt text engine
// fallback, into PNGs for docs/rendering (not a test). See docs/rendering/make-screenshots.sh.
//   mailsink_render_shots OUTDIR WIDTH HEIGHT FILE.eml...   writes OUTDIR/<name>-webengine.png and
//   -fallback.png
#include "WebTestSupport.h"

#include "message/MessageBrowser.h"
#include "message/RenderedView.h"
#include "message/WebEngineSupport.h"
#include "message/WebMessageView.h"

#include <QApplication>
#include <QFileInfo>
#include <QTest>

#include <cstdio>

using namespace MailSink;

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    Ui::WebEngineSupport::prepare();
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: mailsink_render_shots OUTDIR WIDTH HEIGHT FILE.eml...\n");
        return 2;
    }
    const QString out = args.at(1);
    const QSize size(args.at(2).toInt(), args.at(3).toInt());
    int failures = 0;
    for (const QString &path : args.mid(4)) {
        const Mime::ParsedMessage message = Mime::parseFile(path);
        const QString name = QFileInfo(path).completeBaseName();
        for (const bool engine : {true, false}) {
            if (!engine)
                qputenv("MAILSINK_NO_WEBENGINE", "1");
            Ui::RenderedView view;
            qunsetenv("MAILSINK_NO_WEBENGINE");
            view.setMessage(message);
            view.show();
            QWidget *content = engine ? static_cast<QWidget *>(view.webView()) : view.browser();
            // The content widget gets exactly the requested size; the tool bar comes on top.
            content->setFixedSize(size);
            view.adjustSize();
            QImage image;
            if (engine) {
                Test::waitFor([&] { return view.webView()->isRendered(); });
                QTest::qWait(1500); // cid: images decode and the compositor paints after loadFinished
                image = Test::grabView(view.webView());
            } else {
                QTest::qWait(300);
                image = view.browser()->grab().toImage();
            }
            const QString file = out + u'/' + name
                + (engine ? QStringLiteral("-webengine.png") : QStringLiteral("-fallback.png"));
            if (image.isNull() || !image.save(file)) {
                std::fprintf(stderr, "could not render %s\n", qPrintable(file));
                ++failures;
                continue;
            }
            std::printf("%s %dx%d\n", qPrintable(file), image.width(), image.height());
        }
    }
    return failures ? 1 : 0;
}
