// Benchmark (not a test): how long a message window takes to show an HTML message in the Rendered tab's
// browser engine, the first time (the engine starts) and after that.
//   mailsink_bench_message_window [RUNS] FILE.eml...
// Prints, per file, the first open (cold, only for the first file) and the median/p95/max of later opens,
// from constructing the MessageWindow until the page has finished loading (cid: images included).
#include "WebTestSupport.h"

#include "message/MessageWindow.h"
#include "message/RenderedView.h"
#include "message/WebEngineSupport.h"
#include "message/WebMessageView.h"
#include "settings/Settings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace MailSink;

namespace {

double openOnce(const QString &path, Ui::Settings *settings)
{
    QElapsedTimer timer;
    timer.start();
    Ui::MessageWindow window(path, nullptr, settings);
    window.resize(900, 800);
    window.show();
    const bool ok = Test::waitFor([&] {
        return window.isLoaded() && window.rendered()->webView()
            && window.rendered()->webView()->isRendered();
    });
    const double ms = timer.nsecsElapsed() / 1e6;
    return ok ? ms : -1;
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    Ui::WebEngineSupport::prepare();
    QApplication app(argc, argv);
    QStringList args = QApplication::arguments().mid(1);
    int runs = 20;
    if (!args.isEmpty() && args.first().toInt() > 0)
        runs = args.takeFirst().toInt();
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: mailsink_bench_message_window [RUNS] FILE.eml...\n");
        return 2;
    }
    QTemporaryDir dir;
    QSettings backend(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Ui::Settings settings(&backend);
    bool first = true;
    for (const QString &path : args) {
        const QString name = QFileInfo(path).fileName();
        if (first) {
            std::printf(
                "%-26s first open (engine starts): %7.1f ms\n", qPrintable(name), openOnce(path, &settings));
            first = false;
        }
        std::vector<double> times;
        for (int i = 0; i < runs; ++i)
            times.push_back(openOnce(path, &settings));
        std::sort(times.begin(), times.end());
        const auto at
            = [&](double q) { return times.at(std::min(times.size() - 1, size_t(q * times.size()))); };
        std::printf("%-26s later opens (n=%d): median %6.1f ms  p95 %6.1f ms  max %6.1f ms\n",
            qPrintable(name), runs, at(0.5), at(0.95), times.back());
    }
    return 0;
}
