import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUTH_USER_SQL } from './auth-queries.js';
import type { AuthUser } from './auth-user.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthUserLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One indexed lookup per request; only active accounts, and only a sign-in not yet ended (`sid`). */
  async load(userId: string, signInId: string): Promise<AuthUser | null> {
    if (!UUID.test(userId) || !UUID.test(signInId)) return null;
    const rows: AuthUser[] = await this.db.query(
      AUTH_USER_SQL,
      [userId, signInId],
    );
    return rows[0] ?? null;
  }
}
