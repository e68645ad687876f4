#include "SignalWatcher.h"

#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {
#ifdef Q_OS_UNIX
int s_pipe[2] = {-1, -1};
void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] auto n = ::write(s_pipe[0], &byte, 1);
}
#else
std::atomic<int> s_signal {0};
void onSignal(int signal)
{
    s_signal = signal;
}
#endif
} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_pipe) == 0) {
        auto *notifier = new QSocketNotifier(s_pipe[1], QSocketNotifier::Read, this);
        connect(notifier, &QSocketNotifier::activated, this, [this] {
            char byte = 0;
            if (::read(s_pipe[1], &byte, 1) == 1)
                Q_EMIT terminationRequested(int(byte));
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    }
#else
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        if (const int signal = s_signal.exchange(0))
            Q_EMIT terminationRequested(signal);
    });
    poll->start(100);
#endif
}

SignalWatcher::~SignalWatcher()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}
