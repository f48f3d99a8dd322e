import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from './auth-user.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthUserLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One indexed lookup per request; only active accounts count. */
  async load(userId: string): Promise<AuthUser | null> {
    if (!UUID.test(userId)) return null;
    const rows: AuthUser[] = await this.db.query(
      `SELECT u.id, u.role, u.name, u.phone, u.org_id AS "orgId", o.path AS "orgPath", o.kind AS "orgKind", o.name AS "orgName",
              u.employer_id AS "employerId", u.learner_type AS "learnerType", u.locale
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active'`,
      [userId],
    );
    return rows[0] ?? null;
  }
}
