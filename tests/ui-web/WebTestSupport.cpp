#include "WebTestSupport.h"

#include "message/WebMessageView.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTest>
#include <QWebEnginePage>

#include <memory>
#include <optional>

namespace MailSink::Test {

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

QByteArray htmlMessage(const QByteArray &html, const QByteArray &subject)
{
    return "From: a@example.com\r\nTo: b@example.com\r\nSubject: " + subject
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
          "Content-Transfer-Encoding: 8bit\r\n\r\n"
        + html + "\r\n";
}

Mime::ParsedMessage parsedHtml(const QByteArray &html)
{
    return Mime::parseMessage(htmlMessage(html));
}

QImage grabView(Ui::WebMessageView *view)
{
    return view->grab().toImage();
}

bool near(QColor a, QColor b, int tolerance)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
        && qAbs(a.blue() - b.blue()) <= tolerance;
}

QString pageText(Ui::WebMessageView *view)
{
    // Shared, so a late answer after a timeout writes into something that still exists.
    auto result = std::make_shared<std::optional<QString>>();
    view->page()->toPlainText([result](const QString &text) { *result = text; });
    waitFor([&] { return result->has_value(); }, 5000);
    return result->value_or(QString());
}

void keepScreenshot(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("MAILSINK_TEST_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    image.save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace MailSink::Test
