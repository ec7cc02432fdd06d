/**
 * Hover cards: the evidence on a flagged claim, what the base knows on a mention, nothing on
 * plain words, and nothing live (link, image, HTML, command) from a hostile fact file. `$0` marks
 * the cursor. Also: every predicate of the shipped base reads as words.
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Checker } from '../../server/src/engine/check.js';
import { describeQuotation, describeStatement, keyFacts } from '../../server/src/engine/describe.js';
import { FactBase } from '../../server/src/engine/factbase/factbase.js';
import { loadFactBase } from '../../server/src/engine/factbase/load.js';
import { PREDICATES } from '../../server/src/engine/factbase/predicates.js';
import { hover, linesOf, type HoverOptions } from '../../server/src/lsp/hover.js';
import { escapeMarkdown, markdownLink } from '../../server/src/lsp/markdown.js';
import { ResultCache, type ServerState } from '../../server/src/lsp/state.js';
import { shippedBase, shippedChecker } from '../support/engine.js';

function stateFor(checker: Checker): ServerState {
  const cache = new ResultCache(() => checker, () => ({}));
  return { base: checker.base, checker, options: { citationStyle: 'apa' }, resultFor: (d) => cache.get(d), parsedFor: (d) => cache.parsedFor(d) };
}

const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'checks');
let shipped: ServerState;
before(async () => {
  shipped = stateFor(await shippedChecker());
});

let version = 0;
/** Markdown as a reader sees it: backslash escapes removed. */
function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

/** The hover at `$0`, its Markdown, that Markdown as read, and the text its range covers. */
function hoverAt(draft: string, state: ServerState = shipped, options: HoverOptions = {}): { hover: Hover | null; value: string; text: string; covers: string } {
  const offset = draft.indexOf('$0');
  assert.ok(offset >= 0, 'the draft has no $0 cursor');
  const document = TextDocument.create(`file:///draft${++version}.md`, 'markdown', 1, draft.replace('$0', ''));
  const result = hover(document, document.positionAt(offset), state, options);
  const value = result ? (result.contents as MarkupContent).value : '';
  const covers = result?.range ? document.getText(result.range) : '';
  if (result) assert.equal((result.contents as MarkupContent).kind, 'markdown');
  return { hover: result, value, text: plain(value), covers };
}

