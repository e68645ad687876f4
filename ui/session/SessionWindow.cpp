#include "session/SessionWindow.h"

#include "common/Formatting.h"
#include "common/Icons.h"
#include "session/TraceView.h"

#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QVBoxLayout>

namespace MailSink::Ui {

namespace {

SessionWindow::Confirm &confirmHook()
{
    static SessionWindow::Confirm hook;
    return hook;
}

} // namespace

SessionWindow::SessionWindow(const Smtp::SessionInfo &info, QWidget *parent)
    : QWidget(parent)
    , m_info(info)
    , m_status(new QLabel(this))
    , m_trace(new TraceView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    m_status->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addWidget(m_trace, 1);
    setWindowTitle(title());
    setWindowIcon(Icons::session(true));
    updateStatus();
}

QString SessionWindow::title() const
{
    return tr("Session %1 — %2:%3").arg(m_info.id).arg(m_info.clientAddress).arg(m_info.clientPort);
}

QString SessionWindow::statusText() const
{
    return m_status->text();
}

void SessionWindow::setConfirmHook(Confirm confirm)
{
    confirmHook() = std::move(confirm);
}

void SessionWindow::appendTrace(const Trace &entries)
{
    for (const TraceEntry &entry : entries) {
        if (entry.kind != TraceEntry::Kind::Event)
            continue;
        if (entry.text.startsWith("TLS established: "))
            m_tls = QString::fromUtf8(entry.text.mid(17));
        else if (entry.text.startsWith("AUTH ") && entry.text.contains(" succeeded for user "))
            m_auth = QString::fromUtf8(entry.text.mid(entry.text.indexOf(" user ") + 6));
        else if (entry.text.startsWith("message data: ")) {
            ++m_messages;
            m_bytes = -1;
        }
    }
    m_trace->append(entries);
    updateStatus();
}

void SessionWindow::setTransferred(qint64 bytes)
{
    m_bytes = bytes;
    updateStatus();
}

void SessionWindow::setEnded()
{
    if (!m_live)
        return;
    m_live = false;
    m_bytes = -1;
    setWindowIcon(Icons::session(false));
    updateStatus();
}

void SessionWindow::updateStatus()
{
    QStringList parts;
    parts.append(m_live ? tr("<b style=\"color:#1e7b34\">● Connected</b>")
                        : tr("<b style=\"color:#6b7280\">○ Ended</b>"));
    parts.append(tr("client %1:%2").arg(m_info.clientAddress.toHtmlEscaped()).arg(m_info.clientPort));
    parts.append(tr("since %1").arg(Formatting::fullTime(m_info.started)));
    if (m_info.implicitTls)
        parts.append(tr("SMTPS"));
    if (!m_tls.isEmpty())
        parts.append(tr("TLS %1").arg(m_tls.toHtmlEscaped()));
    if (!m_auth.isEmpty())
        parts.append(tr("AUTH as %1").arg(m_auth.toHtmlEscaped()));
    parts.append(tr("messages: %1").arg(m_messages));
    if (m_bytes >= 0)
        parts.append(tr("<b>receiving message: %1</b>").arg(Formatting::size(m_bytes)));
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

void SessionWindow::closeEvent(QCloseEvent *event)
{
    if (!m_live) {
        event->accept();
        return;
    }
    bool end = false;
    if (confirmHook()) {
        end = confirmHook()(this);
    } else {
        end = QMessageBox::question(this, tr("End connection?"),
                  tr("The client %1 is still connected. Close this window and end the "
                     "connection? The server replies \"421\" and hangs up; a message in "
                     "transfer is not stored.")
                      .arg(m_info.clientAddress),
                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    }
    if (!end) {
        event->ignore();
        return;
    }
    Q_EMIT closeSessionRequested(m_info.id);
    event->accept();
}

} // namespace MailSink::Ui
