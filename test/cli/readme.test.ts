/**
 * The README shows a real run of the main-job command; this keeps it real. If the output
 * changes, the README must change with it.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

const repo = join(import.meta.dirname, '..', '..');

it("the README's example run is what the command prints", () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const block = /<!-- example-run -->\n```text\n\$ npx factcheck examples\/draft\.md\n([\s\S]*?)```\n<!-- \/example-run -->/.exec(readme);
  assert.ok(block, 'README has no example-run block');
  const run = spawnSync(process.execPath, [join(repo, 'dist', 'cli.cjs'), 'examples/draft.md'], { cwd: repo, encoding: 'utf8' });
  assert.equal(run.status, 1, 'the example draft has wrong facts, so the command exits 1');
  assert.equal(run.stdout, block[1]);
});
