import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface Counter {
  windowStart: number;
  windowEnd: number;
  /** The shared total for this window as PostgreSQL last reported it (every instance's flushed hits). */
  shared: number;
  /** Counted here, being written now. */
  inFlight: number;
  /** Counted here, not yet written. */
  pending: number;
}

const FLUSH_EVERY_MS = 250;
const MAX_TRACKED_KEYS = 200_000;

/**
 * The per-address allowance on public routes (certificate verification), shared by every API
 * instance through PostgreSQL without a write per request: a per-request upsert of one address's
 * row serialized every request from that address behind the row lock and a WAL flush, which made
 * the limiter, not the lookup, the ceiling of verification (BENCHMARKS.md).
 *
 * Each instance counts in memory and adds its counts to the shared rows every 250 ms, all
 * addresses in one statement, reading the new totals back. A request is refused once the last
 * shared total plus what this instance has counted since passes the allowance. Windows are aligned
 * to the clock, so instances agree on them without asking. With N instances an address can get
 * past the allowance by at most what the other N-1 admit in one flush interval.
 */
@Injectable()
export class PublicRateLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts one request; returns 0 when allowed, else the seconds until the window ends. */
  consume(key: string, windowSeconds: number, allowance: number, now = Date.now()): number {
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    let counter = this.counters.get(key);
    if (!counter || counter.windowStart < windowStart) {
      // A new window: what is still pending belonged to the old one and would only inflate the new.
      counter = { windowStart, windowEnd: windowStart + windowMs, shared: 0, inFlight: 0, pending: 0 };
      this.counters.set(key, counter);
    }
    counter.pending += 1;
    this.schedule();
    if (counter.shared + counter.inFlight + counter.pending <= allowance) return 0;
    return Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
  }

  /** Writes every pending count now (also used by tests to see another instance's counts). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.write().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush().catch(() => undefined);
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((error) => this.logger.warn(`could not share rate-limit counts: ${(error as Error).message}`));
    }, FLUSH_EVERY_MS);
    this.timer.unref();
  }

  private async write(): Promise<void> {
    const batch = [...this.counters.entries()].filter(([, c]) => c.pending > 0).sort(([a], [b]) => a.localeCompare(b));
    this.prune();
    if (batch.length === 0) return;
    for (const [, c] of batch) {
      c.inFlight = c.pending;
      c.pending = 0;
    }
    try {
      // A count from an older window than the row's is dropped; a newer window starts the row afresh.
      const rows: { key: string; hits: number; window_start: string }[] = await this.db.query(
        `INSERT INTO throttle_counters AS t (key, window_started_at, hits)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[])
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN t.window_started_at < EXCLUDED.window_started_at THEN EXCLUDED.hits
                       WHEN t.window_started_at > EXCLUDED.window_started_at THEN t.hits
                       ELSE t.hits + EXCLUDED.hits END,
           window_started_at = greatest(t.window_started_at, EXCLUDED.window_started_at)
         RETURNING key, hits, (extract(epoch FROM window_started_at) * 1000)::bigint AS window_start`,
        [batch.map(([k]) => k), batch.map(([, c]) => new Date(c.windowStart)), batch.map(([, c]) => c.inFlight)],
      );
      const byKey = new Map(rows.map((r) => [r.key, r]));
      for (const [key, c] of batch) {
        const row = byKey.get(key);
        if (row && Number(row.window_start) === c.windowStart) c.shared = row.hits;
        c.inFlight = 0;
      }
    } catch (error) {
      // Keep counting locally: the allowance still holds on this instance while the database is away.
      for (const [, c] of batch) {
        c.pending += c.inFlight;
        c.inFlight = 0;
      }
      throw error;
    }
  }

  /** Forgets finished windows, and the oldest addresses if a flood of them would grow memory without bound. */
  private prune() {
    const now = Date.now();
    for (const [key, c] of this.counters) {
      if (c.pending === 0 && c.inFlight === 0 && c.windowEnd < now) this.counters.delete(key);
    }
    if (this.counters.size <= MAX_TRACKED_KEYS) return;
    for (const key of this.counters.keys()) {
      if (this.counters.size <= MAX_TRACKED_KEYS) break;
      this.counters.delete(key);
    }
  }
}
