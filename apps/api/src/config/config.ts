import { weakSecretReason } from '@hearth/contracts';
import { loadSmsConfig, type SmsConfig } from '../notifications/sms/sms-config.js';

/** Environment, read and checked once at boot: a bad value stops the API with a message saying which and why. */
export interface AppConfig {
  nodeEnv: string;
  databaseUrl: string;
  port: number;
  host: string;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenSeconds: number;
  refreshTokenDays: number;
  webOrigin: string;
  publicWebUrl: string;
  seedDemo: boolean;
  adminPhone: string | null;
  adminPassword: string | null;
  rateLimitPerMinute: number;
  loginFailuresPerPhone: number;
  loginLockSeconds: number;
  loginFailuresPerAddress: number;
  /** Self-registrations an hour per client address (counted before the password is hashed). */
  registrationsPerAddressPerHour: number;
  /** Check-in codes a learner may try per session before she waits out checkInLockSeconds. */
  checkInAttemptsPerSession: number;
  checkInLockSeconds: number;
  bodyLimitBytes: number;
  logLevel: string;
  dbPoolSize: number;
  /** Argon2 cost can be lowered for tests only; never in production. */
  argon2MemoryKiB: number;
  argon2Iterations: number;
  /** Which proxies' X-Forwarded-For to believe (Fastify's trustProxy: addresses/CIDRs or "loopback"). */
  trustProxy: string | boolean;
  /** Serve the Swagger UI at /api/docs (the JSON document at /api/docs-json is always served). */
  apiDocs: boolean;
  /** Test mode: a transaction that asks the pool for a second connection throws (database/pool-guard.ts). */
  poolGuard: boolean;
  /** SMS provider, templates, daily cap and reply secret (README § SMS providers). */
  sms: SmsConfig;
  /** Background work (queue/): whether this process runs the job workers and cron schedules (off in tests unless asked). */
  queue: QueueConfig;
}

export interface QueueConfig {
  workers: boolean;
  /** How often the queue looks for expired jobs (a worker killed mid-job) and runs its housekeeping. */
  maintenanceSeconds: number;
  /** How often an idle worker polls (new jobs are also signalled at once within this process). */
  pollingSeconds: number;
  /** Notification delivery: parallel deliveries per instance, attempts after the first, first retry delay (doubling), and how long one attempt may take before it counts as crashed. */
  deliveryConcurrency: number;
  deliveryRetryLimit: number;
  deliveryRetryDelaySeconds: number;
  deliveryExpireSeconds: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

/**
 * TRUST_PROXY names the proxy whose X-Forwarded-For is believed: an address or CIDR (comma-separated),
 * or "loopback". "true" would believe any client's header and defeat every per-address
 * limit, so production refuses it.
 */
function parseTrustProxy(raw: string | undefined, nodeEnv: string): string | boolean {
  const value = (raw ?? '').trim();
  if (value === '') return 'loopback';
  if (/^(true|\*)$/i.test(value)) {
    if (nodeEnv === 'production') {
      throw new ConfigError(
        'TRUST_PROXY=true would believe X-Forwarded-For from any client and defeat every per-address limit; name the proxy instead (its address or CIDR, e.g. the web container\'s, or "loopback")',
      );
    }
    return true;
  }
  if (/^(false|none)$/i.test(value)) return false;
  if (/^\d+$/.test(value))
    throw new ConfigError(`TRUST_PROXY must name the proxy (an address or CIDR, comma-separated, or "loopback"), not a hop count (got "${value}")`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new ConfigError('DATABASE_URL is required (npm start sets it for the embedded PostgreSQL)');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters (npm start generates one in the data dir)');
  const adminPhone = env.ADMIN_PHONE || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminPhone === null) !== (adminPassword === null)) throw new ConfigError('ADMIN_PHONE and ADMIN_PASSWORD go together');
  if (adminPhone && !/^1[3-9]\d{9}$/.test(adminPhone)) throw new ConfigError('ADMIN_PHONE must be a mainland mobile number (11 digits, starting 13-19)');
  if (adminPassword && (adminPassword.length < 8 || adminPassword.length > 128)) throw new ConfigError('ADMIN_PASSWORD must be 8 to 128 characters');
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv === 'production') {
    const weak = weakSecretReason(jwtSecret);
    if (weak) throw new ConfigError(`JWT_SECRET ${weak}; set it to a long random string, e.g. \`openssl rand -base64 48\``);
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, nodeEnv);
  const argon2MemoryKiB = int(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 1048576);
  if (nodeEnv === 'production' && argon2MemoryKiB < 19456) throw new ConfigError('ARGON2_MEMORY_KIB may not go below 19456 in production');
  const webOrigin = env.WEB_ORIGIN ?? `http://localhost:${env.PORT ?? 3000}`;
  return {
    nodeEnv,
    databaseUrl,
    port: int(env, 'API_PORT', 3333, 1, 65535),
    host: env.API_HOST ?? '0.0.0.0',
    jwtSecret,
    jwtIssuer: 'hearth',
    jwtAudience: 'hearth-api',
    accessTokenSeconds: int(env, 'ACCESS_TOKEN_SECONDS', 900, 10, 3600),
    refreshTokenDays: int(env, 'REFRESH_TOKEN_DAYS', 30, 1, 30),
    webOrigin,
    publicWebUrl: env.PUBLIC_WEB_URL ?? webOrigin,
    seedDemo: bool(env, 'SEED_DEMO', false),
    adminPhone,
    adminPassword,
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 120, 1, 1_000_000),
    loginFailuresPerPhone: int(env, 'LOGIN_FAILURES_PER_PHONE', 5, 1, 1000),
    loginLockSeconds: int(env, 'LOGIN_LOCK_SECONDS', 900, 1, 86400),
    loginFailuresPerAddress: int(env, 'LOGIN_FAILURES_PER_ADDRESS', 100, 1, 100000),
    registrationsPerAddressPerHour: int(env, 'REGISTRATIONS_PER_ADDRESS_PER_HOUR', 60, 1, 100000),
    checkInAttemptsPerSession: int(env, 'CHECK_IN_ATTEMPTS_PER_SESSION', 5, 1, 1000),
    checkInLockSeconds: int(env, 'CHECK_IN_LOCK_SECONDS', 900, 1, 86400),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    logLevel: env.LOG_LEVEL ?? 'info',
    dbPoolSize: int(env, 'DB_POOL_SIZE', 20, 1, 500),
    argon2MemoryKiB,
    argon2Iterations: int(env, 'ARGON2_ITERATIONS', 2, 1, 10),
    trustProxy,
    apiDocs: bool(env, 'API_DOCS', true),
    poolGuard: bool(env, 'DB_POOL_GUARD', nodeEnv === 'test'),
    sms: loadSmsConfig(env, nodeEnv, (message) => new ConfigError(message)),
    queue: {
      workers: bool(env, 'QUEUE_WORKERS', nodeEnv !== 'test'),
      maintenanceSeconds: int(env, 'QUEUE_MAINTENANCE_SECONDS', 30, 1, 3600),
      pollingSeconds: int(env, 'QUEUE_POLLING_SECONDS', 2, 1, 60),
      deliveryConcurrency: int(env, 'DELIVERY_CONCURRENCY', 4, 1, 64),
      deliveryRetryLimit: int(env, 'DELIVERY_RETRY_LIMIT', 8, 0, 50),
      deliveryRetryDelaySeconds: int(env, 'DELIVERY_RETRY_DELAY_SECONDS', 30, 1, 3600),
      deliveryExpireSeconds: int(env, 'DELIVERY_EXPIRE_SECONDS', 120, 2, 3600),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
