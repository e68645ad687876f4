#pragma once

#include "util/TraceEntry.h"

#include <QPlainTextEdit>

namespace MailSink::Ui {

// A read-only, monospaced protocol conversation: "14:03:22.041 → EHLO client" in colour, client lines
// (→, towards the server), server replies (←) and events (•, e.g. TLS and AUTH) told apart.
class TraceView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit TraceView(QWidget *parent = nullptr);

    void append(const Trace &entries);
    void setTrace(const Trace &entries);
    int entryCount() const { return m_count; }

    static QString arrow(TraceEntry::Kind kind);

private:
    int m_count = 0;
};

} // namespace MailSink::Ui
