/**
 * Fact bases in layers: a team's base builds on the shipped one's ids, the same id in two bases
 * is one entity, `same-as` maps a base's own id onto another's, and ids that must be unique are
 * errors at every place they clash, never settled by the order of files.
 */

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Checker } from '../../server/src/engine/check.js';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import type { FactFile } from '../../server/src/engine/factbase/types.js';
import { loadFactBaseFromDisk } from '../../server/src/node/loadFacts.js';

const root = mkdtempSync(join(tmpdir(), 'factcheck-layers-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A team's fact base: its own source, and facts about the shipped base's Iran and Tehran. */
const TEAM = `sources:
  - id: team-notes
    type: report
    title: Team research notes
    volume: 2
    issue: 3
entities:
  - id: iran
    type: country
    name: Iran
    aliases: [the Islamic Republic]
    description: Our own description of Iran.
    references: [{ source: team-notes, locator: p. 1 }]
  - id: tehran
    type: city
    name: Tehran
    description: Capital of Iran.
    note: The shipped base already defines Tehran; this adds our reference.
    references: [{ source: team-notes, locator: p. 2 }]
  - id: persia
    same-as: iran
    aliases: [Persia]
    demonyms: [Persian]
  - id: imam-khomeini-airport
    type: place
    name: Imam Khomeini International Airport
    description: Tehran's main international airport.
    references: [{ source: team-notes, locator: p. 3 }]
statements:
  - id: airport-in-tehran
    subject: imam-khomeini-airport
    predicate: located-in
    object: tehran
    references: [{ source: team-notes, locator: p. 3 }]
  - id: airport-country
    subject: imam-khomeini-airport
    predicate: located-in
    object: persia
    references: [{ source: team-notes, locator: p. 3 }]
`;

describe('layered fact bases', () => {
  it('loads a team base that reuses iran and tehran beside the shipped one', async () => {
    const dir = join(root, 'team');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'team.yaml'), TEAM);
    const { base, problems } = await loadFactBaseFromDisk({ folders: [dir] });
    assert.deepEqual(problems.map((p) => `${p.code}: ${p.message}`), []);

    const iran = base.entities.get('iran')!;
    assert.equal(iran.name, 'Iran', 'the shipped base, loaded first, gives the canonical name');
    assert.match(iran.description, /arms relationship with North Korea/, 'and the description');
    assert.deepEqual(iran.alsoDescribed, ['Our own description of Iran.']);
    for (const alias of ['Islamic Republic of Iran', 'the Islamic Republic', 'Persia']) assert.ok(iran.aliases.includes(alias), alias);
    assert.deepEqual(iran.references.map((r) => r.source), ['oba-iransource', 'team-notes']);
    assert.equal(iran.origins.length, 3, 'the shipped definition, the team one and the same-as mapping');
    assert.equal(base.entities.has('persia'), false, 'a mapped id is not an entity of its own');
    assert.equal(base.entities.get('tehran')!.note, 'The shipped base already defines Tehran; this adds our reference.');

    const country = base.statements.get('airport-country')!;
    assert.deepEqual(country.value, { kind: 'entity', id: 'iran' }, 'same-as ids resolve to the entity they stand for');
    assert.equal(base.sources.get('team-notes')!['volume'], 2);
    assert.ok(base.statements.has('shahab-3-derived-from-nodong-1') || base.about('shahab-3').length > 0, 'the shipped facts are all there');

    // A draft is checked against both: the team's demonym names the shipped base's Iran, and
    // the shipped base's facts judge it. Without the team base the checker stays silent.
    const draft = 'The Nodong-1 is a Persian missile.\n\nThe Shahab-3 is a Persian missile.\n';
    const { findings, claims } = new Checker(base).check(draft);
    assert.deepEqual(findings.map((f) => [f.code, draft.slice(f.start, f.end)]), [['nationality', 'Persian']]);
    assert.match(findings[0]!.message, /country as North Korea/);
    assert.deepEqual(claims.map((c) => c.verdict), ['refuted', 'supported']);
    const alone = await loadFactBaseFromDisk();
    assert.deepEqual(new Checker(alone.base).check(draft).claims, []);
  });

  it('reports an id that names a different type in another base, naming both places, and keeps the first', () => {
    const files: FactFile[] = [
      { path: 'a.yaml', base: 'a', text: 'sources: [{ id: s, type: book }]\nentities:\n  - { id: kim, type: person, name: Kim, description: A person., references: [{ source: s }] }\n' },
      { path: 'b.yaml', base: 'b', text: 'entities:\n  - { id: kim, type: missile, name: Kim-1, description: A missile., references: [{ source: s }] }\n' },
    ];
    const { base, problems } = loadFactBase(files);
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.code]), [['b.yaml', 2, 'conflicting-entity']]);
    assert.match(problems[0]!.message, /missile here but a person at a\.yaml:3/);
    assert.equal(base.entities.get('kim')!.type, 'person');
    assert.deepEqual(base.entities.get('kim')!.aliases, []);
  });

  it('reports a same-as that names no entity of any base', () => {
    const files: FactFile[] = [
      { path: 'a.yaml', base: 'a', text: 'sources: [{ id: s, type: book }]\nentities:\n  - { id: iran, type: country, name: Iran, description: A country., references: [{ source: s }] }\n' },
      { path: 'b.yaml', base: 'b', text: 'entities:\n  - { id: ir, same-as: irann }\n' },
    ];
    const { problems } = loadFactBase(files);
    assert.deepEqual(problems.map((p) => p.code), ['unknown-reference']);
    assert.match(problems[0]!.message, /same-as 'irann'.*Did you mean 'iran'/);
  });

  it('never lets file order decide between two statements of one base with the same id', () => {
    const shared = 'sources: [{ id: s, type: book }]\nentities:\n  - { id: x, type: person, name: X, description: A person., references: [{ source: s }] }\n';
    const one = { path: 'one.yaml', text: 'statements:\n  - { id: dup, subject: x, predicate: visited, object: x, references: [{ source: s }] }\n' };
    const two = { path: 'two.yaml', text: 'statements:\n  - { id: dup, subject: x, predicate: met, object: x, references: [{ source: s }] }\n' };
    for (const order of [[one, two], [two, one]]) {
      const { base, problems } = loadFactBase([{ path: 'shared.yaml', text: shared }, ...order]);
      assert.equal(base.statements.has('dup'), false, 'neither is used');
      assert.deepEqual(problems.map((p) => p.file).sort(), ['one.yaml', 'two.yaml'], 'an error at each');
      for (const p of problems) assert.match(p.message, new RegExp(`${p.file === 'one.yaml' ? 'two' : 'one'}\\.yaml:2`), 'naming the other place');
    }
  });

  it('keeps the first base’s statement when a later base reuses its id', () => {
    const files: FactFile[] = [
      { path: 'a.yaml', base: 'a', text: 'sources: [{ id: s, type: book }]\nentities:\n  - { id: x, type: person, name: X, description: A person., references: [{ source: s }] }\nstatements:\n  - { id: dup, subject: x, predicate: visited, object: x, references: [{ source: s }] }\n' },
      { path: 'b.yaml', base: 'b', text: 'statements:\n  - { id: dup, subject: x, predicate: met, object: x, references: [{ source: s }] }\n' },
    ];
    const { base, problems } = loadFactBase(files);
    assert.equal(base.statements.get('dup')!.predicate, 'visited');
    assert.deepEqual(problems.map((p) => [p.file, p.code]), [['b.yaml', 'duplicate-id']]);
    assert.match(problems[0]!.message, /a\.yaml:5, in a fact base loaded before/);
  });

  it('reports two definitions of one entity in one base, and still reads them as one', () => {
    const files: FactFile[] = [
      { path: 'a.yaml', text: 'sources: [{ id: s, type: book }]\nentities:\n  - { id: x, type: person, name: X, description: A person., references: [{ source: s }] }\n' },
      { path: 'b.yaml', text: 'entities:\n  - { id: x, type: person, name: Mr X, description: The same person., references: [{ source: s }] }\nstatements:\n  - { id: v, subject: x, predicate: visited, object: x, references: [{ source: s }] }\n' },
    ];
    const { base, problems } = loadFactBase(files);
    assert.deepEqual(problems.map((p) => [p.file, p.line, p.code]), [['b.yaml', 2, 'duplicate-id']]);
    assert.match(problems[0]!.message, /also defined at a\.yaml:3, in the same fact base/);
    assert.deepEqual(base.entities.get('x')!.aliases, ['Mr X']);
    assert.ok(base.statements.has('v'), 'facts citing it still resolve');
  });
});

