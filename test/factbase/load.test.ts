/**
 * The loader on broken fact files: every fixture in test/fixtures/factbase annotates the
 * problems it must produce (see the README there), and nothing else may be reported.
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import { readCarets } from '../support/carets.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'factbase');
const YAML_CARET = /^#\s*(\^+|<-)\s+([\w-]+)(?::\s*(.*))?$/;
const shared = { path: 'sources.yaml', text: readFileSync(join(dir, 'sources.yaml'), 'utf8') };

describe('fact-base fixtures', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'sources.yaml')) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const expected = readCarets(text, YAML_CARET);
      assert.ok(expected.length > 0, `${name} has no expectations`);
      const { problems } = loadFactBase([shared, { path: name, text }]);
      const got = problems.map((p) => ({ file: p.file, line: p.line, column: p.column, code: p.code, message: p.message }));
      for (const e of expected) {
        const hit = got.find((g) => g.file === name && g.line === e.line && g.column === e.column && g.code === e.code);
        assert.ok(hit, `expected ${e.code} at ${name}:${e.line}:${e.column}; got:\n${got.map((g) => `  ${g.file}:${g.line}:${g.column} ${g.code} ${g.message}`).join('\n')}`);
        if (e.words) assert.ok(hit.message.includes(e.words), `message at ${name}:${e.line}:${e.column} lacks "${e.words}": ${hit.message}`);
      }
      const unexpected = got.filter((g) => !expected.some((e) => g.file === name && g.line === e.line && g.column === e.column && g.code === e.code));
      assert.deepEqual(unexpected, [], 'unexpected problems');
    });
  }
});

describe('loader behaviour', () => {
  it('keeps the good items of a file with errors', () => {
    const text = readFileSync(join(dir, 'dangling.yaml'), 'utf8');
    const { base } = loadFactBase([shared, { path: 'dangling.yaml', text }]);
    assert.ok(base.entities.has('tester'), 'entities of the other file are kept');
    assert.ok(base.entities.has('office-holder') === false, 'an entity citing an unknown source is left out');
    assert.equal(base.statements.size, 0, 'every statement of the fixture is broken');
  });

  it('never touches Object.prototype', () => {
    const text = readFileSync(join(dir, 'proto.yaml'), 'utf8');
    const { base } = loadFactBase([shared, { path: 'proto.yaml', text }]);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(base.entities.get('constructor')?.name, 'Constructor');
    assert.equal(base.entities.get('toString'), undefined);
  });

  it('refuses an oversized file before parsing it', () => {
    const text = 'entities: []\n' + '#'.repeat(6 * 1024 * 1024);
    const { problems } = loadFactBase([{ path: 'big.yaml', text }]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'too-large');
    assert.match(problems[0]!.message, /Split it/);
  });

  it('treats an empty file and a file of comments as empty', () => {
    const { base, problems } = loadFactBase([{ path: 'a.yaml', text: '' }, { path: 'b.yaml', text: '# nothing yet\n' }]);
    assert.deepEqual(problems, []);
    assert.equal(base.entities.size, 0);
  });

  it('drops a report whose reported statement was broken, with a warning', () => {
    const text = `statements:
  - id: broken
    subject: nobody
    predicate: visited
    object: tester
    references: [{ source: test-source }]
  - id: reports-broken
    subject: tester
    predicate: reported
    object: broken
    references: [{ source: test-source }]
`;
    const { base, problems } = loadFactBase([shared, { path: 'r.yaml', text }]);
    assert.equal(base.statements.size, 0);
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line]), [['unknown-reference', 'error', 3], ['unknown-reference', 'warning', 10]]);
  });

  it('warns when two entities answer to one name', () => {
    const text = `entities:
  - { id: a, type: person, name: Kim, description: One Kim., references: [{ source: test-source }] }
  - { id: b, type: person, name: B, aliases: [KIM], description: Another., references: [{ source: test-source }] }
`;
    const { problems } = loadFactBase([shared, { path: 'n.yaml', text }]);
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line]), [['ambiguous-name', 'warning', 3]]);
  });
});
