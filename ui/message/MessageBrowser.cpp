#include "message/MessageBrowser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>

namespace MailSink::Ui {

namespace {

constexpr qint64 RemoteImageLimit = 10 * 1024 * 1024;
constexpr qsizetype LargeHtml = 2 * 1024 * 1024; // laying this out takes seconds on the GUI thread
const QUrl RenderLargeUrl(QStringLiteral("mailsink:render-large"));

bool isRemote(const QUrl &url)
{
    return url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
}

QVariant imageFrom(const QByteArray &bytes)
{
    QImage image;
    if (image.loadFromData(bytes))
        return image;
    return {};
}

} // namespace

MessageBrowser::MessageBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url == RenderLargeUrl) {
            m_renderLarge = true;
            render();
            return;
        }
        if (url.scheme().isEmpty() && url.hasFragment()) {
            scrollToAnchor(url.fragment());
            return;
        }
        Q_EMIT linkActivated(url);
    });
}

void MessageBrowser::setMessage(const Mime::ParsedMessage &message)
{
    m_message = message;
    m_remoteAllowed = false;
    m_renderLarge = false;
    m_remote.clear();
    render();
}

void MessageBrowser::setRemoteContentAllowed(bool allowed)
{
    if (allowed == m_remoteAllowed)
        return;
    m_remoteAllowed = allowed;
    if (allowed)
        fetchRemote();
    else
        render();
}

void MessageBrowser::render()
{
    m_blocked.clear();
    m_resolved.clear();
    if (const auto html = m_message.html(); html && html->size() > LargeHtml && !m_renderLarge) {
        setHtml(QStringLiteral("<p>%1</p><p><a href=\"%2\">%3</a></p>")
                    .arg(tr("This HTML body is very large (%1 characters); rendering it may take a while.")
                             .arg(html->size())
                             .toHtmlEscaped(),
                        RenderLargeUrl.toString(), tr("Render it anyway").toHtmlEscaped()));
    } else if (html) {
        setHtml(*html);
    } else {
        // A plain-text message: show it as a reader would, with links clickable.
        QString text = m_message.text().value_or(QString()).toHtmlEscaped();
        static const QRegularExpression link(QStringLiteral(R"((https?://[^\s<>"]+))"));
        text.replace(link, QStringLiteral("<a href=\"\\1\">\\1</a>"));
        setHtml(QStringLiteral("<pre style=\"white-space: pre-wrap; font-family: monospace;\">") + text
            + QStringLiteral("</pre>"));
    }
    // Resolve every image now rather than at first paint, so what was blocked is known at once.
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                document()->resource(QTextDocument::ImageResource, QUrl(format.toImageFormat().name()));
        }
    }
    Q_EMIT remoteContentBlocked(m_remoteAllowed ? 0 : int(m_blocked.size()));
}

QVariant MessageBrowser::loadResource(int type, const QUrl &name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("cid")) {
        const QString cid = QUrl::fromPercentEncoding(name.toString(QUrl::RemoveScheme).toUtf8());
        if (const auto part = m_message.partByContentId(cid)) {
            const QByteArray content = m_message.partContent(part->path);
            if (type == QTextDocument::ImageResource) {
                const QVariant image = imageFrom(content);
                if (image.isValid())
                    m_resolved.insert(cid);
                return image;
            }
            return content;
        }
        return {};
    }
    if (scheme == QLatin1String("data")) {
        // data:[<mediatype>][;base64],<data> (RFC 2397)
        const QString spec = name.toString(QUrl::RemoveScheme | QUrl::FullyEncoded);
        const qsizetype comma = spec.indexOf(u',');
        if (comma < 0)
            return {};
        const QByteArray payload = spec.mid(comma + 1).toLatin1();
        const bool base64 = spec.left(comma).endsWith(QLatin1String(";base64"));
        const QByteArray bytes = base64 ? QByteArray::fromBase64(QByteArray::fromPercentEncoding(payload))
                                        : QByteArray::fromPercentEncoding(payload);
        return type == QTextDocument::ImageResource ? imageFrom(bytes) : QVariant(bytes);
    }
    if (isRemote(name) && type == QTextDocument::ImageResource) {
        if (m_remoteAllowed) {
            const auto it = m_remote.constFind(name);
            if (it != m_remote.constEnd())
                return *it;
        }
        m_blocked.insert(name);
        return {};
    }
    if (isRemote(name))
        m_blocked.insert(name); // remote style sheets: never fetched
    // file:, relative names and anything else: a message must not read the user's disk.
    return {};
}

void MessageBrowser::fetchRemote()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    const QList<QUrl> urls = m_blocked.values();
    for (const QUrl &url : urls) {
        if (m_remote.contains(url))
            continue;
        QNetworkRequest request(url);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(15000);
        QNetworkReply *reply = m_network->get(request);
        ++m_pending;
        connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
            if (received > RemoteImageLimit)
                reply->abort();
        });
        connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
            reply->deleteLater();
            QImage image;
            if (reply->error() == QNetworkReply::NoError)
                image.loadFromData(reply->readAll());
            m_remote.insert(url, image);
            if (--m_pending == 0 && m_remoteAllowed) {
                const int position = verticalScrollBar()->value();
                render();
                verticalScrollBar()->setValue(position);
            }
        });
    }
    if (m_pending == 0)
        render();
}

} // namespace MailSink::Ui
