#!/usr/bin/env node
// Runs the tests again on other Node.js releases, each fetched from the npm registry's `node`
// package (no other download): the unit and API integration suites, and the browser journeys
// of every role, with the API and the web started on that release.
// Usage: node scripts/test-on-node.mjs 22 24   (the build from `npm test` is reused)
import { spawnSync } from 'node:child_process';

const versions = process.argv.slice(2);
if (versions.length === 0) {
  console.error('usage: node scripts/test-on-node.mjs <major> [<major> ...]');
  process.exit(2);
}
const suites = [
  ['npx', 'nx', 'run-many', '-t', 'test', '-p', '@hearth/contracts', '@hearth/api', '@hearth/web', '--parallel=1', '--output-style=stream'],
  ['npm', 'test', '-w', '@hearth/tests', '--', 'e2e/journeys-staff.spec.ts', 'e2e/journeys-learners-employer.spec.ts'],
];
for (const major of versions) {
  for (const suite of suites) {
    const started = Date.now();
    console.log(`\n== Node ${major}: ${suite.join(' ')}`);
    // `npx -p node@N` puts that release first on PATH, so node, npm and everything they spawn run on it.
    const run = spawnSync('npx', ['-y', '-p', `node@${major}`, '--', 'sh', '-c', `node -v && ${suite.join(' ')}`], {
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (run.status !== 0) {
      console.error(`Node ${major}: failed (${suite.join(' ')})`);
      process.exit(run.status ?? 1);
    }
    console.log(`== Node ${major}: passed in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}
