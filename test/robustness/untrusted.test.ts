/**
 * Fact files from an untrusted workspace are data only, through the running server: a fact
 * folder outside the workspace is not read in Restricted Mode (and a located problem says so);
 * hostile fact files (alias bombs, self-referencing aliases, prototype keys, a 50 MB file,
 * symbolic-link loops, FIFOs) each give a located problem and nothing else, and drafts are still
 * checked. Names and aliases are matched by a token trie, so a pathological alias costs time in
 * proportion to its size.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { Checker } from '../../server/src/engine/check.js';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import { LspClient } from '../support/lspClient.js';

const root = mkdtempSync(join(tmpdir(), 'factcheck-untrusted-'));
after(() => rmSync(root, { recursive: true, force: true }));

const SOURCE = 'sources:\n  - { id: team-notes, type: report, title: Team notes }\n';
const ZOLFAGHAR = `${SOURCE}entities:
  - { id: zolfaghar, type: missile, name: Zolfaghar, description: An Iranian missile., references: [{ source: team-notes }] }
  - { id: fateh-110, type: missile, name: Fateh-110, description: An Iranian missile., references: [{ source: team-notes }] }
  - { id: shahab-1, type: missile, name: Shahab-1, description: An Iranian missile., references: [{ source: team-notes }] }
statements:
  - { id: zolfaghar-from-shahab-1, subject: zolfaghar, predicate: derived-from, object: shahab-1, references: [{ source: team-notes }] }
`;
const DRAFT = 'The Zolfaghar is based on the Fateh-110.\n';
const WRONG = 'The Shahab-3 is a copy of the Yono-class midget submarine.\n';

interface Status {
  errors: number;
  entities: number;
}

function workspace(name: string, config: string): { ws: string; outside: string } {
  const ws = join(root, name, 'ws');
  const outside = join(root, name, 'outside');
  mkdirSync(ws, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'team.yaml'), ZOLFAGHAR);
  writeFileSync(join(ws, '.factcheck.yaml'), config.replace('OUTSIDE_ABS', outside));
  return { ws, outside };
}

describe('an untrusted workspace, through the server', { timeout: 120_000 }, () => {
  for (const [label, config] of [
    ['a relative folder (../outside)', 'factBases: [../outside]\n'],
    ['an absolute folder', 'factBases: [OUTSIDE_ABS]\n'],
  ] as const) {
    it(`does not read ${label} outside the workspace in Restricted Mode, and says so`, async () => {
      const { ws } = workspace(label.replace(/\W+/g, '-'), config);
      const client = await LspClient.start({ workspace: ws, initializationOptions: { trusted: false } });
      try {
        await client.baseLoaded();
        const draft = pathToFileURL(join(ws, 'memo.md')).href;
        await client.open(draft, DRAFT);
        assert.deepEqual((await client.diagnosticsFor(draft, 1)).diagnostics, [], 'the outside facts are not used');
        const restricted = await client.until('a restricted-mode problem', () =>
          client.published.flatMap((p) => p.diagnostics.map((d) => ({ uri: p.uri, d }))).find((x) => x.d.code === 'restricted'));
        assert.match(String(restricted.d.message), /outside the workspace and is not read in Restricted Mode/);
        assert.ok(restricted.uri.startsWith('file:'), restricted.uri);
        const status = client.notifications.at(-1)!.params as Status & { warnings?: number };
        // The status item counts the problem, so a user sees why the folder is missing.
        assert.ok(status.errors + (status.warnings ?? 0) >= 1, `the status counts the restricted folder: ${JSON.stringify(status)}`);
      } finally {
        await client.stop();
      }
    });
  }

  it('reads the outside folder when the workspace is trusted', async () => {
    const { ws } = workspace('trusted', 'factBases: [../outside]\n');
    const client = await LspClient.start({ workspace: ws, initializationOptions: { trusted: true } });
    try {
      await client.baseLoaded();
      const draft = pathToFileURL(join(ws, 'memo.md')).href;
      await client.open(draft, DRAFT);
      const published = await client.diagnosticsFor(draft, 1);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['lineage']);
    } finally {
      await client.stop();
    }
  });

  it('turns hostile fact files into located problems and keeps checking drafts', async () => {
    const ws = join(root, 'hostile');
    const facts = join(ws, 'team-facts');
    mkdirSync(join(facts, 'sub'), { recursive: true });
    writeFileSync(join(ws, '.factcheck.yaml'), 'factBases: [team-facts]\n');
    writeFileSync(join(facts, 'good.yaml'), ZOLFAGHAR);
    // Billion laughs: each level doubles ten times.
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    writeFileSync(join(facts, 'bomb.yaml'), `${levels.join('\n')}\nentities: *i\n`);
    writeFileSync(join(facts, 'selfref.yaml'), 'entities: &a [*a]\n');
    writeFileSync(join(facts, 'proto.yaml'), `${'sources:\n  - { id: p, type: report, title: P }\n'}entities:\n  - { id: __proto__, type: missile, name: Proto, description: x, references: [{ source: p }], __proto__: { polluted: true } }\n  - { id: constructor, type: missile, name: Constructor, description: x, references: [{ source: p }], constructor: { prototype: { polluted: true } } }\n`);
    writeFileSync(join(facts, 'huge.yaml'), '');
    truncateSync(join(facts, 'huge.yaml'), 50 * 1024 * 1024);
    symlinkSync(facts, join(facts, 'sub', 'loop'));
    symlinkSync(join(facts, 'self.yaml'), join(facts, 'self.yaml'));
    execFileSync('mkfifo', [join(facts, 'pipe.yaml')]);
    const client = await LspClient.start({ workspace: ws, initializationOptions: { trusted: false } });
    try {
      const status = (await client.baseLoaded()) as Status;
      const problems = await client.until('problems in the hostile files', () => {
        const all = new Map<string, string[]>();
        for (const p of client.published) if (p.diagnostics.length) all.set(p.uri.split('/').at(-1)!, p.diagnostics.map((d) => String(d.code)));
        return ['bomb.yaml', 'selfref.yaml', 'huge.yaml', 'self.yaml', 'pipe.yaml'].every((f) => all.has(f)) && all;
      });
      assert.deepEqual(problems.get('bomb.yaml'), ['yaml-aliases']);
      assert.ok(problems.get('selfref.yaml')!.length >= 1);
      assert.deepEqual(problems.get('huge.yaml'), ['too-large']);
      assert.deepEqual(problems.get('self.yaml'), ['unreadable']);
      assert.deepEqual(problems.get('pipe.yaml'), ['not-a-file']);
      assert.ok(status.errors >= 5, `the status counts them: ${JSON.stringify(status)}`);
      const draft = pathToFileURL(join(ws, 'memo.md')).href;
      await client.open(draft, DRAFT + WRONG);
      assert.deepEqual((await client.diagnosticsFor(draft, 1)).diagnostics.map((d) => d.code), ['lineage', 'lineage'], 'the good team file and the shipped base still check drafts');
      assert.equal(client.process.exitCode, null);
    } finally {
      await client.stop();
    }
  });
});

describe('patterns a user can write match in linear time', () => {
  const fileWith = (aliases: readonly string[]) => ({
    path: 'aliases.yaml',
    text: `${SOURCE}entities:\n  - id: thing\n    type: missile\n    name: Thing\n    aliases: ${JSON.stringify(aliases)}\n    description: x\n    references: [{ source: team-notes }]\n`,
  });

  /** Load and check, timed by the fastest of three runs: a pause of a busy machine lengthens one run, not all. */
  function timed(aliases: readonly string[], draft: string): { ms: number; errors: string[] } {
    let ms = Infinity;
    let errors: string[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const { base, problems } = loadFactBase([fileWith(aliases)]);
      new Checker(base).check(draft);
      ms = Math.min(ms, performance.now() - started);
      errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.column} ${p.message}`);
    }
    return { ms, errors };
  }

  it('rejects an alias of 10,000 letters with a located problem; 10,000 aliases and the longest allowed alias match in bounded time', () => {
    // A draft that a backtracking matcher would hate: the same token over and over.
    const draft = `${'a '.repeat(20_000)}\n\n${'a-'.repeat(5_000)} and Thing.\n`;
    const baseline = timed(['Thing one', 'Thing two'], draft);
    assert.deepEqual(baseline.errors, []);
    const long = timed(['a'.repeat(10_000)], draft);
    assert.equal(long.errors.length, 1);
    assert.match(long.errors[0]!, /^7:\d+ 'aliases\.0' of entity #1 must NOT have more than 200 characters/);
    const longest = timed([`${'a '.repeat(99)}b`, 'a'.repeat(200)], draft);
    assert.deepEqual(longest.errors, []);
    const many = timed(Array.from({ length: 10_000 }, (_, i) => `a ${i.toString(36)}`), draft);
    assert.deepEqual(many.errors, []);
    // A superlinear matcher takes minutes here; generous ratios absorb a busy machine.
    const bound = Math.max(baseline.ms, 20) * 40;
    for (const [what, t] of [['the 10,000-letter alias', long], ['the longest allowed aliases', longest], ['10,000 aliases', many]] as const) {
      assert.ok(t.ms < bound, `${what}: ${t.ms.toFixed(0)} ms vs baseline ${baseline.ms.toFixed(0)} ms`);
    }
  });
});
