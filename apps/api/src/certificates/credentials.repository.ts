import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';
import { INSERT_SIGNING_KEY, type NewSigningKey } from './signing-keys.js';

export interface CredentialSource {
  id: string;
  code: string;
  issued_at: Date;
  expires_at: Date | null;
  hours: string;
  org_id: string;
  org_name: string;
  phone: string | null;
  holder_name: string | null;
  course_code: string;
  title_zh: string;
  description_zh: string;
  required_hours: string;
  min_attendance_pct: number;
  list_id: number | null;
  idx: number | null;
}

export interface SigningKeyRow {
  id: string;
  public_jwk: Record<string, unknown>;
  not_before: Date;
}

/** The signed credentials of certificates, their revocation status lists, and the issuer's signing keys. */
@SqlRepository('credentials')
@Injectable()
export class CredentialsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The name of the (first) root of the tree: the issuer. */
  @SqlExample(() => [])
  async federationName(manager?: EntityManager): Promise<string | null> {
    const rows = await (manager ?? this.db.manager).query(`SELECT name FROM organizations WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
    return rows[0]?.name ?? null;
  }

  @SqlExample(() => [Example.ID])
  async statusEntry(certificateId: string, manager?: EntityManager): Promise<{ listId: number; idx: number } | null> {
    const rows = await (manager ?? this.db.manager).query(`SELECT list_id, idx FROM status_list_entries WHERE certificate_id = $1`, [certificateId]);
    return rows[0] ? { listId: rows[0].list_id, idx: rows[0].idx } : null;
  }

  /** A slot in the newest list holding fewer than `fill` entries, or null when every list is that full. */
  @SqlExample(() => [65536])
  async takeListSlot(fill: number, manager?: EntityManager): Promise<{ id: number; size: number } | null> {
    const list = await queryRows<{ id: number; size: number }>(
      manager ?? this.db.manager,
      `UPDATE status_lists SET allocated = allocated + 1
        WHERE id = (SELECT id FROM status_lists WHERE allocated < $1 ORDER BY id DESC LIMIT 1) RETURNING id, size`,
      [fill],
    );
    return list[0] ?? null;
  }

  /** A new list with its first slot taken. */
  @SqlExample(() => [131072])
  async newList(size: number, manager?: EntityManager): Promise<{ id: number; size: number }> {
    const rows = await (manager ?? this.db.manager).query(`INSERT INTO status_lists (size, allocated) VALUES ($1, 1) RETURNING id, size`, [size]);
    return rows[0];
  }

  /** False if the index is taken. */
  @SqlExample(() => [1, 7, Example.ID])
  async insertEntry(listId: number, idx: number, certificateId: string, manager?: EntityManager): Promise<boolean> {
    const inserted: unknown[] = await (manager ?? this.db.manager).query(
      `INSERT INTO status_list_entries (list_id, idx, certificate_id) VALUES ($1, $2, $3) ON CONFLICT (list_id, idx) DO NOTHING RETURNING idx`,
      [listId, idx, certificateId],
    );
    return inserted.length === 1;
  }

  /** What the certificate's credential says. */
  @SqlExample(() => [Example.ID])
  async source(certificateId: string, manager?: EntityManager): Promise<CredentialSource | null> {
    const rows = await (manager ?? this.db.manager).query(
      `SELECT z.id, z.code, z.issued_at, z.expires_at, z.hours, z.org_id, o.name AS org_name, u.phone, u.name AS holder_name,
              c.code AS course_code, c.title_zh, c.description_zh, c.required_hours, c.min_attendance_pct, s.list_id, s.idx
         FROM certificates z JOIN users u ON u.id = z.learner_id JOIN courses c ON c.id = z.course_id JOIN organizations o ON o.id = z.org_id
         LEFT JOIN status_list_entries s ON s.certificate_id = z.id
        WHERE z.id = $1`,
      [certificateId],
    );
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID, 'header.payload.signature', 2])
  async storeCredential(certificateId: string, jwt: string, format: number, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`UPDATE certificates SET credential_jwt = $2, credential_format = $3 WHERE id = $1`, [certificateId, jwt, format]);
  }

  /** The stored credential; `lock` holds the certificate row (inside `manager`'s transaction) first. */
  @SqlExample(() => [Example.ID, undefined, true])
  async storedCredential(
    certificateId: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<{ credential_jwt: string | null; credential_format: number } | null> {
    const m = manager ?? this.db.manager;
    if (lock) await m.query(`SELECT 1 FROM certificates WHERE id = $1 FOR UPDATE`, [certificateId]);
    const rows = await m.query(`SELECT credential_jwt, credential_format FROM certificates WHERE id = $1`, [certificateId]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [1])
  async statusList(listId: number): Promise<{ id: number; size: number; purpose: string } | null> {
    const rows = await this.db.query(`SELECT id, size, purpose FROM status_lists WHERE id = $1`, [listId]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [1])
  async revokedIndexes(listId: number): Promise<number[]> {
    const revoked: { idx: number }[] = await this.db.query(
      `SELECT s.idx FROM status_list_entries s JOIN certificates z ON z.id = s.certificate_id WHERE s.list_id = $1 AND z.status = 'revoked'`,
      [listId],
    );
    return revoked.map((r) => r.idx);
  }

  @SqlExample(() => ['ABCDEFGHJK'])
  async certificateIdByCode(code: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT id FROM certificates WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  // Signing keys

  @SqlExample(() => [{ id: '2026-01-01-abcdef', publicJwk: {}, privatePkcs8: '' }, Example.DATE])
  async insertKey(key: NewSigningKey, notBefore: Date, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(INSERT_SIGNING_KEY, [key.id, key.publicJwk, key.privatePkcs8, notBefore]);
  }

  /** Serialises the creation of the first key between instances (inside `manager`'s transaction). */
  @SqlExample(() => [])
  async lockKeys(manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`SELECT pg_advisory_xact_lock(hashtext('hearth.signing_keys'))`);
  }

  @SqlExample(() => [])
  async anyKey(manager?: EntityManager): Promise<boolean> {
    return (await (manager ?? this.db.manager).query(`SELECT 1 FROM signing_keys LIMIT 1`)).length > 0;
  }

  /** The newest key whose not_before has passed. */
  @SqlExample(() => [])
  async keyInForce(manager?: EntityManager): Promise<{ id: string; private_pkcs8: string } | null> {
    const rows = await (manager ?? this.db.manager).query(
      `SELECT id, private_pkcs8 FROM signing_keys WHERE not_before <= now() ORDER BY not_before DESC, created_at DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  /** The oldest key (when none is in force yet, e.g. the first one just made). */
  @SqlExample(() => [])
  async firstKey(): Promise<{ id: string; private_pkcs8: string } | null> {
    const rows = await this.db.query(`SELECT id, private_pkcs8 FROM signing_keys ORDER BY not_before, created_at LIMIT 1`);
    return rows[0] ?? null;
  }

  @SqlExample(() => [])
  async publicKeys(): Promise<SigningKeyRow[]> {
    return this.db.query(`SELECT id, public_jwk, not_before FROM signing_keys ORDER BY not_before, created_at`);
  }
}
