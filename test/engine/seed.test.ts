/**
 * The seed article, as Markdown, against the fact base built from it: no claim may be refuted
 * (it is the source), and most of its claims should be recognised as supported.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { shippedChecker } from '../support/engine.js';

it('the seed article checks with zero refuted claims', async (t) => {
  const checker = await shippedChecker();
  const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seed-article.md'), 'utf8');
  const result = checker.check(text);
  // Its image caption is the one fact other sources date differently: a note, never an error.
  const disputed = result.claims.filter((c) => c.verdict === 'disputed');
  assert.deepEqual(disputed.map((c) => text.slice(c.start, c.end)), ["Iran's president meets with Kim Yong Nam, president of the Presidium of the Supreme People's Assembly of North Korea in August 2018"]);
  const others = result.findings.filter((f) => !disputed.some((c) => c.start === f.start && c.end === f.end));
  assert.deepEqual(others.map((f) => `${f.code}: «${text.slice(f.start, f.end)}» ${f.message}`), []);
  const supported = result.claims.filter((c) => c.verdict === 'supported');
  const byCode = new Map<string, number>();
  for (const c of supported) byCode.set(c.code, (byCode.get(c.code) ?? 0) + 1);
  t.diagnostic(`seed article: ${supported.length} claims supported (${[...byCode].map(([k, v]) => `${k} ${v}`).join(', ')})`);
  assert.ok(supported.length >= 2, `only ${supported.length} supported claims recognised`);
});
