// Where a post's fan-out latency goes, from two clocks that agree (CLOCK_MONOTONIC):
// hubbub-bench fanout --trace FILE (each post's send and ack, each subscriber's receipt) and
// `perf record -k mono` of the server's syscalls (scripts/breakdown.sh runs both). Light load
// only (posts well apart): each post is matched to the first request read after its send, the
// first commit sync after that read, and the burst of sendmsg() calls after the commit.
// Usage: node breakdown.js TRACE EVENTS   (EVENTS: perf script -F tid,time,event,trace --ns)
'use strict';
const fs = require('fs');
const [tracePath, eventsPath] = process.argv.slice(2);

const posts = new Map();
const key = (w, s) => `${w}/${s}`;
for (const line of fs.readFileSync(tracePath, 'utf8').split('\n')) {
  const f = line.split(' ');
  if (f[0] === 'post') posts.set(key(f[1], f[2]), { sent: Number(f[3]) / 1e6, acked: Number(f[4]) / 1e6, recv: [] });
  else if (f[0] === 'recv') posts.get(key(f[1], f[2]))?.recv.push(Number(f[3]) / 1e6);
}

// hubbub-server writes frames with sendmsg(), Node (the yardstick) with writev().
const isSend = (kind) => kind === 'enter_sendmsg' || kind === 'enter_writev';
// Server events in ms of CLOCK_MONOTONIC; the network thread is the one that calls sendmsg.
let events = [];
for (const line of fs.readFileSync(eventsPath, 'utf8').split('\n')) {
  const m = /^\s*(\d+)\/(\d+)\s+([\d.]+):\s+syscalls:sys_(enter|exit)_(\w+):\s*(.*)$/.exec(line);
  if (m) events.push({ pid: +m[1], tid: +m[2], t: parseFloat(m[3]) * 1e3, kind: `${m[4]}_${m[5]}`, arg: m[6] });
}
events.sort((a, b) => a.t - b.t);
const counts = new Map();
for (const e of events) if (isSend(e.kind)) counts.set(e.tid, (counts.get(e.tid) || 0) + 1);
const net = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
// The server is the process of that thread; events of the load generator's own threads (when
// they were recorded too) are set apart.
const serverPid = events.find((e) => e.tid === net)?.pid;
const client = events.filter((e) => e.pid !== serverPid);
events = events.filter((e) => e.pid === serverPid);
const after = (from, pred) => {
  let lo = 0, hi = events.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (events[mid].t < from) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < events.length; ++i) if (pred(events[i])) return i;
  return -1;
};

