#include "HtmlScan.h"

#include "HtmlTokenizer.h"

#include <QRegularExpression>
#include <QUrl>

namespace MailSink::Lint {

namespace {

QString removeCssComments(const QString &css)
{
    QString out;
    out.reserve(css.size());
    qsizetype at = 0;
    while (at < css.size()) {
        const qsizetype open = css.indexOf(QStringLiteral("/*"), at);
        if (open < 0) {
            out += QStringView(css).sliced(at);
            break;
        }
        out += QStringView(css).sliced(at, open - at);
        const qsizetype close = css.indexOf(QStringLiteral("*/"), open + 2);
        at = close < 0 ? css.size() : close + 2;
    }
    return out;
}

void noteFeature(HtmlFacts *facts, const QString &feature, const QString &example)
{
    if (!facts->features.contains(feature))
        facts->features.insert(feature, example.left(80));
}

void addCidReference(HtmlFacts *facts, QString url)
{
    url = url.trimmed();
    if (!url.startsWith(QStringLiteral("cid:"), Qt::CaseInsensitive))
        return;
    const QString id = QUrl::fromPercentEncoding(url.mid(4).toUtf8()).trimmed();
    if (!id.isEmpty() && !facts->cidReferences.contains(id))
        facts->cidReferences.append(id);
}

// One declaration, "property: value", from a style sheet or a style attribute.
void scanDeclaration(HtmlFacts *facts, QStringView declaration)
{
    const qsizetype colon = declaration.indexOf(u':');
    if (colon <= 0)
        return;
    const QString property = declaration.first(colon).trimmed().toString().toLower();
    const QString value = declaration.sliced(colon + 1).trimmed().toString().toLower();
    const QString example = property + QStringLiteral(": ") + value;
    if (property == u"display") {
        static const QRegularExpression flex(QStringLiteral("\\b(inline-)?flex\\b"));
        static const QRegularExpression grid(QStringLiteral("\\b(inline-)?grid\\b"));
        if (flex.match(value).hasMatch())
            noteFeature(facts, QStringLiteral("flexbox"), example);
        if (grid.match(value).hasMatch())
            noteFeature(facts, QStringLiteral("grid"), example);
    } else if (property == u"position") {
        const QString kind = value.section(u' ', 0, 0).remove(QStringLiteral("!important"));
        if (kind == u"relative" || kind == u"absolute" || kind == u"fixed" || kind == u"sticky")
            noteFeature(facts, QStringLiteral("position"), example);
    } else if (property == u"background-image" || property == u"background") {
        if (value.contains(QStringLiteral("url(")))
            noteFeature(facts, QStringLiteral("background-image"), example);
    }
    // cid: images in CSS, e.g. background: url("cid:hero").
    static const QRegularExpression url(QStringLiteral("url\\(\\s*['\"]?([^'\")]*)"));
    auto matches = url.globalMatch(declaration.toString());
    while (matches.hasNext())
        addCidReference(facts, matches.next().captured(1));
}

// Splits CSS into declarations: text ended by ';' or '}' is a declaration, text ended by '{' is a
// selector or an at-rule prelude.
void scanCss(HtmlFacts *facts, const QString &rawCss)
{
    const QString css = removeCssComments(rawCss);
    static const QRegularExpression fontFace(
        QStringLiteral("@font-face\\b"), QRegularExpression::CaseInsensitiveOption);
    if (css.contains(fontFace))
        noteFeature(facts, QStringLiteral("font-face"), QStringLiteral("@font-face"));
    qsizetype begin = 0;
    for (qsizetype i = 0; i <= css.size(); ++i) {
        const QChar c = i < css.size() ? css[i] : QChar(u';');
        if (c == u'{') {
            begin = i + 1;
        } else if (c == u';' || c == u'}') {
            scanDeclaration(facts, QStringView(css).sliced(begin, i - begin));
            begin = i + 1;
        }
    }
}

bool looksLikeSvg(const QString &src)
{
    const QString lower = src.trimmed().toLower();
    if (lower.startsWith(QStringLiteral("data:image/svg")))
        return true;
    const QString path = QUrl(lower).path();
    return path.endsWith(QStringLiteral(".svg")) || path.endsWith(QStringLiteral(".svgz"));
}

} // namespace

HtmlFacts scanHtml(const QString &html)
{
    HtmlFacts facts;
    HtmlTokenizer tokenizer(html);
    HtmlToken token;
    bool inStyle = false;
    bool inLink = false;
    HtmlFacts::Link link;
    auto closeLink = [&] {
        if (!inLink)
            return;
        link.text = link.text.simplified();
        facts.links.append(link);
        link = {};
        inLink = false;
    };
    while (tokenizer.next(&token)) {
        switch (token.kind) {
        case HtmlToken::Kind::StartTag: {
            const QString &name = token.name;
            if (name == u"style") {
                inStyle = true;
                noteFeature(&facts, QStringLiteral("style-element"), QStringLiteral("<style>"));
            } else if (name == u"a") {
                closeLink(); // <a> does not nest; a new one ends the previous
                if (token.hasAttribute(u"href")) {
                    inLink = true;
                    link.href = token.attribute(u"href").trimmed();
                }
            } else if (name == u"img") {
                const QString src = token.attribute(u"src");
                if (!token.hasAttribute(u"alt"))
                    facts.imagesWithoutAlt.append(src.isEmpty() ? QStringLiteral("(no src)") : src.left(200));
                if (looksLikeSvg(src))
                    noteFeature(
                        &facts, QStringLiteral("svg-image"), QStringLiteral("<img src=\"%1\">").arg(src));
            } else if (name == u"svg") {
                noteFeature(&facts, QStringLiteral("svg-element"), QStringLiteral("<svg>"));
            } else if (name == u"link") {
                const QStringList rel = token.attribute(u"rel").toLower().split(u' ', Qt::SkipEmptyParts);
                if (rel.contains(QStringLiteral("stylesheet")))
                    noteFeature(&facts, QStringLiteral("link-stylesheet"),
                        QStringLiteral("<link rel=\"stylesheet\" href=\"%1\">")
                            .arg(token.attribute(u"href")));
            }
            for (const auto &[attribute, value] : token.attributes) {
                if (attribute == u"style")
                    scanCss(&facts, value);
                else if (attribute == u"src" || attribute == u"href" || attribute == u"background")
                    addCidReference(&facts, value);
            }
            break;
        }
        case HtmlToken::Kind::EndTag:
            if (token.name == u"a")
                closeLink();
            else if (token.name == u"style")
                inStyle = false;
            break;
        case HtmlToken::Kind::Text:
            if (inStyle)
                scanCss(&facts, token.text);
            else if (inLink)
                link.text += token.text;
            break;
        case HtmlToken::Kind::Comment:
            break;
        }
    }
    closeLink();
    return facts;
}

} // namespace MailSink::Lint
