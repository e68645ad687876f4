#pragma once

#include <QObject>

// Turns SIGINT/SIGTERM into a Qt signal on the main thread (self-pipe on Unix, console handler elsewhere).
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);
};
