// Client JavaScript per web page: the entry, the manifest and the route chunks each page loads
// (read from the Remix manifest in build/client/assets/manifest-*.js), plus the larger of the two
// message catalogues the entry imports before hydrating (one per language; a page loads one),
// gzipped (level 9) and summed.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PAGE_BUDGET_BYTES = 130 * 1024;

function newestManifest(assets) {
  const files = readdirSync(assets).filter((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (files.length === 0) throw new Error(`no Remix manifest in ${assets} (build the web first)`);
  return files.map((f) => join(assets, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** `webDir` holds build/ (apps/web, or the benchmark's snapshot of it). */
export function readManifest(webDir) {
  const assets = join(webDir, 'build/client/assets');
  const file = newestManifest(assets);
  const text = readFileSync(file, 'utf8');
  const manifest = JSON.parse(text.replace(/^\s*window\.__remixManifest\s*=\s*/, '').replace(/;\s*$/, ''));
  return { manifest, file, clientDir: join(webDir, 'build/client') };
}

/** Does the build have a page route with this path (e.g. "teach/sessions/:id")? */
export function hasRoute(webDir, path) {
  try {
    return Object.values(readManifest(webDir).manifest.routes).some((r) => r.path === path);
  } catch {
    return false;
  }
}

export function clientJs(webDir) {
  const { manifest, file, clientDir } = readManifest(webDir);
  const sizes = new Map();
  const size = (url) => {
    if (!sizes.has(url)) {
      const bytes = readFileSync(join(clientDir, url.replace(/^\//, '')));
      sizes.set(url, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
    return sizes.get(url);
  };
  const manifestUrl = `/assets/${file.split('/').pop()}`;
  // entry.client.tsx loads the page language's catalogue as its own chunk; count the larger one.
  const catalogues = readdirSync(join(clientDir, 'assets'))
    .filter((f) => /^(zh-CN|en)-[\w-]+\.js$/.test(f))
    .map((f) => `/assets/${f}`)
    .sort((a, b) => size(b).gzip - size(a).gzip);
  if (catalogues.length === 0) throw new Error('no message catalogue chunk (zh-CN-*.js / en-*.js) in the web build');
  const catalogue = catalogues[0];
  const routes = manifest.routes;
  const pages = [];
  for (const route of Object.values(routes)) {
    if (route.id === 'root') continue;
    // Resource routes (no component) build to an empty chunk (a newline) and are never pages.
    if (size(route.module).raw < 16) continue;
    const chain = [];
    for (let r = route; r; r = r.parentId ? routes[r.parentId] : null) chain.unshift(r);
    const urls = new Set([manifestUrl, manifest.entry.module, ...manifest.entry.imports, catalogue]);
    for (const r of chain) {
      urls.add(r.module);
      for (const i of r.imports ?? []) urls.add(i);
    }
    let raw = 0;
    let gzip = 0;
    for (const url of urls) {
      raw += size(url).raw;
      gzip += size(url).gzip;
    }
    pages.push({ route: route.id.replace(/^routes\//, ''), path: `/${route.path ?? ''}`, files: urls.size, raw, gzip, pass: gzip <= PAGE_BUDGET_BYTES });
  }
  pages.sort((a, b) => b.gzip - a.gzip);
  return { manifest: manifestUrl, budget: PAGE_BUDGET_BYTES, pages, max: pages[0] ?? null, pass: pages.every((p) => p.pass) };
}

/** Scripts a served page loads: <script src>, module preloads and inline module imports. */
export function scriptsInHtml(html) {
  const src = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  const preload = [...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.trim());
  return {
    src,
    preload,
    inlineCount: inline.length,
    inlineBytes: inline.reduce((a, s) => a + Buffer.byteLength(s), 0),
    any: src.length + preload.length + inline.length > 0,
  };
}

/**
 * Copies the built web (server.js + build/) aside, so a rebuild by someone else during the run can
 * neither break the web under test nor change what is measured. Waits while a build is half-written.
 */
export async function snapshotWeb(root, dest, log) {
  const source = join(root, 'apps/web');
  for (let attempt = 0; attempt < 36; attempt++) {
    const complete = () =>
      existsSync(join(source, 'build/server/index.js')) &&
      existsSync(join(source, 'build/client/assets')) &&
      readdirSync(join(source, 'build/client/assets')).some((f) => f.startsWith('manifest-'));
    if (complete()) {
      rmSync(dest, { recursive: true, force: true });
      mkdirSync(dest, { recursive: true });
      cpSync(join(source, 'server.js'), join(dest, 'server.js'));
      cpSync(join(source, 'package.json'), join(dest, 'package.json'));
      cpSync(join(source, 'build'), join(dest, 'build'), { recursive: true });
      try {
        readManifest(dest);
        if (existsSync(join(dest, 'build/server/index.js'))) return dest;
      } catch {
        // copied mid-rebuild: try again
      }
    }
    if (attempt === 0) log?.('web: apps/web/build is missing or being rebuilt; waiting for a complete build…');
    await new Promise((r) => setTimeout(r, 5000));
  }
  throw new Error('apps/web/build is not complete (run npm run build)');
}
