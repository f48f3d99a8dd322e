import { Injectable } from '@nestjs/common';
import { AuthRepository } from './auth.repository.js';
import type { AuthUser } from './auth-user.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthUserLoader {
  constructor(private readonly auth: AuthRepository) {}

  /** One indexed lookup per request; only active accounts, and only a sign-in not yet ended (`sid`). */
  async load(userId: string, signInId: string): Promise<AuthUser | null> {
    if (!UUID.test(userId) || !UUID.test(signInId)) return null;
    return this.auth.authUser(userId, signInId);
  }
}
