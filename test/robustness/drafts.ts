/**
 * Generators of hostile drafts for the robustness suites: Markdown built from a grammar
 * (headings, paragraphs of claims the fact base knows, lists, nested block quotes, tables, code,
 * links, footnotes, comments with factcheck directives, emphasis) with random Unicode mixed in
 * (lone surrogates, NUL, combining marks, emoji, CRLF and lone CR, a byte-order mark, tabs,
 * zero-width and bidirectional controls).
 */

import fc from 'fast-check';

/** Sentences the fact base judges, right and wrong, from the check fixtures and the benchmark drafts. */
export const CLAIMS = [
  'The Shahab-3 is Iran’s version of North Korea’s Nodong-1.',
  'The Shahab-3 is a copy of the Yono-class midget submarine.',
  'Then-President Ali Khamenei visited North Korea in 1989.',
  'Khamenei visited North Korea in 1991.',
  'Rouhani received Ri Yong Ho in Pyongyang in August 2018.',
  'By the end of the war in 1988, some 300 North Korean military advisers were in Iran, Bruce Bechtol wrote in Foreign Affairs.',
  'According to a 2017 report by the Office of Naval Intelligence, Iran has twelve North Korean midget submarines.',
  'KOMID, a North Korean firm, is active in Iran.',
  'Green Pine, an Iranian company, sells arms.',
  'The Iran-Iraq War ended in 1987.',
  'Pyongyang had reportedly sold Tehran more than $1 billion in conventional arms.',
  'Khamenei said: “Among the reasons why Iran is close to Korea is the USA’s hostility toward both our countries.”',
  'The Nodong-1 is a copy of the Shahab-3.',
  'Sanctions target the North Korean firm Green Pine.',
  'Analysts disagree about how much leverage Washington retains.',
];

/** Characters and sequences that have broken text tools before. */
export const HOSTILE = [
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\u0000',
  '\u0301', // combining acute accent
  'e\u0301',
  '😀',
  '👩‍👩‍👧', // emoji with zero-width joiners
  '🇰🇵',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u200B', // zero-width space
  '\u200D',
  '\u2060',
  '\u202E', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u061C', // Arabic letter mark
  '\uFEFF',
  '\uFFFC', // the engine's own GAP character
  '\u00A0',
  '\u2028',
  '&amp;',
  '&#x1F600;',
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '<',
  '>',
  '|',
  '~',
  '"',
  '’',
];

const claim = fc.constantFrom(...CLAIMS);
const hostile = fc.constantFrom(...HOSTILE);
const word = fc.constantFrom('Iran', 'North Korea', 'Shahab-3', 'KOMID', 'arms', 'the', 'in', '1988', 'Nodong-1', 'said', 'Tehran');

/** Inline prose: claims and words, sometimes wrapped in emphasis, code, links or footnote references. */
const inline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: claim },
      { weight: 2, arbitrary: word },
      { weight: 2, arbitrary: hostile },
      { weight: 1, arbitrary: claim.map((c) => `*${c}*`) },
      { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
      { weight: 1, arbitrary: word.map((w) => `_${w}_`) },
      { weight: 1, arbitrary: word.map((w) => `\`${w}\``) },
      { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.org/${encodeURIComponent(w)})`) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => `[^n${n}]`) },
      { weight: 1, arbitrary: fc.constantFrom('<!-- factcheck-disable-line -->', '<!-- factcheck-disable-line date -->', '<!-- a comment -->', '<br>', '<span>x</span>') },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .chain((parts) => fc.constantFrom(' ', '', '  ', '\t').map((sep) => parts.join(sep)));

const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A block of Markdown; `depth` bounds nesting. */
function block(depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    { weight: 6, arbitrary: inline },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
    { weight: 1, arbitrary: fc.tuple(inline, inline, eol).map(([a, b, e]) => `| ${a} | x |${e}| --- | --- |${e}| ${b} | ${a.slice(0, 5)} |`) },
    { weight: 1, arbitrary: fc.tuple(claim, eol, fc.constantFrom('```', '~~~', '```text')).map(([c, e, f]) => `${f}${e}${c}${e}${f.slice(0, 3)}`) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), inline).map(([n, t]) => `[^n${n}]: ${t}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<!-- factcheck-disable-next-line -->',
        '<!-- factcheck-disable -->',
        '<!-- factcheck-enable -->',
        '<!-- factcheck-disable lineage date -->',
        '<!-- factcheck-enable lineage date -->',
        '<!-- unclosed comment',
        '---',
        '[ref]: https://example.org "Title"',
      ),
    },
  );
  if (depth <= 0) return leaf;
  const inner = fc.constant(null).chain(() => block(depth - 1));
  return fc.oneof(
    { weight: 5, arbitrary: leaf },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('> ', '>', '> > '), inner).map(([q, b]) => prefixLines(b, q)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '- [ ] '), inner, inner).map(([m, a, b]) => `${m}${indentRest(a, m.length)}\n${m}${indentRest(b, m.length)}`) },
  );
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 0 ? prefix + part : part))
    .join('');
}

function indentRest(text: string, width: number): string {
  return text.replace(/(\r\n|\r|\n)/g, `$1${' '.repeat(width)}`);
}

/** A whole draft: blocks separated by blank lines, sometimes a BOM or front matter first, hostile characters anywhere. */
export const draft: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '', '\uFEFF', '---\ntitle: x\n---\n\n', '\uFEFF---\r\ntitle: x\r\n---\r\n\r\n'),
    fc.array(block(3), { minLength: 1, maxLength: 8 }),
    fc.array(fc.constantFrom('\n\n', '\r\n\r\n', '\n', '\r\r', '\n\n\n', '\n  \n'), { minLength: 8, maxLength: 8 }),
    fc.array(fc.tuple(fc.nat(), fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 3 }))), { maxLength: 6 }),
  )
  .map(([head, blocks, seps, sprinkles]) => {
    let text = head + blocks.map((b, i) => b + seps[i]!).join('');
    // Hostile characters at arbitrary UTF-16 positions: between a surrogate pair, inside CRLF.
    for (const [at, s] of sprinkles) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + s + text.slice(i);
    }
    return text;
  });
