/**
 * Facts the sources disagree on: a statement with competing values, each with its own
 * references. A draft that follows one value and not another gets "sources differ", an
 * information naming both values and both sources, never an error.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/engine/check.js';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import { shippedChecker } from '../support/engine.js';

describe('a disputed fact in the shipped base', () => {
  for (const [draft, followed, other] of [
    ['Rouhani met Kim Yong Nam in August 2018.', 'oba-iransource', 'iran-project-2017-08-07'],
    ['Rouhani met Kim Yong Nam in Tehran on 6 August 2017.', 'iran-project-2017-08-07', 'oba-iransource'],
  ] as const) {
    it(`"${draft}" gets "sources differ" with both sources`, async () => {
      const { findings, claims } = (await shippedChecker()).check(`${draft}\n`);
      const dated = findings.filter((f) => f.code === 'date');
      assert.equal(dated.length, 1, JSON.stringify(findings));
      const f = dated[0]!;
      assert.equal(f.severity, 'information');
      assert.match(f.message, /^Sources differ\. /);
      assert.match(f.message, /met Kim Yong Nam in August 2018 \(Oba, IranSource, image caption\)/);
      assert.match(f.message, /met Kim Yong Nam in Tehran on 6 August 2017 \(The Iran Project, paragraphs 2 and 7; Young Journalists Club/);
      assert.match(f.message, /The draft agrees with the first\.$/);
      // The value the draft follows is named first.
      assert.ok(f.message.indexOf(followed === 'oba-iransource' ? 'August 2018' : '6 August 2017') < f.message.indexOf(followed === 'oba-iransource' ? '6 August 2017' : 'August 2018'));
      assert.ok(f.sources.includes(followed) && f.sources.includes(other), `both sources: ${f.sources.join(', ')}`);
      assert.deepEqual(f.fixes.map((x) => x.kind), ['cite']);
      const cited = f.fixes[0]!.edits.map((e) => e.newText).join('');
      assert.ok(cited.includes(followed === 'oba-iransource' ? 'Oba' : 'Iran Project'), `cites the source the draft follows: ${cited}`);
      assert.equal(claims.find((c) => c.code === 'date')?.verdict, 'disputed');
    });
  }

  it('is refuted without a fix when the draft contradicts every source', async () => {
    // "The picture" identifies the recorded meeting; a photograph as evidence is reported as a warning.
    const { findings } = (await shippedChecker()).check('The picture shows Rouhani with Kim Yong Nam in May 2016.\n');
    const f = findings.find((x) => x.code === 'date')!;
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /No source agrees with the draft, and the sources differ on what is right/);
    assert.deepEqual(f.fixes, [], 'which value to write is the writer’s call');
  });
});

describe('competing values in a fact file', () => {
  const files = (competing: string) => [{
    path: 'd.yaml',
    text: `sources:
  - { id: a, type: book, title: A }
  - { id: b, type: book, title: B }
entities:
  - { id: m, type: missile, name: Em-1, description: A missile., references: [{ source: a }] }
  - { id: p, type: missile, name: Pe-1, description: Another., references: [{ source: a }] }
  - { id: q, type: missile, name: Qu-1, description: A third., references: [{ source: b }] }
statements:
  - id: m-parent
    subject: m
    predicate: derived-from
    qualifiers: { relation: copy-of }
    competing:
${competing}`,
  }];

  it('loads one statement per value, each with its own references, knowing each other', () => {
    const { base, problems } = loadFactBase(files(`      - { object: p, references: [{ source: a, locator: p. 1 }] }
      - { object: q, qualifiers: { relation: based-on }, references: [{ source: b, locator: p. 9 }] }
`));
    assert.deepEqual(problems, []);
    const [one, two] = [base.statements.get('m-parent#1')!, base.statements.get('m-parent#2')!];
    assert.deepEqual([one.value, two.value], [{ kind: 'entity', id: 'p' }, { kind: 'entity', id: 'q' }]);
    assert.deepEqual([one.qualifiers.relation, two.qualifiers.relation], ['copy-of', 'based-on']);
    assert.deepEqual(two.references, [{ source: 'b', locator: 'p. 9' }]);
    assert.deepEqual(one.dispute, { id: 'm-parent', values: ['m-parent#1', 'm-parent#2'] });

    // A one-valued fact: each source's value is supported, with "sources differ".
    const checker = new Checker(base);
    for (const [draft, first] of [['The Em-1 is a copy of the Pe-1.', 'A'], ['The Em-1 is a copy of the Qu-1.', 'B']] as const) {
      const f = checker.check(`${draft}\n`).findings;
      assert.deepEqual(f.map((x) => [x.code, x.severity]), [['lineage', 'information']], draft);
      assert.match(f[0]!.message, new RegExp(`^Sources differ\\. Em-1 [^(]*\\(${first}, p\\. \\d\\)\\..*The draft agrees with the first`), draft);
    }
  });

  it('keeps the good values of a dispute with a broken one, as an ordinary statement when one is left', () => {
    const { base, problems } = loadFactBase(files(`      - { object: p, references: [{ source: a }] }
      - { object: nowhere, references: [{ source: b }] }
`));
    assert.deepEqual(problems.map((p) => p.code), ['unknown-reference']);
    assert.equal(base.statements.get('m-parent')?.dispute, undefined);
    assert.deepEqual(base.statements.get('m-parent')?.value, { kind: 'entity', id: 'p' });
  });

  it('says that references on the statement itself are not used', () => {
    const [file] = files(`      - { object: p, references: [{ source: a }] }
      - { object: q, references: [{ source: b }] }
`);
    const text = file!.text.replace('    competing:', '    references: [{ source: a }]\n    competing:');
    const { base, problems } = loadFactBase([{ path: 'd.yaml', text }]);
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [['competing-references', 'warning']]);
    assert.deepEqual(base.statements.get('m-parent#2')!.references, [{ source: 'b' }]);
  });

  it('requires references on every value', () => {
    const { problems } = loadFactBase(files(`      - { object: p, references: [{ source: a }] }
      - { object: q }
`));
    assert.deepEqual(problems.map((p) => [p.code, p.line]), [['schema', 15]]);
    assert.match(problems[0]!.message, /missing the required key 'references'/);
  });
});

describe('the lookups of a base with one value of a dispute chosen', () => {
  it('leave the other values out, by predicate as by subject, and a base with a statement added has it in both', () => {
    const yaml = `sources: [{ id: a, type: book }, { id: b, type: book }]
entities:
  - { id: iran, type: country, name: Iran, description: A country., references: [{ source: a }] }
statements:
  - id: missiles
    subject: iran
    predicate: count
    qualifiers: { of: missiles }
    competing:
      - { quantity: { amount: 10 }, references: [{ source: a }] }
      - { quantity: { amount: 12 }, references: [{ source: b }] }
`;
    const { base, problems } = loadFactBase([{ path: 'd.yaml', text: yaml }]);
    assert.deepEqual(problems, []);
    assert.deepEqual(base.ofType('country').map((e) => e.id), ['iran']);
    assert.deepEqual(base.withPredicate('count').map((s) => s.id), ['missiles#1', 'missiles#2']);
    const first = base.choosing('missiles#1');
    assert.deepEqual(first.withPredicate('count').map((s) => s.id), ['missiles#1']);
    assert.deepEqual(first.about('iran', 'count').map((s) => s.id), ['missiles#1']);
    const added = base.adding({ ...base.statements.get('missiles#1')!, id: 'more', dispute: undefined });
    assert.deepEqual(added.withPredicate('count').map((s) => s.id), ['missiles#1', 'missiles#2', 'more']);
    assert.equal(added.statements.get('more')?.id, 'more');
    assert.equal(added.statements.size, 3);
    assert.equal(base.statements.has('more'), false, 'the base itself is unchanged');
  });
});
