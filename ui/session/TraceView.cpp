#include "session/TraceView.h"

#include "common/Formatting.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

namespace MailSink::Ui {

namespace {

QColor colour(TraceEntry::Kind kind)
{
    switch (kind) {
    case TraceEntry::Kind::Client:
        return QColor(0x1a, 0x5f, 0xb4);
    case TraceEntry::Kind::Server:
        return QColor(0x1e, 0x7b, 0x34);
    case TraceEntry::Kind::Event:
        return QColor(0x9a, 0x57, 0x00);
    }
    return {};
}

} // namespace

TraceView::TraceView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMaximumBlockCount(200000);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

QString TraceView::arrow(TraceEntry::Kind kind)
{
    switch (kind) {
    case TraceEntry::Kind::Client:
        return QStringLiteral("→");
    case TraceEntry::Kind::Server:
        return QStringLiteral("←");
    case TraceEntry::Kind::Event:
        return QStringLiteral("•");
    }
    return {};
}

void TraceView::append(const Trace &entries)
{
    if (entries.isEmpty())
        return;
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;

    QTextCharFormat timeFormat;
    timeFormat.setForeground(QColor(0x80, 0x86, 0x8b));
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    for (const TraceEntry &entry : entries) {
        if (m_count > 0 || !document()->firstBlock().text().isEmpty())
            cursor.insertBlock();
        cursor.insertText(Formatting::traceTime(entry.timeMs) + u' ', timeFormat);
        QTextCharFormat format;
        format.setForeground(colour(entry.kind));
        if (entry.kind == TraceEntry::Kind::Event)
            format.setFontItalic(true);
        // The wire may carry any bytes; show them as Latin-1 when they are not UTF-8.
        QString text = QString::fromUtf8(entry.text);
        if (text.contains(QChar::ReplacementCharacter))
            text = QString::fromLatin1(entry.text);
        cursor.insertText(arrow(entry.kind) + u' ' + text, format);
        ++m_count;
    }
    cursor.endEditBlock();
    if (atEnd)
        bar->setValue(bar->maximum());
}

void TraceView::setTrace(const Trace &entries)
{
    clear();
    m_count = 0;
    append(entries);
}

} // namespace MailSink::Ui
