/**
 * The shipped bases together: the seed article's and the Asia Times article's load side by
 * side, the second building on the first's ids, and one draft is checked against both.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/engine/check.js';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import { shippedFactBases } from '../../server/src/node/factFiles.js';
import { shippedBase, shippedChecker } from '../support/engine.js';

const repo = join(import.meta.dirname, '..', '..');

describe('the shipped bases', () => {
  it('are the seed base first, then the second article’s, loaded without a clash', async () => {
    assert.deepEqual(shippedFactBases().map((d) => d.split(/[\\/]/).at(-1)), ['base', 'asiatimes-riyadh-missile']);
    const base = await shippedBase(); // throws on any problem
    assert.equal(base.entities.get('iran')!.origins.length, 1, 'the second base uses the seed’s Iran without defining it again');
    assert.deepEqual(base.statements.get('riyadh-missile-made-in-iran')!.value, { kind: 'entity', id: 'iran' });
  });

  it('check one draft against both', async () => {
    const checker = await shippedChecker();
    const draft = 'The Shahab-3 is a copy of the Scud-C.\n\nMaj. Gen. Jeffrey Harrigian said the missile fired at Riyadh bore Iranian markings.\n';
    const { findings } = checker.check(draft);
    const flagged = findings.map((f) => [f.code, draft.slice(f.start, f.end), f.sources.join(',')]);
    assert.deepEqual(flagged, [
      ['lineage', 'Scud-C', 'oba-iransource'],
      ['relation', 'Maj. Gen.', 'asiatimes-riyadh-missile'],
    ]);
  });

  it('find the wrong figure in the second base’s example draft', async () => {
    const draft = readFileSync(join(repo, 'examples', 'asiatimes-riyadh-missile.md'), 'utf8');
    const { findings } = (await shippedChecker()).check(draft);
    const errors = findings.filter((f) => f.severity === 'error').map((f) => [f.code, draft.slice(f.start, f.end)]);
    assert.ok(errors.some(([code, words]) => code === 'quantity' && words === 'five'), JSON.stringify(errors));
  });
});

describe('relations with one value and with many', () => {
  const yaml = `sources: [{ id: s, type: book, title: S }]
entities:
  - { id: komid, type: organization, name: KOMID, description: A firm., references: [{ source: s }] }
  - { id: pyongyang, type: city, name: Pyongyang, description: A city., references: [{ source: s }] }
  - { id: north-korea, type: country, name: North Korea, description: A country., references: [{ source: s }] }
  - { id: dubai, type: city, name: Dubai, description: A city., references: [{ source: s }] }
  - { id: a-1, type: missile, name: A-1, description: A missile., references: [{ source: s }] }
  - { id: b-1, type: missile, name: B-1, description: A missile., references: [{ source: s }] }
  - { id: c-1, type: missile, name: C-1, description: A missile., references: [{ source: s }] }
  - { id: d-1, type: missile, name: D-1, description: A missile., references: [{ source: s }] }
statements:
  - { id: hq, subject: komid, predicate: headquarters, object: pyongyang, references: [{ source: s }] }
  - { id: in-nk, subject: pyongyang, predicate: located-in, object: north-korea, references: [{ source: s }] }
  - { id: a-from-b, subject: a-1, predicate: derived-from, object: b-1, references: [{ source: s }] }
  - { id: a-from-c, subject: a-1, predicate: derived-from, object: c-1, references: [{ source: s }] }
`;
  const { base, problems } = loadFactBase([{ path: 'r.yaml', text: yaml }]);
  const checker = new Checker(base);
  const verdicts = (draft: string) => checker.check(`${draft}\n`).claims.map((c) => c.verdict);

  it('a headquarters has one: another place is wrong, a wider one right', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(verdicts('KOMID is headquartered in Pyongyang.'), ['supported']);
    assert.deepEqual(verdicts('KOMID is headquartered in North Korea.'), ['supported']);
    const wrong = checker.check('KOMID is headquartered in Dubai.\n').findings;
    assert.deepEqual(wrong.map((f) => [f.code, f.fixes[0]?.edits[0]?.newText]), [['relation', 'Pyongyang']]);
  });

  it('a weapon may have two design parents: either is right, a third is corrected to the first', () => {
    assert.deepEqual(verdicts('The A-1 is a copy of the B-1.'), ['supported']);
    assert.deepEqual(verdicts('The A-1 is a copy of the C-1.'), ['supported']);
    const wrong = checker.check('The A-1 is a copy of the D-1.\n').findings;
    assert.deepEqual(wrong.map((f) => [f.code, f.fixes[0]?.edits[0]?.newText]), [['lineage', 'B-1']]);
  });
});
