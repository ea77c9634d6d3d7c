// A second load generator, written the way an outsider would write one, to check hubbub-bench's
// fan-out figures: one Node process, npm `ws` clients that read as fast as they can, W writer
// sockets posting ~200-byte messages at R/s in total, N subscribers. It reports the server's CPU
// per delivery (utime+stime from /proc over the measured window, drain included) and the
// latency from a writer's send to each subscriber's receipt. Not part of scripts/bench.sh's
// table; docs/performance.md says what it found.
// Usage: node crosscheck.js --url ws://127.0.0.1:PORT --pid PID [--protocol v1|plain]
//        [--subscribers 1000] [--rate 50] [--seconds 10] [--writers 8]
// --protocol v1 speaks Hubbub protocol v1 (hubbub-server, yardstick.js); plain sends raw text to
// a broadcast-everything server (broadcast.js).
'use strict';
const fs = require('fs');
const WebSocket = require('ws');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const url = arg('url');
const pid = Number(arg('pid', 0));
const protocol = arg('protocol', 'v1');
const subscribers = Number(arg('subscribers', 1000));
const rate = Number(arg('rate', 50));
const seconds = Number(arg('seconds', 10));
const writerCount = Number(arg('writers', 8));
if (!url || !/^ws:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+/.test(url)) {
  console.error('crosscheck: give --url ws://127.0.0.1:PORT (loopback only)');
  process.exit(2);
}
// Hard deadline: never outlive a stuck server.
setTimeout(() => { console.error('crosscheck: deadline passed'); process.exit(3); },
  (120 + seconds * 2) * 1000).unref();

const nowNs = () => process.hrtime.bigint();
const cpuMicros = () => {
  if (!pid) return NaN;
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 1e6 / 100; // USER_HZ is 100 on Linux
};
const selfCpuMicros = () => { const u = process.cpuUsage(); return u.user + u.system; };

const open = (onMessage) => new Promise((resolve, reject) => {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  ws.on('open', () => resolve(ws));
  ws.on('error', reject);
  ws.on('message', (data) => onMessage(ws, data));
});

// v1: one request and its reply on a fresh socket (hello and auth happen once per socket).
let nextId = 1;
const pending = new Map();
const onReply = (ws, data) => {
  if (data.indexOf('"type":"reply"') < 0) return false;
  const m = JSON.parse(data);
  const cb = pending.get(m.id);
  if (cb) { pending.delete(m.id); cb(m); }
  return true;
};
const call = (ws, type, fields) => new Promise((resolve) => {
  const id = nextId++;
  pending.set(id, resolve);
  ws.send(JSON.stringify({ type, id, ...fields }));
});

const latencies = [];
let deliveries = 0;
let counting = false;
const marker = Buffer.from('xc w=');
const onDelivery = (data) => {
  const at = data.indexOf(marker);
  if (at < 0) return;
  const t = data.indexOf('t=', at);
  let end = t + 2;
  while (data[end] >= 48 && data[end] <= 57) ++end;
  const sent = BigInt(data.toString('latin1', t + 2, end));
  if (!counting) return;
  ++deliveries;
  latencies.push(Number(nowNs() - sent) / 1e6);
};

async function main() {
  const writers = [];
  const tokens = [];
  const run = Math.random().toString(36).slice(2, 8);
  for (let w = 0; w < writerCount; ++w) {
    const ws = await open((s, data) => { if (!(protocol === 'v1' && onReply(s, data))) onDelivery(data); });
    if (protocol === 'v1') {
      await call(ws, 'hello', { protocol: 1, client: 'crosscheck/1' });
      const r = await call(ws, 'auth.register', { username: `xc-${run}-${w}`, password: 'crosscheck-password-1' });
      if (!r.ok) throw new Error(`auth.register: ${JSON.stringify(r)}`);
      tokens.push(r.token);
    }
    writers.push(ws);
  }
  const subs = [];
  for (let i = 0; i < subscribers; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(subscribers, i + 100); ++j) {
      batch.push((async () => {
        const ws = await open((s, data) => { if (!(protocol === 'v1' && onReply(s, data))) onDelivery(data); });
        if (protocol === 'v1') {
          await call(ws, 'hello', { protocol: 1, client: 'crosscheck/1' });
          const r = await call(ws, 'auth.token', { token: tokens[j % tokens.length] });
          if (!r.ok) throw new Error(`auth.token: ${JSON.stringify(r)}`);
        }
        return ws;
      })());
    }
    subs.push(...await Promise.all(batch));
  }
  await new Promise((r) => setTimeout(r, 500));

  const pad = 'y'.repeat(150);
  let sent = 0;
  const post = (w, seq) => {
    const title = `xc w=${w} s=${seq} t=${nowNs()}`;
    if (protocol === 'v1')
      writers[w].send(JSON.stringify({ type: 'post.create', id: nextId++, title, content: pad }));
    else
      writers[w].send(`${title} ${pad}`);
    ++sent;
  };
  counting = true;
  const cpu0 = cpuMicros();
  const self0 = selfCpuMicros();
  const start = nowNs();
  const total = Math.round(rate * seconds);
  const due = () => Math.min(total, Math.floor(Number(nowNs() - start) / 1e9 * rate) + 1);
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      for (const n = due(); sent < n;) post(sent % writers.length, sent);
      if (sent >= total) { clearInterval(timer); resolve(); }
    }, 1);
  });
  const expected = total * (subscribers + writers.length);
  const drainLimit = nowNs() + 10_000_000_000n;
  while (deliveries < expected && nowNs() < drainLimit) await new Promise((r) => setTimeout(r, 5));
  const window = Number(nowNs() - start) / 1e9;
  const cpu1 = cpuMicros();
  const self1 = selfCpuMicros();
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN;
  const result = {
    protocol, subscribers, writers: writers.length, rate, seconds, posts: sent,
    deliveries, expected, lost: expected - deliveries, windowSeconds: +window.toFixed(2),
    serverCpuUsPerDelivery: +((cpu1 - cpu0) / deliveries).toFixed(2),
    serverCpuPercent: +((cpu1 - cpu0) / window / 1e4).toFixed(1),
    generatorCpuPercent: +((self1 - self0) / window / 1e4).toFixed(1),
    p50Ms: +q(0.5).toFixed(2), p99Ms: +q(0.99).toFixed(2), maxMs: +latencies[latencies.length - 1].toFixed(2),
  };
  console.log(JSON.stringify(result));
  for (const ws of [...writers, ...subs]) ws.terminate();
  process.exit(0);
}
main().catch((e) => { console.error(`crosscheck: ${e.message}`); process.exit(1); });
