<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Desktop</name>
    <message>
        <location filename="../ui/desktop/Desktop.cpp" line="+33"/>
        <source>Mailsink</source>
        <translation>Mailsink</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mailsink catches outgoing mail for developers.</source>
        <translation>Mailsink 为开发者截获外发邮件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maildir where caught mail is kept.</source>
        <translation>保存截获邮件的 Maildir 目录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP listen address (default 127.0.0.1:1025).</source>
        <translation>SMTP 监听地址（默认 127.0.0.1:1025）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>POP3 listen address (default 127.0.0.1:1110).</source>
        <translation>POP3 监听地址（默认 127.0.0.1:1110）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not serve POP3.</source>
        <translation>不提供 POP3 服务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IMAP listen address (default 127.0.0.1:1143).</source>
        <translation>IMAP 监听地址（默认 127.0.0.1:1143）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not serve IMAP.</source>
        <translation>不提供 IMAP 服务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailpit-compatible HTTP API address (default 127.0.0.1:8025).</source>
        <translation>与 Mailpit 兼容的 HTTP API 地址（默认 127.0.0.1:8025）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not serve the HTTP API.</source>
        <translation>不提供 HTTP API。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>--pop3: %1</source>
        <translation>--pop3：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--imap: %1</source>
        <translation>--imap：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--http: %1</source>
        <translation>--http：%1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>TLS is off: %1</source>
        <translation>TLS 已关闭：%1</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Do not offer STARTTLS.</source>
        <translation>不提供 STARTTLS。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface language, e.g. zh_CN or zh_TW (default: system locale).</source>
        <translation>界面语言，例如 zh_CN 或 zh_TW（默认：系统区域设置）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>.eml files to open.</source>
        <translation>要打开的 .eml 文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--smtp: %1</source>
        <translation>--smtp：%1</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::AttachmentList</name>
    <message>
        <location filename="../ui/message/AttachmentList.cpp" line="+25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disposition</source>
        <translation>显示方式</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>part %1</source>
        <translation>第 %1 部分</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1
Part %2, SHA-256 %3</source>
        <translation>%1
