// Bulk load: secondary indexes dropped first and rebuilt after, triggers (including foreign-key
// checks) off in the loading session, and every table streamed through COPY … FROM STDIN.
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import cliProgress from 'cli-progress';
import copyStreams from 'pg-copy-streams';

const FLUSH_CHARS = 1 << 20;

/** Collects COPY lines and writes them in ~1 MB chunks, waiting when PostgreSQL is behind. */
class LineWriter {
  constructor(stream, onRows) {
    this.stream = stream;
    this.onRows = onRows;
    this.lines = [];
    this.chars = 0;
    this.rows = 0;
  }

  /** Adds a line; true when the caller should `await flush()`. */
  push(line) {
    this.lines.push(line);
    this.chars += line.length;
    return this.chars > FLUSH_CHARS;
  }

  async flush() {
    if (this.lines.length === 0) return;
    const chunk = this.lines.join('\n') + '\n';
    this.rows += this.lines.length;
    this.lines = [];
    this.chars = 0;
    this.onRows(this.rows);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/** One COPY of one table; returns rows and seconds. */
export async function copyTable(client, spec, onRows = () => {}) {
  const started = process.hrtime.bigint();
  const copy = client.query(copyStreams.from(`COPY ${spec.table} (${spec.columns.join(', ')}) FROM STDIN`));
  const source = new PassThrough({ highWaterMark: 4 << 20 });
  const done = pipeline(source, copy);
  const writer = new LineWriter(source, onRows);
  try {
    await spec.produce(writer);
    await writer.flush();
    source.end();
    await done;
  } catch (error) {
    source.destroy(error);
    await done.catch(() => {});
    throw error;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { table: spec.table, rows: writer.rows, seconds, rowsPerSecond: Math.round(writer.rows / seconds) };
}

/** Non-primary indexes and unique constraints of the tables, with the SQL to recreate them. */
export async function secondaryIndexes(client, tables) {
  const constraints = await client.query(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.conindid
       FROM pg_constraint c WHERE c.contype = 'u' AND c.conrelid = ANY($1::regclass[])`,
    [tables],
  );
  const indexes = await client.query(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  return [
    ...constraints.rows.map((r) => ({
      kind: 'constraint',
      table: r.table,
      name: r.name,
      drop: `ALTER TABLE ${r.table} DROP CONSTRAINT ${r.name}`,
      create: `ALTER TABLE ${r.table} ADD CONSTRAINT ${r.name} ${r.def}`,
    })),
    ...indexes.rows.map((r) => ({ kind: 'index', table: r.table, name: r.name, drop: `DROP INDEX ${r.name}`, create: r.def })),
  ];
}

/** Rebuilds indexes two at a time (2 cores); returns seconds per index. */
export async function rebuildIndexes(pool, items, log) {
  const queue = [...items];
  const timings = [];
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query(`SET maintenance_work_mem = '512MB'`);
      for (let item = queue.shift(); item; item = queue.shift()) {
        const started = Date.now();
        await client.query(item.create);
        timings.push({ name: item.name, table: item.table, seconds: (Date.now() - started) / 1000 });
        log?.(`    ${item.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
  return timings;
}

/** A progress bar for one table; falls back to plain lines when not on a terminal. */
export function tableProgress(table, estimate) {
  const tty = process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    {
      format: `  ${table.padEnd(22)} {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}`,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      barsize: 24,
      hideCursor: tty,
      noTTYOutput: !tty,
      notTTYSchedule: 5000,
      etaBuffer: 50,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let total = Math.max(1, estimate);
  bar.start(total, 0, { rate: 0 });
  return {
    update(rows) {
      if (rows > total) {
        total = Math.round(rows * 1.05);
        bar.setTotal(total);
      }
      bar.update(rows, { rate: Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString('en-US') });
    },
    finish(rows) {
      bar.setTotal(Math.max(1, rows));
      bar.update(rows, { rate: Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString('en-US') });
      bar.stop();
    },
  };
}
