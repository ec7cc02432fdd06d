/**
 * `npm run explain -- "A sentence."` (or a file path): prints how the engine reads each sentence
 * of a draft — words with their tags and lemmas, names with their kinds, dates, figures, titles,
 * phrases, verb groups and clauses — then the claims the checks recognise. For developers who
 * want to see why a sentence is or is not judged.
 */

import { existsSync, readFileSync } from 'node:fs';
import { Checker } from '../server/src/engine/check.js';
import { loadFactBaseFromDisk } from '../server/src/node/loadFacts.js';

const input = process.argv.slice(2).join(' ');
if (!input) {
  console.error('usage: npm run explain -- "A sentence." | draft.md');
  process.exit(2);
}
const text = existsSync(input) ? readFileSync(input, 'utf8') : input;
const { base } = await loadFactBaseFromDisk();
const checker = new Checker(base);
for (const block of checker.parse(text).blocks) {
  for (const r of checker.readings(block.text, block.kind)) {
    console.log(`\n» ${r.text.slice(r.start, r.end).replace(/\s+/g, ' ')}`);
    console.log(`  words:   ${r.words.map((w) => `${w.text}/${w.tag}${w.lemma !== w.norm ? `(${w.lemma})` : ''}`).join(' ')}`);
    for (const n of r.names) console.log(`  name:    ${n.text}${n.entity ? ` → ${n.entity}` : ''}${n.demonymOf ? ` (demonym of ${n.demonymOf})` : ` [${[...n.kinds].join(',')}]`}`);
    for (const t of r.titles) console.log(`  title:   ${r.text.slice(t.start, t.end)} = ${t.key}${t.marker ? ` (${t.marker})` : ''}`);
    for (const d of r.dates) console.log(`  date:    ${r.text.slice(d.start, d.end)} (${d.style}${d.until ? ` to ${d.until.year}` : ''})`);
    for (const q of r.quantities) console.log(`  figure:  ${r.text.slice(q.start, q.end)} = ${q.value} ${q.bound}${q.currency ? ` ${q.currency}` : ''}${q.duration ? ` (${q.duration})` : ''}`);
    for (const p of r.phrases) {
      const parts = [p.owner ? `owner=${r.text.slice(p.owner.start, p.owner.end)}` : '', p.referent ? `ref=${p.referent.text}` : '', `head=${p.headLemma}`, p.definite ? 'definite' : ''];
      console.log(`  phrase:  [${r.text.slice(p.start, p.end)}] ${parts.filter(Boolean).join(' ')}`);
    }
    for (const v of r.verbs) console.log(`  verb:    [${r.text.slice(v.start, v.end)}] ${v.lemma}${v.passive ? ' passive' : ''}${v.copula ? ' copula' : ''}${v.negation ? ' negated' : ''}${v.hedge ? ' hedged' : ''}`);
    for (const c of r.clauses) console.log(`  clause:  ${c.kind}${c.marker ? `(${c.marker.text})` : ''}: ${r.text.slice(r.words[c.first]!.start, r.words[c.last]!.end)}`);
    for (const f of checker.frames(r)) console.log(`  frame:   ${f.describe()}`);
  }
}
const result = checker.check(text);
for (const c of result.claims) console.log(`claim: ${c.code} ${c.verdict} «${text.slice(c.start, c.end)}»`);
for (const f of result.findings) console.log(`finding: ${f.severity} ${f.code} «${text.slice(f.start, f.end)}» ${f.message}`);
