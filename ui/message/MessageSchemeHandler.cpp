#include "message/MessageSchemeHandler.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QWebEngineUrlRequestJob>

namespace MailSink::Ui {

MessageSchemeHandler::MessageSchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{ }

QString MessageSchemeHandler::addDocument(const Mime::ParsedMessage &message)
{
    const QString key = QStringLiteral("m%1").arg(++m_next);
    m_documents.insert(key, Document {message, 0, 0});
    return key;
}

void MessageSchemeHandler::removeDocument(const QString &document)
{
    m_documents.remove(document);
}

QUrl MessageSchemeHandler::documentUrl(const QString &document, bool dark)
{
    return QUrl(QLatin1String(DocumentScheme) + QStringLiteral("://") + document
        + (dark ? QStringLiteral("/dark") : QStringLiteral("/")));
}

int MessageSchemeHandler::servedParts(const QString &document) const
{
    return m_documents.value(document).served;
}

int MessageSchemeHandler::missingParts(const QString &document) const
{
    return m_documents.value(document).missing;
}

void MessageSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    if (job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QString scheme = job->requestUrl().scheme();
    if (scheme == QLatin1String(DocumentScheme))
        serveDocument(job);
    else if (scheme == QLatin1String(ContentIdScheme))
        servePart(job);
    else
        job->fail(QWebEngineUrlRequestJob::UrlInvalid);
}

void MessageSchemeHandler::serveDocument(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    const auto it = m_documents.constFind(url.host());
    const QString path = url.path();
    if (it == m_documents.constEnd() || (path != QLatin1String("/") && path != QLatin1String("/dark"))) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound); // e.g. /favicon.ico, relative links
        return;
    }
    const std::optional<QString> html = it->message.html();
    QString page = html ? *html : plainTextHtml(it->message.text().value_or(QString()));
    if (path == QLatin1String("/dark"))
        page = darkPreviewHtml(page);
    // The body is decoded to Unicode already; a byte order mark makes UTF-8 win over whatever charset a
    // <meta> in the HTML still declares (HTML's encoding sniffing puts the BOM first).
    auto *buffer = new QBuffer(job);
    buffer->setData(QByteArray("\xEF\xBB\xBF") + page.toUtf8());
    buffer->open(QIODevice::ReadOnly);
    job->reply("text/html;charset=utf-8", buffer);
}

void MessageSchemeHandler::servePart(QWebEngineUrlRequestJob *job)
{
    const auto it = m_documents.find(job->initiator().host());
    if (it == m_documents.end() || job->initiator().scheme() != QLatin1String(DocumentScheme)) {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    // cid:<addr-spec>, percent-encoded where needed (RFC 2392 section 2).
    const QString cid = QUrl::fromPercentEncoding(job->requestUrl().path(QUrl::FullyEncoded).toUtf8());
    const std::optional<Mime::Part> part = it->message.partByContentId(cid);
    if (!part) {
        ++it->missing;
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    ++it->served;
    auto *buffer = new QBuffer(job);
    buffer->setData(it->message.partContent(part->path));
    buffer->open(QIODevice::ReadOnly);
    QByteArray type = part->contentType.toLatin1();
    if (!part->charset.isEmpty() && type.startsWith("text/"))
        type += ";charset=" + part->charset.toLatin1();
    job->reply(type.isEmpty() ? QByteArray("application/octet-stream") : type, buffer);
}

QString MessageSchemeHandler::darkPreviewHtml(const QString &html)
{
    static const QRegularExpression dark(QStringLiteral(R"(\(\s*prefers-color-scheme\s*:\s*dark\s*\))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression light(QStringLiteral(R"(\(\s*prefers-color-scheme\s*:\s*light\s*\))"),
        QRegularExpression::CaseInsensitiveOption);
    QString result = html;
    result.replace(dark, QStringLiteral("(min-width: 0px)")); // always true
    result.replace(light, QStringLiteral("(max-width: 0px) and (min-width: 1px)")); // never true
    // The first color-scheme meta wins, so ours goes first in <head> (else where <head> would start).
    static const QRegularExpression anchors[] = {
        QRegularExpression(QStringLiteral(R"(<head\b[^>]*>)"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"(<html\b[^>]*>)"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"(<!doctype[^>]*>)"), QRegularExpression::CaseInsensitiveOption),
    };
    qsizetype at = 0;
    for (const QRegularExpression &anchor : anchors) {
        if (const QRegularExpressionMatch match = anchor.match(result); match.hasMatch()) {
            at = match.capturedEnd();
            break;
        }
    }
    result.insert(at, QStringLiteral("<meta name=\"color-scheme\" content=\"dark\">"));
    return result;
}

QString MessageSchemeHandler::plainTextHtml(const QString &text)
{
    // A plain-text message as a reader shows it: wrapped, monospace, with its links clickable.
    static const QRegularExpression link(QStringLiteral(R"((https?://[^\s<>"]+))"));
    QString escaped = text.toHtmlEscaped();
    escaped.replace(link, QStringLiteral("<a href=\"\\1\">\\1</a>"));
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                          "<pre style=\"white-space: pre-wrap; font-family: monospace;\">")
        + escaped + QStringLiteral("</pre></body></html>");
}

} // namespace MailSink::Ui
