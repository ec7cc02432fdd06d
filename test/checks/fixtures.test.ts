/**
 * Check fixtures: every test/fixtures/checks/*.md is checked against the shipped base, and its
 * annotations (see the README there) must match the claims exactly: no claim unannotated, no
 * annotation unmet.
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/check.js';
import { LineIndex } from '../../server/src/engine/text/positions.js';
import { shippedChecker } from '../support/engine.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'checks');
const ANNOTATION = /^<!--(\s*)(\^+)\s+([\w-]+)\s+(supported|refuted|unconfirmed|disputed)(?::\s*(.*?))?\s*-->$/;
const FIX = /^<!--\s*fix:\s*(.*?)\s*-->$/;

interface Expected {
  line: number;
  start: number;
  end: number;
  code: string;
  verdict: string;
  words?: string;
  fix?: string;
}

function expectations(text: string): Expected[] {
  const lines = text.split(/\r?\n/);
  const out: Expected[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    const f = FIX.exec(line);
    if (f && out.length) {
      out[out.length - 1]!.fix = f[1]!;
      return;
    }
    if (!m) {
      target = i;
      return;
    }
    const col = line.indexOf('^');
    out.push({ line: target, start: col, end: col + m[2]!.length, code: m[3]!, verdict: m[4]!, ...(m[5] && { words: m[5] }) });
  });
  return out;
}

describe('check fixtures', async () => {
  const checker = await shippedChecker();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const lines = new LineIndex(text);
      const result = checker.check(text);
      const expected = expectations(text);
      const got = result.claims.map((c) => {
        const s = lines.positionAt(c.start);
        const e = lines.positionAt(c.end);
        const finding = result.findings.find((f) => f.start === c.start && f.end === c.end && f.code === c.code);
        return { line: s.line, start: s.character, end: e.line === s.line ? e.character : -1, code: c.code, verdict: c.verdict, message: finding?.message ?? '', finding };
      });
      const show = (g: (typeof got)[number]) => `${name}:${g.line + 1}:${g.start + 1}-${g.end + 1} ${g.code} ${g.verdict} ${g.message} «${text.split(/\r?\n/)[g.line]?.slice(g.start, g.end)}»`;
      const problems: string[] = [];
      for (const e of expected) {
        const hit = got.find((g) => g.line === e.line && g.start === e.start && g.end === e.end && g.code === e.code && g.verdict === e.verdict);
        if (!hit) {
          problems.push(`missing: ${name}:${e.line + 1}:${e.start + 1}-${e.end + 1} ${e.code} ${e.verdict}`);
          continue;
        }
        if (e.words && !hit.message.includes(e.words)) problems.push(`message lacks "${e.words}": ${show(hit)}`);
        if (e.fix !== undefined) {
          const fix = hit.finding?.fixes.find((f) => f.preferred);
          if (!fix) problems.push(`no preferred fix: ${show(hit)}`);
          else {
            const fixed = applyEdits(text, fix.edits);
            const line = fixed.split(/\r?\n/)[e.line] ?? '';
            if (!line.includes(e.fix)) problems.push(`fix gives «${line}», expected it to contain «${e.fix}»`);
          }
        }
      }
      for (const g of got) {
        if (!expected.some((e) => g.line === e.line && g.start === e.start && g.end === e.end && g.code === e.code && g.verdict === e.verdict)) {
          problems.push(`unexpected: ${show(g)}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
