/**
 * `factcheck sources import`: a BibTeX or CSL-JSON bibliography becomes sources the fact base's
 * schema accepts, added to a fact file without disturbing it. The conversion and the merge are
 * tested as functions; the command is run as a user runs it, the built bundle in a child
 * process (so the BibTeX plugin is known to be bundled). Every file written is loaded with the
 * engine's loader.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import { toFactBaseId } from '../../server/src/engine/factbase/factFileText.js';
import { formatOf, parseBibliography, planImport, toSource, type BibliographyItem, type ConvertedItem } from '../../server/src/node/importSources.js';

const repo = join(import.meta.dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.cjs');
const fixtures = join(repo, 'test', 'fixtures', 'sources');
const BIB = readFileSync(join(fixtures, 'example.bib'), 'utf8');
const JSON_TEXT = readFileSync(join(fixtures, 'example.json'), 'utf8');
const root = mkdtempSync(join(tmpdir(), 'factcheck-sources-'));
after(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
/** A fresh working folder with the two fixtures in it. */
function workdir(): string {
  const dir = join(root, `w${++dirs}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'example.bib'), BIB);
  writeFileSync(join(dir, 'example.json'), JSON_TEXT);
  return dir;
}

function run(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Loads one fact file alone with the engine's loader. */
function load(path: string) {
  return loadFactBase([{ path, text: readFileSync(path, 'utf8') }]);
}

function converted(text: string, format: 'bibtex' | 'csl-json'): ConvertedItem[] {
  const parsed = parseBibliography(text, format);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  return parsed.items.map(toSource);
}

/** One item as citation-js would hand it over (already clean). */
function item(raw: Record<string, unknown>, clean: Record<string, unknown> = raw): BibliographyItem {
  return { key: String(raw['id'] ?? ''), raw, clean };
}

const EXPECTED_BIB = [
  {
    id: 'nakamura2021-transfers',
    type: 'article-journal',
    'citation-key': 'Nakamura2021:Transfers',
    title: 'Missile Technology Transfers Between Sanctioned States: An Example Study',
    author: [{ family: 'Nakamura', given: 'Aiko' }, { family: "O'Brien", given: 'Sean' }],
    'container-title': 'Journal of Example Security Studies',
    volume: '14',
    issue: '2',
    page: '101-128',
    DOI: '10.5555/jess.2021.0142',
    issued: { 'date-parts': [[2021, 6]] },
  },
  {
    id: 'delacruz-2018',
    type: 'book',
    'citation-key': 'delacruz_2018',
    title: 'Sanctions and Their Limits',
    author: [{ family: 'Cruz', given: 'Maria', 'non-dropping-particle': 'de la' }],
    publisher: 'Example University Press',
    'publisher-place': 'Springfield',
    edition: '2',
    ISBN: '978-0-00-000000-2',
    issued: { 'date-parts': [[2018]] },
  },
  {
    id: 'example-ministry-2020',
    type: 'webpage',
    title: 'Statement on the Example Accord',
    author: [{ family: 'Ministry of Examples' }],
    URL: 'https://www.example.org/statements/2020/accord',
    issued: { 'date-parts': [[2020, 11, 20]] },
    accessed: { 'date-parts': [[2024, 5, 1]] },
  },
  {
    id: 'brown2019',
    type: 'chapter',
    'citation-key': 'Brown2019',
    title: 'Arms Sales as Diplomacy',
    author: [{ family: 'Brown', given: 'Chris' }],
    editor: [{ family: 'Smith', given: 'Jane' }],
    'container-title': 'Handbook of Example Diplomacy',
    publisher: 'Example Press',
    page: '33-50',
    issued: { 'date-parts': [[2019]] },
  },
];

describe('reading a bibliography into sources', () => {
  it('BibTeX: each entry becomes a source with what the entry gives, and the changes are said', () => {
    const items = converted(BIB, 'bibtex');
    assert.deepEqual(items.map((i) => i.source), EXPECTED_BIB);
    assert.deepEqual(items.map((i) => [i.key, i.line]), [['Nakamura2021:Transfers', 9], ['delacruz_2018', 23], ['example-ministry-2020', 33], ['Brown2019', 41]]);
    assert.deepEqual(items[0]!.notes, [
      "its id is 'nakamura2021-transfers' (fact-base ids are lower-case letters, digits and hyphens)",
      "left out 'keyword': not a field of a fact-base source (see facts/factbase.schema.json)",
    ]);
    assert.deepEqual(items[2]!.notes, [], 'a key that is a valid id is kept, and nothing else changed');
  });

  it('CSL-JSON (as Zotero exports it): items are cleaned by citation-js and kept to the schema', () => {
    const items = converted(JSON_TEXT, 'csl-json');
    const [report, newspaper, journal, blog] = items;
    assert.deepEqual(report!.source, {
      id: 'exampleinstitute2019',
      type: 'report',
      'citation-key': 'ExampleInstitute2019',
      title: 'Procurement Networks: An Example Report',
      author: [{ literal: 'Example Institute for Strategic Studies' }],
      publisher: 'Example Institute for Strategic Studies',
      'publisher-place': 'Springfield',
      genre: 'Research report',
      number: 'ER-12',
      URL: 'https://www.example.org/reports/er-12',
      issued: { 'date-parts': [[2019, 9]] },
      accessed: { 'date-parts': [[2024, 5, 2]] },
    }, 'Zotero\'s "2019" year is read as a number');
    assert.deepEqual(newspaper!.notes, ["left out 'source': not a field of a fact-base source (see facts/factbase.schema.json)"]);
    assert.equal(newspaper!.source!['citation-key'], undefined, 'a citation key equal to the id is not repeated');
    assert.equal(journal!.source!['DOI'], '10.5555/epr.2016.001');
    assert.deepEqual(journal!.notes, ["its DOI is written without the 'https://doi.org/' in front"]);
    assert.deepEqual(blog!.notes, []);
    assert.deepEqual(items.map((i) => i.line), [3, 17, 30, 46]);
  });

  it("citation-js's own fields (an exported _graph) and unknown ones are left out, and said so", () => {
    const [one] = converted('[{"id": "a", "type": "book", "title": "T", "_graph": [{"type": "@csl/list+object"}], "custom": {"x": 1}}]', 'csl-json');
    assert.deepEqual(one!.source, { id: 'a', type: 'book', title: 'T' });
    assert.deepEqual(one!.notes, ["left out '_graph', 'custom': not fields of a fact-base source (see facts/factbase.schema.json)"]);
  });

  it('ids: lower-cased, accents off, other characters made hyphens; valid ids untouched', () => {
    assert.equal(toFactBaseId('Smith2019:Missiles'), 'smith2019-missiles');
    assert.equal(toFactBaseId('doe_2015'), 'doe-2015');
    assert.equal(toFactBaseId('Müller & Sønner 2019'), 'muller-s-nner-2019');
    assert.equal(toFactBaseId('a--b'), 'a--b');
    assert.equal(toFactBaseId('::'), '');
    assert.match(toFactBaseId(`${'Long'.repeat(40)}!`), /^[a-z0-9][a-z0-9-]{0,99}$/);
    assert.equal(toFactBaseId('http://zotero.org/users/local/AbC/items/XY12'), 'http-zotero-org-users-local-abc-items-xy12');
  });

  it('types: corrected to CSL\'s, and "document" (said so) when there is none CSL knows', () => {
    const book = toSource(item({ id: 'a', type: 'Book' }, { id: 'a', type: 'book' }));
    assert.equal(book.source!['type'], 'book');
    assert.deepEqual(book.notes, ["its type 'Book' is read as CSL's 'book'"]);
    const odd = toSource(item({ id: 'b', type: 'tweet', title: 'T' }, { id: 'b', title: 'T' }));
    assert.deepEqual(odd.source, { id: 'b', type: 'document', title: 'T' });
    assert.match(odd.notes[0]!, /^its type 'tweet' is not a CSL type; it is imported as 'document'/);
    const none = toSource(item({ id: 'c' }));
    assert.match(none.notes[0]!, /^it has no type; it is imported as 'document'/);
  });

  it('values the schema refuses are left out one field at a time, with the reason', () => {
    const r = toSource(item({
      id: 'x',
      type: 'webpage',
      title: 'Kept',
      URL: 'www.example.org/no-scheme',
      author: [{ given: 'Cher' }],
      editor: [{ family: 'Kept', given: 'Ed', ORCID: '0000-0000-0000-0000' }],
      'container-title': '',
      issued: { 'date-parts': [[2020, 1]], extra: 'x' },
    }));
    assert.deepEqual(r.source, { id: 'x', type: 'webpage', title: 'Kept', editor: [{ family: 'Kept', given: 'Ed' }], issued: { 'date-parts': [[2020, 1]] } });
    assert.deepEqual(r.notes, [
      "left out 'ORCID' of editor: not a part of a CSL-JSON name the schema has",
      "left out 'extra' of issued: not a part of a CSL-JSON date the schema has",
      "left out author: every name needs a family name or a literal (an institution's name), which one of them lacks",
      "left out container-title: it is empty",
      "left out URL 'www.example.org/no-scheme': not a web address starting with http:// or https://",
    ]);
  });

  it('an item without an id, or with no letter or digit in it, cannot be a source', () => {
    assert.match(toSource(item({ type: 'book', title: 'T' })).problem!, /^it has no id/);
    assert.match(toSource(item({ id: '::', type: 'book' })).problem!, /^its key '::' has no letter or digit/);
  });

  it('the format: by extension, else by the first characters', () => {
    assert.equal(formatOf('refs.bib', ''), 'bibtex');
    assert.equal(formatOf('Zotero Export.JSON', ''), 'csl-json');
    assert.equal(formatOf('refs.txt', ' [{"id": "a"}]'), 'csl-json');
    assert.equal(formatOf('refs', '% comment\n@book{a, title={x}}'), 'bibtex');
    assert.equal(formatOf('notes.txt', 'hello'), undefined);
  });

  it('bad input: syntax errors with their line, and content that is not a bibliography', () => {
    const unclosed = parseBibliography('@book{ok, title={Fine}}\n\n@article{a,\n  title = {x},\n  author = {Doe, J\n}\n', 'bibtex');
    assert.deepEqual(unclosed, { ok: false, syntax: true, message: "not valid BibTeX: expected '}', got the end of the file (in the entry that begins on line 3)", line: 7, column: 1 });
    const noEquals = parseBibliography('@book{b,\n title {x},\n}\n', 'bibtex');
    assert.deepEqual(noEquals, { ok: false, syntax: true, message: "not valid BibTeX: expected '=', got '{' (in the entry that begins on line 1)", line: 2, column: 8 });
    const json = parseBibliography('[\n  {"id": "a", "type": "book",}\n]', 'csl-json');
    assert.ok(!json.ok && json.syntax && json.line === 2 && /^not valid JSON: /.test(json.message), JSON.stringify(json));
    const object = parseBibliography('{"name": "pkg", "version": "1"}', 'csl-json');
    assert.ok(!object.ok && !object.syntax && /^not CSL-JSON: it holds an object with the keys 'name', 'version'/.test(object.message));
    const numbers = parseBibliography('[1, 2]', 'csl-json');
    assert.ok(!numbers.ok && /item 1 of the list is a number/.test(numbers.message));
    const zoteroApi = parseBibliography('{"items": [{"id": "12047273/KC6WFG78", "type": "webpage"}]}', 'csl-json');
    assert.ok(zoteroApi.ok && zoteroApi.items.length === 1, "the Zotero web API's { items: [...] } is read too");
    assert.deepEqual(parseBibliography('just words\n', 'bibtex'), { ok: true, items: [] });
  });
});

describe('adding sources to a fact file', () => {
  const sources = (ids: string[]) => ids.map((id) => toSource(item({ id, type: 'book', title: `Title of ${id}`, issued: { 'date-parts': [[2020, 2]] } })));

  it('a new file gets a sources list in the style of the shipped files', () => {
    const plan = planImport(undefined, sources(['a', 'b']));
    assert.ok(plan.ok);
    assert.equal(plan.text, [
      'sources:',
      '  - id: a',
      '    type: book',
      '    title: Title of a',
      '    issued: { date-parts: [[2020, 2]] }',
      '',
      '  - id: b',
      '    type: book',
      '    title: Title of b',
      '    issued: { date-parts: [[2020, 2]] }',
      '',
    ].join('\n'));
    assert.deepEqual(loadFactBase([{ path: 'new.yaml', text: plan.text }]).problems, []);
  });

  it('an existing file keeps every byte: the new items go after its last source', () => {
    const head = '# Team sources: keep this comment.\nentities:\n  - id: example-org\n    type: organization\n    name: Example Org\n    description: An example.\n    references: [{ source: old }]   # cites the old source\n\nsources:\n  # The first source.\n  - id: old\n    type: report\n    title: >-\n      A folded title\n      on two lines\n';
    const tail = '\n# Quotations come later.\nquotations: []\n';
    const plan = planImport(head + tail, [...sources(['new']), ...sources(['old'])]);
    assert.ok(plan.ok);
    assert.ok(plan.text.startsWith(head) && plan.text.endsWith(tail), plan.text);
    assert.equal(plan.text, `${head}\n  - id: new\n    type: book\n    title: Title of new\n    issued: { date-parts: [[2020, 2]] }\n${tail}`);
    assert.deepEqual(plan.outcomes.map((o) => o.kind), ['imported', 'differs']);
    const loaded = loadFactBase([{ path: 'team.yaml', text: plan.text }]);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual([...loaded.base.sources.keys()].sort(), ['new', 'old']);
  });

  it('an identical item is "already there"; one that differs names the fields; an id twice in the input is skipped', () => {
    const existing = 'sources:\n  - id: a\n    type: book\n    title: Title of a\n    issued: { date-parts: [[2020, 2]] }\n  - id: b\n    type: book\n';
    const plan = planImport(existing, [...sources(['a', 'b', 'c']), ...sources(['c'])]);
    assert.ok(plan.ok);
    assert.deepEqual(plan.outcomes.map((o) => [o.kind, o.kind === 'differs' ? o.fields : undefined]), [['identical', undefined], ['differs', ['title', 'issued']], ['imported', undefined], ['duplicate', undefined]]);
    assert.ok(plan.text.startsWith(existing));
    assert.ok(!plan.text.slice(existing.length).includes('\n\n'), 'no blank lines where the list has none');
  });

  it('sources: [], an empty sources:, a comments-only file, CRLF line endings', () => {
    const one = sources(['a']);
    const block = '  - id: a\n    type: book\n    title: Title of a\n    issued: { date-parts: [[2020, 2]] }\n';
    const cases: Array<[string, string]> = [
      ['sources: []  # none yet\nentities: []\n', `sources:  # none yet\n${block}entities: []\n`],
      ['sources:\nentities: []\n', `sources:\n${block}entities: []\n`],
      ['# Only a comment.\n', `# Only a comment.\n\nsources:\n${block}`],
      ['entities: []', `entities: []\n\nsources:\n${block}`],
      ['entities: []\r\nsources:\r\n  - id: b\r\n    type: book\r\n', `entities: []\r\nsources:\r\n  - id: b\r\n    type: book\r\n\r\n${block.replace(/\n/g, '\r\n')}`],
    ];
    for (const [before, expected] of cases) {
      const plan = planImport(before, one);
      assert.ok(plan.ok && plan.text === expected, `${JSON.stringify(before)} -> ${plan.ok ? JSON.stringify(plan.text) : plan.message}`);
    }
    // A flow-style file cannot take an insertion: it is rewritten, its data kept.
    const flow = planImport('{ entities: [] }\n', one);
    assert.ok(flow.ok);
    assert.deepEqual(loadFactBase([{ path: 'flow.yaml', text: flow.text }]).base.sources.has('a'), true);
  });

  it('a file that is not a fact file is refused, with the place', () => {
    const broken = planImport('sources:\n  - id: a\n    type: [book\n', sources(['b']));
    assert.ok(!broken.ok && /^YAML syntax: /.test(broken.message) && broken.line !== undefined, JSON.stringify(broken));
    const notList = planImport('entities: []\nsources: { id: a }\n', sources(['b']));
    assert.deepEqual(notList, { ok: false, message: '`sources` is not a list; a fact file lists its sources as `sources:` followed by `- id: ...` items', line: 2, column: 10 });
    const scalar = planImport('just text\n', sources(['b']));
    assert.ok(!scalar.ok && /^it is not a fact file/.test(scalar.message));
  });
});

