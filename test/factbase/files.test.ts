/**
 * Reading fact-base folders from disk: every odd thing a folder can hold gives a located
 * problem and never a crash or a hang.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readFactFolders, shippedFactsDir } from '../../server/src/node/factFiles.js';
import { loadFactBaseFromDisk } from '../../server/src/node/loadFacts.js';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import { DiskFactCache } from '../../server/src/node/factCache.js';

const root = mkdtempSync(join(tmpdir(), 'factcheck-files-'));
after(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const codes = (problems: readonly { code: string }[]) => problems.map((p) => p.code);

describe('reading fact-base folders', { timeout: 20_000 }, () => {
  it('reports a folder that does not exist', async () => {
    const { files, problems } = await readFactFolders([join(root, 'nope')]);
    assert.deepEqual(files, []);
    assert.deepEqual(codes(problems), ['unreadable']);
    assert.match(problems[0]!.message, /does not exist/);
  });

  it('reads nested .yaml and .yml files in name order, and nothing else', async () => {
    const dir = folder('nested');
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'two.yml'), 'entities: []\n');
    writeFileSync(join(dir, 'a.yaml'), 'entities: []\n');
    writeFileSync(join(dir, 'notes.md'), '# not a fact file\n');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'x.yaml'), 'not: read\n');
    const { files, problems } = await readFactFolders([dir]);
    assert.deepEqual(problems, []);
    assert.deepEqual(files.map((f) => f.path.split(/[\\/]/).slice(-2).join('/')), ['nested/a.yaml', 'b/two.yml']);
  });

  it('refuses a 50 MB file without reading it', async () => {
    const dir = folder('huge');
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024); // sparse: no 50 MB written to disk
    const { files, problems } = await readFactFolders([dir]);
    assert.deepEqual(files, []);
    assert.deepEqual(codes(problems), ['too-large']);
    assert.match(problems[0]!.message, /50\.0 MB; the limit is 5 MB/);
  });

  it('reports a file that is not UTF-8', async () => {
    const dir = folder('latin1');
    writeFileSync(join(dir, 'x.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    const { problems } = await readFactFolders([dir]);
    assert.deepEqual(codes(problems), ['encoding']);
  });

  it('drops a byte-order mark', async () => {
    const dir = folder('bom');
    writeFileSync(join(dir, 'x.yaml'), '\ufeffentities: []\n');
    const { files } = await readFactFolders([dir]);
    assert.equal(files[0]!.text, 'entities: []\n');
  });

  it('skips a FIFO without blocking on it', async () => {
    const dir = folder('fifo');
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const { files, problems } = await readFactFolders([dir]);
    assert.deepEqual(files, []);
    assert.deepEqual(codes(problems), ['not-a-file']);
  });

  it('refuses a device given as a fact base', async () => {
    const { problems } = await readFactFolders(['/dev/null']);
    assert.deepEqual(codes(problems), ['not-a-file']);
  });

  it('survives a symbolic-link loop and never follows a link out of the folder', async () => {
    const dir = folder('links');
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'back-to-top'));
    symlinkSync(join(dir, 'self'), join(dir, 'self'));
    const outside = folder('outside');
    writeFileSync(join(outside, 'secret.yaml'), 'entities: []\n');
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'leak.yaml'));
    writeFileSync(join(dir, 'real.yaml'), 'entities: []\n');
    const { files, problems } = await readFactFolders([dir]);
    assert.deepEqual(files.map((f) => f.path.split(/[\\/]/).at(-1)), ['real.yaml']);
    assert.deepEqual(codes(problems).sort(), ['outside-folder', 'unreadable']);
    assert.match(problems.find((p) => p.code === 'outside-folder')!.message, /outside the fact-base folder/);
    assert.match(problems.find((p) => p.code === 'unreadable')!.message, /loop of symbolic links/);
  });

  it('accepts a single fact file', async () => {
    const dir = folder('single');
    writeFileSync(join(dir, 'one.yaml'), 'entities: []\n');
    const { files, problems } = await readFactFolders([join(dir, 'one.yaml')]);
    assert.deepEqual(problems, []);
    assert.equal(files.length, 1);
  });

  it('loads a user folder on top of the shipped base, and reports its errors in place', async () => {
    const dir = folder('user');
    writeFileSync(join(dir, 'extra.yaml'), `statements:
  - id: rouhani-visited-pyongyang
    subject: hassan-rouhani
    predicate: visited
    object: pyongyangg
    references: [{ source: oba-iransource }]
`);
    const { base, problems } = await loadFactBaseFromDisk({ folders: [dir] });
    assert.ok(base.entities.has('shahab-3'), 'the shipped base is still there');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 5);
    assert.equal(problems[0]!.column, 13);
    assert.match(problems[0]!.message, /Did you mean 'pyongyang'/);
  });

  it('loads the same base from the cache, with exact positions for problems in cached files', () => {
    const dir = folder('cached');
    const cacheDir = folder('cache-store');
    writeFileSync(join(dir, 'good.yaml'), 'entities:\n  - { id: zolfaghar, type: missile, name: Zolfaghar, description: A missile., references: [{ source: oba-iransource }] }\nstatements:\n  - { id: zolfaghar-country, subject: zolfaghar, predicate: country, object: iran, references: [{ source: oba-iransource }] }\n');
    writeFileSync(join(dir, 'broken.yaml'), 'statements:\n  - id: dangling\n    subject: nobody\n    predicate: visited\n    object: iran\n    references: [{ source: oba-iransource }]\n  - { id: bad-date, subject: iran, predicate: visited, object: iran, qualifiers: { point-in-time: "Aug 2018" }, references: [{ source: oba-iransource }] }\n');
    const files = [shippedFactsDir(), dir];
    return Promise.all([readFactFolders(files)]).then(([read]) => {
      const cache = new DiskFactCache(cacheDir);
      const first = loadFactBase(read.files, cache);
      const second = loadFactBase(read.files, cache);
      assert.deepEqual(second.problems, first.problems);
      assert.deepEqual([...second.base.statements.values()], [...first.base.statements.values()]);
      assert.deepEqual([...second.base.entities.values()], [...first.base.entities.values()]);
      assert.deepEqual(first.problems.map((p) => [p.code, p.line, p.column]), [['schema', 7, 99], ['unknown-reference', 3, 14]]);
      assert.ok(readdirSync(cacheDir, { recursive: true }).some((f) => String(f).endsWith('.json')), 'compiled files are stored');
    });
  });

  it('finds the shipped base', () => {
    assert.match(shippedFactsDir(), /facts[\\/]base$/);
  });
});