describe('hover', () => {
  it('a mention of a weapon shows its description, its lineage and the source', () => {
    const { value, text, covers } = hoverAt('Iran fielded the Sha$0hab-3 in the 1990s.\n');
    assert.equal(covers, 'Shahab-3');
    assert.match(text, /Iranian medium-range ballistic missile/);
    assert.match(text, /is Iran's version of North Korea's Nodong-1/);
    assert.match(value, /\[Iran-North Korea relationship reflects failed US policies\]\(https:\/\/www\.atlanticcouncil\.org\//);
  });

  it('a mention of an office lists who held it, with dates', () => {
    const { text, covers } = hoverAt('The Iranian Pres$0ident spoke.\n');
    assert.equal(covers, 'Iranian President');
    assert.match(text, /Ali Khamenei held the office of President of Iran in 1989/);
    // Dated facts in date order, as many as the card holds (Rouhani's 2018 term is in the description).
    assert.match(text, /Hassan Rouhani held the office of President of Iran in August 2017/);
  });

  it('the wrong words of a flagged claim: the draft against the base, the fact, the source; the message is not said again', () => {
    const { text, covers } = hoverAt('The Shahab-3 is a copy of the Yono-class mid$0get submarine.\n');
    assert.equal(covers, 'Yono-class midget submarine');
    assert.ok(text.startsWith('Draft: *Yono-class midget submarine* · Fact base: **Nodong-1**'), text);
    assert.match(text, /\n\nShahab-3 is Iran's version of North Korea's Nodong-1\.\n\n/);
    assert.match(text, /\n\nSource: \[Iran-North Korea relationship reflects failed US policies\]\(https:[^)]*\) — Mintaro Oba, IranSource, paragraph 7$/);
    assert.doesNotMatch(text, /The draft says|Factcheck/, 'VS Code shows the message above the card already');
  });

  it('a quotation with a wrong word: the recorded words, whole, with the right word marked', () => {
    const { text, covers } = hoverAt('Khamenei said: “Among the reasons why Iran is close to Korea is the USA’s host$0ility toward both our countries.”\n');
    assert.equal(covers, 'hostility');
    assert.ok(text.startsWith('Draft: *hostility* · Fact base: **enmity**'), text);
    assert.match(text, /Ali Khamenei said: “Among the reasons why Iran is close to Korea is the USA’s \*\*enmity\*\* toward both our countries\.”/);
    assert.equal(text.match(/Among the reasons/g)?.length, 1, 'the quotation is shown once');
  });

  it('an entity card: whole sentences, one whole quotation, the source, and a link to the fact file', () => {
    const { value, text } = hoverAt('Ali Kham$0enei visited.\n', shipped, { openFactLinks: true });
    assert.ok(text.startsWith('**Ali Khamenei** · person · also Ayatollah Ali Khamenei'), text);
    assert.match(text, /^- Ali Khamenei said: “Among the reasons why Iran is close to Korea is the USA’s enmity toward both our countries\.”$/m);
    for (const line of text.split('\n').filter((l) => l.startsWith('- '))) assert.match(line, /^- \p{Lu}.*[.!?]”?$/u, `not a whole sentence: ${line}`);
    const link = /\[Open in people\.yaml\]\(command:factcheck\.openFact\?([^)]*)\)/.exec(value);
    assert.ok(link, value);
    const [target] = JSON.parse(decodeURIComponent(link[1]!)) as Array<{ uri: string; line: number; character: number }>;
    assert.match(target!.uri, /^file:\/\/.*\/facts\/base\/people\.yaml$/);
    assert.ok(target!.line > 0);
    assert.match(text, /more facts in the fact base$/);
  });

  it('every card of the shipped base fits VS Code’s default hover (ten lines of about 90 characters)', async () => {
    const base = shipped.base;
    const rendered = linesOf;
    for (const entity of base.entities.values()) {
      const { value } = hoverAt(`About $0${entity.name} here.\n`, shipped, { openFactLinks: true });
      if (value) assert.ok(rendered(value) <= 10, `${entity.id}: ${rendered(value)} lines\n${value}`);
    }
    for (const name of readdirSync(fixtureDir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      const draft = readFileSync(join(fixtureDir, name), 'utf8');
      for (const f of shipped.checker.check(draft).findings) {
        const { value } = hoverAt(`${draft.slice(0, f.start)}$0${draft.slice(f.start)}`, shipped, { openFactLinks: true });
        assert.ok(rendered(value) <= 10, `${name}: ${rendered(value)} lines\n${value}`);
      }
    }
  });

  it('a pronoun or description a claim rests on shows what it was read as, on its own card and in the evidence', () => {
    const pronoun = hoverAt('Ali Khamenei toured North Korea in 1989. H$0e was then the country\'s supreme leader.\n');
    assert.equal(pronoun.covers, 'He');
    assert.ok(pronoun.text.startsWith('*He* → **Ali Khamenei**\n\n**Ali Khamenei**'), pronoun.text);
    const evidence = hoverAt('## The Shahab-3\n\nThe missile is a copy of the Scu$0d-C.\n');
    assert.equal(evidence.covers, 'Scud-C');
    assert.match(evidence.text, /^Draft: \*Scud-C\* · Fact base: \*\*Nodong-1\*\*\n\nRead as: \*The missile\* → \*\*Shahab-3\*\*\n\n/);
    // Where two names are equally likely, nothing is resolved, and there is no claim to show.
    const ambiguous = hoverAt('## The Shahab-3 and the Ghadir-class\n\nI$0t is a copy of the Scud-C.\n');
    assert.equal(ambiguous.hover, null);
  });

  it('a supported claim away from any name says so', () => {
    const { text, covers } = hoverAt('Ali Khamenei visited North Korea in 19$089.\n');
    assert.match(covers, /1989$/);
    assert.match(text, /^\*\*Supported by the fact base\*\*/);
    assert.match(text, /Ali Khamenei visited North Korea in 1989\./);
  });

  it('plain words have no card', () => {
    assert.equal(hoverAt('The weather was fi$0ne that year.\n').hover, null);
    assert.equal(hoverAt('Iran fielded the Shahab-3 in the 19$090s.\n').hover, null);
    assert.equal(hoverAt('```\nShahab$0-3\n```\n').hover, null);
  });

  it('a name two entities share lists both', () => {
    const yaml = `
sources:
  - { id: s, type: webpage, title: T }
entities:
  - { id: georgia-country, type: country, name: Georgia, description: A country in the Caucasus., references: [{ source: s }] }
  - { id: georgia-state, type: place, name: Georgia, description: A US state., references: [{ source: s }] }
`;
    const { base } = loadFactBase([{ path: 'g.yaml', text: yaml }]);
    const { text, covers } = hoverAt('He flew to Geo$0rgia.\n', stateFor(new Checker(base)));
    assert.equal(covers, 'Georgia');
    assert.match(text, /may name any of these/);
    assert.match(text, /A country in the Caucasus/);
    assert.match(text, /A US state/);
  });
});

describe('hover on layered bases', () => {
  it('shows the first base’s description of a shared entity and then another base’s', () => {
    const first = 'sources: [{ id: s, type: book }]\nentities:\n  - { id: iran, type: country, name: Iran, description: A country in the Middle East., references: [{ source: s }] }\n';
    const second = 'entities:\n  - { id: iran, type: country, name: Iran, aliases: [Persia], description: The team sees it as a missile supplier., references: [{ source: s }] }\n';
    const { base } = loadFactBase([{ path: 'a.yaml', base: 'a', text: first }, { path: 'b.yaml', base: 'b', text: second }]);
    const { text, covers } = hoverAt('Trade with Per$0sia grew.\n', stateFor(new Checker(base)));
    assert.equal(covers, 'Persia');
    assert.match(text, /A country in the Middle East[^]*\*Also:\* The team sees it as a missile supplier/);
  });
});

describe('hover on a hostile fact base', () => {
  const yaml = `
sources:
  - id: evil
    type: webpage
    title: "[click](command:workbench.action.quit) <img src=x onerror=alert(1)>"
    author: [{ literal: "<script>alert(1)</script>" }]
    container-title: "![img](https://evil.example/x.png)"
    URL: "https://evil.example/a)[b](command:workbench.action.quit)"
  - id: fine
    type: webpage
    title: A fine source
entities:
  - id: gadget
    type: missile
    name: Gadget-7
    aliases: ["<b>Gizmo</b>", "[Widget](javascript:alert(1))"]
    description: "Nice. [click](command:workbench.action.quit) <img src=x onerror=alert(1)> <command:workbench.action.quit> javascript:alert(1)\\n# Heading"
    references: [{ source: evil, locator: "[p](command:x)" }]
statements:
  - id: gadget-class
    subject: gadget
    predicate: instance-of
    text: "[rocket](command:workbench.action.quit)"
    references: [{ source: evil }]
`;

  function hostile(): FactBase {
    const { base, problems } = loadFactBase([{ path: 'evil.yaml', text: yaml }]);
    assert.deepEqual(problems.map((p) => p.message), []);
    // The schema refuses a javascript: URL; a base built some other way must still be safe.
    const fine = base.sources.get('fine')!;
    const js = { ...fine, id: 'js', title: 'Run me', URL: 'javascript:alert(1)' };
    const entity = base.entities.get('gadget')!;
    const withJs = { ...entity, references: [...entity.references, { source: 'js' }] };
    return new FactBase([...base.sources.values(), js], [withJs], [...base.statements.values()], [], base.files);
  }

  function assertInert(value: string): void {
    assert.doesNotMatch(value, /(?<!\\)\]\(command:/, 'no command link');
    assert.doesNotMatch(value, /(?<!\\)\]\(javascript:/i, 'no javascript link');
    assert.doesNotMatch(value, /(?<!\\)<(?:img|script|b|command)/i, 'no HTML or autolink');
    assert.doesNotMatch(value, /(?<!\\)!\[/, 'no image');
    assert.doesNotMatch(value, /^#/m, 'no heading');
    // The only link is the source's own http(s) URL, percent-encoded so it cannot close early.
    const links = [...value.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual(links, ['https://evil.example/a%29%5Bb%5D%28command:workbench.action.quit%29']);
  }

  it('renders names, descriptions, facts and sources as text', () => {
    const state = stateFor(new Checker(hostile()));
    const { value, text, covers } = hoverAt('The Gad$0get-7 flew.\n', state);
    assert.equal(covers, 'Gadget-7');
    assert.match(text, /Run me/, 'the javascript: source is shown, unlinked');
    assert.match(text, /\[click\]\(command:workbench\.action\.quit\) <img src=x/, 'hostile text is shown as text');
    assertInert(value);
  });

  it('with links to fact files on, that link is the only command link, and it carries a path and a position', () => {
    const state = stateFor(new Checker(hostile()));
    const { value } = hoverAt('The Gad$0get-7 flew.\n', state, { openFactLinks: true });
    const commands = [...value.matchAll(/(?<!\\)\]\((command:[^)]*)\)/g)].map((m) => m[1]!);
    assert.equal(commands.length, 1, value);
    assert.match(commands[0]!, /^command:factcheck\.openFact\?/);
    const [target] = JSON.parse(decodeURIComponent(commands[0]!.split('?')[1]!)) as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(target!), ['uri', 'line', 'character']);
    assert.match(String(target!['uri']), /^file:\/\/.*\/evil\.yaml$/);
    assertInert(value.replace(/\[[^\]]*\]\(command:factcheck\.openFact\?[^)]*\)/, ''));
  });

  it('escapeMarkdown and markdownLink', () => {
    assert.equal(escapeMarkdown('[a](command:x) <b>\n# h'), '\\[a\\](command:x) \\<b\\> # h');
    assert.equal(escapeMarkdown('# h'), '\\# h', 'a value starting a line cannot make a heading');
    assert.equal(escapeMarkdown('1. one'), '1\\. one', 'nor a list');
    assert.equal(escapeMarkdown('see https://x.example and www.x.example'), 'see https\\://x.example and www\\.x.example', 'nor an autolink');
    assert.equal(markdownLink('t', 'command:workbench.action.quit'), 't');
    assert.equal(markdownLink('t', 'javascript:alert(1)'), 't');
    assert.equal(markdownLink('t', 'file:///etc/passwd'), 't');
    assert.equal(markdownLink('a [b]', 'https://x.example/p q(1)'), '[a \\[b\\]](https://x.example/p%20q%281%29)');
  });
});

