/** Long fault-injection runs (kill -9 of the API and of PostgreSQL); `npm run test:resilience`. */
export default {
  displayName: 'resilience',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }] },
  testTimeout: 600000,
  maxWorkers: 1,
  forceExit: true,
};
