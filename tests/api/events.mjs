// Mailpit's live events on /api/events, read with the `ws` npm client. Prints "connected", then expects
// the test driver to deliver one message over SMTP; then changes the store through the API itself.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

const require = createRequire(path.join(process.env.MAILPIT_MODULES, 'x.js'));
const WebSocket = require('ws');
const base = process.env.MAILPIT_URL;
const headers = process.env.MAILPIT_AUTH ? { Authorization: 'Basic ' + Buffer.from(process.env.MAILPIT_AUTH).toString('base64') } : {};

const events = [];
let waiting = null;
const socket = new WebSocket(base.replace('http', 'ws') + '/api/events', { headers });
socket.on('message', (data) => {
  const event = JSON.parse(data.toString());
  events.push(event);
  if (waiting && waiting.match(event)) {
    const w = waiting;
    waiting = null;
    w.resolve(event);
  }
});
const next = (type, pred = () => true, ms = 5000) => {
  const already = events.find((e) => e.Type === type && pred(e.Data) && !e.seen);
  if (already) {
    already.seen = true;
    return Promise.resolve(already);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no ' + type + ' event within ' + ms + ' ms; got ' + JSON.stringify(events))), ms);
    waiting = {
      match: (e) => e.Type === type && pred(e.Data),
      resolve: (e) => { clearTimeout(timer); e.seen = true; resolve(e); },
    };
  });
};
const api = async (method, p, body) => {
  const response = await fetch(base + p, { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  if (response.status !== 200)
    assert.fail(method + ' ' + p + ': ' + response.status + ' ' + (await response.text()));
  return response;
};

await new Promise((resolve, reject) => { socket.on('open', resolve); socket.on('error', reject); });
console.log('connected');

// 1. SMTP delivery (by the driver) -> "new" with the message summary, then "stats".
const created = await next('new', (d) => d.Subject === 'Live event', 15000);
assert.equal(created.Data.From.Address, 'live@example.com');
assert.equal(created.Data.Read, false);
assert.match(created.Data.ID, /^\d+$/);
assert.deepEqual(created.Data.Tags, []);
const stats = await next('stats', (d) => d.Total === 1);
assert.equal(stats.Data.Unread, 1);
assert.ok(stats.Data.Version);

// 2. Marked read -> "update" {ID, Read}.
await api('PUT', '/api/v1/messages', { IDs: [created.Data.ID], Read: true });
const update = await next('update');
assert.deepEqual(update.Data, { ID: created.Data.ID, Read: true });
await next('stats', (d) => d.Unread === 0);

// 3. A message sent over the API, then deleted by ID -> "new", "delete" {ID}.
const sent = await (await api('POST', '/api/v1/send', { From: { Email: 'a@example.com' }, To: [{ Email: 'b@example.com' }], Subject: 'Second' })).json();
await next('new', (d) => d.ID === sent.ID);
await api('DELETE', '/api/v1/messages', { IDs: [sent.ID] });
const deleted = await next('delete');
assert.deepEqual(deleted.Data, { ID: sent.ID });

// 4. Delete all -> one "truncate", no per-message deletes.
const before = events.length;
await api('DELETE', '/api/v1/messages');
await next('truncate');
await next('stats', (d) => d.Total === 0);
assert.equal(events.slice(before).filter((e) => e.Type === 'delete').length, 0);

socket.close();
console.log('events: all checks passed');