const committedAt = (syncEnd, walWrite) => (Number.isNaN(syncEnd) ? walWrite : syncEnd);
// A post.create frame is a few hundred bytes; pongs and the loop's 8-byte eventfd reads are not.
const requestSized = (ret) => { const n = parseInt(ret, 16); return n >= 64 && n < 65536; };
const rows = [];
const recordedFrom = events.length ? events[0].t : Infinity;
const ordered = [...posts.values()].filter((p) => p.recv.length && p.sent > recordedFrom).sort((a, b) => a.sent - b.sent);
// The writer's own send of the request, when the generator was recorded too: a write of a
// masked frame by a thread that is not a subscriber loop.
const firstAfter = (list, from, pred) => { for (const e of list) if (e.t >= from && pred(e)) return e; return null; };
for (let n = 0; n < ordered.length; ++n) {
  const p = ordered[n];
  const next = n + 1 < ordered.length ? ordered[n + 1].sent : Infinity;
  const out = client.length ? firstAfter(client, p.sent, (e) => /^enter_(write|sendto|sendmsg|writev)$/.test(e.kind) && /count: |len: /.test(e.arg) && requestSized((/(?:count|len): (0x[0-9a-f]+)/.exec(e.arg) || [])[1] || '0')) : null;
  const iRead = after(p.sent, (e) => e.tid === net && e.kind === 'exit_read' && requestSized(e.arg));
  if (iRead < 0) continue;
  const read = events[iRead].t;
  // The commit: the writer thread's sync (full) or its last WAL write (normal) before the burst.
  const iFirstSend = after(read, (e) => e.tid === net && isSend(e.kind));
  if (iFirstSend < 0 || events[iFirstSend].t > next) continue;
  const firstSend = events[iFirstSend].t;
  let syncStart = NaN, syncEnd = NaN, walWrite = NaN;
  for (let i = iRead; i < iFirstSend; ++i) {
    const e = events[i];
    if (e.tid === net) continue;
    if (e.kind === 'enter_pwrite64' && Number.isNaN(walWrite)) walWrite = e.t;
    if ((e.kind === 'enter_fdatasync' || e.kind === 'enter_fsync') && Number.isNaN(syncStart)) syncStart = e.t;
    if (e.kind === 'exit_fdatasync' || e.kind === 'exit_fsync') syncEnd = e.t;
  }
  // The writer hands the commit to the network thread through Qt's event queue: an 8-byte
  // write to the loop's eventfd, then the network thread returns from poll().
  const iWake = after(committedAt(syncEnd, walWrite), (e) => e.tid !== net && e.kind === 'enter_write' && /count: 0x0+8$/.test(e.arg));
  const wake = iWake >= 0 && events[iWake].t < firstSend ? events[iWake].t : NaN;
  const iRun = Number.isNaN(wake) ? -1 : after(wake, (e) => e.tid === net);
  const run = iRun >= 0 ? events[iRun].t : NaN;
  let lastSend = firstSend, sends = 0;
  for (let i = iFirstSend; i < events.length && events[i].t < next; ++i) {
    if (events[i].tid === net && isSend(events[i].kind)) {
      if (events[i].t - lastSend > 5) break;
      lastSend = events[i].t;
      ++sends;
    }
  }
  const r = p.recv.sort((a, b) => a - b);
  const committed = committedAt(syncEnd, walWrite);
  rows.push({
    clientOut: out ? out.t - p.sent : NaN, // stamped -> the generator's writer thread writes it
    arrive: read - p.sent, // writer's send -> the server read it
    toWal: walWrite - read, // read -> the writer thread's first WAL write (queue, SQL)
    sync: syncEnd - syncStart, // the commit's fsync/fdatasync (full durability)
    toFirstSend: firstSend - committed, // commit done -> first sendmsg (thread hop, broadcast)
    toWake: wake - committed, // commit done -> the writer posts to the network thread
    wakeToRun: run - wake, // posted -> the network thread runs (scheduling)
    runToSend: firstSend - run, // the network thread runs -> its first sendmsg (broadcast queued)
    fanout: lastSend - firstSend, // first -> last sendmsg
    sends,
    lastRead: r[r.length - 1] - lastSend, // last sendmsg -> last subscriber's receipt
    recvFirst: r[0] - p.sent,
    recvP50: r[r.length >> 1] - p.sent,
    recvLast: r[r.length - 1] - p.sent,
    ack: p.acked - p.sent,
  });
}
const median = (xs) => { const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b); return v.length ? v[v.length >> 1] : NaN; };
const pct = (xs, q) => { const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b); return v.length ? v[Math.min(v.length - 1, Math.floor(q * v.length))] : NaN; };
const what = {
  clientOut: 'stamped in the title -> the generator writes the request',
  arrive: 'stamped -> the server has read the request',
  toWal: 'read -> the writer thread writes the WAL (queue, SQL)',
  sync: 'fdatasync/fsync of the commit (--durability full only)',
  toFirstSend: 'commit done (sync, or last WAL write) -> first sendmsg',
  toWake: '  of which: commit done -> posted to the network thread',
  wakeToRun: '  of which: posted -> the network thread returns from poll()',
  runToSend: '  of which: running -> first sendmsg (the broadcast queued)',
  fanout: 'first -> last send of the burst',
  sends: 'sends in the burst',
  lastRead: 'last send -> the last subscriber has read it',
  recvFirst: 'stamped -> first subscriber receipt',
  recvP50: 'stamped -> median subscriber receipt',
  recvLast: 'stamped -> last subscriber receipt',
  ack: 'stamped -> the author has the reply',
};
console.log(`${rows.length} posts matched of ${posts.size}; per post, ms: median (p90)`);
for (const k of Object.keys(rows[0] || {})) {
  const d = k === 'sends' ? 0 : 2;
  const col = rows.map((r) => r[k]);
  console.log(`  ${k.padEnd(12)} ${median(col).toFixed(d).padStart(8)} ${`(${pct(col, 0.9).toFixed(d)})`.padStart(10)}  ${what[k] || ''}`);
}