第 %2 部分，SHA-256 %3</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::ChecksView</name>
    <message>
        <location filename="../ui/message/ChecksView.cpp" line="+19"/>
        <source>Errors (%1)</source>
        <translation>错误（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings (%1)</source>
        <translation>警告（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes (%1)</source>
        <translation>提示（%1）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference</source>
        <translation>依据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;HTML support by client family&lt;/b&gt; (offline data derived from caniemail.com)</source>
        <translation>&lt;b&gt;各客户端系列的 HTML 支持&lt;/b&gt;（离线数据，源自 caniemail.com）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client family</source>
        <translation>客户端系列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not supported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Partly supported</source>
        <translation>部分支持</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Checks (%1)</source>
        <translation>检查（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No problems found: the message passes every check.</source>
        <translation>未发现问题：邮件通过了所有检查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 errors, %2 warnings, %3 notes. Errors break the message for some recipients; warnings cost deliverability or readability.</source>
        <translation>%1 个错误，%2 个警告，%3 个提示。错误会让部分收件人无法正常收到邮件；警告会影响送达率或可读性。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>not supported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>partly supported</source>
        <translation>部分支持</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>— (supports every checked feature)</source>
        <translation>—（支持所有检查的功能）</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::ComposeDialog</name>
    <message>
        <location filename="../ui/outgoing/ComposeDialog.cpp" line="+95"/>
        <source>Compose Test Message</source>
        <translation>撰写测试邮件</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;From:</source>
        <translation>发件人(&amp;F)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name &lt;sender@example.com&gt;</source>
        <translation>姓名 &lt;sender@example.com&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>someone@example.com, Name &lt;other@example.com&gt;</source>
        <translation>someone@example.com, 姓名 &lt;other@example.com&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cc:</source>
        <translation>抄送(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bcc:</source>
        <translation>密送(&amp;B)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>envelope only, not in the headers</source>
        <translation>仅在信封中，不写入邮件头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>any language</source>
        <translation>任意语言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The text/plain body (leave empty for HTML only)</source>
        <translation>text/plain 正文（留空则仅发送 HTML）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The text/html body (leave empty for plain text only). Inline images dropped here are inserted as &lt;img src=&quot;cid:…&quot;&gt;.</source>
        <translation>text/html 正文（留空则仅发送纯文本）。拖放到此处的内嵌图片将以 &lt;img src=&quot;cid:…&quot;&gt; 插入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plain te&amp;xt</source>
        <translation>纯文本(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;HTML</source>
        <translation>HTML(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attachme&amp;nts (or drop files onto this window):</source>
        <translation>附件(&amp;N)（或将文件拖放到此窗口）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Attach Files…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;Inline Image…</source>
        <translation>添加内嵌图片(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Send to &amp;Mailsink</source>
        <translation>发送到 Mailsink(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deliver to this Mailsink&apos;s own SMTP listener (%1), Ctrl+Return</source>
        <translation>投递到本 Mailsink 自己的 SMTP 监听端（%1），Ctrl+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to Ser&amp;ver</source>
        <translation>发送到服务器(&amp;V)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+236"/>
        <source>Cl&amp;ose</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>&lt;b&gt;Cannot read %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;无法读取 %1：&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Add Inline Images</source>
        <translation>添加内嵌图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp *.svg);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach Files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 — %2, %3, inline as cid:%4</source>
        <translation>%1 — %2，%3，内嵌为 cid:%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter a From address.</source>
        <translation>请输入发件人地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>“%1” is not an e-mail address.</source>
        <translation>“%1”不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter at least one recipient (To, Cc or Bcc).</source>
        <translation>请至少输入一个收件人（收件人、抄送或密送）。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sending to Mailsink (%1)…</source>
        <translation>正在发送到 Mailsink（%1）…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b style=&quot;color:#1a7f37&quot;&gt;✔ Sent to Mailsink&lt;/b&gt; (%1)</source>
        <translation>&lt;b style=&quot;color:#1a7f37&quot;&gt;✔ 已发送到 Mailsink&lt;/b&gt;（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b style=&quot;color:#cf222e&quot;&gt;✘ Not sent&lt;/b&gt; (stage: %1): %2</source>
        <translation>&lt;b style=&quot;color:#cf222e&quot;&gt;✘ 未发送&lt;/b&gt;（阶段：%1）：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Other Server…</source>
        <translation>其他服务器(&amp;O)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::DesktopNotifier</name>
    <message>
        <location filename="../ui/desktop/DesktopNotifier.cpp" line="+87"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+81"/>
        <location line="+687"/>
        <source>Mailsink</source>
        <translation>Mailsink</translation>
    </message>
    <message>
        <location line="-670"/>
        <source>Refused a connection from %1: too many connections</source>
        <translation>已拒绝来自 %1 的连接：连接数过多</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Filter by subject, sender, recipient, envelope or client (Ctrl+F)</source>
        <translation>按主题、发件人、收件人、信封或客户端筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also search message bodies</source>
        <translation>同时搜索邮件正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads every stored message in the background; slower on large stores</source>
        <translation>在后台读取每封已存储的邮件；邮件库较大时速度较慢</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+217"/>
        <source>Stop listening</source>
        <translation>停止监听</translation>
    </message>
    <message>
        <location line="-210"/>
        <source>&amp;Open .eml…</source>
        <translation>打开 .eml(&amp;O)…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tabbed view</source>
        <translation>标签页视图(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Message</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tile</source>
        <translation>平铺(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cascade</source>
        <translation>层叠(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next window</source>
        <translation>下一个窗口(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous window</source>
        <translation>上一个窗口(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lose window</source>
        <translation>关闭窗口(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close &amp;all windows</source>
        <translation>关闭所有窗口(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Mailsink keeps catching mail</source>
        <translation>Mailsink 仍在接收邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is still running in the system tray. Quit it from the tray menu.</source>
        <translation>它仍在系统托盘中运行。请从托盘菜单退出。</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+38"/>
        <location line="+4"/>
        <source>Not listening: %1</source>
        <translation>未监听：%1</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Start listening</source>
        <translation>开始监听</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SMTPS %1</source>
        <translation>SMTPS %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (STARTTLS)</source>
        <translation>（STARTTLS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listening on &lt;b&gt;%1&lt;/b&gt;%2</source>
        <translation>正在监听 &lt;b&gt;%1&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point your application&apos;s SMTP settings at %1</source>
        <translation>将应用程序的 SMTP 设置指向 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not listening (%1)</source>
        <translation>未监听（%1）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The new language is used when Mailsink starts again. Restart Mailsink now?</source>
        <translation>新语言将在 Mailsink 再次启动时使用。现在重新启动 Mailsink 吗？</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Move the stored messages (%1) there (the folder must be empty), or open the folder as it is and leave the mail where it is now.</source>
        <translation>将已存储的邮件（%1 封）移动到该处（文件夹必须为空），或按原样打开该文件夹并将邮件留在原处。</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another program may be using the port. Quit it, or choose another port in File &gt; Settings, then click Start listening.</source>
        <translation>可能有其他程序正在使用该端口。请退出该程序，或在“文件 &gt; 设置”中选择其他端口，然后点击“开始监听”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not listening</source>
        <translation>未在监听</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Change the store folder</source>
        <translation>更改存储文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use %1 as the store folder from now on?</source>
        <translation>从现在起使用 %1 作为存储文件夹？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Move the mail</source>
        <translation>移动邮件(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open the folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+56"/>
        <source>Store folder</source>
        <translation>存储文件夹</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No store is open and Mailsink is not listening; choose a store folder in File &gt; Settings.</source>
        <translation>没有打开的存储，Mailsink 未在监听；请在“文件 &gt; 设置”中选择存储文件夹。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+15"/>
        <source>Cannot open %1 again: %2</source>
        <translation>无法再次打开 %1：%2</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mail moved to %1</source>
        <translation>邮件已移动到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store folder: %1</source>
        <translation>存储文件夹：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Messages: %1</source>
        <translation>邮件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown: %1 of %2</source>
        <translation>显示：%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Open messages</source>
        <translation>打开邮件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail messages (*.eml *.msg *.txt);;All files (*)</source>
        <translation>电子邮件 (*.eml *.msg *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MessageActions</name>
    <message>
        <location filename="../ui/list/MessageActions.cpp" line="+50"/>
        <source>Open &amp;message</source>
        <translation>打开邮件(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export .eml…</source>
        <translation>导出 .eml(&amp;E)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete &amp;all…</source>
        <translation>全部删除(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;read</source>
        <translation>标记为已读(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;unread</source>
        <translation>标记为未读(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Messages deleted: %1</source>
        <translation>已删除邮件：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete all stored messages (%1)? This cannot be undone.</source>
        <translation>要删除所有已存储的邮件（%1）吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleting all messages…</source>
        <translation>正在删除所有邮件…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>message %1</source>
        <translation>邮件 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export message</source>
        <translation>导出邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>电子邮件 (*.eml);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the selected messages to</source>
        <translation>将所选邮件导出到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages exported: %1</source>
        <translation>已导出邮件：%1</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MessageBrowser</name>
    <message>
        <location filename="../ui/message/MessageBrowser.cpp" line="+133"/>
        <source>This HTML body is very large (%1 characters); rendering it may take a while.</source>
        <translation>此 HTML 正文非常大（%1 个字符），渲染可能需要一些时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Render it anyway</source>
        <translation>仍然渲染</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MessageListModel</name>
    <message>
        <location filename="../ui/list/MessageListModel.cpp" line="+177"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>From: %1
To: %2</source>
        <translation>发件人：%1
收件人：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Envelope: %1 → %2</source>
        <translation>信封：%1 → %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Received %1, %2</source>
        <translation>接收于 %1，%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Has attachments</source>
        <translation>有附件</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checks: errors and warnings found in the message (see its Checks tab)</source>
        <translation>检查：在邮件中发现的错误和警告（见其“检查”标签页）</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>No errors or warnings</source>
        <translation>没有错误或警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>message %1</source>
        <translation>邮件 %1</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MessageWindow</name>
    <message>
        <location filename="../ui/message/MessageWindow.cpp" line="+125"/>
        <source>Message %1</source>
        <translation>邮件 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export .eml…</source>
        <translation>导出 .eml…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the exact bytes that were received (Ctrl+E)</source>
        <translation>按接收时的原始字节保存（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import into store</source>
        <translation>导入邮件库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this file into the store so it is listed with caught mail</source>
        <translation>将此文件复制到邮件库，使其与截获的邮件一起列出</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+357"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location line="-334"/>
        <source>Rendered</source>
        <translation>渲染视图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the raw header block</source>
        <translation>显示原始邮件头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value (decoded)</source>
        <translation>值（已解码）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Headers</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Source</source>
        <translation>源码</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Envelope &amp;&amp; session</source>
        <translation>信封和会话</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+17"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Save all…</source>
        <translation>全部保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag attachments to the desktop or a folder to save them.</source>
        <translation>将附件拖到桌面或文件夹即可保存。</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+30"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot show this message</source>
        <translation>无法显示此邮件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This message has no plain-text body.</source>
        <translation>此邮件没有纯文本正文。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attachments (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cc:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bcc:</source>
        <translation>密送：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bcc (envelope):</source>
        <translation>密送（信封）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received %1 · %2</source>
        <translation>接收于 %1 · %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened from %1 · %2</source>
        <translation>打开自 %1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, exactly as received.</source>
        <translation>%1，与接收时完全一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes that are not UTF-8 text are shown as \xNN.</source>
        <translation>非 UTF-8 文本的字节显示为 \xNN。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the first %1; export the message to see all of it.</source>
        <translation>仅显示前 %1；导出邮件可查看全部内容。</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+27"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+7"/>
        <source>Envelope:</source>
        <translation>信封：</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>None: this message was opened from a file, not received over SMTP.</source>
        <translation>无：此邮件是从文件打开的，并非通过 SMTP 接收。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received:</source>
        <translation>接收时间：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown: the message was found in the Maildir without its index entry.</source>
        <translation>未知：此邮件位于 Maildir 中，但没有对应的索引条目。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;&gt; (null sender)</source>
        <translation>&lt;&gt;（空发件人）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MAIL FROM:</source>
        <translation>MAIL FROM：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RCPT TO:</source>
        <translation>RCPT TO：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EHLO:</source>
        <translation>EHLO：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HELO:</source>
        <translation>HELO：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client:</source>
        <translation>客户端：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS:</source>
        <translation>TLS：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AUTH:</source>
        <translation>AUTH：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not authenticated</source>
        <translation>未认证</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The message is not loaded.</source>
        <translation>邮件尚未加载。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export message</source>
        <translation>导出邮件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>电子邮件 (*.eml);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+63"/>
        <location line="+26"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported into the store as message %1</source>
        <translation>已作为邮件 %1 导入邮件库</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot open attachment</source>
        <translation>无法打开附件</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+9"/>
        <location line="+13"/>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Save attachments to</source>
        <translation>将附件保存到</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save all attachments to</source>
        <translation>将所有附件保存到</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attachments saved to %1: %2</source>
        <translation>附件已保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::NotificationBatcher</name>
    <message>
        <location filename="../ui/desktop/NotificationBatcher.cpp" line="+35"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>From %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 new messages</source>
        <translation>%1 封新邮件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2</source>
        <comment>sender — subject</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and %1 more</source>
        <translation>另有 %1 封</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::OutgoingActions</name>
    <message>
        <location filename="../ui/outgoing/OutgoingActions.cpp" line="+18"/>
        <source>Re&amp;lease…</source>
        <translation>放行(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compose Test Message…</source>
        <translation>撰写测试邮件(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the message, exactly as received, to a real SMTP server</source>
        <translation>将邮件按接收时的原样发送到真实的 SMTP 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a test message and send it to Mailsink or another server</source>
        <translation>撰写一封测试邮件并发送到 Mailsink 或其他服务器</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::ReleaseDialog</name>
    <message>
        <location filename="../ui/outgoing/ReleaseDialog.cpp" line="+105"/>
        <source>no encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+103"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Release Message</source>
        <translation>放行邮件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message %1 is no longer in the store.</source>
        <translation>邮件 %1 已不在邮件库中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends “%1” (%2), exactly as it was received, to another server.</source>
        <translation>将“%1”（%2）按接收时的原样发送到另一台服务器。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Send Message</source>
        <translation>发送邮件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends the message (%1) to an SMTP server.</source>
        <translation>将邮件（%1）发送到 SMTP 服务器。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Implicit TLS (SMTPS)</source>
        <translation>隐式 TLS（SMTPS）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;ecurity:</source>
        <translation>安全(&amp;E)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remember the password in the &amp;keychain</source>
        <translation>在钥匙串中记住密码(&amp;K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recent:</source>
        <translation>最近使用(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Envelope</source>
        <translation>信封</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>empty for the null sender &lt;&gt;</source>
        <translation>留空表示空发件人 &lt;&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one address per line</source>
        <translation>每行一个地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MAIL &amp;FROM:</source>
        <translation>MAIL FROM(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RCPT &amp;TO:</source>
        <translation>RCPT TO(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMTP con&amp;versation:</source>
        <translation>SMTP 对话(&amp;V)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust This &amp;Certificate and Retry</source>
        <translation>信任此证书并重试(&amp;C)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New server</source>
        <translation>新服务器</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>&lt;b&gt;Cannot read the message:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法读取邮件：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cl&amp;ose</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&lt;b style=&quot;color:#1a7f37&quot;&gt;✔ Delivered&lt;/b&gt; to %1.</source>
        <translation>&lt;b style=&quot;color:#1a7f37&quot;&gt;✔ 已投递&lt;/b&gt;到 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+13"/>
        <source>The server replied: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>服务器回复：&lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Refused recipients:</source>
        <translation>被拒绝的收件人：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b style=&quot;color:#cf222e&quot;&gt;✘ Not delivered&lt;/b&gt; (stage: %1): %2</source>
        <translation>&lt;b style=&quot;color:#cf222e&quot;&gt;✘ 未投递&lt;/b&gt;（阶段：%1）：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server&apos;s certificate is not trusted (%1). Its SHA-256 fingerprint is&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Trust it only if you know it is this server&apos;s.</source>
        <translation>服务器的证书不受信任（%1）。其 SHA-256 指纹为&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;仅在确认它属于该服务器时才信任它。</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::RenderedView</name>
    <message>
        <location filename="../ui/message/RenderedView.cpp" line="+49"/>
        <source>Load for this message</source>
        <translation>为此邮件加载</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The dark preview needs the browser engine (Qt WebEngine).</source>
        <translation>深色预览需要浏览器引擎（Qt WebEngine）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt text engine</source>
        <translation>Qt 文本引擎</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailsink was built without Qt WebEngine, or it is turned off: this view supports only part of the CSS that mail clients support.</source>
        <translation>Mailsink 构建时未包含 Qt WebEngine，或它已被关闭：此视图只支持邮件客户端所支持 CSS 的一部分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chromium (Qt WebEngine)</source>
        <translation>Chromium（Qt WebEngine）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scripts are off; nothing remote loads until you allow it.</source>
        <translation>脚本已关闭；在您允许之前不加载任何远程内容。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Desktop</source>
        <translation>桌面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tablet (768 px)</source>
        <translation>平板（768 像素）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone (375 px)</source>
        <translation>手机（375 像素）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the view, as on these devices (media queries apply)</source>
        <translation>视图宽度，与这些设备相同（媒体查询生效）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview in dark mode: the message&apos;s own dark styles (prefers-color-scheme) apply, as in Apple Mail</source>
        <translation>以深色模式预览：应用邮件自身的深色样式（prefers-color-scheme），与 Apple Mail 相同</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actual size (Ctrl+0)</source>
        <translation>实际大小（Ctrl+0）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>Remote content blocked (1 request)</source>
        <translation>已阻止远程内容（1 个请求）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote content blocked (%1 requests)</source>
        <translation>已阻止远程内容（%1 个请求）</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::ServerActions</name>
    <message>
        <location filename="../ui/ServerActions.cpp" line="+72"/>
        <source>Serve &amp;IMAP</source>
        <translation>提供 IMAP 服务(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Serve &amp;POP3</source>
        <translation>提供 POP3 服务(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let mail clients fetch the caught mail over POP3</source>
        <translation>允许邮件客户端通过 POP3 收取截获的邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let mail clients read the caught mail over IMAP</source>
        <translation>允许邮件客户端通过 IMAP 读取截获的邮件</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+50"/>
        <source>IMAP off: %1</source>
        <translation>IMAP 未启用：%1</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+50"/>
        <source>POP3 off: %1</source>
        <translation>POP3 未启用：%1</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>IMAPS off: %1</source>
        <translation>IMAPS 未启用：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>POP3S off: %1</source>
        <translation>POP3S 未启用：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>IMAP off</source>
        <translation>IMAP 已关闭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>POP3 off</source>
        <translation>POP3 已关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn it on in Server &gt; Serve IMAP.</source>
        <translation>可在“服务器 &gt; 提供 IMAP 服务”中开启。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turn it on in Server &gt; Serve POP3.</source>
        <translation>可在“服务器 &gt; 提供 POP3 服务”中开启。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>IMAPS %1</source>
        <translation>IMAPS %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>POP3S %1</source>
        <translation>POP3S %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (STLS)</source>
        <translation>（STLS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IMAP on &lt;b&gt;%1&lt;/b&gt;%2</source>
        <translation>IMAP 位于 &lt;b&gt;%1&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source> (STARTTLS)</source>
        <translation>（STARTTLS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POP3 on &lt;b&gt;%1&lt;/b&gt;%2</source>
        <translation>POP3 位于 &lt;b&gt;%1&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail clients can fetch the caught mail here: user &quot;all&quot; sees every message, an e-mail address as user name sees only mail to it; any password.</source>
        <translation>邮件客户端可在此收取截获的邮件：用户名为“all”时可看到所有邮件，以电子邮件地址作为用户名时只能看到发给该地址的邮件；密码任意。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail clients can read the caught mail here: user &quot;all&quot; sees every message, an e-mail address as user name sees only mail to it; any password. Read and unread are shared with this window.</source>
        <translation>邮件客户端可在此读取截获的邮件：用户名为“all”时可看到所有邮件，以电子邮件地址作为用户名时只能看到发给该地址的邮件；密码任意。已读和未读状态与本窗口共享。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose another address in File &gt; Settings.</source>
        <translation>请在“文件 &gt; 设置”中选择其他地址。</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::ServerController</name>
    <message>
        <location filename="../ui/ServerController.cpp" line="+161"/>
        <source>no store is open</source>
        <translation>没有打开的存储</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot listen for %1 on %2: no TLS certificate</source>
        <translation>无法在 %2 上监听 %1：没有 TLS 证书</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::SessionWindow</name>
    <message>
        <location filename="../ui/session/SessionWindow.cpp" line="+45"/>
        <source>Session %1 — %2:%3</source>
        <translation>会话 %1 — %2:%3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&lt;b style=&quot;color:#1e7b34&quot;&gt;● Connected&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:#1e7b34&quot;&gt;● 已连接&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b style=&quot;color:#6b7280&quot;&gt;○ Ended&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:#6b7280&quot;&gt;○ 已结束&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client %1:%2</source>
        <translation>客户端 %1:%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>since %1</source>
        <translation>始于 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTPS</source>
        <translation>SMTPS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS %1</source>
        <translation>TLS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AUTH as %1</source>
        <translation>AUTH 身份：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>messages: %1</source>
        <translation>邮件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;receiving message: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;正在接收邮件：%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>End connection?</source>
        <translation>结束连接？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client %1 is still connected. Close this window and end the connection? The server replies &quot;421&quot; and hangs up; a message in transfer is not stored.</source>
        <translation>客户端 %1 仍处于连接状态。要关闭此窗口并结束连接吗？服务器将回复“421”并挂断；正在传输的邮件不会被保存。</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::SessionsDock</name>
    <message>
        <location filename="../ui/session/SessionsDock.cpp" line="+25"/>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a window for each &amp;new session</source>
        <translation>为每个新会话打开窗口(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every SMTP connection; double-click to open its conversation</source>
        <translation>所有 SMTP 连接；双击可打开其对话记录</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>#%1  %2:%3  %4</source>
        <translation>#%1  %2:%3  %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>receiving %1</source>
        <translation>正在接收 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="+57"/>
        <source>Mailsink Settings</source>
        <translation>Mailsink 设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Listening</source>
        <translation>监听(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Security</source>
        <translation>安全(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Li&amp;mits</source>
        <translation>限制(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Application</source>
        <translation>应用程序(&amp;A)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>127.0.0.1 accepts connections from this computer only; 0.0.0.0 (or ::) from the network too</source>
        <translation>127.0.0.1 只接受来自本机的连接；0.0.0.0（或 ::）也接受来自网络的连接</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listen on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTPS (implicit TLS)</source>
        <translation>SMTPS（隐式 TLS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POP3</source>
        <translation>POP3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POP3S (implicit TLS)</source>
        <translation>POP3S（隐式 TLS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAPS (implicit TLS)</source>
        <translation>IMAPS（隐式 TLS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP API (Mailpit-compatible)</source>
        <translation>HTTP API（与 Mailpit 兼容）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a listener whose address changes is restarted; connections in progress on the others go on. Ports below 1024 usually need administrator rights.</source>
        <translation>只有地址改变的监听器会重新启动；其他监听器上进行中的连接不受影响。低于 1024 的端口通常需要管理员权限。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Self-signed certificate for localhost, kept in the store folder</source>
        <translation>localhost 的自签名证书，保存在存储文件夹中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate a new one</source>
        <translation>生成新证书(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients that trusted the old certificate will have to trust the new one</source>
        <translation>信任旧证书的客户端需要重新信任新证书</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate and key from PEM files:</source>
        <translation>来自 PEM 文件的证书和密钥：</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+75"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the certificate</source>
        <translation>选择证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the private key</source>
        <translation>选择私钥</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Authentication</source>
        <translation>身份验证</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Offer STARTTLS and STLS (needed for SMTPS, POP3S and IMAPS)</source>
        <translation>提供 STARTTLS 和 STLS（SMTPS、POP3S 和 IMAPS 需要）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Require AUTH before MAIL (SMTP) and check the password (POP3, IMAP)</source>
        <translation>要求在 MAIL 之前进行 AUTH（SMTP）并检查密码（POP3、IMAP）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use test credentials: they are kept in Mailsink&apos;s settings file. Without this option any user name and password are accepted.</source>
        <translation>请使用测试凭据：它们保存在 Mailsink 的设置文件中。不启用此选项时，接受任何用户名和密码。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announced as SIZE; larger messages are refused with 552</source>
        <translation>以 SIZE 公布；更大的邮件以 552 拒绝</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Beyond this many SMTP connections at once, new ones get 421</source>
        <translation>同时超过此数量的 SMTP 连接时，新连接收到 421</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An SMTP client silent this long is disconnected with 421</source>
        <translation>SMTP 客户端静默这么久后以 421 断开连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest message:</source>
        <translation>最大邮件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections at once:</source>
        <translation>同时连接数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle timeout:</source>
        <translation>空闲超时：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits apply to connections made from now on.</source>
        <translation>限制适用于此后建立的连接。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store folder</source>
        <translation>存储文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store folder:</source>
        <translation>存储文件夹：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Maildir plus its index. Choosing another folder asks whether to move the mail there or to open the folder as it is.</source>
        <translation>一个 Maildir 及其索引。选择其他文件夹时，会询问是将邮件移动到该处还是按原样打开该文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a window for each new SMTP session</source>
        <translation>为每个新的 SMTP 会话打开一个窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show a desktop notification for new mail</source>
        <translation>新邮件到达时显示桌面通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing or minimizing the window keeps Mailsink running in the system tray</source>
        <translation>关闭或最小化窗口后 Mailsink 继续在系统托盘中运行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>POP3 is not available in this run</source>
        <translation>本次运行中 POP3 不可用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>IMAP is not available in this run</source>
        <translation>本次运行中 IMAP 不可用</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Set on the command line for this run, so not editable here: %1</source>
        <translation>已在本次运行的命令行中设置，因此无法在此编辑：%1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>TLS: choose both the certificate and the private key file</source>
        <translation>TLS：请同时选择证书文件和私钥文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Authentication: enter the user name and password clients must use</source>
        <translation>身份验证：请输入客户端必须使用的用户名和密码</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>TLS: %1. TLS stays as it was.</source>
        <translation>TLS：%1。TLS 保持不变。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2. Still listening on %3.</source>
        <translation>%1：%2。仍在监听 %3。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2. Not listening.</source>
        <translation>%1：%2。未在监听。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A new self-signed certificate is in use for new connections.</source>
        <translation>新的自签名证书已用于新连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: %1</source>
        <translation>TLS：%1</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::TrayIcon</name>
    <message>
        <location filename="../ui/desktop/TrayIcon.cpp" line="+19"/>
        <source>&amp;Show Mailsink</source>
        <translation>显示 Mailsink(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notify of new mail</source>
        <translation>新邮件通知(&amp;N)</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Mailsink</source>
        <translation>Mailsink</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No unread messages</source>
        <translation>没有未读邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 unread message</source>
        <translation>1 封未读邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 unread messages</source>
        <translation>%1 封未读邮件</translation>
    </message>
</context>
<context>
    <name>MessageLoader</name>
    <message>
        <location filename="../ui/message/MessageLoader.cpp" line="+121"/>
        <source>message %1 is no longer in the store</source>
        <translation>邮件 %1 已不在邮件库中</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="-15"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/StoreMover.cpp" line="+49"/>
        <source>%1 is inside the store folder (or contains it); choose a folder elsewhere</source>
        <translation>%1 位于存储文件夹内（或包含它）；请选择其他位置的文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not empty; choose an empty folder to move the mail to, or open it as it is</source>
        <translation>%1 不为空；请选择一个空文件夹来移动邮件，或按原样打开它</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>another Mailsink is using %1</source>
        <translation>另一个 Mailsink 正在使用 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot move %1 to %2</source>
        <translation>无法将 %1 移动到 %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot copy to %1: %2</source>
        <translation>无法复制到 %1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+10"/>
        <location line="+5"/>
        <source>cannot copy %1: %2</source>
        <translation>无法复制 %1：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>could not put back %1; nothing was deleted</source>
        <translation>无法放回 %1；未删除任何内容</translation>
    </message>
</context>
<context>
    <name>TemporaryFiles</name>
    <message>
        <location filename="../ui/common/TemporaryFiles.cpp" line="+31"/>
        <source>cannot create a temporary folder</source>
        <translation>无法创建临时文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
</context>
</TS>
