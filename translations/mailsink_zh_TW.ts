<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
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
        <translation>Mailsink 為開發者攔截外寄郵件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maildir where caught mail is kept.</source>
        <translation>存放攔截郵件的 Maildir 目錄。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP listen address (default 127.0.0.1:1025).</source>
        <translation>SMTP 監聽位址（預設 127.0.0.1:1025）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>POP3 listen address (default 127.0.0.1:1110).</source>
        <translation>POP3 監聽位址（預設 127.0.0.1:1110）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not serve POP3.</source>
        <translation>不提供 POP3 服務。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IMAP listen address (default 127.0.0.1:1143).</source>
        <translation>IMAP 監聽位址（預設 127.0.0.1:1143）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not serve IMAP.</source>
        <translation>不提供 IMAP 服務。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailpit-compatible HTTP API address (default 127.0.0.1:8025).</source>
        <translation>與 Mailpit 相容的 HTTP API 位址（預設 127.0.0.1:8025）。</translation>
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
        <translation>TLS 已關閉：%1</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Do not offer STARTTLS.</source>
        <translation>不提供 STARTTLS。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface language, e.g. zh_CN or zh_TW (default: system locale).</source>
        <translation>介面語言，例如 zh_CN 或 zh_TW（預設：系統地區設定）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>.eml files to open.</source>
        <translation>要開啟的 .eml 檔案。</translation>
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
        <translation>名稱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disposition</source>
        <translation>顯示方式</translation>
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
        <translation>錯誤（%1）</translation>
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
        <translation>檢查</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference</source>
        <translation>依據</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;HTML support by client family&lt;/b&gt; (offline data derived from caniemail.com)</source>
        <translation>&lt;b&gt;各用戶端系列的 HTML 支援&lt;/b&gt;（離線資料，源自 caniemail.com）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client family</source>
        <translation>用戶端系列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not supported</source>
        <translation>不支援</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Partly supported</source>
        <translation>部分支援</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Checks (%1)</source>
        <translation>檢查（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checks</source>
        <translation>檢查</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No problems found: the message passes every check.</source>
        <translation>未發現問題：郵件通過了所有檢查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 errors, %2 warnings, %3 notes. Errors break the message for some recipients; warnings cost deliverability or readability.</source>
        <translation>%1 個錯誤，%2 個警告，%3 個提示。錯誤會讓部分收件人無法正常收到郵件；警告會影響送達率或可讀性。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>not supported</source>
        <translation>不支援</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>partly supported</source>
        <translation>部分支援</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>— (supports every checked feature)</source>
        <translation>—（支援所有檢查的功能）</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::ComposeDialog</name>
    <message>
        <location filename="../ui/outgoing/ComposeDialog.cpp" line="+95"/>
        <source>Compose Test Message</source>
        <translation>撰寫測試郵件</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;From:</source>
        <translation>寄件者(&amp;F)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name &lt;sender@example.com&gt;</source>
        <translation>姓名 &lt;sender@example.com&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>收件者(&amp;T)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>someone@example.com, Name &lt;other@example.com&gt;</source>
        <translation>someone@example.com, 姓名 &lt;other@example.com&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cc:</source>
        <translation>副本(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bcc:</source>
        <translation>密件副本(&amp;B)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>envelope only, not in the headers</source>
        <translation>僅在信封中，不寫入標頭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject:</source>
        <translation>主旨(&amp;S)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>any language</source>
        <translation>任何語言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The text/plain body (leave empty for HTML only)</source>
        <translation>text/plain 內文（留空則僅傳送 HTML）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The text/html body (leave empty for plain text only). Inline images dropped here are inserted as &lt;img src=&quot;cid:…&quot;&gt;.</source>
        <translation>text/html 內文（留空則僅傳送純文字）。拖放到此處的內嵌圖片會以 &lt;img src=&quot;cid:…&quot;&gt; 插入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plain te&amp;xt</source>
        <translation>純文字(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;HTML</source>
        <translation>HTML(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attachme&amp;nts (or drop files onto this window):</source>
        <translation>附件(&amp;N)（或將檔案拖放到此視窗）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Attach Files…</source>
        <translation>附加檔案(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;Inline Image…</source>
        <translation>新增內嵌圖片(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Send to &amp;Mailsink</source>
        <translation>傳送到 Mailsink(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deliver to this Mailsink&apos;s own SMTP listener (%1), Ctrl+Return</source>
        <translation>投遞到本 Mailsink 自己的 SMTP 監聽端（%1），Ctrl+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to Ser&amp;ver</source>
        <translation>傳送到伺服器(&amp;V)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+236"/>
        <source>Cl&amp;ose</source>
        <translation>關閉(&amp;O)</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>&lt;b&gt;Cannot read %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;無法讀取 %1：&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Add Inline Images</source>
        <translation>新增內嵌圖片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg);;All files (*)</source>
        <translation>圖片 (*.png *.jpg *.jpeg *.gif *.webp *.svg);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach Files</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 — %2, %3, inline as cid:%4</source>
        <translation>%1 — %2，%3，內嵌為 cid:%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter a From address.</source>
        <translation>請輸入寄件者地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>“%1” is not an e-mail address.</source>
        <translation>「%1」不是有效的電子郵件地址。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter at least one recipient (To, Cc or Bcc).</source>
        <translation>請至少輸入一位收件者（收件者、副本或密件副本）。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sending to Mailsink (%1)…</source>
        <translation>正在傳送到 Mailsink（%1）…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b style=&quot;color:#1a7f37&quot;&gt;✔ Sent to Mailsink&lt;/b&gt; (%1)</source>
        <translation>&lt;b style=&quot;color:#1a7f37&quot;&gt;✔ 已傳送到 Mailsink&lt;/b&gt;（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b style=&quot;color:#cf222e&quot;&gt;✘ Not sent&lt;/b&gt; (stage: %1): %2</source>
        <translation>&lt;b style=&quot;color:#cf222e&quot;&gt;✘ 未傳送&lt;/b&gt;（階段：%1）：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Other Server…</source>
        <translation>其他伺服器(&amp;O)…</translation>
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
        <translation>開啟</translation>
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
        <translation>已拒絕來自 %1 的連線：連線數過多</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Filter by subject, sender, recipient, envelope or client (Ctrl+F)</source>
        <translation>依主旨、寄件者、收件者、信封或用戶端篩選（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also search message bodies</source>
        <translation>同時搜尋郵件內文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads every stored message in the background; slower on large stores</source>
        <translation>在背景讀取每封已儲存的郵件；郵件庫較大時速度較慢</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+217"/>
        <source>Stop listening</source>
        <translation>停止監聽</translation>
    </message>
    <message>
        <location line="-210"/>
        <source>&amp;Open .eml…</source>
        <translation>開啟 .eml(&amp;O)…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Filter…</source>
        <translation>篩選(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tabbed view</source>
        <translation>分頁檢視(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Message</source>
        <translation>郵件(&amp;M)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Server</source>
        <translation>伺服器(&amp;S)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Window</source>
        <translation>視窗(&amp;W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tile</source>
        <translation>並排(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cascade</source>
        <translation>重疊(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next window</source>
        <translation>下一個視窗(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous window</source>
        <translation>上一個視窗(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lose window</source>
        <translation>關閉視窗(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close &amp;all windows</source>
        <translation>關閉所有視窗(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Mailsink keeps catching mail</source>
        <translation>Mailsink 仍在接收郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is still running in the system tray. Quit it from the tray menu.</source>
        <translation>它仍在系統匣中執行。請從系統匣選單結束。</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+38"/>
        <location line="+4"/>
        <source>Not listening: %1</source>
        <translation>未監聽：%1</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Start listening</source>
        <translation>開始監聽</translation>
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
        <translation>正在監聽 &lt;b&gt;%1&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point your application&apos;s SMTP settings at %1</source>
        <translation>將應用程式的 SMTP 設定指向 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not listening (%1)</source>
        <translation>未監聽（%1）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The new language is used when Mailsink starts again. Restart Mailsink now?</source>
        <translation>新語言將在 Mailsink 再次啟動時使用。現在重新啟動 Mailsink 嗎？</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Move the stored messages (%1) there (the folder must be empty), or open the folder as it is and leave the mail where it is now.</source>
        <translation>將已儲存的郵件（%1 封）移到該處（資料夾必須為空），或按原樣開啟該資料夾並將郵件留在原處。</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Listening on %1</source>
        <translation>正在監聽 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another program may be using the port. Quit it, or choose another port in File &gt; Settings, then click Start listening.</source>
        <translation>可能有其他程式正在使用該連接埠。請結束該程式，或在「檔案 &gt; 設定」中選擇其他連接埠，然後點選「開始監聽」。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not listening</source>
        <translation>未在監聽</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Change the store folder</source>
        <translation>變更儲存資料夾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use %1 as the store folder from now on?</source>
        <translation>從現在起使用 %1 作為儲存資料夾？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Move the mail</source>
        <translation>移動郵件(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open the folder</source>
        <translation>開啟資料夾(&amp;O)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+56"/>
        <source>Store folder</source>
        <translation>儲存資料夾</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No store is open and Mailsink is not listening; choose a store folder in File &gt; Settings.</source>
        <translation>沒有開啟的儲存庫，Mailsink 未在監聽；請在「檔案 &gt; 設定」中選擇儲存資料夾。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+15"/>
        <source>Cannot open %1 again: %2</source>
        <translation>無法再次開啟 %1：%2</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Cannot open %1: %2</source>
        <translation>無法開啟 %1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mail moved to %1</source>
        <translation>郵件已移到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store folder: %1</source>
        <translation>儲存資料夾：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Messages: %1</source>
        <translation>郵件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown: %1 of %2</source>
        <translation>顯示：%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections: %1</source>
        <translation>連線：%1</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Open messages</source>
        <translation>開啟郵件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail messages (*.eml *.msg *.txt);;All files (*)</source>
        <translation>電子郵件 (*.eml *.msg *.txt);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MessageActions</name>
    <message>
        <location filename="../ui/list/MessageActions.cpp" line="+50"/>
        <source>Open &amp;message</source>
        <translation>開啟郵件(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export .eml…</source>
        <translation>匯出 .eml(&amp;E)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete &amp;all…</source>
        <translation>全部刪除(&amp;A)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;read</source>
        <translation>標示為已讀(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;unread</source>
        <translation>標示為未讀(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Messages deleted: %1</source>
        <translation>已刪除郵件：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete all stored messages (%1)? This cannot be undone.</source>
        <translation>要刪除所有已儲存的郵件（%1）嗎？此動作無法復原。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleting all messages…</source>
        <translation>正在刪除所有郵件…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>message %1</source>
        <translation>郵件 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>message</source>
        <translation>郵件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export message</source>
        <translation>匯出郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>電子郵件 (*.eml);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the selected messages to</source>
        <translation>將所選郵件匯出到</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages exported: %1</source>
        <translation>已匯出郵件：%1</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MessageBrowser</name>
    <message>
        <location filename="../ui/message/MessageBrowser.cpp" line="+133"/>
        <source>This HTML body is very large (%1 characters); rendering it may take a while.</source>
        <translation>此 HTML 內文非常大（%1 個字元），呈現可能需要一些時間。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Render it anyway</source>
        <translation>仍要呈現</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MessageListModel</name>
    <message>
        <location filename="../ui/list/MessageListModel.cpp" line="+177"/>
        <source>(no subject)</source>
        <translation>（無主旨）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>From: %1
To: %2</source>
        <translation>寄件者：%1
收件者：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Envelope: %1 → %2</source>
        <translation>信封：%1 → %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Received %1, %2</source>
        <translation>接收於 %1，%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Has attachments</source>
        <translation>有附件</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Received</source>
        <translation>接收時間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>寄件者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>收件者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>主旨</translation>
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
        <translation>檢查：在郵件中發現的錯誤和警告（見其「檢查」分頁）</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>No errors or warnings</source>
        <translation>沒有錯誤或警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 個錯誤，%2 個警告</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>message %1</source>
        <translation>郵件 %1</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::MessageWindow</name>
    <message>
        <location filename="../ui/message/MessageWindow.cpp" line="+125"/>
        <source>Message %1</source>
        <translation>郵件 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export .eml…</source>
        <translation>匯出 .eml…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the exact bytes that were received (Ctrl+E)</source>
        <translation>依接收時的原始位元組儲存（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import into store</source>
        <translation>匯入郵件庫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this file into the store so it is listed with caught mail</source>
        <translation>將此檔案複製到郵件庫，使其與攔截的郵件一起列出</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+357"/>
        <source>Import failed</source>
        <translation>匯入失敗</translation>
    </message>
    <message>
        <location line="-334"/>
        <source>Rendered</source>
        <translation>呈現檢視</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain text</source>
        <translation>純文字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the raw header block</source>
        <translation>顯示原始標頭</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value (decoded)</source>
        <translation>值（已解碼）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Headers</source>
        <translation>標頭</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hex</source>
        <translation>十六進位</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Source</source>
        <translation>原始碼</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Envelope &amp;&amp; session</source>
        <translation>信封與工作階段</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+17"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>Save…</source>
        <translation>儲存…</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Save all…</source>
        <translation>全部儲存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag attachments to the desktop or a folder to save them.</source>
        <translation>將附件拖曳到桌面或資料夾即可儲存。</translation>
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
        <translation>檢查</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot show this message</source>
        <translation>無法顯示此郵件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This message has no plain-text body.</source>
        <translation>此郵件沒有純文字內文。</translation>
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
        <translation>（無主旨）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From:</source>
        <translation>寄件者：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>收件者：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cc:</source>
        <translation>副本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bcc:</source>
        <translation>密件副本：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bcc (envelope):</source>
        <translation>密件副本（信封）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received %1 · %2</source>
        <translation>接收於 %1 · %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened from %1 · %2</source>
        <translation>開啟自 %1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, exactly as received.</source>
        <translation>%1，與接收時完全一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes that are not UTF-8 text are shown as \xNN.</source>
        <translation>非 UTF-8 文字的位元組顯示為 \xNN。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the first %1; export the message to see all of it.</source>
        <translation>僅顯示前 %1；匯出郵件可檢視全部內容。</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+27"/>
        <source>File:</source>
        <translation>檔案：</translation>
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
        <translation>無：此郵件是從檔案開啟的，並非透過 SMTP 接收。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received:</source>
        <translation>接收時間：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown: the message was found in the Maildir without its index entry.</source>
        <translation>未知：此郵件位於 Maildir 中，但沒有對應的索引項目。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;&gt; (null sender)</source>
        <translation>&lt;&gt;（空寄件者）</translation>
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
        <translation>用戶端：</translation>
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
        <translation>未驗證</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The message is not loaded.</source>
        <translation>郵件尚未載入。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>message</source>
        <translation>郵件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export message</source>
        <translation>匯出郵件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>電子郵件 (*.eml);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+63"/>
        <location line="+26"/>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Exported to %1</source>
        <translation>已匯出到 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing to import.</source>
        <translation>沒有可匯入的內容。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported into the store as message %1</source>
        <translation>已作為郵件 %1 匯入郵件庫</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot open attachment</source>
        <translation>無法開啟附件</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save attachment</source>
        <translation>儲存附件</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+9"/>
        <location line="+13"/>
        <source>Save failed</source>
        <translation>儲存失敗</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Save attachments to</source>
        <translation>將附件儲存到</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save all attachments to</source>
        <translation>將所有附件儲存到</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attachments saved to %1: %2</source>
        <translation>附件已儲存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::NotificationBatcher</name>
    <message>
        <location filename="../ui/desktop/NotificationBatcher.cpp" line="+35"/>
        <source>(no subject)</source>
        <translation>（無主旨）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>From %1</source>
        <translation>來自 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 new messages</source>
        <translation>%1 封新郵件</translation>
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
        <translation>撰寫測試郵件(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the message, exactly as received, to a real SMTP server</source>
        <translation>將郵件依接收時的原樣傳送到真實的 SMTP 伺服器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a test message and send it to Mailsink or another server</source>
        <translation>撰寫一封測試郵件並傳送到 Mailsink 或其他伺服器</translation>
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
        <translation>放行郵件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message %1 is no longer in the store.</source>
        <translation>郵件 %1 已不在郵件庫中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(no subject)</source>
        <translation>（無主旨）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends “%1” (%2), exactly as it was received, to another server.</source>
        <translation>將「%1」（%2）依接收時的原樣傳送到另一台伺服器。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Send Message</source>
        <translation>傳送郵件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends the message (%1) to an SMTP server.</source>
        <translation>將郵件（%1）傳送到 SMTP 伺服器。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Implicit TLS (SMTPS)</source>
        <translation>隱含式 TLS（SMTPS）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Port:</source>
        <translation>連接埠(&amp;P)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;ecurity:</source>
        <translation>安全性(&amp;E)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remember the password in the &amp;keychain</source>
        <translation>在鑰匙圈中記住密碼(&amp;K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pass&amp;word:</source>
        <translation>密碼(&amp;W)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recent:</source>
        <translation>最近使用(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host:</source>
        <translation>主機(&amp;H)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Envelope</source>
        <translation>信封</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>empty for the null sender &lt;&gt;</source>
        <translation>留空表示空寄件者 &lt;&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one address per line</source>
        <translation>每行一個地址</translation>
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
        <translation>SMTP 對話(&amp;V)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Send</source>
        <translation>傳送(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust This &amp;Certificate and Retry</source>
        <translation>信任此憑證並重試(&amp;C)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>(none yet)</source>
        <translation>（尚無）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New server</source>
        <translation>新伺服器</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>&lt;b&gt;Cannot read the message:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;無法讀取郵件：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cl&amp;ose</source>
        <translation>關閉(&amp;O)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Connecting to %1…</source>
        <translation>正在連線到 %1…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&lt;b style=&quot;color:#1a7f37&quot;&gt;✔ Delivered&lt;/b&gt; to %1.</source>
        <translation>&lt;b style=&quot;color:#1a7f37&quot;&gt;✔ 已投遞&lt;/b&gt;到 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+13"/>
        <source>The server replied: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>伺服器回覆：&lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Refused recipients:</source>
        <translation>被拒絕的收件者：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b style=&quot;color:#cf222e&quot;&gt;✘ Not delivered&lt;/b&gt; (stage: %1): %2</source>
        <translation>&lt;b style=&quot;color:#cf222e&quot;&gt;✘ 未投遞&lt;/b&gt;（階段：%1）：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server&apos;s certificate is not trusted (%1). Its SHA-256 fingerprint is&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Trust it only if you know it is this server&apos;s.</source>
        <translation>伺服器的憑證不受信任（%1）。其 SHA-256 指紋為&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;僅在確認它屬於該伺服器時才信任它。</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::RenderedView</name>
    <message>
        <location filename="../ui/message/RenderedView.cpp" line="+49"/>
        <source>Load for this message</source>
        <translation>為此郵件載入</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The dark preview needs the browser engine (Qt WebEngine).</source>
        <translation>深色預覽需要瀏覽器引擎（Qt WebEngine）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt text engine</source>
        <translation>Qt 文字引擎</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailsink was built without Qt WebEngine, or it is turned off: this view supports only part of the CSS that mail clients support.</source>
        <translation>Mailsink 建置時未包含 Qt WebEngine，或它已被關閉：此檢視只支援郵件用戶端所支援 CSS 的一部分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chromium (Qt WebEngine)</source>
        <translation>Chromium（Qt WebEngine）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scripts are off; nothing remote loads until you allow it.</source>
        <translation>指令碼已關閉；在您允許之前不載入任何遠端內容。</translation>
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
        <translation>手機（375 像素）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the view, as on these devices (media queries apply)</source>
        <translation>檢視寬度，與這些裝置相同（媒體查詢生效）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview in dark mode: the message&apos;s own dark styles (prefers-color-scheme) apply, as in Apple Mail</source>
        <translation>以深色模式預覽：套用郵件自身的深色樣式（prefers-color-scheme），與 Apple Mail 相同</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actual size (Ctrl+0)</source>
        <translation>實際大小（Ctrl+0）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>Remote content blocked (1 request)</source>
        <translation>已封鎖遠端內容（1 個請求）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote content blocked (%1 requests)</source>
        <translation>已封鎖遠端內容（%1 個請求）</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::ServerActions</name>
    <message>
        <location filename="../ui/ServerActions.cpp" line="+72"/>
        <source>Serve &amp;IMAP</source>
        <translation>提供 IMAP 服務(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Serve &amp;POP3</source>
        <translation>提供 POP3 服務(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let mail clients fetch the caught mail over POP3</source>
        <translation>允許郵件用戶端透過 POP3 收取攔截的郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let mail clients read the caught mail over IMAP</source>
        <translation>允許郵件用戶端透過 IMAP 讀取攔截的郵件</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+50"/>
        <source>IMAP off: %1</source>
        <translation>IMAP 未啟用：%1</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+50"/>
        <source>POP3 off: %1</source>
        <translation>POP3 未啟用：%1</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>IMAPS off: %1</source>
        <translation>IMAPS 未啟用：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>POP3S off: %1</source>
        <translation>POP3S 未啟用：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>IMAP off</source>
        <translation>IMAP 已關閉</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>POP3 off</source>
        <translation>POP3 已關閉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn it on in Server &gt; Serve IMAP.</source>
        <translation>可在「伺服器 &gt; 提供 IMAP 服務」中開啟。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turn it on in Server &gt; Serve POP3.</source>
        <translation>可在「伺服器 &gt; 提供 POP3 服務」中開啟。</translation>
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
        <translation>IMAP 位於 &lt;b&gt;%1&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source> (STARTTLS)</source>
        <translation>（STARTTLS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POP3 on &lt;b&gt;%1&lt;/b&gt;%2</source>
        <translation>POP3 位於 &lt;b&gt;%1&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail clients can fetch the caught mail here: user &quot;all&quot; sees every message, an e-mail address as user name sees only mail to it; any password.</source>
        <translation>郵件用戶端可在此收取攔截的郵件：使用者名稱為「all」時可看到所有郵件，以電子郵件地址作為使用者名稱時只能看到寄給該地址的郵件；密碼不限。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail clients can read the caught mail here: user &quot;all&quot; sees every message, an e-mail address as user name sees only mail to it; any password. Read and unread are shared with this window.</source>
        <translation>郵件用戶端可在此讀取攔截的郵件：使用者名稱為「all」時可看到所有郵件，以電子郵件地址作為使用者名稱時只能看到寄給該地址的郵件；密碼不限。已讀與未讀狀態與本視窗共用。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose another address in File &gt; Settings.</source>
        <translation>請在「檔案 &gt; 設定」中選擇其他位址。</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::ServerController</name>
    <message>
        <location filename="../ui/ServerController.cpp" line="+161"/>
        <source>no store is open</source>
        <translation>沒有開啟的儲存庫</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot listen for %1 on %2: no TLS certificate</source>
        <translation>無法在 %2 上監聽 %1：沒有 TLS 憑證</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>cannot listen on %1: %2</source>
        <translation>無法在 %1 上監聽：%2</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::SessionWindow</name>
    <message>
        <location filename="../ui/session/SessionWindow.cpp" line="+45"/>
        <source>Session %1 — %2:%3</source>
        <translation>工作階段 %1 — %2:%3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&lt;b style=&quot;color:#1e7b34&quot;&gt;● Connected&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:#1e7b34&quot;&gt;● 已連線&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b style=&quot;color:#6b7280&quot;&gt;○ Ended&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:#6b7280&quot;&gt;○ 已結束&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client %1:%2</source>
        <translation>用戶端 %1:%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>since %1</source>
        <translation>始於 %1</translation>
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
        <translation>AUTH 身分：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>messages: %1</source>
        <translation>郵件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;receiving message: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;正在接收郵件：%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>End connection?</source>
        <translation>結束連線？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client %1 is still connected. Close this window and end the connection? The server replies &quot;421&quot; and hangs up; a message in transfer is not stored.</source>
        <translation>用戶端 %1 仍在連線中。要關閉此視窗並結束連線嗎？伺服器會回覆「421」並中斷連線；傳輸中的郵件不會被儲存。</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::SessionsDock</name>
    <message>
        <location filename="../ui/session/SessionsDock.cpp" line="+25"/>
        <source>Sessions</source>
        <translation>工作階段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a window for each &amp;new session</source>
        <translation>為每個新工作階段開啟視窗(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every SMTP connection; double-click to open its conversation</source>
        <translation>所有 SMTP 連線；按兩下可開啟其對話記錄</translation>
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
        <translation>已連線</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>已結束</translation>
    </message>
</context>
<context>
    <name>MailSink::Ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/SettingsDialog.cpp" line="+57"/>
        <source>Mailsink Settings</source>
        <translation>Mailsink 設定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Listening</source>
        <translation>監聽(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Security</source>
        <translation>安全性(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Li&amp;mits</source>
        <translation>限制(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Application</source>
        <translation>應用程式(&amp;A)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>127.0.0.1 accepts connections from this computer only; 0.0.0.0 (or ::) from the network too</source>
        <translation>127.0.0.1 只接受來自本機的連線；0.0.0.0（或 ::）也接受來自網路的連線</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any free port</source>
        <translation>任意可用連接埠</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listen on</source>
        <translation>監聽位址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMTP</source>
        <translation>SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTPS (implicit TLS)</source>
        <translation>SMTPS（隱含式 TLS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POP3</source>
        <translation>POP3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POP3S (implicit TLS)</source>
        <translation>POP3S（隱含式 TLS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAPS (implicit TLS)</source>
        <translation>IMAPS（隱含式 TLS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP API (Mailpit-compatible)</source>
        <translation>HTTP API（與 Mailpit 相容）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a listener whose address changes is restarted; connections in progress on the others go on. Ports below 1024 usually need administrator rights.</source>
        <translation>只有位址變更的監聽器會重新啟動；其他監聽器上進行中的連線不受影響。低於 1024 的連接埠通常需要系統管理員權限。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Self-signed certificate for localhost, kept in the store folder</source>
        <translation>localhost 的自簽憑證，保存在儲存資料夾中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate a new one</source>
        <translation>產生新憑證(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients that trusted the old certificate will have to trust the new one</source>
        <translation>信任舊憑證的用戶端需要重新信任新憑證</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate and key from PEM files:</source>
        <translation>來自 PEM 檔案的憑證與金鑰：</translation>
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
        <translation>選擇檔案</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 檔案 (*.pem *.crt *.key);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certificate:</source>
        <translation>憑證：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the certificate</source>
        <translation>選擇憑證</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key:</source>
        <translation>私密金鑰：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the private key</source>
        <translation>選擇私密金鑰</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Authentication</source>
        <translation>驗證</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Offer STARTTLS and STLS (needed for SMTPS, POP3S and IMAPS)</source>
        <translation>提供 STARTTLS 與 STLS（SMTPS、POP3S 與 IMAPS 需要）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Require AUTH before MAIL (SMTP) and check the password (POP3, IMAP)</source>
        <translation>要求在 MAIL 之前進行 AUTH（SMTP）並檢查密碼（POP3、IMAP）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name:</source>
        <translation>使用者名稱：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密碼：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use test credentials: they are kept in Mailsink&apos;s settings file. Without this option any user name and password are accepted.</source>
        <translation>請使用測試憑據：它們保存在 Mailsink 的設定檔中。未啟用此選項時，接受任何使用者名稱與密碼。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No limit</source>
        <translation>無限制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announced as SIZE; larger messages are refused with 552</source>
        <translation>以 SIZE 公告；更大的郵件以 552 拒絕</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Beyond this many SMTP connections at once, new ones get 421</source>
        <translation>同時超過此數量的 SMTP 連線時，新連線收到 421</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An SMTP client silent this long is disconnected with 421</source>
        <translation>SMTP 用戶端靜默這麼久後以 421 中斷連線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest message:</source>
        <translation>最大郵件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections at once:</source>
        <translation>同時連線數：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle timeout:</source>
        <translation>閒置逾時：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limits apply to connections made from now on.</source>
        <translation>限制適用於此後建立的連線。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a folder</source>
        <translation>選擇資料夾</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store folder</source>
        <translation>儲存資料夾</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store folder:</source>
        <translation>儲存資料夾：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Maildir plus its index. Choosing another folder asks whether to move the mail there or to open the folder as it is.</source>
        <translation>一個 Maildir 及其索引。選擇其他資料夾時，會詢問要將郵件移到該處，還是按原樣開啟該資料夾。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a window for each new SMTP session</source>
        <translation>為每個新的 SMTP 工作階段開啟一個視窗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show a desktop notification for new mail</source>
        <translation>新郵件到達時顯示桌面通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing or minimizing the window keeps Mailsink running in the system tray</source>
        <translation>關閉或最小化視窗後 Mailsink 繼續在系統匣中執行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>System language</source>
        <translation>系統語言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language is used from the next start.</source>
        <translation>新語言將於下次啟動時生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme:</source>
        <translation>主題：</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>POP3 is not available in this run</source>
        <translation>本次執行中 POP3 無法使用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>IMAP is not available in this run</source>
        <translation>本次執行中 IMAP 無法使用</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Set on the command line for this run, so not editable here: %1</source>
        <translation>已在本次執行的命令列中設定，因此無法在此編輯：%1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>TLS: choose both the certificate and the private key file</source>
        <translation>TLS：請同時選擇憑證檔案與私密金鑰檔案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Authentication: enter the user name and password clients must use</source>
        <translation>驗證：請輸入用戶端必須使用的使用者名稱與密碼</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>TLS: %1. TLS stays as it was.</source>
        <translation>TLS：%1。TLS 維持不變。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2. Still listening on %3.</source>
        <translation>%1：%2。仍在監聽 %3。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2. Not listening.</source>
        <translation>%1：%2。未在監聽。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A new self-signed certificate is in use for new connections.</source>
        <translation>新的自簽憑證已用於新連線。</translation>
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
        <translation>顯示 Mailsink(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notify of new mail</source>
        <translation>新郵件通知(&amp;N)</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Mailsink</source>
        <translation>Mailsink</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No unread messages</source>
        <translation>沒有未讀郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 unread message</source>
        <translation>1 封未讀郵件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 unread messages</source>
        <translation>%1 封未讀郵件</translation>
    </message>
</context>
<context>
    <name>MessageLoader</name>
    <message>
        <location filename="../ui/message/MessageLoader.cpp" line="+121"/>
        <source>message %1 is no longer in the store</source>
        <translation>郵件 %1 已不在郵件庫中</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
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
        <translation>%1 位於儲存資料夾內（或包含它）；請選擇其他位置的資料夾</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not empty; choose an empty folder to move the mail to, or open it as it is</source>
        <translation>%1 不是空的；請選擇一個空資料夾來移動郵件，或按原樣開啟它</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>another Mailsink is using %1</source>
        <translation>另一個 Mailsink 正在使用 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create %1</source>
        <translation>無法建立 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot move %1 to %2</source>
        <translation>無法將 %1 移到 %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot copy to %1: %2</source>
        <translation>無法複製到 %1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+10"/>
        <location line="+5"/>
        <source>cannot copy %1: %2</source>
        <translation>無法複製 %1：%2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>could not put back %1; nothing was deleted</source>
        <translation>無法放回 %1；未刪除任何內容</translation>
    </message>
</context>
<context>
    <name>TemporaryFiles</name>
    <message>
        <location filename="../ui/common/TemporaryFiles.cpp" line="+31"/>
        <source>cannot create a temporary folder</source>
        <translation>無法建立暫存資料夾</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot create %1</source>
        <translation>無法建立 %1</translation>
    </message>
</context>
</TS>
