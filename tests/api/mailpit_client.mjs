// Drives Mailsink's HTTP API with the real `mailpit-api` npm client, as a test suite using Mailpit would.
// MAILPIT_URL: the API; NODE_PATH-style import from MAILPIT_MODULES. Exits non-zero on the first failure.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.MAILPIT_MODULES, 'x.js'));
const { MailpitClient } = require('mailpit-api');

const mailpit = new MailpitClient(process.env.MAILPIT_URL);
const step = (name) => console.log('- ' + name);

step('info and configuration');
const info = await mailpit.getInfo();
assert.equal(info.Messages, 3);
assert.equal(info.Unread, 3);
const config = await mailpit.getConfiguration();
assert.equal(config.MessageRelay.Enabled, true);
assert.equal(config.ChaosEnabled, true);

step('list, newest first, with paging');
const list = await mailpit.listMessages();
assert.equal(list.total, 3);
assert.equal(list.messages_count, 3);
assert.equal(list.unread, 3);
assert.equal(list.messages.length, 3);
assert.deepEqual(list.messages.map((m) => m.Subject), ['Invoice 42 attached', 'Weekly report', 'Welcome aboard']);
const page = await mailpit.listMessages(1, 1);
assert.equal(page.messages.length, 1);
assert.equal(page.start, 1);
assert.equal(page.messages[0].Subject, 'Weekly report');
const invoice = list.messages[0];
assert.equal(invoice.From.Address, 'billing@shop.example');
assert.equal(invoice.From.Name, 'Shop Billing');
assert.deepEqual(invoice.To.map((a) => a.Address), ['dev@example.com']);
assert.deepEqual(invoice.Bcc.map((a) => a.Address), ['audit@example.com']); // from the envelope only
assert.equal(invoice.Attachments, 1);
assert.equal(invoice.Read, false);
assert.deepEqual(invoice.Tags, []);
assert.match(invoice.Created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
assert.match(invoice.Snippet, /Please find your invoice/);

step('search: fields, phrases, negation, flags');
const count = async (query) => (await mailpit.searchMessages({ query })).messages_count;
assert.equal(await count('subject:"Invoice 42"'), 1);
assert.equal(await count('from:carol'), 1);
assert.equal(await count('to:dev@example.com'), 2);
assert.equal(await count('has:attachment'), 1);
assert.equal(await count('-has:attachment'), 2);
assert.equal(await count('"weekly report"'), 1);
assert.equal(await count('-subject:invoice is:unread'), 2);
assert.equal(await count('bcc:audit@example.com'), 1);
assert.equal(await count('message-id:welcome-1@example.com'), 1);
assert.equal(await count('tracking-code-7781'), 1); // a word in the body only
assert.equal(await count('nothing-matches-this'), 0);
assert.equal(await count('after:2000-01-01 before:2999-01-01'), 3);
const found = await mailpit.searchMessages({ query: 'from:carol' });
assert.equal(found.total, 3);
assert.equal(found.messages[0].Subject, 'Weekly report');

step('read a message: summary, headers, source, attachment');
const full = await mailpit.getMessageSummary(invoice.ID);
assert.equal(full.Subject, 'Invoice 42 attached');
assert.equal(full.Attachments.length, 1);
assert.equal(full.Attachments[0].FileName, 'invoice-42.txt');
assert.equal(full.Attachments[0].ContentType, 'text/plain');
assert.match(full.Text, /Please find your invoice/);
assert.equal(full.ReturnPath, 'billing@shop.example');
const latest = await mailpit.getMessageSummary();
assert.equal(latest.ID, invoice.ID);
const headers = await mailpit.getMessageHeaders(invoice.ID);
assert.deepEqual(headers.Subject, ['Invoice 42 attached']);
assert.ok(headers['Message-Id'][0].includes('invoice-42@shop.example'));
const source = await mailpit.getMessageSource(invoice.ID);
assert.ok(source.startsWith('From: Shop Billing <billing@shop.example>\r\n'));
const blob = await mailpit.getMessageAttachment(invoice.ID, full.Attachments[0].PartID);
assert.equal(await blob.text(), 'Total: 42.00 EUR\r\n');
await assert.rejects(mailpit.getMessageSummary('999999'), /404/);
assert.match(await mailpit.renderMessageText(invoice.ID), /^Please find your invoice attached\./);
await assert.rejects(mailpit.renderMessageHTML(invoice.ID), /404/); // it has no HTML part

step('read status');
assert.equal((await mailpit.listMessages()).unread, 2); // fetching the summary marked it read, as Mailpit does
await mailpit.setReadStatus({ IDs: [list.messages[1].ID], Read: true });
let after = await mailpit.listMessages();
assert.equal(after.unread, 1);
assert.equal(after.messages[1].Read, true);
await mailpit.setReadStatus({ Read: false });
assert.equal((await mailpit.listMessages()).unread, 3);
await mailpit.setReadStatus({ Search: 'from:carol', Read: true });
assert.equal((await mailpit.searchMessages({ query: 'is:read' })).messages_count, 1);

step('release through the relay');
assert.equal(await mailpit.releaseMessage(invoice.ID, { To: ['accounting@relay.example'] }), 'ok');
await assert.rejects(mailpit.releaseMessage(invoice.ID, { To: ['not an address'] }), /400/);

step('send');
const sent = await mailpit.sendMessage({
  From: { Email: 'api@example.com', Name: 'API Sender' },
  To: [{ Email: 'someone@example.com', Name: 'Some One' }],
  Bcc: ['secret@example.com'],
  Subject: 'Sent over the API',
  Text: 'Plain body',
  HTML: '<p>HTML body</p>',
  Attachments: [{ Content: Buffer.from('attached bytes').toString('base64'), Filename: 'a.txt', ContentType: 'text/plain' }],
  Headers: { 'X-Test-Run': '12' },
});
assert.match(sent.ID, /^\d+$/);
const sentMessage = await mailpit.waitForMessage({ query: 'subject:"Sent over the API"' }, { timeout: 5000, interval: 100 });
assert.equal(sentMessage.ID, sent.ID);
assert.equal(sentMessage.From.Name, 'API Sender');
assert.deepEqual(sentMessage.Bcc.map((a) => a.Address), ['secret@example.com']);
assert.equal(sentMessage.Attachments[0].FileName, 'a.txt');
assert.equal(sentMessage.HTML, '<p>HTML body</p>');
assert.equal(await mailpit.renderMessageHTML(sent.ID), '<p>HTML body</p>');
const waited = await mailpit.waitForMessages({ count: 4 }, { timeout: 5000, interval: 100 });
assert.equal(waited.messages_count, 4);

step('tags are empty but harmless');
assert.deepEqual(await mailpit.getTags(), []);
assert.equal(await mailpit.setTags({ IDs: [sent.ID], Tags: ['x'] }), 'ok');

step('chaos triggers');
const chaos = await mailpit.getChaosTriggers();
assert.deepEqual(chaos.Sender, { ErrorCode: 451, Probability: 0 });
const set = await mailpit.setChaosTriggers({ Recipient: { ErrorCode: 550, Probability: 25 } });
assert.deepEqual(set.Recipient, { ErrorCode: 550, Probability: 25 });
assert.deepEqual(set.Authentication, { ErrorCode: 535, Probability: 0 });
await mailpit.setChaosTriggers();

step('delete');
await mailpit.deleteMessages({ IDs: [sent.ID] });
assert.equal((await mailpit.listMessages()).total, 3);
await assert.rejects(mailpit.getMessageSummary(sent.ID), /404/);
await mailpit.deleteMessagesBySearch({ query: 'from:carol' });
assert.equal((await mailpit.listMessages()).total, 2);
await mailpit.deleteMessages();
assert.equal((await mailpit.listMessages()).total, 0);
console.log('mailpit-api: all checks passed');