describe('the schema and the loader on sources and entities', () => {
  it('drops an unknown key on its own and keeps the rest of its item', () => {
    const text = `sources:
  - id: s
    type: article-journal
    container-title: Survival
    volume: 59
    issue: "4"
    page: 12-30
    section: Analysis
    accessed: { date-parts: [[2024, 5, 1]] }
    isue: 4
entities:
  - { id: x, type: person, name: X, description: A person., references: [{ source: s }] }
`;
    const { base, problems } = loadFactBase([{ path: 's.yaml', text }]);
    assert.deepEqual(problems.map((p) => [p.line, p.code]), [[10, 'schema']]);
    assert.match(problems[0]!.message, /unknown key 'isue'.*Did you mean 'issue'/);
    const source = base.sources.get('s')!;
    assert.equal(source['isue'], undefined);
    assert.equal(source.issue, '4');
    assert.equal(source.title, undefined, 'a title is not required when it is not known');
    assert.ok(base.entities.has('x'), 'no cascade of unknown sources');
  });
});

describe('fact-base folders given twice', () => {
  it('reads a shipped base given again with --facts once', async () => {
    const once = await loadFactBaseFromDisk();
    const twice = await loadFactBaseFromDisk({ folders: [join(import.meta.dirname, '..', '..', 'facts', 'base')] });
    assert.deepEqual(twice.problems, []);
    assert.deepEqual(twice.base.size, once.base.size);
  });
});
