#include "lint/HtmlTokenizer.h"
#include "lint/HtmlScan.h"

#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace MailSink::Lint;

namespace {

QList<HtmlToken> tokens(const QString &html)
{
    QList<HtmlToken> out;
    HtmlTokenizer tokenizer(html);
    HtmlToken token;
    while (tokenizer.next(&token))
        out.append(token);
    return out;
}

} // namespace

TEST_CASE("tags, attributes in every quoting, character references", "[lint][html]")
{
    const QList<HtmlToken> list
        = tokens(QStringLiteral("<A HREF='https://x.example/?a=1&amp;b=2' title=\"say &quot;hi&quot;\" "
                                "data-x=bare checked>Fish &amp; "
                                "chips &#x263A; &#9731; &bogus;</a><br/>"));
    REQUIRE(list.size() == 4);
    CHECK(list[0].kind == HtmlToken::Kind::StartTag);
    CHECK(list[0].name == u"a");
    CHECK(list[0].attribute(u"href") == u"https://x.example/?a=1&b=2");
    CHECK(list[0].attribute(u"title") == u"say \"hi\"");
    CHECK(list[0].attribute(u"data-x") == u"bare");
    CHECK(list[0].hasAttribute(u"checked"));
    CHECK(!list[0].attribute(u"checked").isNull());
    CHECK(list[0].attribute(u"alt").isNull());
    CHECK(list[1].kind == HtmlToken::Kind::Text);
    CHECK(list[1].text == QString::fromUtf8("Fish & chips \u263A \u2603 &bogus;"));
    CHECK(list[2].kind == HtmlToken::Kind::EndTag);
    CHECK(list[3].name == u"br");
    CHECK(list[3].selfClosing);
}

TEST_CASE("style and script content is raw text, comments hide markup", "[lint][html]")
{
    const QList<HtmlToken> list
        = tokens(QStringLiteral("<style>a > b { color: red } /* <p> */</STYLE><!-- <img src=x> --><!--[if "
                                "mso]><p>x</p><![endif]--><p>1 < 2</p>"));
    REQUIRE(list.size() >= 6);
    CHECK(list[0].name == u"style");
    CHECK(list[1].text == u"a > b { color: red } /* <p> */");
    CHECK(list[2].kind == HtmlToken::Kind::EndTag);
    CHECK(list[3].kind == HtmlToken::Kind::Comment);
    CHECK(list[3].text == u" <img src=x> ");
    CHECK(list[4].kind == HtmlToken::Kind::Comment); // the conditional comment, whole
    CHECK(list[5].name == u"p");
    CHECK(list[6].text == u"1 < 2");
}

TEST_CASE("the scanner finds links, images, cid: references and CSS features", "[lint][html]")
{
    const HtmlFacts facts = scanHtml(QStringLiteral(
        "<html><head><style>@media (max-width: 600px) { .col { display: inline-flex !important } }"
        "/* display: grid */</style></head><body>"
        "<a href=\"https://a.example/\">Go <b>there</b></a><a name=top>anchor</a>"
        "<img src=\"cid:logo%40x\"><img src=x.png alt=\"\">"
        "<td background=\"cid:bg\" style=\"background: #fff url('cid:hero') no-repeat; position:static\">"
        "<div style=\"position: absolute\"></div></body></html>"));
    REQUIRE(facts.links.size() == 1);
    CHECK(facts.links[0].href == u"https://a.example/");
    CHECK(facts.links[0].text == u"Go there");
    CHECK(facts.imagesWithoutAlt == QStringList {QStringLiteral("cid:logo%40x")});
    CHECK(facts.cidReferences
        == QStringList {QStringLiteral("logo@x"), QStringLiteral("bg"), QStringLiteral("hero")});
    CHECK(facts.features.value(QStringLiteral("flexbox")) == u"display: inline-flex !important");
    CHECK(!facts.features.contains(QStringLiteral("grid"))); // only in a comment
    CHECK(facts.features.value(QStringLiteral("position")) == u"position: absolute");
    CHECK(facts.features.contains(QStringLiteral("background-image")));
    CHECK(facts.features.contains(QStringLiteral("style-element")));
}

TEST_CASE("the tokenizer ends on any input", "[lint][html][hostile]")
{
    QRandomGenerator random(1234);
    const QString alphabet = QStringLiteral("<>/=\"' !-&#;ax\n");
    for (int round = 0; round < 200; ++round) {
        QString html;
        const int length = int(random.bounded(400));
        for (int i = 0; i < length; ++i)
            html += alphabet[int(random.bounded(alphabet.size()))];
        int count = 0;
        HtmlTokenizer tokenizer(html);
        HtmlToken token;
        while (tokenizer.next(&token))
            REQUIRE(++count <= html.size());
        scanHtml(html);
    }
    // Unclosed constructs at the end.
    for (const char *tail : {"<a href=\"x", "<!-- x", "<style>x", "<", "</", "<!", "&#x", "<a b='"})
        scanHtml(QString::fromLatin1(tail));
}
