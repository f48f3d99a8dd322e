import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '@hearth/contracts';

/**
 * The URL of each language's message chunk in the client build (e.g. /assets/zh-CN-Ab12.js), so the
 * page can preload it beside the entry script: entry.client.tsx imports it before hydrating, and on
 * a slow connection a second round trip after the entry would delay the page coming alive. The
 * server bundle sits in build/server/, the chunks in build/client/assets/. Empty in development.
 */
function findChunks(): Partial<Record<Locale, string>> {
  try {
    const assets = fileURLToPath(new URL('../client/assets/', import.meta.url));
    const found: Partial<Record<Locale, string>> = {};
    for (const file of readdirSync(assets)) {
      const m = /^(zh-CN|en)-[\w-]+\.js$/.exec(file);
      if (m) found[m[1] as Locale] = `/assets/${file}`;
    }
    return found;
  } catch {
    return {};
  }
}

const chunks = findChunks();

export function catalogueChunk(locale: Locale): string | null {
  return chunks[locale] ?? null;
}
