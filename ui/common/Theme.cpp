#include "common/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace MailSink::Ui {

namespace {

struct Original
{
    QString style;
    QPalette palette;
};

Original &original()
{
    static Original saved = [] {
        Original o;
        o.style = QApplication::style() ? QApplication::style()->name() : QString();
        o.palette = QApplication::palette();
        return o;
    }();
    return saved;
}

QString &current()
{
    static QString name = QStringLiteral("system");
    return name;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabled(0x80, 0x86, 0x8b);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Mid, QColor(0x3c, 0x40, 0x43));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

void applyTheme(const QString &name)
{
    const Original &o = original(); // taken before the first change
    const QString wanted
        = name == QLatin1String("light") || name == QLatin1String("dark") ? name : QStringLiteral("system");
    if (wanted == current())
        return;
    current() = wanted;
    if (wanted == QLatin1String("system")) {
        if (!o.style.isEmpty())
            QApplication::setStyle(QStyleFactory::create(o.style));
        QApplication::setPalette(o.palette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(
        wanted == QLatin1String("dark") ? darkPalette() : QApplication::style()->standardPalette());
}

QString currentTheme()
{
    return current();
}

} // namespace MailSink::Ui
