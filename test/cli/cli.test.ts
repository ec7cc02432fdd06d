/**
 * The `factcheck` command, run as a user runs it: the built bundle in a child process. Bad
 * input gets a clear message and the documented exit code, and one bad file never stops the
 * others from being checked.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import { describeFactBaseSize } from '../../server/src/protocol.js';
import { shippedFactBases } from '../../server/src/node/factFiles.js';

const repo = join(import.meta.dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.cjs');
const dir = mkdtempSync(join(tmpdir(), 'factcheck-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const WRONG = 'The Shahab-3 is a copy of the Yono-class midget submarine.\n';
const RIGHT = 'The Shahab-3 is Iran’s version of North Korea’s Nodong-1.\n';

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

describe('factcheck command', { timeout: 120_000 }, () => {
  it('exit 1 and a clickable line for a wrong fact', () => {
    const r = run([file('wrong.md', WRONG)]);
    assert.equal(r.code, 1);
    assert.match(r.out, /^wrong\.md:1:31 {2}error {2}lineage {2}The draft says the Shahab-3 derives from the Yono-class midget submarine; .*\(source: Oba, IranSource, paragraph 7\)$/m);
    assert.match(r.out, /^ {4}fix: Correct "Yono-class midget submarine" to "Nodong-1"$/m);
  });

  it('reports a draft that runs past --time-limit as not checked, with the reason, and checks the others', () => {
    // 50,000 emphasis markers on one line take micromark tens of seconds (test/robustness):
    // far past a 4-second limit on any machine, while the other draft takes milliseconds.
    file('stuck.md', `${'*a'.repeat(50_000)} ${WRONG}`);
    const r = run(['--time-limit', '4', 'stuck.md', file('wrong-after.md', WRONG)]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /^factcheck: stuck\.md: checking it took longer than the time limit of 4 seconds, so it was not checked .*raise the limit with --time-limit/m);
    assert.match(r.out, /^wrong-after\.md:1:31 {2}error {2}lineage /m, 'the next draft is checked by a new worker');
    assert.match(r.out, /1 error, 0 warnings in 1 file/);
    const none = run(['--time-limit', '0', 'wrong-after.md']);
    assert.equal(none.code, 1, 'no limit: checked on the command’s own thread');
    const bad = run(['--time-limit', 'soon', 'wrong-after.md']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--time-limit takes a number of seconds, as in --time-limit 60 \(0: no limit\), not 'soon'/);
  });

  it('exit 0 when nothing is wrong', () => {
    const r = run([file('right.md', RIGHT)]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /0 errors, 0 warnings in 1 file; 1 claim supported/);
  });

  it('--format json has exactly the documented shape', () => {
    const r = run(['--format', 'json', file('wrong2.md', WRONG)]);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['files']);
    const f = json.files[0];
    assert.deepEqual(Object.keys(f), ['path', 'diagnostics', 'claims']);
    assert.equal(f.path, 'wrong2.md');
    const d = f.diagnostics[0];
    assert.deepEqual(Object.keys(d), ['range', 'severity', 'code', 'source', 'message', 'fixes']);
    assert.deepEqual(d.range, { start: { line: 0, character: 30 }, end: { line: 0, character: 57 } });
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'factcheck');
    assert.deepEqual(d.fixes[0], { title: 'Correct "Yono-class midget submarine" to "Nodong-1"', edits: [{ range: d.range, newText: 'Nodong-1' }] });
    assert.deepEqual(f.claims[0], { range: d.range, verdict: 'refuted', facts: ['shahab-3-derived-from-nodong-1'], sources: ['oba-iransource'] });
  });

  it('--format sarif is SARIF 2.1.0 with 1-based regions and fixes', () => {
    const r = run(['--format', 'sarif', file('wrong3.md', WRONG)]);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results[0];
    assert.equal(result.ruleId, 'lineage');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 31, endLine: 1, endColumn: 58 });
    assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'Nodong-1');
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'lineage'));
  });

  it('--fix corrects in place, atomically, touching nothing else', () => {
    const name = file('fixme.md', `# Keep *this*  \r\n\r\n${WRONG.trimEnd()}\r\nTrailing   spaces stay.   \r\n`);
    chmodSync(join(dir, name), 0o640);
    const r = run(['--fix', name]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(readFileSync(join(dir, name), 'utf8'), '# Keep *this*  \r\n\r\nThe Shahab-3 is a copy of the Nodong-1.\r\nTrailing   spaces stay.   \r\n');
    assert.equal(statSync(join(dir, name)).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('reads standard input with -', () => {
    const r = run(['-'], WRONG);
    assert.equal(r.code, 1);
    assert.match(r.out, /^<stdin>:1:31/m);
  });

  it('expands globs, in order', () => {
    mkdirSync(join(dir, 'g'));
    file('g/b.md', RIGHT);
    file('g/a.md', WRONG);
    const r = run(['--format', 'json', 'g/*.md']);
    assert.deepEqual(JSON.parse(r.out).files.map((f: { path: string }) => f.path), ['g/a.md', 'g/b.md']);
  });

  it('bad input: clear messages, exit 2, and the good files are still checked', () => {
    file('empty.md', '');
    file('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    file('latin1.md', Buffer.from('caf\xe9\n', 'latin1'));
    mkdirSync(join(dir, 'folder'), { recursive: true });
    const r = run(['missing.md', 'folder', 'binary.md', 'latin1.md', 'empty.md', file('good.md', WRONG), 'nomatch/*.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /'missing\.md' does not exist/);
    assert.match(r.err, /'folder' is a folder; give Markdown files, or a glob/);
    assert.match(r.err, /'binary\.md' looks like a binary file/);
    assert.match(r.err, /'latin1\.md' is not valid UTF-8/);
    assert.match(r.err, /no files match 'nomatch\/\*\.md'/);
    assert.match(r.out, /^good\.md:1:31 {2}error {2}lineage/m, 'the good file is still checked');
    assert.match(r.out, /in 2 files/, 'the empty file is checked too, and is fine');
  });

  it('a 5 MB draft is refused with its size and the limit', () => {
    const big = file('big.md', 'word '.repeat(1_048_576));
    const r = run([big]);
    assert.equal(r.code, 2);
    assert.match(r.err, /'big\.md' is 5\.0 MB; Factcheck checks drafts of up to 2,000,000 characters/);
  });

  it('usage errors exit 2 with the usage', () => {
    for (const args of [[], ['--format', 'xml', 'a.md'], ['--bogus']]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /Usage: factcheck|unknown format/);
    }
  });

  it('an invalid fact base exits 2 with located errors, and drafts are still checked', () => {
    mkdirSync(join(dir, 'facts'), { recursive: true });
    file('facts/bad.yaml', 'statements:\n  - id: x\n    subject: nobody\n    predicate: visited\n    object: iran\n    references: [{ source: oba-iransource }]\n');
    const r = run(['--facts', 'facts', file('w4.md', WRONG)]);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.yaml:3:14 {2}error {2}unknown-reference {2}subject 'nobody' is not an entity/);
    assert.match(r.out, /^w4\.md:1:31/m);
  });

  it('escapes terminal control sequences and workflow commands from documents', () => {
    mkdirSync(join(dir, 'facts2'), { recursive: true });
    file('facts2/evil.yaml', 'entities:\n  - id: evil\n    type: missile\n    name: "Evil\\e[31m"\n    description: "::error::pwned"\n    references: [{ source: nowhere }]\n');
    const r = run(['--check-facts', '--facts', 'facts2']);
    assert.ok(!r.err.includes('\u001b'), 'no raw escape character');
    assert.ok(!/^::/m.test(r.err));
  });

  it('reads .factcheck.yaml: fact bases, severities; and reports a broken one in place', () => {
    const project = join(dir, 'configured');
    mkdirSync(join(project, 'team'), { recursive: true });
    writeFileSync(join(project, '.factcheck.yaml'), 'factBases: [team]\nseverity: { lineage: warning }\n');
    writeFileSync(join(project, 'team', 'x.yaml'), 'entities: []\n');
    writeFileSync(join(project, 'memo.md'), WRONG);
    const ok = spawnSync(process.execPath, [cli, 'memo.md'], { cwd: project, encoding: 'utf8' });
    assert.equal(ok.status, 0, 'a warning is not an error');
    assert.match(ok.stdout, /memo\.md:1:31 {2}warning {2}lineage/);
    writeFileSync(join(project, '.factcheck.yaml'), 'factBases: [team]\nseverity: { lineage: loud }\n');
    const bad = spawnSync(process.execPath, [cli, 'memo.md'], { cwd: project, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /\.factcheck\.yaml:2:22 {2}error {2}config {2}severity\.lineage must be equal to one of the allowed values/);
    assert.match(bad.stdout, /memo\.md:1:31 {2}error {2}lineage/, 'the rest of the configuration and the checks still apply');
    const none = spawnSync(process.execPath, [cli, '--no-config', 'memo.md'], { cwd: project, encoding: 'utf8' });
    assert.equal(none.status, 1);
  });

  it('inputs that were never checked get no summary line, only their problem', () => {
    mkdirSync(join(dir, 'notes'), { recursive: true });
    const r = run(['missing.md', 'notes/']);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, "factcheck: 'missing.md' does not exist\nfactcheck: 'notes/' is a folder; give Markdown files, or a glob such as 'notes/**/*.md'\n");
    assert.equal(run(['notes']).err, "factcheck: 'notes' is a folder; give Markdown files, or a glob such as 'notes/**/*.md'\n");
    assert.equal(run(['.']).err, "factcheck: '.' is a folder; give Markdown files, or a glob such as '**/*.md'\n");
  });

  it('real locations only: a missing fact-base folder or configuration file is named, not put at 1:1', () => {
    const r = run(['--facts', 'nowhere', '--check-facts']);
    assert.equal(r.code, 2);
    assert.equal(r.err, "nowhere  error  unreadable  fact-base folder 'nowhere' does not exist\n");
    const c = run(['--config', 'none.yaml', '--check-facts']);
    assert.equal(c.code, 2);
    assert.equal(c.err, "none.yaml  error  unreadable  configuration file 'none.yaml' does not exist\n");
  });

  it('option errors in the command’s own words, then the usage', () => {
    const cases: Array<[string[], string]> = [
      [['--bogus'], "factcheck: unknown option '--bogus'; the options are below (a file named '--bogus' goes after '--': factcheck -- --bogus)"],
      [['-x', 'a.md'], "factcheck: unknown option '-x'; the options are below (a file named '-x' goes after '--': factcheck -- -x)"],
      [['a.md', '--format'], 'factcheck: --format needs a value, as in --format json'],
      [['--facts', '--fix', 'a.md'], 'factcheck: --facts needs a value, as in --facts team-facts'],
      [['--fix=yes', 'a.md'], "factcheck: --fix takes no value (it was given 'yes')"],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.ok(r.err.startsWith(`${message}\n\nUsage: factcheck [options] <files or globs...>\n`), r.err);
    }
    const quoted = run(['--', '--bogus']);
    assert.equal(quoted.err, "factcheck: '--bogus' does not exist\n", 'after --, it is a file');
  });

  it('--fix says what it changed, on standard error, and changes only the wrong words', () => {
    const draft = 'Khamenei said: “Among the reasons why Iran is close to Korea is the USA’s hostility toward\nboth our countries.”\n\nThe Shahab-3 is a copy of the\nYono-class midget submarine.\n';
    const name = file('told.md', draft);
    const r = run(['--fix', name]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, [
      'told.md:1:75  fixed  quotation  "hostility" → "enmity"',
      'told.md:5:1  fixed  lineage  "Yono-class midget submarine" → "Nodong-1"',
      '',
    ].join('\n'));
    assert.equal(r.out, '0 errors, 0 warnings in 1 file; 2 claims supported by the fact base\n');
    assert.equal(readFileSync(join(dir, name), 'utf8'), draft.replace('hostility', 'enmity').replace('Yono-class midget submarine', 'Nodong-1'), 'no line re-wrapped');
  });

  it('--fix - prints the corrected draft with its last line ending as it was', () => {
    for (const ending of ['', '\n', '\n\n', '\r\n']) {
      const r = run(['--fix', '-'], `${WRONG.trimEnd()}${ending}`);
      assert.equal(r.out, `The Shahab-3 is a copy of the Nodong-1.${ending}`, JSON.stringify(ending));
      assert.equal(r.err, '<stdin>:1:31  fixed  lineage  "Yono-class midget submarine" → "Nodong-1"\n');
    }
    assert.equal(run(['--fix', '-'], 'Nothing to fix.').out, 'Nothing to fix.');
  });

  it('--fix --cite --citation-format pandoc corrects, cites with [@id] and writes the bibliography the front matter names', () => {
    mkdirSync(join(dir, 'memo'), { recursive: true });
    const name = file('memo/pandoc.md', `---\ntitle: Memo\nbibliography: refs.json\n---\n\n${WRONG.trimEnd()} Khamenei visited North Korea in 1989.\n`);
    file('memo/refs.json', '[\n  {"id": "other", "type": "book", "title": "Other"}\n]\n');
    const r = run(['--fix', '--cite', '--citation-format', 'pandoc', name]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, [
      'memo/pandoc.md:6:31  fixed  lineage  "Yono-class midget submarine" → "Nodong-1"',
      'memo/pandoc.md:6:39  cited  [@oba-iransource]',
      'memo/pandoc.md:6:77  cited  [@oba-iransource]',
      'memo/refs.json  added  oba-iransource',
      '',
    ].join('\n'));
    assert.equal(
      readFileSync(join(dir, name), 'utf8'),
      '---\ntitle: Memo\nbibliography: refs.json\n---\n\nThe Shahab-3 is a copy of the Nodong-1 [@oba-iransource]. Khamenei visited North Korea in 1989 [@oba-iransource].\n',
    );
    const bibliography = readFileSync(join(dir, 'memo', 'refs.json'), 'utf8');
    assert.ok(bibliography.startsWith('[\n  {"id": "other", "type": "book", "title": "Other"},\n  {\n    "id": "oba-iransource",'), bibliography);
    const items = JSON.parse(bibliography) as Array<Record<string, unknown>>;
    assert.deepEqual(items.map((i) => i['id']), ['other', 'oba-iransource']);
    assert.ok(!('origin' in items[1]!), 'no Factcheck-internal field');

    // Again: nothing left to cite, the bibliography untouched.
    const again = run(['--cite', '--citation-format', 'pandoc', name]);
    assert.equal(again.err, '');
    assert.equal(readFileSync(join(dir, 'memo', 'refs.json'), 'utf8'), bibliography);

    // No bibliography named: the front matter names references.json, which is created beside the draft.
    const bare = file('memo/bare.md', 'The Shahab-3 is based on the Nodong-1.\n');
    assert.equal(run(['--cite', '--citation-format', 'pandoc', bare]).code, 0);
    assert.equal(readFileSync(join(dir, bare), 'utf8'), '---\nbibliography: references.json\n---\n\nThe Shahab-3 is based on the Nodong-1 [@oba-iransource].\n');
    assert.deepEqual((JSON.parse(readFileSync(join(dir, 'memo', 'references.json'), 'utf8')) as Array<{ id: string }>).map((i) => i.id), ['oba-iransource']);
    assert.equal(run(['--citation-format', 'endnote', bare]).err, "factcheck: unknown citation format 'endnote'; use footnote or pandoc\n");
    // The format from .factcheck.yaml, and the flag over it.
    const config = file('memo/pandoc.factcheck.yaml', 'citationFormat: pandoc\n');
    const configured = file('memo/configured.md', 'The Shahab-3 is based on the Nodong-1.\n');
    assert.equal(run(['--config', config, '--cite', '--citation-format', 'footnote', configured]).code, 0);
    assert.match(readFileSync(join(dir, configured), 'utf8'), /^The Shahab-3 is based on the Nodong-1\.\[\^oba-iransource\]\n/);
    const configuredToo = file('memo/configured-too.md', 'The Shahab-3 is based on the Nodong-1.\n');
    assert.equal(run(['--config', config, '--cite', configuredToo]).code, 0);
    assert.match(readFileSync(join(dir, configuredToo), 'utf8'), /Nodong-1 \[@oba-iransource\]\.\n$/);
  });

  it('--check-facts with drafts checks the fact base only, and says which drafts it did not check', () => {
    const r = run(['--check-facts', file('skipped.md', WRONG)]);
    assert.equal(r.code, 0);
    assert.equal(r.err, 'factcheck: --check-facts checks only the fact base; not checked: skipped.md\n');
    assert.match(r.out, /^fact base: \d+ entities, \d+ statements, \d+ quotations, \d+ sources from \d+ files\n$/);
  });

  it('--check-facts validates the shipped base', () => {
    const r = run(['--check-facts']);
    assert.equal(r.code, 0);
    const base = loadShipped();
    assert.equal(r.out, `fact base: ${describeFactBaseSize(base.size, base.files.length)}\n`);
    assert.match(r.out, /^fact base: \d+ entities, \d+ statements, \d+ quotations, \d+ sources from \d+ files$/m);
  });
});

/** The shipped bases, loaded file by file, to compare their size with what the command prints. */
function loadShipped() {
  const files = shippedFactBases().flatMap((folder) =>
    readdirSync(folder).filter((f) => f.endsWith('.yaml')).map((f) => ({ path: join(folder, f), text: readFileSync(join(folder, f), 'utf8'), base: folder })));
  return loadFactBase(files).base;
}
