/**
 * Incremental checking equals a full check: a session is edited at random (typing, deleting,
 * new lines, fences, quotes, lists, footnotes, pasted claims) and after every edit its result
 * must be exactly a fresh full check of the same text. The region re-parse must also really be
 * used for ordinary typing, or the speed it promises is not there.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Checker } from '../../server/src/engine/check.js';
import { DraftParse } from '../../server/src/engine/markdown/incremental.js';
import { draft, random } from '../../bench/drafts.js';
import { shippedChecker } from '../support/engine.js';

let checker: Checker;
before(async () => {
  checker = await shippedChecker();
});

const SNIPPETS = [
  'x', ' ', '\n', '\n\n', '```', '```\n', '> ', '- ', '1. ', '# ', '[^n1]', '[^new]: A note.\n', '*', '`', '<!-- ', ' -->',
  '<!-- factcheck-disable-next-line -->\n', '| a | b |\n|---|---|\n', 'The Shahab-3 is a copy of the Yono class. ',
  'Khamenei visited North Korea in 1991. ', '[link](https://example.org)', '[ref]', '\n[ref]: https://example.org\n', '    ', '===\n', '---\n', '\r\n',
];

function edit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.35) return text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(at);
  if (r < 0.6) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 12));
  if (r < 0.8) return text.slice(0, at) + String.fromCharCode(97 + Math.floor(rand() * 26)) + text.slice(at);
  const end = Math.min(text.length, at + Math.floor(rand() * 200));
  return text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(end);
}

describe('incremental checking', () => {
  const seeds = [1, 2, 3, 4, 5];
  for (const seed of seeds) {
    it(`equals a full check after each of 120 random edits (seed ${seed})`, () => {
      const rand = random(seed);
      let text = seed === 1 ? readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'draft.md'), 'utf8') : draft(600, seed);
      const session = checker.session();
      for (let step = 0; step < 120; step++) {
        text = edit(text, rand);
        assert.deepEqual(session.check(text), checker.check(text), `seed ${seed}, step ${step}`);
      }
    });
  }

  it('re-parses only the region around ordinary typing', () => {
    let text = draft(3000, 9);
    let parse = DraftParse.parse(text);
    const rand = random(11);
    let regional = 0;
    const steps = 200;
    for (let i = 0; i < steps; i++) {
      // Typing a letter somewhere in the prose.
      let at = Math.floor(rand() * text.length);
      while (!/[a-z]/.test(text[at] ?? '')) at = (at + 1) % text.length;
      text = text.slice(0, at) + 'e' + text.slice(at);
      parse = parse.update(text);
      if (parse.incremental) regional++;
      assert.deepEqual(parse.parsed, DraftParse.parse(text).parsed, `step ${i}`);
    }
    assert.ok(regional > steps * 0.9, `only ${regional} of ${steps} edits re-parsed a region`);
  });

  it('re-parses only the region around typing in a footnote or next to one, and equals a full check', () => {
    let text = draft(3000, 12);
    const session = checker.session();
    session.check(text);
    const rand = random(13);
    let regional = 0;
    let steps = 0;
    for (let i = 0; i < 120; i++) {
      // A letter typed inside a footnote's text (after its label), or at the end of the block before it.
      const notes = session.parsed!.footnotes;
      assert.ok(notes.length > 0, 'the draft has footnotes');
      const note = notes[Math.floor(rand() * notes.length)]!;
      const body = text.indexOf(']:', note.start) + 3;
      const at = i % 3 === 0 ? text.lastIndexOf('\n\n', note.start) : body + Math.floor(rand() * (note.end - body));
      text = text.slice(0, at) + 'e' + text.slice(at);
      assert.deepEqual(session.check(text), checker.check(text), `step ${i}`);
      steps++;
      if (session.reparsedRegion) regional++;
    }
    assert.ok(regional > steps * 0.9, `only ${regional} of ${steps} edits near footnotes re-parsed a region`);
  });
});
