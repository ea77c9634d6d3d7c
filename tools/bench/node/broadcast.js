// The npm `ws` README's broadcast server, verbatim apart from the port and a "Listening" line:
// the peer the independent cross-check measured. Used only by crosscheck.js runs
// (docs/performance.md). Usage: node broadcast.js [--port N] (0 picks a free one; 127.0.0.1)
'use strict';
const WebSocket = require('ws');
const { WebSocketServer } = WebSocket;

const portArg = process.argv.indexOf('--port');
const wss = new WebSocketServer({ host: '127.0.0.1', port: portArg >= 0 ? Number(process.argv[portArg + 1]) : 0 });
wss.on('connection', (ws) => {
  ws.on('error', console.error);
  ws.on('message', (data, isBinary) => {
    wss.clients.forEach((client) => {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    });
  });
});
wss.on('listening', () => console.log(`Listening on ws://127.0.0.1:${wss.address().port}`));
