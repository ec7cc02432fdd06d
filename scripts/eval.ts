/**
 * `npm run eval`: the checker's accuracy on the labelled cases in ../shared/eval (beside the
 * project on its developers' machines, not in the repository): runs the scorer there on every
 * *.jsonl and prints its table. Arguments are passed on to the scorer (`npm run eval -- --only
 * date`, `-- --quiet`). Where ../shared/eval is absent, as on a user's clone, it says so and
 * exits 0. Build first (the npm script does).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..');
const dir = join(repo, '..', 'shared', 'eval');
const scorer = join(dir, 'score.mjs');
if (!existsSync(scorer)) {
  console.log(`npm run eval: no labelled cases here (${dir} is absent); nothing to measure.`);
  process.exit(0);
}
const cases = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f));
const r = spawnSync(process.execPath, [scorer, ...process.argv.slice(2), ...cases], { cwd: repo, stdio: 'inherit' });
process.exit(r.status ?? 1);
