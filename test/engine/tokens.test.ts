/**
 * Tokenizing takes a fast path for plain text (ASCII and the typographic marks writers use):
 * patterns of ASCII classes instead of Unicode properties. The fast path must find exactly the
 * tokens the general patterns find, on any plain text, or a word would read differently
 * depending on whether its paragraph holds an "é".
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLAIN_TOKEN, TOKEN } from '../../server/src/engine/reading/words.js';
import { isPlain, tokenize } from '../../server/src/engine/text/tokens.js';

/** Pieces that meet at the edges where the patterns differ: abbreviations, figures, n't, 's, dashes. */
const PIECES = [
  'Iran', 'U.S.', 'U.N', 'a.', 'A.B.C', 'don', "n't", 'n’t', "'s", '’s', 's', 'n', 't', 'Kim', 'KOMID', '1,000', '1,000,000', '12,34', '1.2',
  '1980s', '3rd', '$1bn', '300', '7', '-', '--', '–', '—', '...', '.', ',', ';', ':', "'", '’', '‘', '“', '”', '"', '…', '(', ')',
  '_', '/', '%', '\u00a0', ' ', ' ', ' ', '\n', '\t', 'Shahab', 'x', 'Z9', '9Z', 'e.g', 'i.e.',
];

/** A seeded generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plainTexts(count: number, seed: number): string[] {
  const rand = random(seed);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(rand() * 14) }, () => PIECES[Math.floor(rand() * PIECES.length)]).join(''));
}

function matches(pattern: RegExp, text: string): string[] {
  const re = new RegExp(pattern.source, pattern.flags);
  return [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
}

describe('plain-text tokenizing', () => {
  const texts = plainTexts(20_000, 7);

  it('generates plain text only', () => {
    for (const text of texts) assert.ok(isPlain(text), JSON.stringify(text));
    assert.ok(!isPlain('Pyŏngyang'));
    assert.ok(!isPlain('Iran’s 𝐒hahab'));
  });

  it('finds the same sentence tokens as the general pattern', () => {
    for (const text of texts) assert.deepEqual(matches(PLAIN_TOKEN, text), matches(TOKEN, text), JSON.stringify(text));
  });

  it('finds the same name-matching tokens as on text that is not plain', () => {
    for (const text of texts) {
      // A letter outside ASCII at the end sends the text down the general path.
      const general = tokenize(`${text} é`).slice(0, -1);
      assert.deepEqual(tokenize(text), general, JSON.stringify(text));
    }
  });
});
