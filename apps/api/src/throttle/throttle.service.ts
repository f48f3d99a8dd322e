import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ThrottleState {
  hits: number;
  /** Seconds until the key may try again; 0 when not blocked. */
  retryAfter: number;
}

/**
 * Fixed-window counters in PostgreSQL, so every API instance sees the same counts.
 * One upsert per counted event; no read-then-write race.
 */
@Injectable()
export class ThrottleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts one event; once `limit` is reached in the window, the key is blocked for `blockSeconds`. */
  async hit(key: string, windowSeconds: number, limit: number, blockSeconds: number): Promise<ThrottleState> {
    const rows: { hits: number; retry_after: number }[] = await this.db.query(
      `INSERT INTO throttle_counters AS t (key, window_started_at, hits)
            VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE t.hits + 1 END,
            window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE t.window_started_at END,
            blocked_until = CASE
              WHEN (CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE t.hits + 1 END) >= $3
              THEN greatest(coalesce(t.blocked_until, now()), now() + make_interval(secs => $4))
              ELSE t.blocked_until END
       RETURNING hits, greatest(0, ceil(extract(epoch FROM (coalesce(blocked_until, now()) - now()))))::int AS retry_after`,
      [key, windowSeconds, limit, blockSeconds],
    );
    return { hits: rows[0].hits, retryAfter: rows[0].retry_after };
  }

  /** Seconds the key is still blocked for (0 = free), without counting anything. */
  async blockedFor(keys: string[]): Promise<number> {
    const rows: { retry_after: number | null }[] = await this.db.query(
      `SELECT max(ceil(extract(epoch FROM (blocked_until - now()))))::int AS retry_after
         FROM throttle_counters WHERE key = ANY($1) AND blocked_until > now()`,
      [keys],
    );
    return rows[0]?.retry_after ?? 0;
  }

  async reset(key: string): Promise<void> {
    await this.db.query('DELETE FROM throttle_counters WHERE key = $1', [key]);
  }
}
