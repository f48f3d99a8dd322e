// The service floor for verification: a bare Node HTTP server that does the case's database work
// (the same named prepared statement through pg, over the same socket and pool size as the API) and
// answers JSON, with no framework. What any Node service could do for this request on these cores.
import { createServer } from 'node:http';
import pg from 'pg';
import { CERT_BY_CODE } from './lib/sql.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 20) });
const prefix = '/api/certificates/verify/';

const server = createServer(async (req, res) => {
  if (req.url === '/__bench/health') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  try {
    const code = decodeURIComponent(req.url.slice(prefix.length));
    const { rows } = await pool.query({ name: 'certificate-verify', text: CERT_BY_CODE, values: [code] });
    const body = JSON.stringify(rows[0] ?? null);
    res.writeHead(rows[0] ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error.message));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT'])
  process.once(signal, () => {
    server.close(() => pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  });
