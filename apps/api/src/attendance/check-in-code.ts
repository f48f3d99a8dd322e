import { createHmac, timingSafeEqual } from 'node:crypto';

/** A code changes every 30 s and is accepted for 60 s (its own window and the one after). */
export const CODE_STEP_SECONDS = 30;

/** Time-windowed HMAC, like TOTP: nothing is stored per code, and every API instance agrees. */
export function checkInCode(secret: Buffer, sessionId: string, window: number): string {
  const digest = createHmac('sha256', secret).update(`check-in:${sessionId}:${window}`).digest();
  const number = digest.readUInt32BE(digest[digest.length - 1] & 0x0f) & 0x7fffffff;
  return String(number % 1_000_000).padStart(6, '0');
}

export function currentWindow(now = Date.now()): number {
  return Math.floor(now / 1000 / CODE_STEP_SECONDS);
}

export function issueCode(secret: Buffer, sessionId: string, now = Date.now()) {
  const window = currentWindow(now);
  return { code: checkInCode(secret, sessionId, window), expiresAt: new Date((window + 2) * CODE_STEP_SECONDS * 1000).toISOString() };
}

export function verifyCode(secret: Buffer, sessionId: string, code: string, now = Date.now()): boolean {
  const window = currentWindow(now);
  return [window, window - 1].some((w) => {
    const expected = Buffer.from(checkInCode(secret, sessionId, w));
    const given = Buffer.from(code);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
