// IMAP benchmark: fills a store with N messages (straight through MessageStore, as SMTP would leave them),
// serves it with an ImapServer on loopback and times, from a plain socket client:
//   SELECT INBOX, FETCH 1:E (UID FLAGS ENVELOPE) over the first E messages, and a few SEARCHes over all N.
// usage: mailsink_bench_imap [--messages N] [--envelopes E] [--store DIR]   (defaults 100000, 10000)
#include "imap/ImapServer.h"
#include "store/MessageStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>

using namespace MailSink;

namespace {

QByteArray message(int i)
{
    const char *const names[] = {"Ann", "Bob", "Carol", "Dave", "Eve", "Frank", "Grace", "Heidi"};
    const QByteArray from = names[i % 8];
    return "From: " + from + " <" + from.toLower() + "@example.com>\r\nTo: dev" + QByteArray::number(i % 50)
        + "@example.com\r\nSubject: Order " + QByteArray::number(i) + " confirmed\r\nDate: Tue, 5 Mar 2024 "
        + QByteArray::number(10 + i % 10) + ":00:00 +0000\r\nMessage-ID: <" + QByteArray::number(i)
        + "@bench.example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + "Thank you for order " + QByteArray::number(i) + ".\r\n" + QByteArray(400, 'x') + "\r\n";
}

bool fill(Store::MessageStore &store, int count)
{
    std::mutex mutex;
    std::condition_variable done;
    int pending = 0;
    std::atomic<int> failed {0};
    for (int i = 0; i < count; ++i) {
        auto writer = store.beginMessage();
        writer->write(message(i));
        Store::Envelope envelope;
        envelope.mailFrom = "shop@example.com";
        envelope.recipients = {"dev" + QByteArray::number(i % 50) + "@example.com"};
        {
            std::unique_lock lock(mutex);
            done.wait(lock, [&] { return pending < 2000; });
            ++pending;
        }
        store.commitAsync(std::move(writer), envelope, {}, [&](const Store::CommitResult &result) {
            if (!result.ok)
                ++failed;
            std::lock_guard lock(mutex);
            --pending;
            done.notify_all();
        });
    }
    std::unique_lock lock(mutex);
    done.wait(lock, [&] { return pending == 0; });
    return failed == 0;
}

// Sends one command and reads until its tagged reply; returns the bytes received.
QByteArray command(QTcpSocket &socket, const QByteArray &tag, const QByteArray &text, double *ms)
{
    QElapsedTimer timer;
    timer.start();
    socket.write(tag + ' ' + text + "\r\n");
    QByteArray got;
    const QByteArray done = "\r\n" + tag + ' ';
    const QByteArray first = tag + ' ';
    qsizetype from = 0; // the tagged line can only start in what arrived last
    while (!got.startsWith(first) && got.indexOf(done, from) < 0) {
        if (!socket.waitForReadyRead(600000)) {
            std::fprintf(stderr, "no tagged reply to %s %s\n", tag.constData(), text.constData());
            break;
        }
        from = std::max<qsizetype>(0, got.size() - done.size());
        got += socket.readAll();
    }
    *ms = timer.nsecsElapsed() / 1e6;
    return got;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured
    int messages = 100000;
    int envelopes = 10000;
    QString root;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--messages"))
            messages = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--envelopes"))
            envelopes = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--store"))
            root = args.at(i + 1);
    }
    QTemporaryDir dir;
    if (root.isEmpty())
        root = dir.path();
    Store::MessageStore store;
    if (!store.open(root)) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(store.errorString()));
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    const qint64 have = store.count();
    if (have < messages && !fill(store, int(messages - have))) {
        std::fprintf(stderr, "cannot fill the store\n");
        return 2;
    }
    std::printf("store: %lld messages (%.1f s to add %lld)\n", store.count(), timer.elapsed() / 1000.0,
        std::max<qint64>(0, messages - have));

    QThread thread;
    thread.start();
    QObject context;
    context.moveToThread(&thread);
    Imap::ImapServer *server = nullptr;
    QMetaObject::invokeMethod(
        &context,
        [&] {
            server = new Imap::ImapServer(&store, {});
            server->listen({QHostAddress(QHostAddress::LocalHost), 0});
        },
        Qt::BlockingQueuedConnection);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server->address().port);
    if (!socket.waitForConnected(5000) || !socket.waitForReadyRead(5000))
        return 2;
    socket.readAll();
    double ms = 0;
    command(socket, "a1", "LOGIN all x", &ms);
    QByteArray got = command(socket, "a2", "SELECT INBOX", &ms);
    std::printf("SELECT INBOX (%lld messages): %.0f ms\n", store.count(), ms);
    got = command(socket, "a3", "FETCH 1:" + QByteArray::number(envelopes) + " (UID FLAGS ENVELOPE)", &ms);
    std::printf("FETCH 1:%d (UID FLAGS ENVELOPE): %.0f ms, %.0f envelopes/s, %lld bytes\n", envelopes, ms,
        envelopes / (ms / 1000), qint64(got.size()));
    got = command(socket, "a3b", "FETCH 1:" + QByteArray::number(envelopes) + " (UID FLAGS ENVELOPE)", &ms);
    std::printf("  again (files in the page cache): %.0f ms\n", ms);
    const QList<QByteArray> searches = {"SEARCH UNSEEN", "SEARCH SINCE 1-Jan-2024 UNDELETED",
        "SEARCH FROM grace", "SEARCH SUBJECT \"Order 99999\"", "SEARCH BODY \"order 12345.\""};
    int n = 0;
    for (const QByteArray &search : searches) {
        got = command(socket, "s" + QByteArray::number(++n), search, &ms);
        const qsizetype line = got.indexOf("* SEARCH");
        const qsizetype end = got.indexOf("\r\n", line);
        const qsizetype hits = line < 0 ? 0 : got.mid(line, end - line).count(' ') - 1;
        std::printf("%s over %lld messages: %.0f ms (%lld hits)\n", search.constData(), store.count(), ms,
            hits);
    }
    socket.write("z LOGOUT\r\n");
    socket.waitForBytesWritten(5000);
    socket.disconnectFromHost();
    QMetaObject::invokeMethod(
        &context, [&] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return 0;
}
