import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolated builds cannot import)

/** argon2id, OWASP minimum or above (19 MiB, t=2). Passwords are never truncated. */
@Injectable()
export class PasswordService {
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: ARGON2ID,
      memoryCost: this.config.argon2MemoryKiB,
      timeCost: this.config.argon2Iterations,
      parallelism: 1,
    });
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    // Unknown phones still pay for one verification, so timing does not tell which phones exist.
    if (!passwordHash) {
      this.dummyHash ??= this.hash('not-a-real-password-but-same-cost');
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
