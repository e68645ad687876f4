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

QString MessageBrowser::adaptedForTextEngine(const QString &html)
{
    // Generated mail (MJML, Foundation, ...) leans on CSS this engine lacks; a few rewrites of what it
    // misreads get the layout close (only for this view; the browser engine gets the HTML as sent).
    QString result = html;
    // <img height="auto">: a size it cannot read makes the image take no room in its line, so it is drawn
    // over the text below it. Without the attribute the image's own size (or the other one) is used.
    static const QRegularExpression autoSize(
        QStringLiteral(R"((<img\b[^>]*?)\s(?:width|height)\s*=\s*["']?auto["']?)"),
        QRegularExpression::CaseInsensitiveOption);
    while (result.contains(autoSize))
        result.replace(autoSize, QStringLiteral("\\1"));
    // A table sized in CSS only (style="width:100%") shrinks to its content here, and the background of
    // the box around it never reaches it. MJML's sections are <div style="max-width:600px; margin:0 auto">
    // around such a table: that becomes the table's own width, centred, and the box's background (which
    // this engine would paint as a full-width line, as max-width means nothing to it) goes; MJML gives the
    // table the same background.
    static const QRegularExpression boxedTable(
        QStringLiteral(R"(<div\b([^>]*?max-width\s*:\s*(\d+)px[^>]*)>(\s*)<table\b(?![^>]*\swidth\s*=))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression background(
        QStringLiteral(R"((?<![-\w])background(?:-color)?\s*:[^;"]*;?)"),
        QRegularExpression::CaseInsensitiveOption);
    QString boxed;
    qsizetype done = 0;
    for (auto it = boxedTable.globalMatch(result); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        boxed += QStringView(result).mid(done, match.capturedStart() - done);
        boxed += QStringLiteral("<div") + match.captured(1).remove(background) + u'>' + match.captured(3)
            + QStringLiteral("<table width=\"%1\" align=\"center\"").arg(match.captured(2));
        done = match.capturedEnd();
    }
    if (done > 0)
        result = boxed + QStringView(result).mid(done);
    static const QRegularExpression cssWidthTable(
        QStringLiteral(
            R"((<table\b)(?![^>]*\swidth\s*=)([^>]*?style\s*=\s*"[^"]*?(?<![-\w])width\s*:\s*(\d+%?)))"),
        QRegularExpression::CaseInsensitiveOption);
    result.replace(cssWidthTable, QStringLiteral("\\1 width=\"\\3\"\\2"));
    // With border-collapse: collapse this engine paints no table background at all (MJML's header colour
    // was lost so): drop it, and get its look without borders from cellspacing="0".
    static const QRegularExpression collapse(
        QStringLiteral(R"(border-collapse\s*:\s*collapse\s*(?:!important\s*)?;?)"),
        QRegularExpression::CaseInsensitiveOption);
    if (result.contains(collapse)) {
        result.remove(collapse);
        static const QRegularExpression noSpacing(QStringLiteral(R"(<table\b(?![^>]*\scellspacing\s*=))"),
            QRegularExpression::CaseInsensitiveOption);
        result.replace(noSpacing, QStringLiteral("<table cellspacing=\"0\""));
    }
    return result;
}

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
        setHtml(adaptedForTextEngine(*html));
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
