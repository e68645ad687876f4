#pragma once

#include "smtp/ServerConfig.h"
#include "util/TraceEntry.h"

#include <QWidget>

#include <functional>

class QLabel;

namespace MailSink::Ui {

class TraceView;

// The live conversation of one SMTP connection. Closing it while the connection is open asks first,
// then emits closeSessionRequested so the server ends that session with a 421.
class SessionWindow : public QWidget
{
    Q_OBJECT

public:
    explicit SessionWindow(const Smtp::SessionInfo &info, QWidget *parent = nullptr);

    quint64 sessionId() const { return m_info.id; }
    bool isLive() const { return m_live; }
    QString title() const;
    TraceView *traceView() const { return m_trace; }
    QString statusText() const;

    void appendTrace(const Trace &entries);
    void setTransferred(qint64 bytes);
    void setEnded();

    // Test seam: decides whether to end a live connection; by default a question box.
    using Confirm = std::function<bool(QWidget *parent)>;
    static void setConfirmHook(Confirm confirm);

Q_SIGNALS:
    void closeSessionRequested(quint64 sessionId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateStatus();

    Smtp::SessionInfo m_info;
    bool m_live = true;
    qint64 m_bytes = -1;
    int m_messages = 0;
    QString m_tls;
    QString m_auth;
    QLabel *m_status;
    TraceView *m_trace;
};

} // namespace MailSink::Ui
