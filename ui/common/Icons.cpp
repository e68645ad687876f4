#include "common/Icons.h"

#include <QApplication>
#include <QMimeDatabase>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QStyle>

#include <functional>

namespace MailSink::Ui::Icons {

namespace {

QIcon painted(const std::function<void(QPainter &)> &draw)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        draw(painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon themed(const char *name, QStyle::StandardPixmap fallback)
{
    const QString themeName = QLatin1String(name);
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    return QApplication::style()->standardIcon(fallback);
}

QIcon envelope(bool open)
{
    return painted([open](QPainter &p) {
        const QColor ink = open ? QColor(0x8a, 0x93, 0x9e) : QColor(0x1f, 0x6f, 0xd0);
        p.setPen(QPen(ink, 1.2));
        p.setBrush(open ? QColor(0xf2, 0xf4, 0xf7) : QColor(0xdc, 0xea, 0xfb));
        if (open) {
            p.drawRect(QRectF(2, 6, 12, 8));
            p.drawPolyline(QPolygonF({QPointF(2, 6), QPointF(8, 2), QPointF(14, 6)}));
            p.drawPolyline(QPolygonF({QPointF(2, 6.5), QPointF(8, 10.5), QPointF(14, 6.5)}));
        } else {
            p.drawRect(QRectF(1.5, 3.5, 13, 9));
            p.drawPolyline(QPolygonF({QPointF(1.5, 3.8), QPointF(8, 9), QPointF(14.5, 3.8)}));
        }
    });
}

} // namespace

QIcon attachment()
{
    static const QIcon icon = painted([](QPainter &p) {
        p.setPen(QPen(QColor(0x55, 0x5f, 0x6b), 1.4, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        QPainterPath clip;
        clip.moveTo(10.5, 5);
        clip.lineTo(10.5, 11.5);
        clip.arcTo(QRectF(5.5, 9, 5, 5), 0, -180);
        clip.lineTo(5.5, 4);
        clip.arcTo(QRectF(5.5, 1.5, 7, 5), 180, -180);
        clip.lineTo(12.5, 11);
        p.drawPath(clip);
        QPainterPath inner;
        inner.moveTo(8, 4.5);
        inner.lineTo(8, 11.5);
        p.drawPath(inner);
    });
    return icon;
}

QIcon messageUnread()
{
    static const QIcon icon = envelope(false);
    return icon;
}

QIcon messageRead()
{
    static const QIcon icon = envelope(true);
    return icon;
}

QIcon listening(bool on)
{
    static const QIcon onIcon = painted([](QPainter &p) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x2e, 0xa0, 0x43));
        p.drawEllipse(QRectF(3, 3, 10, 10));
    });
    static const QIcon offIcon = painted([](QPainter &p) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.drawEllipse(QRectF(3, 3, 10, 10));
    });
    return on ? onIcon : offIcon;
}

QIcon startListening()
{
    static const QIcon icon = painted([](QPainter &p) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x2e, 0xa0, 0x43));
        p.drawPolygon(QPolygonF({QPointF(4, 2.5), QPointF(13.5, 8), QPointF(4, 13.5)}));
    });
    return icon;
}

QIcon stopListening()
{
    static const QIcon icon = painted([](QPainter &p) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.drawRoundedRect(QRectF(3, 3, 10, 10), 1.5, 1.5);
    });
    return icon;
}

QIcon openFile()
{
    return themed("document-open", QStyle::SP_DialogOpenButton);
}

QIcon save()
{
    return themed("document-save", QStyle::SP_DialogSaveButton);
}

QIcon exportMessage()
{
    return themed("document-save-as", QStyle::SP_DialogSaveButton);
}

QIcon remove()
{
    return themed("edit-delete", QStyle::SP_TrashIcon);
}

QIcon removeAll()
{
    return themed("edit-clear-all", QStyle::SP_DialogResetButton);
}

QIcon markRead()
{
    return messageRead();
}

QIcon markUnread()
{
    return messageUnread();
}

QIcon session(bool live)
{
    static const QIcon liveIcon = painted([](QPainter &p) {
        p.setPen(QPen(QColor(0x2e, 0xa0, 0x43), 1.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(2, 5), QPointF(13, 5));
        p.drawLine(QPointF(10, 2.5), QPointF(13, 5));
        p.setPen(QPen(QColor(0x1f, 0x6f, 0xd0), 1.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(14, 11), QPointF(3, 11));
        p.drawLine(QPointF(6, 13.5), QPointF(3, 11));
    });
    static const QIcon endedIcon = painted([](QPainter &p) {
        p.setPen(QPen(QColor(0x9a, 0xa0, 0xa6), 1.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(2, 5), QPointF(13, 5));
        p.drawLine(QPointF(10, 2.5), QPointF(13, 5));
        p.drawLine(QPointF(14, 11), QPointF(3, 11));
        p.drawLine(QPointF(6, 13.5), QPointF(3, 11));
    });
    return live ? liveIcon : endedIcon;
}

QIcon tabs()
{
    static const QIcon icon = painted([](QPainter &p) {
        p.setPen(QPen(QColor(0x55, 0x5f, 0x6b), 1.2));
        p.setBrush(QColor(0xe8, 0xeb, 0xef));
        p.drawRect(QRectF(1.5, 5.5, 13, 8.5));
        p.setBrush(QColor(0xc9, 0xd3, 0xde));
        p.drawRect(QRectF(1.5, 2.5, 5, 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(6.5, 2.5, 5, 3));
    });
    return icon;
}

QIcon importMessage()
{
    return themed("document-import", QStyle::SP_ArrowDown);
}

QIcon forMimeType(const QString &contentType)
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(contentType);
    if (type.isValid()) {
        if (QIcon::hasThemeIcon(type.iconName()))
            return QIcon::fromTheme(type.iconName());
        if (QIcon::hasThemeIcon(type.genericIconName()))
            return QIcon::fromTheme(type.genericIconName());
    }
    return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
}

QIcon checkSeverity(Lint::Severity severity)
{
    auto mark = [](Lint::Severity kind) {
        return painted([kind](QPainter &p) {
            p.setPen(Qt::NoPen);
            if (kind == Lint::Severity::Warning) {
                p.setBrush(QColor(0xe0, 0x9b, 0x12));
                p.drawPolygon(QPolygonF({QPointF(8, 1.2), QPointF(15.2, 14.2), QPointF(0.8, 14.2)}));
            } else {
                p.setBrush(
                    kind == Lint::Severity::Error ? QColor(0xd1, 0x2f, 0x2f) : QColor(0x2f, 0x6f, 0xd1));
                p.drawEllipse(QRectF(1, 1, 14, 14));
            }
            p.setBrush(Qt::white);
            if (kind == Lint::Severity::Info) { // "i"
                p.drawEllipse(QRectF(7, 3.5, 2, 2));
                p.drawRect(QRectF(7, 6.8, 2, 5.8));
            } else { // "!"
                const qreal top = kind == Lint::Severity::Warning ? 5 : 3.5;
                p.drawRect(QRectF(7, top, 2, 5.5));
                p.drawEllipse(QRectF(7, top + 6.6, 2, 2));
            }
        });
    };
    static const QIcon error = mark(Lint::Severity::Error);
    static const QIcon warning = mark(Lint::Severity::Warning);
    static const QIcon info = mark(Lint::Severity::Info);
    switch (severity) {
    case Lint::Severity::Error:
        return error;
    case Lint::Severity::Warning:
        return warning;
    case Lint::Severity::Info:
        break;
    }
    return info;
}

} // namespace MailSink::Ui::Icons
