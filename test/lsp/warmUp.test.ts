/**
 * The warm-up draft (lsp/warmUp.ts) exercises what a real draft does: the base's own names in
 * sentences the checks judge, in the Markdown constructs drafts use, on any base.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/engine/check.js';
import { FactBase } from '../../server/src/engine/factbase/factbase.js';
import { warmUp, warmUpDraft } from '../../server/src/lsp/warmUp.js';
import { shippedChecker } from '../support/engine.js';

describe('the warm-up draft', () => {
  it('is made of the base’s names, and most checks judge something in it', async () => {
    const checker = await shippedChecker();
    const text = warmUpDraft(checker.base);
    assert.equal(warmUpDraft(checker.base), text, 'the same every time');
    assert.ok(text.split(/\s+/).length >= 2_000);
    for (const construct of ['---\ntitle:', '\n## Section 1\n', '\n- ', '| --- |', '\n> ', '[^n1]', '](https://', '`code`']) assert.ok(text.includes(construct), construct);
    const codes = new Set(checker.check(text).claims.map((c) => c.code));
    for (const code of ['lineage', 'date', 'place', 'quotation', 'nationality', 'office']) assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
  });

  it('runs on an empty base', () => {
    assert.doesNotThrow(() => warmUp(new Checker(FactBase.empty())));
  });
});
