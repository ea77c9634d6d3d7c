// The yardstick: the part of protocol v1 that hubbub-bench's fanout and connections modes use,
// served by the npm `ws` package with no persistence. hubbub-server is measured against it in
// the same run (scripts/bench.sh). It runs as fast as `ws`'s own README would have it: every
// request is JSON.parse'd, every event is JSON.stringify'd and encoded to UTF-8 once, and that
// one Buffer goes to each authenticated connection with ws.send() (the README's broadcast loop).
// docs/performance.md ("The yardstick") has the measurements behind each choice.
// Usage: node yardstick.js [--port N] [--tls-cert FILE --tls-key FILE]
//        (port 0 picks a free one; always 127.0.0.1; with the certificate, wss://)
'use strict';
const WebSocket = require('ws');
const { WebSocketServer } = WebSocket;
const crypto = require('crypto');

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 7399;

const usersByName = new Map(); // lower-cased username -> {user, password}
const usersByToken = new Map(); // token -> user
const authenticated = new Set();
let nextUserId = 1;
let nextPostId = 1;
let seq = 0;

const now = () => new Date().toISOString();
const ok = (id, result) => JSON.stringify({ type: 'reply', id, ok: true, ...result });
const fail = (id, code, message) =>
  JSON.stringify({ type: 'reply', id, ok: false, error: { code, message } });

function signIn(ws, user) {
  ws.user = user;
  authenticated.add(ws);
}

function handle(ws, m) {
  const id = Number.isSafeInteger(m.id) && m.id >= 0 ? m.id : null;
  if (typeof m.type !== 'string' || id === null) return fail(id, 'bad_request', 'Bad request.');
  switch (m.type) {
    case 'hello':
      return ok(id, { protocol: 1, server: 'yardstick/1.0.0', head: seq });
    case 'ping':
      return ok(id, { time: now() });
    case 'auth.register': {
      if (typeof m.username !== 'string' || typeof m.password !== 'string')
        return fail(id, 'bad_request', 'Bad request.');
      const key = m.username.toLowerCase();
      if (usersByName.has(key)) return fail(id, 'conflict', 'That username is taken.');
      const user = { id: nextUserId++, username: m.username, role: 'member' };
      usersByName.set(key, { user, password: m.password });
      const token = crypto.randomBytes(32).toString('base64url');
      usersByToken.set(token, user);
      signIn(ws, user);
      return ok(id, { user, token });
    }
    case 'auth.login': {
      const entry = usersByName.get(String(m.username).toLowerCase());
      if (!entry || entry.password !== m.password)
        return fail(id, 'unauthorized', 'Wrong username or password.');
      const token = crypto.randomBytes(32).toString('base64url');
      usersByToken.set(token, entry.user);
      signIn(ws, entry.user);
      return ok(id, { user: entry.user, token });
    }
    case 'auth.token': {
      const user = usersByToken.get(m.token);
      if (!user) return fail(id, 'unauthorized', 'The token is not valid.');
      signIn(ws, user);
      return ok(id, { user });
    }
  }
  if (!ws.user) return fail(id, 'unauthorized', 'Log in first.');
  if (m.type !== 'post.create') return fail(id, 'bad_request', 'Unknown type.');
  if (typeof m.title !== 'string' || typeof m.content !== 'string')
    return fail(id, 'bad_request', 'Bad request.');
  const title = m.title.trim();
  if (title.length < 1 || title.length > 200)
    return fail(id, 'invalid', 'The title must be 1 to 200 characters.');
  const post = {
    id: nextPostId++, author: ws.user, title, content: m.content, imageId: null,
    createdAt: now(), updatedAt: null, rating: { average: 0, count: 0 },
  };
  seq += 1;
  // As hubbub does: the event goes out to everyone, then the author gets the reply. A string
  // would be measured and encoded to UTF-8 again for every connection inside ws.send(); the
  // Buffer is sent as it is (binary: false keeps it a text frame).
  const frame = Buffer.from(JSON.stringify({ type: 'event', seq, event: 'post.created', post }));
  for (const client of authenticated) {
    if (client.readyState === WebSocket.OPEN) client.send(frame, { binary: false });
  }
  return ok(id, { post, seq });
}

// With --tls-cert and --tls-key, wss://: Node's own https server under `ws`, the way ws's README
// serves TLS, with TLS 1.2 as the least version, as hubbub-server.
const certArg = args.indexOf('--tls-cert');
const keyArg = args.indexOf('--tls-key');
let https = null;
if (certArg >= 0 && keyArg >= 0) {
  const fs = require('fs');
  https = require('https').createServer({
    cert: fs.readFileSync(args[certArg + 1]),
    key: fs.readFileSync(args[keyArg + 1]),
    minVersion: 'TLSv1.2',
  });
}
const server = https
  ? new WebSocketServer({ server: https, perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 })
  : new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false,
    maxPayload: 16 * 1024 * 1024, backlog: 1024 });
server.on('connection', (ws) => {
  ws.user = null;
  ws.on('message', (data, isBinary) => {
    let reply;
    if (isBinary) {
      reply = fail(null, 'bad_request', 'Binary frames are not accepted.');
    } else {
      let m;
      try { m = JSON.parse(data); } catch { m = null; }
      reply = m && typeof m === 'object' && !Array.isArray(m)
        ? handle(ws, m) : fail(null, 'bad_request', 'Not a JSON object.');
    }
    ws.send(reply);
  });
  ws.on('close', () => authenticated.delete(ws));
  ws.on('error', () => authenticated.delete(ws));
});
if (https) {
  https.listen({ host: '127.0.0.1', port, backlog: 1024 }, () => {
    console.log(`Listening on wss://127.0.0.1:${https.address().port}`);
  });
} else {
  server.on('listening', () => {
    console.log(`Listening on ws://127.0.0.1:${server.address().port}`);
  });
}
const stop = () => { for (const ws of server.clients) ws.terminate(); server.close(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
