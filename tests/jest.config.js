/**
 * Cross-app tests against the real product: `scripts/start.mjs` (the same code as `npm start`) runs
 * embedded PostgreSQL + the built API + the built web; API black-box tests call it over HTTP and
 * browser tests drive Debian's Chromium through playwright-core.
 */
export default {
  displayName: 'e2e',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/api/**/*.spec.ts', '<rootDir>/e2e/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }] },
  globalSetup: '<rootDir>/support/global-setup.mjs',
  globalTeardown: '<rootDir>/support/global-teardown.mjs',
  testTimeout: 90000,
  maxWorkers: 1,
  // Keep-alive sockets to the product would otherwise hold jest open after the run.
  forceExit: true,
};
