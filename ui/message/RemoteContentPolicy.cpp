#include "message/RemoteContentPolicy.h"

#include "message/MessageSchemeHandler.h"

#include <QWebEngineUrlRequestInfo>

namespace MailSink::Ui {

namespace {

constexpr int KeptUrls = 50;

} // namespace

RemoteContentPolicy::RemoteContentPolicy(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{ }

RemoteContentPolicy::Verdict RemoteContentPolicy::classify(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String(MessageSchemeHandler::DocumentScheme)
        || scheme == QLatin1String(MessageSchemeHandler::ContentIdScheme) || scheme == QLatin1String("data")
        || scheme == QLatin1String("about"))
        return Verdict::Local;
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return Verdict::Remote;
    return Verdict::Never;
}

QString RemoteContentPolicy::documentOf(const QUrl &firstPartyUrl)
{
    if (firstPartyUrl.scheme() != QLatin1String(MessageSchemeHandler::DocumentScheme))
        return {};
    return firstPartyUrl.host();
}

void RemoteContentPolicy::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    const Verdict verdict = classify(url);
    if (verdict == Verdict::Local)
        return;
    const QString document = documentOf(info.firstPartyUrl());
    const auto it = m_documents.find(document);
    if (verdict == Verdict::Remote && it != m_documents.end() && it->allowed) {
        ++it->allowedRemote;
        return;
    }
    info.block(true);
    // A main-frame navigation away from a message has no message as first party; the page refuses those
    // before they get here and counts them itself.
    if (verdict == Verdict::Remote && it != m_documents.end())
        noteBlocked(document, url);
}

void RemoteContentPolicy::setRemoteAllowed(const QString &document, bool allowed)
{
    m_documents[document].allowed = allowed;
}

bool RemoteContentPolicy::isRemoteAllowed(const QString &document) const
{
    return m_documents.value(document).allowed;
}

void RemoteContentPolicy::noteBlocked(const QString &document, const QUrl &url)
{
    Document &entry = m_documents[document];
    ++entry.blocked;
    if (entry.urls.size() < KeptUrls)
        entry.urls.append(url);
    Q_EMIT blocked(document, entry.blocked);
}

int RemoteContentPolicy::blockedCount(const QString &document) const
{
    return m_documents.value(document).blocked;
}

QList<QUrl> RemoteContentPolicy::blockedUrls(const QString &document) const
{
    return m_documents.value(document).urls;
}

int RemoteContentPolicy::allowedRemoteCount(const QString &document) const
{
    return m_documents.value(document).allowedRemote;
}

void RemoteContentPolicy::startLoad(const QString &document)
{
    Document &entry = m_documents[document];
    entry.blocked = 0;
    entry.allowedRemote = 0;
    entry.urls.clear();
}

void RemoteContentPolicy::forget(const QString &document)
{
    m_documents.remove(document);
}

} // namespace MailSink::Ui
