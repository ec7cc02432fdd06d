/**
 * Every finding maps back to exact offsets in the original text, whatever the text is made of:
 * CRLF line endings, a byte-order mark, tabs, emoji and other non-BMP characters, escapes and
 * character references.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Checker } from '../../server/src/engine/check.js';
import { LineIndex } from '../../server/src/engine/text/positions.js';
import { shippedChecker } from '../support/engine.js';

let checker: Checker;
before(async () => {
  checker = await shippedChecker();
});

const WRONG = 'The Shahab-3 is a copy of the Yono-class midget submarine.';

function wrongWords(text: string): string[] {
  return checker.check(text).findings.map((f) => text.slice(f.start, f.end));
}

describe('offsets', () => {
  const cases: Array<[string, string]> = [
    ['plain', WRONG],
    ['CRLF', `# Title\r\n\r\nIntro line.\r\n${WRONG}\r\n`],
    ['lone CR', `Intro.\r\r${WRONG}\r`],
    ['BOM', `\ufeff${WRONG}`],
    ['tabs and emoji', `🚀🚀 Note:\t${WRONG} 🎯`],
    ['non-BMP before, in a list', `- 𝕏 𝕐 𝕫\n- 😀 ${WRONG}`],
    ['escapes and references', `A \\*note\\* &amp; more: ${WRONG}`],
    ['inside emphasis and a link', `*The Shahab-3 is a copy of the [Yono-class midget submarine](https://example.org/x "t").*`],
    ['in a table cell', `| a | b |\n|---|---|\n| 😀 | ${WRONG} |`],
    ['in a block quote', `> > ${WRONG}`],
    ['on a continuation line after a trailing space and CRLF', `- Intro. \r\n   ${WRONG}`],
    ['on a lazy block-quote line', `> Intro.\n> ${WRONG}`],
    ['in a footnote', `Text.[^1]\n\n[^1]: ${WRONG}`],
  ];
  for (const [name, text] of cases) {
    it(name, () => assert.deepEqual(wrongWords(text), ['Yono-class midget submarine']));
  }

  it('never reads code, HTML, front matter or link destinations', () => {
    const text = [
      '---', `note: ${WRONG}`, '---', '', '```', WRONG, '```', '', `    ${WRONG}`, '', `<div>${WRONG}</div>`, '',
      `Inline \`${WRONG}\` code.`, '', `<!-- ${WRONG} -->`, '', `[link](https://example.org/${encodeURIComponent(WRONG)})`,
    ].join('\n');
    assert.deepEqual(checker.check(text).claims, []);
  });

  it('converts offsets to UTF-16 line/character positions and back', () => {
    const text = 'a😀b\r\nc\rd\ne';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 });
    assert.deepEqual(lines.positionAt(6), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(8), { line: 2, character: 0 });
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 4, 'clamped before the line break');
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.equal(lines.offsetAt(lines.positionAt(o)), o, `offset ${o}`);
    }
  });
});
