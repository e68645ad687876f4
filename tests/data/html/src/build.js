// Renders the three HTML bodies of tests/data/html/*.eml from their sources (run by ../regenerate.sh,
// with mjml, inky, foundation-emails and juice installed next to it). Writes OUT/<name>.html.
'use strict';
const fs = require('fs');
const path = require('path');
const mjml2html = require('mjml');
const { Inky } = require('inky');
const juice = require('juice');

const src = __dirname;
const out = process.argv[2];

async function welcome() {
    // MJML's own build: responsive tables, inline styles, MSO conditionals, media queries in <style>.
    const result = await mjml2html(fs.readFileSync(path.join(src, 'welcome.mjml'), 'utf8'),
        { validationLevel: 'strict', filePath: src });
    if (result.errors && result.errors.length)
        throw new Error(JSON.stringify(result.errors));
    fs.writeFileSync(path.join(out, 'welcome.html'), result.html);
}

function shipped() {
    // Foundation for Emails' build: Inky markup in the standard layout, foundation-emails.css plus the
    // project's own rules, then inlined (media queries stay in a <style> element), as its gulp task does.
    const body = new Inky({}).releaseTheKraken(fs.readFileSync(path.join(src, 'shipped.inky'), 'utf8'));
    const css = fs.readFileSync(require.resolve('foundation-emails/dist/foundation-emails.css'), 'utf8')
        + fs.readFileSync(path.join(src, 'shipped-extra.css'), 'utf8');
    const page = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width">
<title>Your order has shipped</title>
<style>${css}</style>
</head>
<body>
<span class="preheader">Order #10482 is on its way.</span>
<table class="body" data-made-with-foundation="">
<tr>
<td class="float-center" align="center" valign="top">
<center>
${body}
</center>
</td>
</tr>
</table>
</body>
</html>
`;
    const inlined = juice(page, { preserveMediaQueries: true, removeStyleTags: true, applyWidthAttributes: true });
    fs.writeFileSync(path.join(out, 'shipped.html'), inlined);
}

(async () => {
    await welcome();
    shipped();
    fs.copyFileSync(path.join(src, 'newsletter.html'), path.join(out, 'newsletter.html'));
})().catch((error) => {
    console.error(error);
    process.exit(1);
});
