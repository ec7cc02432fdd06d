/**
 * Authoring from a draft (engine/authoring.ts and factbase/factFileText.ts): which sentences get
 * a statement proposed, what it says, and that with it written into a fact file the checks
 * judge the sentence; and how a statement is added to a fact file's text.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { proposeStatements, statementItem, STATEMENT_STYLE } from '../../server/src/engine/authoring.js';
import { Checker } from '../../server/src/engine/check.js';
import { addItems, parseFactFile } from '../../server/src/engine/factbase/factFileText.js';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import type { FactFile } from '../../server/src/engine/factbase/types.js';
import { shippedFactBases, readFactFolders } from '../../server/src/node/factFiles.js';
import { shippedChecker } from '../support/engine.js';

const proposalsOf = async (text: string) => {
  const checker = await shippedChecker();
  return proposeStatements(checker, text, checker.parse(text), 0, text.length);
};

/** The shipped bases plus one team file holding `text`. */
async function withTeamFile(text: string): Promise<Checker> {
  const { files } = await readFactFolders(shippedFactBases());
  const team: FactFile = { path: '/team/from-drafts.yaml', base: '/team', text };
  const { base, problems } = loadFactBase([...files, team]);
  assert.deepEqual(problems.map((p) => p.message), []);
  return new Checker(base);
}

describe('statements proposed from a draft', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['The Iran-Iraq War began in 1980.', { subject: 'iran-iraq-war', predicate: 'occurred', qualifiers: { start: '1980' } }, 'the Iran-Iraq War took place from 1980'],
    ['In 2003, the Shahab-3 was used in the Iran-Iraq War.', { subject: 'shahab-3', predicate: 'used-in', object: 'iran-iraq-war', qualifiers: { 'point-in-time': '2003' } }, 'the Shahab-3 was used in the Iran-Iraq War in 2003'],
    ['KOMID is headquartered in Tehran.', { subject: 'komid', predicate: 'headquarters', object: 'tehran', qualifiers: {} }, 'KOMID is headquartered in Tehran'],
    ['Ri Yong Ho met Khamenei in Tehran in August 2018.', { subject: 'ri-yong-ho', predicate: 'met', object: 'ali-khamenei', qualifiers: { 'point-in-time': '2018-08', location: 'tehran' } }, 'Ri Yong Ho met Ali Khamenei in Tehran in August 2018'],
  ];
  for (const [sentence, statement, summary] of cases) {
    it(`"${sentence}" becomes a statement the checks then judge`, async () => {
      const found = await proposalsOf(sentence);
      assert.equal(found.length, 1, JSON.stringify(found));
      const [p] = found;
      assert.deepEqual(p!.statement, statement);
      assert.equal(p!.summary, summary);
      assert.equal(p!.sentence, sentence);

      // Written into a team's fact file, the statement loads and supports the sentence's claim.
      const item = statementItem(p!, 'oba-iransource', () => false);
      const parsed = parseFactFile(undefined);
      assert.ok(parsed.ok);
      const added = addItems(parsed.file, 'statements', [item], STATEMENT_STYLE);
      assert.ok(added.ok);
      const checker = await withTeamFile(added.text);
      const claims = checker.check(sentence).claims.filter((c) => c.facts.includes(String(item['id'])));
      assert.ok(claims.length > 0 && claims.every((c) => c.verdict === 'supported'), JSON.stringify(checker.check(sentence).claims));
      assert.deepEqual(proposeStatements(checker, sentence, checker.parse(sentence), 0, sentence.length), [], 'nothing more to add');
    });
  }

  const silent: Array<[string, string]> = [
    ['The Shahab-3 is a copy of the Scud-C.', 'refuted: the base judges it'],
    ['The Iran-Iraq War ended in 1988.', 'supported already'],
    ['Did the Iran-Iraq War begin in 1980?', 'a question asserts nothing'],
    ['The Iran-Iraq War did not begin in 1980.', 'a denial is no fact to record'],
    ['The Iran-Iraq War began in the 1980s.', 'a decade is no date a statement holds'],
    ['Khamenei visited Atlantis in 1995.', 'the base has no Atlantis to point at'],
    ['North Korea courted Syria.', 'no check judges it from the statement alone'],
  ];
  for (const [sentence, why] of silent) {
    it(`proposes nothing for "${sentence}" (${why})`, async () => {
      assert.deepEqual((await proposalsOf(sentence)).map((p) => p.summary), []);
    });
  }

  it('proposes only for the sentences in the range asked about, in document offsets', async () => {
    const text = '# Notes\n\nThe Iran-Iraq War ended in 1988. KOMID is headquartered in Tehran.\n';
    const checker = await shippedChecker();
    const at = text.indexOf('KOMID');
    const found = proposeStatements(checker, text, checker.parse(text), at, at);
    assert.deepEqual(found.map((p) => text.slice(p.start, p.end)), ['KOMID is headquartered in Tehran']);
    assert.deepEqual(proposeStatements(checker, text, checker.parse(text), 0, 8), []);
  });

  it('gives each new statement an id no other has', async () => {
    const [p] = await proposalsOf('KOMID is headquartered in Tehran.');
    const taken = new Set(['komid-headquarters-tehran', 'komid-headquarters-tehran-2']);
    assert.equal(statementItem(p!, 's', (id) => taken.has(id))['id'], 'komid-headquarters-tehran-3');
  });
});

