/**
 * Fixes as the writer applies them: correct, correct and cite, insert citation. Applying every
 * fix and checking again leaves no refuted claim; applying twice changes nothing; a footnote for
 * a source is reused, never duplicated.
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { applyEdits, type Checker } from '../../server/src/engine/check.js';
import { citeAllEdits, fixAllEdits } from '../../server/src/engine/fixAll.js';
import { shippedChecker } from '../support/engine.js';

let checker: Checker;
before(async () => {
  checker = await shippedChecker();
});

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** Applies the preferred fix of every finding, as "fix all" and `--fix` do. */
function fixAll(text: string): string {
  return applyEdits(text, fixAllEdits(checker.check(text).findings));
}

describe('fixes', () => {
  it('correct: the wrong words are replaced and the claim becomes supported', () => {
    const text = 'The Shahab-3 is a copy of the Yono-class midget submarine.\n';
    const fixed = fixAll(text);
    assert.equal(fixed, 'The Shahab-3 is a copy of the Nodong-1.\n');
    const again = checker.check(fixed);
    assert.deepEqual(again.findings, []);
    assert.deepEqual(again.claims.map((c) => c.verdict), ['supported']);
  });

  it('round trip on every check fixture and the example draft: apply, re-check, apply again', () => {
    const files = ['examples/draft.md', ...readdirSync(join(fixtures, 'checks')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => `test/fixtures/checks/${f}`)];
    for (const file of files) {
      const text = readFileSync(join(fixtures, '..', '..', file), 'utf8');
      // Fixes that overlap are applied on the next pass, as a writer would.
      let fixed = text;
      for (let pass = 0; pass < 4; pass++) {
        const next = fixAll(fixed);
        if (next === fixed) break;
        fixed = next;
      }
      assert.equal(fixAll(fixed), fixed, `${file}: applying the fixes again changes the text`);
      // Information findings (another occasion, perhaps) have no fix and may stay.
      const left = checker.check(fixed).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(left.map((f) => `${f.code}: ${fixed.slice(f.start, f.end)} — ${f.message}`), [], `${file}: refuted claims remain after fixing`);
    }
  });

  it('insert citation: a footnote reference after the sentence and its definition at the end', () => {
    const text = 'The Shahab-3 is Iran’s version of the Nodong-1. It is old.\n';
    const claim = checker.check(text).claims[0]!;
    const cite = claim.fixes.find((f) => f.kind === 'cite')!;
    const cited = applyEdits(text, cite.edits);
    assert.equal(
      cited,
      'The Shahab-3 is Iran’s version of the Nodong-1.[^oba-iransource] It is old.\n\n' +
        '[^oba-iransource]: Oba, M. (n.d.). Iran-North Korea relationship reflects failed US policies. IranSource. https://www.atlanticcouncil.org/blogs/iransource/iran-north-korea-relationship-reflects-failed-us-policies/\n',
    );
    // Citing again offers nothing: the claim is already cited right there.
    assert.deepEqual(checker.check(cited).claims[0]!.fixes, []);
  });

  it('reuses an existing footnote for the same source, by label or by URL', () => {
    const text = 'The Shahab-3 is based on the Nodong-1.\n\n[^7]: Mintaro Oba, https://www.atlanticcouncil.org/blogs/iransource/iran-north-korea-relationship-reflects-failed-us-policies/\n';
    const cite = checker.check(text).claims[0]!.fixes[0]!;
    assert.deepEqual(cite.edits.map((e) => e.newText), ['[^7]']);
  });

  it('correct and cite: both edits in one fix, keeping CRLF line endings', () => {
    const text = 'Intro.\r\n\r\nThe Shahab-3 is a copy of the Yono class.';
    const finding = checker.check(text).findings[0]!;
    const both = finding.fixes.find((f) => f.kind === 'correct-and-cite')!;
    const out = applyEdits(text, both.edits);
    assert.match(out, /The Shahab-3 is a copy of the Nodong-1\.\[\^oba-iransource\]\r\n\r\n\[\^oba-iransource\]: Oba, M\./);
    assert.ok(out.endsWith('\r\n'));
  });
});

describe('cite all', () => {
  it('cites every supported claim once per sentence and defines each source once', () => {
    const text = 'The Shahab-3 is based on the Nodong-1. Khamenei visited North Korea in 1989.\n\nThe Ghadir class is a copy of the Yono class.\n';
    const cited = applyEdits(text, citeAllEdits(checker.check(text).claims));
    assert.equal(cited.match(/\[\^oba-iransource\]:/g)?.length, 1, 'one definition');
    assert.equal(cited.match(/\[\^oba-iransource\](?!:)/g)?.length, 3, 'one reference per sentence');
    assert.deepEqual(citeAllEdits(checker.check(cited).claims), [], 'citing again adds nothing');
  });
});

describe('suppression comments', () => {
  const wrong = 'The Shahab-3 is a copy of the Yono class.';
  const codes = (text: string) => checker.check(text).findings.map((f) => f.code);
  it('disable-next-line', () => {
    assert.deepEqual(codes(`<!-- factcheck-disable-next-line -->\n${wrong}\n\n${wrong}\n`), ['lineage']);
  });
  it('disable-next-line with another code leaves this one', () => {
    assert.deepEqual(codes(`<!-- factcheck-disable-next-line date -->\n${wrong}\n`), ['lineage']);
  });
  it('disable and enable, with codes', () => {
    assert.deepEqual(codes(`<!-- factcheck-disable lineage -->\n\n${wrong}\n\n<!-- factcheck-enable lineage -->\n\n${wrong}\n`), ['lineage']);
  });
  it('disable to the end of the document', () => {
    assert.deepEqual(codes(`${wrong}\n\n<!-- factcheck-disable -->\n\n${wrong}\n\n${wrong}\n`), ['lineage']);
  });
  it('disable-line, inline', () => {
    assert.deepEqual(codes(`${wrong} <!-- factcheck-disable-line -->\n`), []);
  });
});

describe('severity settings', () => {
  it("'off' silences a check and a severity replaces the default", () => {
    const text = 'The Shahab-3 is a copy of the Yono class.';
    assert.deepEqual(checker.check(text, { severities: { lineage: 'off' } }).findings, []);
    assert.equal(checker.check(text, { severities: { lineage: 'hint' } }).findings[0]!.severity, 'hint');
  });
  it('refuses a draft over the size limit with a reason instead of hanging', () => {
    const result = checker.check('a'.repeat(2_000_001));
    assert.match(result.skipped ?? '', /checks drafts of up to/);
  });
});
