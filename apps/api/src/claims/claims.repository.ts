import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Scope } from '../access/access-policy.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

export interface ClaimCandidate {
  id: string;
  name: string;
  phone: string | null;
  org_id: string;
  claimed: boolean;
  /** Whether the scope reaches her. */
  in_scope: boolean;
}

@SqlRepository('claims')
@Injectable()
export class ClaimsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An active learner account, with whether she has set a password. */
  @SqlExample(() => [Example.ID])
  async findLearner(userId: string): Promise<{ id: string; orgId: string | null; hasPassword: boolean; path: string | null } | null> {
    const rows = await this.db.query(
      `SELECT u.id, u.org_id AS "orgId", (u.password_hash IS NOT NULL) AS "hasPassword", o.path
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active' AND u.role = 'learner'`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** The code's hash, replacing her previous one; returns when it expires. */
  @SqlExample(() => [Example.ID, 'hash', 30, Example.ID2, undefined])
  async upsert(userId: string, codeHash: string, days: number, issuedBy: string, tx: EntityManager = this.db.manager): Promise<Date> {
    const [row]: { expires_at: Date }[] = await tx.query(
      `INSERT INTO account_claims (user_id, code_hash, expires_at, issued_by) VALUES ($1, $2, now() + make_interval(days => $3), $4)
       ON CONFLICT (user_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, issued_by = EXCLUDED.issued_by, created_at = now()
       RETURNING expires_at`,
      [userId, codeHash, days, issuedBy],
    );
    return row.expires_at;
  }

  @SqlExample(() => [[Example.ID], ['hash'], 30, Example.ID2, undefined])
  async upsertMany(
    userIds: string[],
    codeHashes: string[],
    days: number,
    issuedBy: string,
    tx: EntityManager = this.db.manager,
  ): Promise<{ user_id: string; expires_at: Date }[]> {
    if (userIds.length === 0) return [];
    return tx.query(
      `INSERT INTO account_claims (user_id, code_hash, expires_at, issued_by)
       SELECT u, h, now() + make_interval(days => $3), $4 FROM unnest($1::uuid[], $2::text[]) AS x(u, h)
       ON CONFLICT (user_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, issued_by = EXCLUDED.issued_by, created_at = now()
       RETURNING user_id, expires_at`,
      [userIds, codeHashes, days, issuedBy],
    );
  }

  /** The learners an import created or reused, with what access needs. */
  @SqlExample(() => [Example.ID])
  async importLearners(importId: string): Promise<{ learner_ids: string[]; created_by: string; path: string } | null> {
    const [job] = await this.db.query(`SELECT j.learner_ids, j.created_by, o.path FROM import_jobs j JOIN organizations o ON o.id = j.org_id WHERE j.id = $1`, [
      importId,
    ]);
    return job ?? null;
  }

  /** Active learners among these ids, locked for the batch, with whether the scope reaches each. */
  @SqlExample(() => [[Example.ID, Example.ID2], Example.scope('coordinator', 'user.manage'), undefined])
  lockLearners(ids: string[], scope: Scope, tx: EntityManager = this.db.manager): Promise<ClaimCandidate[]> {
    const params: unknown[] = [ids];
    return tx.query(
      `SELECT u.id, u.name, u.phone, u.org_id, (u.password_hash IS NOT NULL) AS claimed, coalesce(${scope.where({ orgPath: 'o.path' }, params)}, false) AS in_scope
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = ANY($1::uuid[]) AND u.role = 'learner' AND u.status = 'active'
        ORDER BY u.name, u.phone FOR UPDATE OF u`,
      params,
    );
  }

  /** Her unexpired code's hash, if any. */
  @SqlExample(() => [Example.ID, undefined])
  async activeCode(userId: string, tx: EntityManager = this.db.manager): Promise<string | null> {
    const [claim]: { code_hash: string }[] = await tx.query(`SELECT code_hash FROM account_claims WHERE user_id = $1 AND expires_at > now()`, [userId]);
    return claim?.code_hash ?? null;
  }

  @SqlExample(() => [Example.ID, undefined])
  async remove(userId: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`DELETE FROM account_claims WHERE user_id = $1`, [userId]);
  }
}
