import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { format } from 'sql-formatter';
import type { Logger, QueryRunner } from 'typeorm';
import { SQL_REPOSITORIES } from '../src/database/sql-repository.js';
import { RECORD_KINDS } from '../src/access/rules/index.js';
import { createTestApp, type TestApp } from './harness.js';

/**
 * Every statement each repository sends, written to src/queries/<repository>.sql and compared with
 * the committed file: a change in SQL shows up in review as a diff of SQL, not of string-building code.
 * Run with UPDATE_SQL=1 to rewrite the files after a deliberate change.
 */
const QUERIES = fileURLToPath(new URL('../src/queries/', import.meta.url));
const update = process.env.UPDATE_SQL === '1';
const tidy = (sql: string) => format(sql, { language: 'postgresql', keywordCase: 'upper', paramTypes: { numbered: ['$'] } });

describe('SQL each repository sends', () => {
  let t: TestApp;
  const sent: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    const recorder: Partial<Logger> = { logQuery: (query: string, _p?: unknown[], _r?: QueryRunner) => void sent.push(tidy(query)) };
    t.db.logger = new Proxy(t.db.logger, { get: (target, key) => (key === 'logQuery' ? recorder.logQuery : Reflect.get(target, key)) });
    await mkdir(QUERIES, { recursive: true });
  });
  afterAll(() => t.close());

  async function compare(file: string, text: string) {
    const path = `${QUERIES}${file}`;
    if (update) await writeFile(path, text);
    const committed = await readFile(path, 'utf8').catch(() => '');
    expect({ file, text }).toEqual({ file, text: committed });
  }

  it('the access policy loads each record kind by these facts', async () => {
    const text = Object.entries(RECORD_KINDS)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, k]) => `-- ${kind}\n${tidy(k.facts)};\n`)
      .join('\n');
    await compare('access.sql', text);
  });

  it('every repository is registered with an example for each public method', () => {
    expect(SQL_REPOSITORIES.length).toBeGreaterThan(0);
    const missing = SQL_REPOSITORIES.flatMap((r) => {
      const methods = Object.getOwnPropertyNames(r.type.prototype).filter(
        (m) => m !== 'constructor' && typeof (r.type.prototype as Record<string, unknown>)[m] === 'function',
      );
      return methods.filter((m) => !r.examples.some((e) => e.method === m)).map((m) => `${r.name}.${m}`);
    });
    expect(missing).toEqual([]);
  });

  for (const repository of SQL_REPOSITORIES) {
    it(`${repository.name}`, async () => {
      const instance = t.app.get(repository.type as never, { strict: false }) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      let text = '';
      for (const example of repository.examples) {
        sent.length = 0;
        // A statement that fails on example values (e.g. a foreign key to nothing) is still recorded.
        await instance[example.method](...example.args()).catch(() => undefined);
        text += `-- ${repository.name}.${example.method}\n${sent
          .filter((s) => !/^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN|SAVEPOINT|RELEASE SAVEPOINT)/i.test(s))
          .map((s) => `${s};`)
          .join('\n')}\n\n`;
      }
      await compare(`${repository.name}.sql`, text.trimEnd() + '\n');
    });
  }
});
