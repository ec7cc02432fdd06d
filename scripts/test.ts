/**
 * `npm test`: type-checking, lint, the build, the unit suites and the end-to-end suite, each run
 * whatever happened to the ones before, so that one red step never hides what the others would
 * have said (and the end-to-end screenshots are written even after a unit failure). The
 * command fails at the end if any step failed, with a summary of every step.
 *
 * Steps are the package's own scripts, so each can also be run alone (`npm run test:unit`).
 */

import { spawnSync } from 'node:child_process';

const STEPS = ['typecheck', 'lint', 'build', 'test:unit', 'test:e2e'] as const;

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results: Array<{ step: string; status: number; seconds: number }> = [];
for (const step of STEPS) {
  const started = Date.now();
  const r = spawnSync(npm, ['run', '--silent', step], { stdio: 'inherit' });
  results.push({ step, status: r.status ?? 1, seconds: (Date.now() - started) / 1000 });
}

const failed = results.filter((r) => r.status !== 0);
console.log('\nnpm test:');
for (const r of results) console.log(`  ${r.status === 0 ? 'ok    ' : 'FAILED'}  ${r.step.padEnd(10)} ${r.seconds.toFixed(0).padStart(4)} s`);
console.log(failed.length ? `${failed.length} of ${results.length} steps failed: ${failed.map((r) => r.step).join(', ')}` : `all ${results.length} steps passed`);
process.exit(failed.length ? 1 : 0);
