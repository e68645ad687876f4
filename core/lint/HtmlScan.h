#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace MailSink::Lint {

// What the checks need to know about one HTML body: links, images, cid: references, and which of the
// features in the caniemail table it uses (with the first place each was seen).
struct HtmlFacts
{
    struct Link
    {
        QString href;
        QString text; // the visible text, white space simplified
    };
    QList<Link> links;
    QStringList imagesWithoutAlt; // their src (or "(no src)")
    QStringList cidReferences; // content IDs referenced by cid: URLs, percent-decoded (RFC 2392), in order
    QMap<QString, QString> features; // feature id (as in caniemail.json) -> an example, e.g. "display: flex"
};

// Tokenizes `html` once (HtmlTokenizer) and scans its CSS (<style> contents and style attributes).
HtmlFacts scanHtml(const QString &html);

} // namespace MailSink::Lint
