#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace MailSink::Lint {

struct HtmlToken
{
    enum class Kind { StartTag, EndTag, Text, Comment };
    Kind kind = Kind::Text;
    QString name; // tag name, lower case
    QList<std::pair<QString, QString>>
        attributes; // names lower case, values with character references decoded
    QString text; // Text: decoded (raw inside <style>, <script>); Comment: as written
    bool selfClosing = false;

    QString attribute(QStringView name) const; // null when absent
    bool hasAttribute(QStringView name) const;
};

// A small, tolerant HTML tokenizer (after HTML 5 section 13.2.5, without its error recovery subtleties):
// tags with quoted or bare attributes, comments, raw text inside <style>, <script>, <title> and
// <textarea>. Linear in the input; never fails, whatever the input. Enough to find links, images,
// style sheets and the CSS a mail client would see.
class HtmlTokenizer
{
public:
    explicit HtmlTokenizer(QStringView html);

    bool next(HtmlToken *token); // false at the end

    // &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references; others stay as written.
    static QString decodeCharacterReferences(QStringView text);

private:
    void readTag(HtmlToken *token, bool end);
    void skipTo(QStringView terminator);

    QStringView m_html;
    qsizetype m_at = 0;
    QString m_rawTextEnd; // "</style" while inside a raw text element
};

} // namespace MailSink::Lint
