/**
 * The checker's accuracy on the labelled dev cases in ../shared/eval must not fall below what it
 * has reached (test/eval/floor.json, kept with docs/accuracy.md). The cases sit beside the
 * project on its developers' machines, not in the repository: where they are absent the test is
 * skipped. The scorer there runs the built command (dist/cli.cjs), which `npm test` builds first.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';

const repo = join(import.meta.dirname, '..', '..');
const dir = join(repo, '..', 'shared', 'eval');
const scorer = join(dir, 'score.mjs');
const devSets = existsSync(dir) ? readdirSync(dir).filter((f) => /^dev-.*\.jsonl$/.test(f)).map((f) => join(dir, f)) : [];
const skip = !existsSync(scorer) || devSets.length === 0 || !existsSync(join(repo, 'dist', 'cli.cjs')) ? 'needs ../shared/eval and a build' : false;

interface Outcome {
  readonly kind: 'refuted' | 'supported' | 'neutral';
  readonly tier: 'core' | 'hard';
  readonly hit?: boolean;
  readonly fixable?: boolean;
  readonly fixed?: boolean;
  readonly stray?: readonly string[];
  readonly falseAlarm?: boolean;
  readonly recognised?: boolean;
}

interface Figures {
  caught: number;
  fixed: number;
  falseAlarms: number;
  stray: number;
  recognised: number;
}

function figures(outcomes: readonly Outcome[]): Figures {
  return {
    caught: outcomes.filter((o) => o.hit).length,
    fixed: outcomes.filter((o) => o.fixed).length,
    falseAlarms: outcomes.filter((o) => o.falseAlarm).length,
    stray: outcomes.filter((o) => (o.stray?.length ?? 0) > 0).length,
    recognised: outcomes.filter((o) => o.recognised).length,
  };
}

it('accuracy on the dev cases does not fall below the floor', { skip, timeout: 300_000 }, () => {
  const out = join(mkdtempSync(join(tmpdir(), 'factcheck-accuracy-')), 'outcomes.json');
  const r = spawnSync(process.execPath, [scorer, '--quiet', '--json', out, ...devSets], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(r.status, 0, r.stderr);
  const outcomes = JSON.parse(readFileSync(out, 'utf8')) as Outcome[];
  const floor = JSON.parse(readFileSync(join(import.meta.dirname, 'floor.json'), 'utf8')) as Record<string, Figures>;
  const got: Record<string, Figures> = {
    core: figures(outcomes.filter((o) => o.tier === 'core')),
    hard: figures(outcomes.filter((o) => o.tier === 'hard')),
    all: figures(outcomes),
  };
  for (const [tier, want] of Object.entries(floor)) {
    const have = got[tier]!;
    assert.ok(have.caught >= want.caught, `${tier}: ${have.caught} refuted claims caught, the floor is ${want.caught}`);
    assert.ok(have.fixed >= want.fixed, `${tier}: ${have.fixed} right fixes, the floor is ${want.fixed}`);
    assert.ok(have.recognised >= want.recognised, `${tier}: ${have.recognised} supported claims recognised, the floor is ${want.recognised}`);
    assert.ok(have.falseAlarms <= want.falseAlarms, `${tier}: ${have.falseAlarms} false alarms, the ceiling is ${want.falseAlarms}`);
    assert.ok(have.stray <= want.stray, `${tier}: ${have.stray} refuted cases with a stray alarm, the ceiling is ${want.stray}`);
  }
});
