#include "Cli.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "client/ClientCommands.h"
#include "desktop/Desktop.h"
#include "message/WebEngineSupport.h"
#include "settings/Settings.h"
#include "store/MessageStore.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

using namespace MailSink;

namespace {

const QString kNewInstance = QStringLiteral("--new-instance");

// The store and files of a desktop start, read the way runDesktop reads them (one parser, in
// ui/Desktop.cpp). Nullopt when the command line does not parse: then there is no hand-over and
// runDesktop reports the error.
struct DesktopStart
{
    QString store;
    QStringList files;
};

std::optional<DesktopStart> parseDesktopStart(const QStringList &arguments)
{
    const auto options = Ui::parseDesktopOptions(arguments);
    if (!options)
        return std::nullopt;
    QSettings backend;
    const Ui::Settings settings(&backend);
    return DesktopStart {Ui::desktopStoreFolder(*options, settings), options->files};
}

Ui::MainWindow *findMainWindow()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *window = qobject_cast<Ui::MainWindow *>(widget))
            return window;
    }
    return nullptr;
}

void raiseWindow(QWidget *window)
{
    if (window->isMinimized())
        window->showNormal();
    else
        window->show(); // also brings it back from the tray
    window->raise();
    window->activateWindow();
}

// Starting the desktop app again hands the files to the running instance (same user and store), which
// opens them and raises its window; with --new-instance, or when none is running, this one starts.
// Listens for later starts on the name of `store`; their files open in the main window.
std::unique_ptr<App::SingleInstance> acceptLaterStarts(const QString &store)
{
    auto instance = std::make_unique<App::SingleInstance>(App::SingleInstance::serverNameFor(store));
    if (!instance->listen()) {
        std::fprintf(stderr, "mailsink: not accepting files from later starts: %s\n",
            qPrintable(instance->errorString()));
        return instance;
    }
    QObject::connect(
        instance.get(), &App::SingleInstance::filesRequested, instance.get(), [](const QStringList &paths) {
            if (Ui::MainWindow *window = findMainWindow())
                window->openFiles(paths);
        });
    QObject::connect(instance.get(), &App::SingleInstance::raiseRequested, instance.get(), [] {
        if (Ui::MainWindow *window = findMainWindow())
            raiseWindow(window);
    });
    return instance;
}

int runDesktopInstance(QStringList arguments)
{
    const bool forceNew = arguments.removeAll(kNewInstance) + arguments.removeAll(kNewInstance.mid(1)) > 0;
    const auto start = parseDesktopStart(arguments);
    std::unique_ptr<App::SingleInstance> instance;
    if (start && !forceNew) {
        if (App::SingleInstance::handOver(App::SingleInstance::serverNameFor(start->store), start->files))
            return 0;
        instance = acceptLaterStarts(start->store);
        // When the user switches stores in the settings, later starts look for the new one's name.
        QTimer::singleShot(0, instance.get(), [&instance] {
            if (Ui::MainWindow *window = findMainWindow()) {
                QObject::connect(window, &Ui::MainWindow::storeChanged, window,
                    [&instance](const QString &root) { instance = acceptLaterStarts(root); });
            }
        });
    }
    const int code = Ui::runDesktop(arguments);
    if (Ui::MainWindow::restartRequested()) {
        // After the store is closed and the hand-over socket is gone, so the new process takes both.
        instance.reset();
        QStringList again = arguments.mid(1);
        if (start) {
            for (const QString &file : start->files)
                again.removeAll(file); // they are open now; not again
        }
        // The language the user just chose in the settings, not one from this start's command line.
        for (qsizetype i = 0; i < again.size();) {
            const QString &a = again.at(i);
            if (a == QLatin1String("--lang") || a == QLatin1String("-lang"))
                again.remove(i, std::min<qsizetype>(2, again.size() - i));
            else if (a.startsWith(QLatin1String("--lang=")) || a.startsWith(QLatin1String("-lang=")))
                again.remove(i);
            else
                ++i;
        }
        QProcess process;
        process.setProgram(QCoreApplication::applicationFilePath());
        process.setArguments(again);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("MAILSINK_LANG"));
        process.setProcessEnvironment(environment);
        if (!process.startDetached())
            std::fprintf(stderr, "mailsink: cannot start again; start it yourself\n");
    }
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Mailsink"));
    QCoreApplication::setApplicationName(QStringLiteral("mailsink"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILSINK_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // Installed (or linked) under the name "sendmail", this binary is a drop-in sendmail.
    const bool asSendmail = QFileInfo(arguments.value(0)).baseName() == QLatin1String("sendmail");
    const QString command = asSendmail ? QStringLiteral("sendmail") : arguments.value(1);
    const bool headless = asSendmail || command == QLatin1String("sendmail")
        || command == QLatin1String("release") || command == QLatin1String("serve")
        || command == QLatin1String("list") || command == QLatin1String("inspect")
        || command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("--version") || command == QLatin1String("help");

    if (!headless) {
        Ui::WebEngineSupport::prepare(); // the Rendered tab's URL schemes; before the QApplication
        QApplication app(argc, argv);
        return runDesktopInstance(arguments);
    }
    // Headless commands need no GUI; the plain Unix event dispatcher is lighter than glib's.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    if (command == QLatin1String("serve"))
        return Cli::runServe(arguments);
    if (command == QLatin1String("list"))
        return Cli::runList(arguments);
    if (command == QLatin1String("inspect"))
        return Cli::runInspect(arguments);
    if (command == QLatin1String("sendmail"))
        return Client::runSendmail(arguments);
    if (command == QLatin1String("release"))
        return Client::runRelease(arguments);
    return Cli::runUsage(arguments);
}