describe('adding items to a fact file', () => {
  const item = { id: 'x-visited-y', subject: 'x', predicate: 'visited', object: 'y', qualifiers: { 'point-in-time': '1999' }, references: [{ source: 's' }] };
  const add = (text: string | undefined) => {
    const parsed = parseFactFile(text);
    if (!parsed.ok) return parsed;
    return addItems(parsed.file, 'statements', [item], STATEMENT_STYLE);
  };

  it('inserts after the last statement, keeping every byte of the file, comments included', () => {
    const before = '# Our facts\nstatements:\n  - id: a\n    subject: x\n    predicate: visited\n    object: y\n    references:\n      - { source: s }  # checked\n\n# more to come\n';
    const result = add(before);
    assert.ok(result.ok);
    const at = before.indexOf('\n# more to come');
    assert.equal(result.text.slice(0, at + 1), before.slice(0, at + 1));
    assert.ok(result.text.endsWith('\n# more to come\n'));
    const expected = ['  - id: x-visited-y', '    subject: x', '    predicate: visited', '    object: y', '    qualifiers: { point-in-time: "1999" }', '    references:', '      - { source: s }', ''].join('\n');
    assert.ok(result.text.includes(`\n${expected}`), result.text);
  });

  it('starts a statements section in a new file, an empty list, or a file without one', () => {
    for (const before of [undefined, '', 'statements: []\n', 'statements:\n', 'sources:\n  - { id: s, type: book }\n']) {
      const result = add(before);
      assert.ok(result.ok, JSON.stringify(before));
      const data = parse(result.text) as { statements: unknown[] };
      assert.deepEqual(data.statements, [item], JSON.stringify(before));
    }
  });

  it('rewrites a file in flow style through the YAML document, with the same data', () => {
    const result = add('{ statements: [{ id: a, subject: x, predicate: visited, object: y, references: [{ source: s }] }] }\n');
    assert.ok(result.ok);
    assert.deepEqual((parse(result.text) as { statements: Array<{ id: string }> }).statements.map((s) => s.id), ['a', 'x-visited-y']);
  });

  it('leaves a broken file alone, saying where it is broken', () => {
    const result = add('statements:\n  - id: a\n   bad: [\n');
    assert.ok(!result.ok);
    assert.match(result.message, /^YAML syntax/);
    assert.equal(result.line !== undefined && result.line >= 2, true);
    const notAList = add('statements: nothing\n');
    assert.ok(!notAList.ok);
    assert.match(notAList.message, /`statements` is not a list/);
  });
});
