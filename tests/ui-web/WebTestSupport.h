#pragma once

#include "mime/ParsedMessage.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QString>

#include <functional>

namespace MailSink::Ui {
class WebMessageView;
}

namespace MailSink::Test {

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 15000);
// A one-part text/html message (UTF-8) with the given body.
QByteArray htmlMessage(const QByteArray &html, const QByteArray &subject = "web test");
Mime::ParsedMessage parsedHtml(const QByteArray &html);
// What the view shows now (the engine composites after loading, so callers wait for what they expect).
QImage grabView(Ui::WebMessageView *view);
bool near(QColor a, QColor b, int tolerance = 24);
// The page's text as the renderer has it (works with scripts off).
QString pageText(Ui::WebMessageView *view);
// Saves `image` into $MAILSINK_TEST_SCREENSHOTS, if set, for a person to look at.
void keepScreenshot(const QImage &image, const QString &name);

} // namespace MailSink::Test