describe('factcheck sources import', { timeout: 120_000 }, () => {
  it('BibTeX into a new file: facts/sources.yaml by default, created, and it loads', () => {
    const dir = workdir();
    const r = run(dir, ['sources', 'import', 'example.bib']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.equal(r.err, [
      "factcheck: example.bib:9: Nakamura2021:Transfers: its id is 'nakamura2021-transfers' (fact-base ids are lower-case letters, digits and hyphens)",
      "factcheck: example.bib:9: Nakamura2021:Transfers: left out 'keyword': not a field of a fact-base source (see facts/factbase.schema.json)",
      "factcheck: example.bib:23: delacruz_2018: its id is 'delacruz-2018' (fact-base ids are lower-case letters, digits and hyphens)",
      "factcheck: example.bib:41: Brown2019: its id is 'brown2019' (fact-base ids are lower-case letters, digits and hyphens)",
      'factcheck: facts/sources.yaml (a new file): imported 4, skipped 0',
      '',
    ].join('\n'));
    const target = join(dir, 'facts', 'sources.yaml');
    const loaded = load(target);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual([...loaded.base.sources.values()].map(({ origin: _origin, ...s }) => s), EXPECTED_BIB);
    assert.deepEqual(readdirSync(join(dir, 'facts')), ['sources.yaml'], 'no temporary file left');

    // Again: nothing new, nothing written.
    const before = statSync(target);
    const again = run(dir, ['sources', 'import', 'example.bib']);
    assert.equal(again.code, 0);
    assert.equal(again.err, 'factcheck: facts/sources.yaml: imported 0, skipped 0; 4 already there, the same\n');
    assert.equal(statSync(target).mtimeMs, before.mtimeMs);
  });

  it('CSL-JSON into an existing file with comments and another section: all kept, the existing id skipped', () => {
    const dir = workdir();
    mkdirSync(join(dir, 'team'));
    const head = [
      '# Sources of the team base. Comments like this one must survive an import.',
      'sources:',
      '  # Read in full; paragraphs counted from the lead.',
      '  - id: lee-2017',
      '    type: article-newspaper',
      '    title: Talks on the Example Accord Resume',
      '    container-title: The Example Times',
      '',
    ].join('\n');
    const tail = [
      '',
      '# People of the team base.',
      'entities:',
      '  - id: min-jun-lee',
      '    type: person',
      '    name: Min-jun Lee',
      '    description: An example reporter.   # invented, for tests',
      '    references: [{ source: lee-2017, locator: byline }]',
      '',
    ].join('\n');
    const target = join(dir, 'team', 'team.yaml');
    writeFileSync(target, head + tail);
    const r = run(dir, ['sources', 'import', 'example.json', '--into', 'team/team.yaml']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, [
      "factcheck: example.json:3: ExampleInstitute2019: its id is 'exampleinstitute2019' (fact-base ids are lower-case letters, digits and hyphens)",
      "factcheck: example.json:17: lee-2017: skipped: team/team.yaml already has a source 'lee-2017', with other author, section, page, language, issued; give the item another key to import it beside that one, or change the source in team/team.yaml by hand",
      "factcheck: example.json:30: garcia-2016: its DOI is written without the 'https://doi.org/' in front",
      'factcheck: team/team.yaml: imported 3, skipped 1',
      '',
    ].join('\n'));
    const text = readFileSync(target, 'utf8');
    assert.ok(text.startsWith(head), 'the head of the file, comments included, is as it was');
    assert.ok(text.endsWith(tail), 'the section after the sources, comments included, is as it was');
    assert.match(text.slice(head.length, -tail.length), /^\n {2}- id: exampleinstitute2019\n {4}type: report\n/);
    const loaded = load(target);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual([...loaded.base.sources.keys()], ['lee-2017', 'exampleinstitute2019', 'garcia-2016', 'example-blog-post']);
    assert.equal(loaded.base.sources.get('lee-2017')!.title, 'Talks on the Example Accord Resume', 'the existing source is untouched');
    assert.ok(loaded.base.entities.has('min-jun-lee'));
  });

  it('the default target is sources.yaml in the first factBases folder of .factcheck.yaml', () => {
    const dir = workdir();
    writeFileSync(join(dir, '.factcheck.yaml'), 'factBases: [team-facts, other]\n');
    const r = run(dir, ['sources', 'import', 'example.json']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^factcheck: team-facts\/sources\.yaml \(a new file\): imported 4, skipped 0$/m);
    assert.equal(load(join(dir, 'team-facts', 'sources.yaml')).base.sources.size, 4);
    const none = run(dir, ['sources', 'import', 'example.json', '--no-config', '--dry-run']);
    assert.match(none.err, /^factcheck: facts\/sources\.yaml: would have imported 4, skipped 0 \(--dry-run: nothing was written\)$/m);
  });

  it('--into a folder means its sources.yaml; --dry-run prints the sources and writes nothing', () => {
    const dir = workdir();
    mkdirSync(join(dir, 'kb'));
    const r = run(dir, ['sources', 'import', 'example.bib', '--into', 'kb', '--dry-run']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(join(dir, 'kb')), []);
    assert.match(r.out, /^sources:\n {2}- id: nakamura2021-transfers\n/);
    assert.match(r.err, /^factcheck: kb\/sources\.yaml: would have imported 4, skipped 0 \(--dry-run: nothing was written\)$/m);
    assert.equal(loadFactBase([{ path: 'dry.yaml', text: r.out }]).base.sources.size, 4, 'what it prints is a fact file');
  });

  it('bad input: a clear message naming the file (and line), exit 2, the target untouched', () => {
    const dir = workdir();
    const original = '# Untouched.\nsources:\n  - id: keep\n    type: book\n';
    writeFileSync(join(dir, 'sources.yaml'), original);
    writeFileSync(join(dir, 'unclosed.bib'), '@book{ok, title = {Fine}}\n\n@article{broken,\n  title = {Missing brace},\n  year = {2020}\n');
    writeFileSync(join(dir, 'bad.json'), '[\n  { "id": "a", "type": "book", }\n]\n');
    writeFileSync(join(dir, 'package.json'), '{ "name": "not-a-bibliography", "version": "1.0.0" }\n');
    writeFileSync(join(dir, 'notes.txt'), 'Just some notes.\n');
    writeFileSync(join(dir, 'empty.bib'), '% nothing here yet\n');
    writeFileSync(join(dir, 'latin1.bib'), Buffer.from('@book{a, title = {Caf\xe9}}\n', 'latin1'));
    writeFileSync(join(dir, 'binary.bib'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    mkdirSync(join(dir, 'refs.bib'));
    const cases: Array<[string, string]> = [
      ['missing.bib', "factcheck: 'missing.bib' does not exist; give the path of a .bib or .json file\n"],
      ['unclosed.bib', "factcheck: unclosed.bib:6:1: not valid BibTeX: expected '}', got the end of the file (in the entry that begins on line 3); check the braces, quotes, commas and = signs there (nothing was imported)\n"],
      ['bad.json', /^factcheck: bad\.json:2:32: not valid JSON: .+; fix the JSON there \(nothing was imported\)\n$/.source],
      ['package.json', `factcheck: package.json: not CSL-JSON: it holds an object with the keys 'name', 'version', not a list of items such as [{ "id": "smith-2024", "type": "book", "title": "..." }] (nothing was imported)\n`],
      ['notes.txt', "factcheck: 'notes.txt' is neither BibTeX nor CSL-JSON; give a .bib file (BibTeX or BibLaTeX) or a .json file of CSL-JSON items, as Zotero exports them (File > Export Library... > CSL JSON)\n"],
      ['empty.bib', "factcheck: 'empty.bib' has no BibTeX entries (such as @article{smith2024, title = {...}}); nothing to import\n"],
      ['latin1.bib', "factcheck: 'latin1.bib' is not valid UTF-8; save it as UTF-8; nothing was imported\n"],
      ['binary.bib', "factcheck: 'binary.bib' looks like a binary file, not a BibTeX or CSL-JSON file; nothing was imported\n"],
      ['refs.bib', "factcheck: 'refs.bib' is a folder; give a .bib or .json file; nothing was imported\n"],
    ];
    for (const [input, expected] of cases) {
      const r = run(dir, ['sources', 'import', input, '--into', 'sources.yaml']);
      assert.equal(r.code, 2, input);
      assert.equal(r.out, '', input);
      if (expected.startsWith('^')) assert.match(r.err, new RegExp(expected), input);
      else assert.equal(r.err, expected, input);
      assert.equal(readFileSync(join(dir, 'sources.yaml'), 'utf8'), original, `${input}: the target is untouched`);
    }
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('a target that is not a fact file is not touched: exit 2, with its line', () => {
    const dir = workdir();
    const broken = 'sources:\n  - id: a\n    type: [book\n';
    writeFileSync(join(dir, 'broken.yaml'), broken);
    const r = run(dir, ['sources', 'import', 'example.bib', '--into', 'broken.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^factcheck: broken\.yaml:\d+:\d+: YAML syntax: .+; fix the file, or choose another with --into, then import again \(nothing was imported\)\n$/);
    assert.equal(readFileSync(join(dir, 'broken.yaml'), 'utf8'), broken);
    writeFileSync(join(dir, 'map.yaml'), 'sources: { id: a }\n');
    const notList = run(dir, ['sources', 'import', 'example.bib', '--into', 'map.yaml']);
    assert.equal(notList.code, 2);
    assert.match(notList.err, /^factcheck: map\.yaml:1:10: `sources` is not a list/);
    const json = run(dir, ['sources', 'import', 'example.bib', '--into', 'sources.json']);
    assert.equal(json.code, 2);
    assert.equal(json.err, "factcheck: --into 'sources.json' is not a .yaml file; fact files are YAML, such as facts/sources.yaml\n");
    writeFileSync(join(dir, '.factcheck.yaml'), 'factBases: 12\n');
    const config = run(dir, ['sources', 'import', 'example.bib']);
    assert.equal(config.code, 2);
    assert.match(config.err, /^\.factcheck\.yaml:1:12 {2}error {2}config {2}factBases must be array.*\nfactcheck: the configuration has errors \(above\), so it cannot say where the sources go; fix it, or give --into FILE\n$/);
    assert.ok(!readdirSync(dir).includes('facts'));
  });

  it('usage: help, and errors in the command’s own words followed by the usage', () => {
    const dir = workdir();
    const help = run(dir, ['sources', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: factcheck sources import <file> \[--into <sources\.yaml>\] \[--dry-run\]\n/);
    assert.equal(run(dir, ['sources', 'import', '-h']).out, help.out);
    assert.match(run(dir, ['--help']).out, /^ {7}factcheck sources import <file> \[--into <sources\.yaml>\]$/m, 'the main usage names the command');
    const cases: Array<[string[], string]> = [
      [['sources'], "factcheck: 'factcheck sources' needs a command: factcheck sources import <file>"],
      [['sources', 'export', 'a.bib'], "factcheck: unknown command 'sources export'; the command is 'sources import'"],
      [['sources', 'import'], 'factcheck: sources import needs a bibliography to read, as in factcheck sources import references.bib'],
      [['sources', 'import', 'a.bib', 'b.bib'], 'factcheck: sources import reads one bibliography at a time (given: a.bib, b.bib)'],
      [['sources', 'import', '-'], 'factcheck: sources import reads a file, not standard input; save the bibliography as a .bib or .json file'],
      [['sources', 'import', 'a.bib', '--into'], 'factcheck: --into needs a value, as in --into facts/sources.yaml'],
      [['sources', 'import', 'a.bib', '--bogus'], "factcheck: unknown option '--bogus'; the options are below (a file named '--bogus' goes after '--': factcheck sources import -- --bogus)"],
    ];
    for (const [args, message] of cases) {
      const r = run(dir, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.ok(r.err.startsWith(`${message}\n\nUsage: factcheck sources import <file>`), r.err);
    }
  });
});
