// Production server for the web: what remix-serve does, plus what it cannot do — tell the app the
// browser's address (the API throttles sign-in failures per address) — and it works from any cwd.
// Env: PORT (3000), HOST, API_URL, SESSION_SECRET, TRUST_PROXY (which hops may set X-Forwarded-For:
// express syntax such as "loopback", "10.0.0.0/8", a hop count, "true"; default "loopback").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { installGlobals } from '@remix-run/node';
import compression from 'compression';
import express from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = await import(pathToFileURL(path.join(here, 'build/server/index.js')).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

function trustProxy(value = 'loopback') {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', trustProxy(process.env.TRUST_PROXY));
app.use(compression());
// Files are never sniffed into another type; hashed /assets never change, so they are cached for good.
const nosniff = (res) => res.setHeader('X-Content-Type-Options', 'nosniff');
// The service worker: at the origin's root (its scope is the whole app), never from a cache without
// asking (a new deployment's worker must be found at once). RELEASE_ID, a deployment's label (a git sha,
// say), is mixed into its version, so a new deployment of the same build still replaces the old worker.
const releaseId = (process.env.RELEASE_ID ?? '').replace(/[^\w.-]/g, '').slice(0, 40);
let serviceWorker = null;
app.get('/sw.js', (_req, res) => {
  try {
    serviceWorker ??= readFileSync(path.join(here, 'build/client/sw.js'), 'utf8').replaceAll('__HEARTH_RELEASE__', releaseId);
  } catch {
    res.status(404).end();
    return;
  }
  res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', "default-src 'self'");
  nosniff(res);
  res.send(serviceWorker);
});
app.use('/assets', express.static(path.join(here, 'build/client/assets'), { immutable: true, maxAge: '1y', setHeaders: nosniff }));
app.use(express.static(path.join(here, 'build/client'), { maxAge: '1h', setHeaders: nosniff }));
// The app forwards the first X-Forwarded-For entry to the API, so it must be the address we trust.
app.use((req, _res, next) => {
  req.headers['x-forwarded-for'] = req.ip ?? '';
  next();
});
app.all('*', createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT ?? 3000);
const onListen = () => console.log(`[web] listening on http://localhost:${port}`);
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
// Finish requests in flight, drop idle keep-alive connections, and never hang on shutdown.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
