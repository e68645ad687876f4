// The message list over a large store: fills a store with N messages (real commits, 8 threads), then
// times what a user waits for: the first load, a sort by subject, a filter, scrolling to the end, and
// a delete of one message; prints medians of several runs and the resident memory. Not a test: it only
// measures and prints.
//
//     build/tests/bench/mailsink_bench_list [--messages 100000] [--reps 3] [--store DIR]
#include "list/MessageListModel.h"
#include "list/MessageListView.h"
#include "store/MessageStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

using namespace MailSink;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool fill(Store::MessageStore &store, int count)
{
    std::atomic<int> next {0};
    std::atomic<bool> ok {true};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = next++; i < count && ok; i = next++) {
                const QByteArray raw = "From: Sender " + QByteArray::number(i % 97) + " <s"
                    + QByteArray::number(i % 97)
                    + "@example.com>\r\nTo: rcpt@example.com\r\nSubject: message " + QByteArray::number(i)
                    + "\r\n\r\nbody " + QByteArray::number(i) + "\r\n";
                auto writer = store.beginMessage();
                Store::Envelope envelope;
                envelope.mailFrom = "s@example.com";
                envelope.recipients = {"rcpt@example.com"};
                if (!writer || !writer->write(raw) || !store.commit(std::move(writer), envelope, {}).ok)
                    ok = false;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    return ok;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

bool waitLoaded(Ui::MessageListModel &model)
{
    return QTest::qWaitFor([&] { return !model.isLoading(); }, 600000);
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
        QStringLiteral("messages in the store"), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption repsOption(
        QStringLiteral("reps"), QStringLiteral("runs per figure"), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption storeOption(QStringLiteral("store"),
        QStringLiteral("reuse (or fill once) this store folder"), QStringLiteral("DIR"));
    parser.addOptions({messagesOption, repsOption, storeOption});
    parser.addHelpOption();
    parser.process(app);
    const int count = parser.value(messagesOption).toInt();
    const int reps = std::max(1, parser.value(repsOption).toInt());

    QTemporaryDir temp;
    const QString root
        = parser.isSet(storeOption) ? parser.value(storeOption) : temp.filePath(QStringLiteral("store"));
    Store::MessageStore store;
    if (!store.open(root)) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(root), qPrintable(store.errorString()));
        return 2;
    }
    if (store.count() < count) {
        QElapsedTimer filling;
        filling.start();
        if (!fill(store, int(count - store.count()))) {
            std::fprintf(stderr, "filling the store failed\n");
            return 2;
        }
        std::printf("filled %lld messages in %.1f s\n", store.count(), filling.elapsed() / 1000.0);
    }
    const qint64 baseline = residentKiB();
    std::printf("store: %lld messages; RSS before the model %lld KiB\n", store.count(), baseline);

    std::vector<double> load, sortSubject, filter, scroll, removal, shown, scrolledView;
    qint64 peak = 0;
    for (int rep = 0; rep < reps; ++rep) {
        QElapsedTimer timer;
        timer.start();
        Ui::MessageListModel model(&store);
        if (!waitLoaded(model))
            return 2;
        load.push_back(timer.nsecsElapsed() / 1e6);
        const int rows = model.rowCount();

        timer.restart();
        model.sort(Ui::MessageListModel::Subject, Qt::AscendingOrder);
        if (!waitLoaded(model))
            return 2;
        sortSubject.push_back(timer.nsecsElapsed() / 1e6);

        timer.restart();
        model.setFilter(QStringLiteral("message 4242"));
        if (!waitLoaded(model))
            return 2;
        filter.push_back(timer.nsecsElapsed() / 1e6);
        const int matched = model.rowCount();
        model.setFilter(QString());
        model.sort(Ui::MessageListModel::Received, Qt::DescendingOrder);
        if (!waitLoaded(model))
            return 2;

        // What a view asks for when the user drags the scroll bar to the end: the last screenful.
        timer.restart();
        for (int row = std::max(0, model.rowCount() - 40); row < model.rowCount(); ++row) {
            for (int column = 0; column < Ui::MessageListModel::ColumnCount; ++column)
                model.data(model.index(row, column));
        }
        scroll.push_back(timer.nsecsElapsed() / 1e6);

        // The real view: shown with every row, then scrolled to the end and painted.
        {
            timer.restart();
            Ui::MessageListView view;
            view.setMessageModel(&model);
            view.resize(1200, 700);
            view.show();
            QApplication::processEvents();
            view.viewport()->grab();
            shown.push_back(timer.nsecsElapsed() / 1e6);
            timer.restart();
            view.scrollToBottom();
            view.viewport()->grab();
            scrolledView.push_back(timer.nsecsElapsed() / 1e6);
        }

        const qint64 victim = model.idAt(model.rowCount() / 2);
        timer.restart();
        store.remove({victim});
        if (!QTest::qWaitFor([&] { return model.rowCount() == rows - 1; }, 60000))
            std::fprintf(stderr, "the deleted row did not go\n");
        removal.push_back(timer.nsecsElapsed() / 1e6);
        peak = std::max(peak, residentKiB());
        if (rep == 0)
            std::printf("rows %d, filter \"message 4242\" matched %d\n", rows, matched);
    }
    std::printf("first load            median %8.1f ms\n", median(load));
    std::printf("sort by subject       median %8.1f ms\n", median(sortSubject));
    std::printf("filter (index)        median %8.1f ms\n", median(filter));
    std::printf("last screenful (40)   median %8.1f ms\n", median(scroll));
    std::printf("delete one, row gone  median %8.1f ms\n", median(removal));
    std::printf("view shown + painted  median %8.1f ms\n", median(shown));
    std::printf("view to end + painted median %8.1f ms\n", median(scrolledView));
    std::printf("RSS peak %lld KiB (+%lld KiB over the store alone)\n", peak, peak - baseline);
    store.close();
    return 0;
}
