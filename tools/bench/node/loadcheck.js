// Usage: node loadcheck.js ws://127.0.0.1:PORT SERVER_PID writes|fanout N|idle N
// Every mode is bounded (5 s of load, then it exits). Loopback only.
// Bounded loopback measurements for the closing note (issue 4 builds the real hubbub-bench).
const WebSocket = require('ws'); const fs = require('fs');
const url = process.argv[2], pid = +process.argv[3], mode = process.argv[4];
const rss = () => +fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1];
const cpu = () => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (+f[11] + +f[12]) * 10; }; // ms
function conn() { return new Promise((res, rej) => { const ws = new WebSocket(url); let id = 0; const p = new Map(); const c = {ws, events: 0, onEvent: null};
  ws.on('message', d => { const m = JSON.parse(d); if (m.type === 'reply') { const f = p.get(m.id); p.delete(m.id); f && f(m); } else if (m.type === 'event') { c.events++; c.onEvent && c.onEvent(m); } });
  c.req = (type, x = {}) => new Promise(r => { const i = ++id; p.set(i, r); ws.send(JSON.stringify({type, id: i, ...x})); });
  ws.on('open', () => res(c)); ws.on('error', rej); }); }
const pct = (a, q) => { a.sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(a.length * q))]; };
(async () => {
  const admin = await conn(); const r = await admin.req('auth.register', {username: 'bench' + Date.now() % 100000, password: 'benchpassword'});
  const token = r.token;
  const many = async (n) => { const cs = []; for (let i = 0; i < n; i += 50) { const batch = await Promise.all(Array.from({length: Math.min(50, n - i)}, conn)); await Promise.all(batch.map(c => c.req('auth.token', {token}))); cs.push(...batch); } return cs; };
  if (mode === 'writes') {
    const cs = await many(40); const lat = []; let acks = 0; const end = Date.now() + 5000; let n = 0;
    const c0 = cpu();
    await Promise.all(cs.map(async c => { const inflight = new Set(); while (Date.now() < end) { const t = process.hrtime.bigint(); const pr = c.req('chat.send', {channelId: 1, text: 'x'.repeat(200), nonce: 'w' + (n++)}).then(m => { if (m.ok) { acks++; lat.push(Number(process.hrtime.bigint() - t) / 1e6); } inflight.delete(pr); }); inflight.add(pr); if (inflight.size >= 8) await Promise.race(inflight); } await Promise.all(inflight); }));
    console.log(JSON.stringify({mode, acksPerSec: Math.round(acks / 5), ackP50ms: pct(lat, .5).toFixed(1), ackP99ms: pct(lat, .99).toFixed(1), serverCpuMsPerAck: ((cpu() - c0) / acks).toFixed(3)}));
  } else if (mode === 'fanout') {
    const N = +process.argv[5]; const subs = await many(N); const lat = []; const sent = new Map(); let posts = 0;
    subs.forEach(s => s.onEvent = m => { const t = sent.get(m.post && m.post.title); if (t) lat.push(Number(process.hrtime.bigint() - t) / 1e6); });
    const c0 = cpu(); const base = subs.map(s => s.events);
    const timer = setInterval(() => { const title = 'p' + (posts++); sent.set(title, process.hrtime.bigint()); admin.req('post.create', {title, content: 'y'.repeat(180)}); }, 20);
    await new Promise(r => setTimeout(r, 5000)); clearInterval(timer); await new Promise(r => setTimeout(r, 1500));
    const got = subs.reduce((a, s, i) => a + s.events - base[i], 0);
    console.log(JSON.stringify({mode, subscribers: N, posts, deliveries: got, lost: posts * N - got, p50ms: pct(lat, .5).toFixed(1), p99ms: pct(lat, .99).toFixed(1), maxms: lat.reduce((a, b) => Math.max(a, b), 0).toFixed(1), serverCpuUsPerDelivery: ((cpu() - c0) * 1000 / got).toFixed(1)}));
  } else if (mode === 'idle') {
    const before = rss(); const t0 = Date.now(); const cs = await many(+process.argv[5]); const ms = Date.now() - t0;
    await new Promise(r => setTimeout(r, 500));
    console.log(JSON.stringify({mode, connections: cs.length, msToConnectAndAuth: ms, rssBeforeKB: before, rssAfterKB: rss(), kbPerConnection: ((rss() - before) / cs.length).toFixed(1)}));
  }
  process.exit(0);
})();