describe('facts in words', () => {
  it('every shipped statement and quotation reads as words, and every predicate is covered', async () => {
    const base = await shippedBase();
    const seen = new Set<string>();
    for (const s of base.statements.values()) {
      seen.add(s.predicate);
      for (const withSubject of [false, true]) {
        const words = describeStatement(base, s, { withSubject });
        assert.ok(words.length > 0 && !/undefined|null|NaN|\[object/.test(words), `${s.id}: ${words}`);
        assert.doesNotMatch(words, /\s{2}|\s[,.]/, `${s.id}: ${words}`);
      }
    }
    for (const q of base.quotations.values()) assert.match(describeQuotation(base, q), /(said|wrote).*: “/);
    assert.ok(seen.size >= 15, `the shipped base uses ${seen.size} predicates`);
  });

  it('a synthetic statement of every predicate reads as words, with its qualifiers', () => {
    const base = FactBase.empty();
    const origin = { file: 'x.yaml', start: 0, end: 0, line: 1, column: 1 };
    for (const predicate of Object.keys(PREDICATES) as (keyof typeof PREDICATES)[]) {
      const kind = PREDICATES[predicate].value.kind;
      const value =
        kind === 'quantity' ? { kind: 'quantity' as const, quantity: { amount: 3, bound: 'exact' as const } }
        : kind === 'statement' ? { kind: 'statement' as const, id: 'other' }
        : kind === 'date-or-span' ? { kind: 'date' as const, date: { year: 2001, precision: 'year' as const } }
        : { kind: 'entity' as const, id: 'thing' };
      const words = describeStatement(base, {
        id: 'x', subject: 'someone', predicate, value, references: [], origin,
        qualifiers: { with: ['helper'], certainty: 'assessed', pointInTime: { year: 2018, month: 8, precision: 'month' }, location: 'place' },
      }, { withSubject: true });
      assert.match(words, /^someone appears to /, `${predicate}: ${words}`);
      assert.match(words, /2018|2001/, `${predicate}: ${words}`);
      assert.doesNotMatch(words, /undefined/, `${predicate}: ${words}`);
    }
  });

  it('certainty and attribution', async () => {
    const base = await shippedBase();
    assert.equal(describeStatement(base, base.statements.get('khamenei-visited-north-korea-1989')!), 'visited North Korea in 1989');
    assert.equal(describeStatement(base, base.statements.get('khamenei-rode-pyongyang-subway-1989')!, { withSubject: true }), 'Ali Khamenei visited the Pyongyang subway in 1989', 'a common noun takes "the"');
    assert.equal(describeStatement(base, base.statements.get('rouhani-president-2018')!), 'held the office of President of Iran in August 2018');
    assert.equal(describeStatement(base, base.statements.get('shahab-3-derived-from-nodong-1')!), "is Iran's version of North Korea's Nodong-1");
    assert.match(describeStatement(base, base.statements.get('ghadir-derived-from-yono')!), /^appears to be effectively a copy of/);
    assert.match(describeStatement(base, base.statements.get('north-korea-arms-sales-to-iran-value')!), /^reportedly had .* more than \$1 billion as of 1988, according to Bruce Bechtol in Foreign Affairs$/);
  });

  it('key facts: about the entity first, dated ones in date order, each with its sources', async () => {
    const base = await shippedBase();
    const office = keyFacts(base, 'president-of-iran', 8);
    assert.deepEqual(office.map((f) => f.statement), ['president-of-iran-country', 'khamenei-president-1989', 'rouhani-president-2017', 'rouhani-president-2018']);
    assert.deepEqual(office.map((f) => f.sources), [['oba-iransource'], ['oba-iransource'], ['iran-project-2017-08-07'], ['oba-iransource']]);
    assert.equal(keyFacts(base, 'ali-khamenei', 2).length, 2);
  });
});
