/**
 * Secrets that ship in this repository (docker-compose.yml, the README, tests, development defaults)
 * or that people type as placeholders. In production the API refuses them for JWT_SECRET and the web
 * for SESSION_SECRET: anyone who read the repository could sign tokens or session cookies.
 */
export const KNOWN_SECRETS: readonly string[] = [
  'change-me-change-me-change-me-change-me',
  'change-me-too-change-me-too-change-me',
  'test-secret-test-secret-test-secret-0123456789',
  'hearth-development-session-secret',
];

// Words of five letters or more, so a random secret contains one by chance about once in 100,000.
const PLACEHOLDER_WORDS = /change[-_ ]?me|changeit|placeholder|secret|passw(or)?d|example|default|replace[-_ ]?me|hearth|dummy|sample|xxxxx/i;

/** Why this secret must not be used in production, or null when it may. */
export function weakSecretReason(value: string, minLength = 32): string | null {
  if (value.length < minLength) return `is shorter than ${minLength} characters`;
  if (KNOWN_SECRETS.includes(value)) return 'is a value published with Hearth (docker-compose.yml, the README or the tests)';
  if (PLACEHOLDER_WORDS.test(value)) return 'looks like a placeholder (it contains a word such as "change-me", "secret" or "example")';
  if (new Set(value).size < 10) return 'repeats too few characters to be random';
  if (/^(.{1,16}?)\1+$/.test(value)) return 'is one short piece repeated';
  return null;
}
