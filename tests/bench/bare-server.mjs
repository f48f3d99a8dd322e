// The framework ceiling: a bare Node HTTP server that reads each request and answers with fixed
// bytes (a real response captured from the API or the web for the case being measured).
// PUT /__bench/response {status, contentType, body} sets the answer; everything else gets it.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 0);
let answer = { status: 200, contentType: 'application/json; charset=utf-8', body: Buffer.from('{"status":"ok"}') };

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'PUT' && req.url === '/__bench/response') {
      const given = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      answer = { status: given.status, contentType: given.contentType, body: Buffer.from(given.body, 'base64') };
      res.writeHead(204).end();
      return;
    }
    if (req.url === '/__bench/health') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': answer.body.length });
    res.end(answer.body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT'])
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
