// Builds the service worker after `remix vite:build` (docs/decisions/014-offline-web-app.md):
// lists this build's files to precache (hashed assets keep their URL as their version; other files get
// a content hash), and bundles sw/sw.ts (workbox-precaching inside) into build/client/sw.js.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const client = path.join(web, 'build/client');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

// The app shell: every script and stylesheet of this build (a page never mixes two builds' code),
// the icons and the manifest. Not: sw.js itself, favicon.ico, source maps.
const shell = files(client)
  .map((full) => path.relative(client, full).split(path.sep).join('/'))
  .filter((rel) => /^assets\/.+\.(js|css)$/.test(rel) || /^icons\/.+\.png$/.test(rel) || rel === 'manifest.webmanifest' || rel === 'favicon.svg')
  .sort();
// Each language's message chunk: a page downloads only its own (ADR 011), so only the default one
// (zh-CN) is precached; the worker stores the English one for a person who reads English.
const catalogues = Object.fromEntries(
  shell
    .map((rel) => /^assets\/(zh-CN|en)-[\w-]+\.js$/.exec(rel))
    .filter(Boolean)
    .map((m) => [m[1], `/${m[0]}`]),
);
const precache = shell
  .filter((rel) => `/${rel}` !== catalogues.en)
  .map((rel) => ({
    url: `/${rel}`,
    revision: rel.startsWith('assets/')
      ? null
      : createHash('sha256')
          .update(readFileSync(path.join(client, rel)))
          .digest('hex')
          .slice(0, 16),
  }));
const buildId = createHash('sha256')
  .update(JSON.stringify(precache))
  .update(readFileSync(path.join(web, 'sw/sw.ts')))
  .digest('hex')
  .slice(0, 12);

await build({
  configFile: false,
  logLevel: 'warn',
  root: web,
  define: {
    __PRECACHE__: JSON.stringify(precache),
    __BUILD_ID__: JSON.stringify(buildId),
    __CATALOGUES__: JSON.stringify(catalogues),
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    outDir: client,
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2020',
    minify: true,
    lib: { entry: path.join(web, 'sw/sw.ts'), formats: ['iife'], name: 'hearthServiceWorker', fileName: () => 'sw.js' },
  },
});
const size = statSync(path.join(client, 'sw.js')).size;
console.log(`[sw] build ${buildId}: ${precache.length} files precached, sw.js ${size} bytes`);
