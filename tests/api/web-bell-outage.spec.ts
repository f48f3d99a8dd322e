import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { DEMO } from '../support/browser.js';
import { webSignIn } from '../support/web-http.js';
import { eventually } from '../support/wait.js';
// @ts-expect-error plain ESM helper without types
import { freePort } from '../../scripts/embedded-db.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A second web server of the product, with the same session secret, in front of a broken API. */
async function webBefore(apiUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port: number = await freePort();
  const child = spawn(process.execPath, [join(root, 'apps/web/server.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      API_URL: apiUrl,
      SESSION_SECRET: readFileSync(join(process.env.HEARTH_E2E_DATA_DIR!, 'session-secret'), 'utf8').trim(),
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      () =>
        fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      (ok) => ok,
      'the second web server to start',
      { timeout: 30_000, interval: 100 },
    );
  } catch (error) {
    child.kill();
    throw error;
  }
  return { url, child };
}

/**
 * The bell asks the API for her unread count on every page: when the API is down or stuck, the page
 * is still served at once, with the bell and no number.
 */
describe('the bell never breaks a page', () => {
  let cookie: string;
  let stuck: Server;
  const started: ChildProcess[] = [];
  beforeAll(async () => {
    cookie = await webSignIn(DEMO.learner);
    // Accepts connections and never answers.
    stuck = createServer(() => undefined);
    await new Promise<void>((done) => stuck.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    for (const child of started) child.kill();
    stuck.closeAllConnections();
    await new Promise((done) => stuck.close(done));
  });

  it.each([
    ['refuses connections', async () => `http://127.0.0.1:${await freePort()}`],
    ['never answers', async () => `http://127.0.0.1:${(stuck.address() as { port: number }).port}`],
  ])('an API that %s: a page without API calls of its own is served promptly with the bell and no count', async (_what, apiUrl) => {
    const web = await webBefore(await apiUrl());
    started.push(web.child);
    const began = Date.now();
    const res = await fetch(`${web.url}/verify`, { headers: { cookie }, redirect: 'manual' });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(html).toContain(`href="/me/notifications"`);
    expect(html).toContain(`aria-label="${zh['account.notifications.bell']}"`);
    expect(html).not.toContain('bell-count');
  });
});
