import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JS helper shared with npm start
import { freePort, startEmbeddedPostgres } from '../../scripts/embedded-db.mjs';
import { eventually } from '../support/wait.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a built server with only the given environment; resolves with its exit code and output (or kills it after 20 s). */
function run(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, script)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

/** The built API and web refuse, at start, the secrets docker-compose.yml once shipped and proxy trust that believes anyone. */
describe('production refuses unsafe deployment settings', () => {
  const api = { NODE_ENV: 'production', DATABASE_URL: 'postgres://hearth:hearth@127.0.0.1:1/hearth' };

  it('the API will not start with the JWT_SECRET docker-compose.yml used to ship', async () => {
    const { code, output } = await run('apps/api/dist/main.js', { ...api, JWT_SECRET: 'change-me-change-me-change-me-change-me' });
    expect(code).toBe(78);
    expect(output).toContain('Hearth API cannot start: JWT_SECRET is a value published with Hearth');
  });

  it('the API will not start with TRUST_PROXY=true', async () => {
    const { code, output } = await run('apps/api/dist/main.js', { ...api, JWT_SECRET: 'Vb3kQ8zN1xR6tM0wL5pH9sJ2dF7gC4yA_uEoIiKn', TRUST_PROXY: 'true' });
    expect(code).toBe(78);
    expect(output).toContain('TRUST_PROXY=true would believe X-Forwarded-For from any client');
  });

  it('the web will not start with the SESSION_SECRET docker-compose.yml used to ship', async () => {
    const { code, output } = await run('apps/web/server.js', {
      NODE_ENV: 'production',
      PORT: '0',
      API_URL: 'http://127.0.0.1:1',
      SESSION_SECRET: 'change-me-too-change-me-too-change-me',
    });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain('SESSION_SECRET is a value published with Hearth');
  });

  it('API_DOCS=false turns the Swagger UI off in production; the JSON document stays', async () => {
    const db = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'hearth-docs-')), fsync: false });
    try {
      await db.createDatabase('hearth');
      const port = await freePort();
      const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          DATABASE_URL: db.localUrl('hearth'),
          JWT_SECRET: 'Vb3kQ8zN1xR6tM0wL5pH9sJ2dF7gC4yA_uEoIiKn',
          API_PORT: String(port),
          API_DOCS: 'false',
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      });
      try {
        const up = await eventually(
          () =>
            fetch(`http://127.0.0.1:${port}/api/health`).then(
              (r) => r.ok,
              () => false,
            ),
          (ok) => ok,
          'the API to answer',
          { timeout: 60_000 },
        );
        expect(up).toBe(true);
        expect((await fetch(`http://127.0.0.1:${port}/api/docs`)).status).toBe(404);
        expect((await fetch(`http://127.0.0.1:${port}/api/docs-json`)).status).toBe(200);
      } finally {
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.on('exit', r));
          child.kill('SIGTERM');
          await exited;
        }
      }
    } finally {
      await db.stop();
    }
  });
});
