/**
 * The shipped fact base: it loads without a problem, every fact in it is sourced, its
 * quotations are verbatim, and its coverage is printed so it can be seen at a glance.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { FactBase } from '../../server/src/engine/factbase/factbase.js';
import { PREDICATES } from '../../server/src/engine/factbase/predicates.js';
import { loadFactBaseFromDisk } from '../../server/src/node/loadFacts.js';

const repo = join(import.meta.dirname, '..', '..');
let base: FactBase;

describe('the shipped fact base', () => {
  before(async () => {
    const loaded = await loadFactBaseFromDisk();
    assert.deepEqual(loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`), []);
    base = loaded.base;
  });

  it('reports its coverage', (t) => {
    const byType = new Map<string, number>();
    for (const e of base.entities.values()) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    const byPredicate = new Map<string, number>();
    for (const s of base.statements.values()) byPredicate.set(s.predicate, (byPredicate.get(s.predicate) ?? 0) + 1);
    const list = (m: Map<string, number>) => [...m].sort().map(([k, v]) => `${k} ${v}`).join(', ');
    const { sources, entities, statements, quotations } = base.size;
    t.diagnostic(`coverage: ${sources} sources, ${entities} entities, ${statements} statements, ${quotations} quotations`);
    t.diagnostic(`entities by type: ${list(byType)}`);
    t.diagnostic(`statements by predicate: ${list(byPredicate)}`);
    assert.ok(entities >= 40 && statements >= 50 && quotations >= 6 && sources >= 1);
  });

  it('cites a known source, with a locator, for every statement and quotation', () => {
    for (const item of [...base.statements.values(), ...base.quotations.values()]) {
      assert.ok(item.references.length > 0, item.id);
      for (const ref of item.references) assert.ok(base.sources.has(ref.source), `${item.id} cites ${ref.source}`);
    }
  });

  it('records every quotation verbatim from the seed article', () => {
    // The article has no-break spaces in places; words and punctuation must match exactly.
    const spaces = (s: string) => s.replace(/\s+/g, ' ');
    const article = spaces(readFileSync(join(repo, 'test', 'fixtures', 'seed-article.md'), 'utf8'));
    for (const q of base.quotations.values()) {
      if (q.references.some((r) => r.source === 'oba-iransource')) {
        assert.ok(article.includes(spaces(q.text)), `quotation ${q.id} is not verbatim in the article: ${q.text}`);
      }
    }
  });

  it('holds the claims the article makes', () => {
    const has = (subject: string, predicate: string, object?: string) =>
      base.about(subject).some((s) => s.predicate === predicate && (object === undefined || (s.value.kind === 'entity' || s.value.kind === 'statement') && s.value.id === object));
    // Lineage and classes.
    assert.ok(has('shahab-3', 'derived-from', 'nodong-1'));
    assert.ok(has('ghadir-class', 'derived-from', 'yono-class'));
    // People and the offices they held at the time.
    assert.ok(has('ali-khamenei', 'held-office', 'president-of-iran'));
    assert.ok(has('ali-khamenei', 'held-office', 'supreme-leader-of-iran'));
    assert.ok(has('hassan-rouhani', 'held-office', 'president-of-iran'));
    assert.ok(has('ri-yong-ho', 'held-office', 'foreign-minister-of-north-korea'));
    assert.ok(has('kim-yong-nam', 'held-office', 'president-of-the-presidium'));
    // Visits and meetings.
    assert.ok(has('ali-khamenei', 'visited', 'north-korea'));
    assert.ok(has('hassan-rouhani', 'met', 'ri-yong-ho'));
    // Organizations and their nationality.
    assert.ok(has('komid', 'country', 'north-korea'));
    assert.ok(has('green-pine', 'country', 'north-korea'));
    // Figures and who reported them.
    assert.ok(has('bruce-bechtol', 'reported', 'north-korean-advisers-in-iran-1988'));
    assert.ok(has('bruce-bechtol', 'reported', 'north-korea-arms-sales-to-iran-value'));
    assert.ok(has('office-of-naval-intelligence', 'reported', 'iran-midget-submarines-2017'));
    assert.ok(has('un-panel-of-experts', 'reported', 'komid-active-in-iran'));
    assert.ok(has('north-korea', 'trading-partner', 'china'));
    assert.ok(has('iran-iraq-war', 'occurred'));
    const advisers = base.statements.get('north-korean-advisers-in-iran-1988')!;
    assert.deepEqual(advisers.value, { kind: 'quantity', quantity: { amount: 300, unit: 'military advisers', bound: 'approximate' } });
    assert.equal(base.quotationsOf('ali-khamenei').length, 3);
  });

  it('documents every predicate in facts/README.md', () => {
    const readme = readFileSync(join(repo, 'facts', 'README.md'), 'utf8');
    for (const name of Object.keys(PREDICATES)) assert.match(readme, new RegExp('\\| `' + name + '` \\|'), `facts/README.md does not document '${name}'`);
    const schema = JSON.parse(readFileSync(join(repo, 'facts', 'factbase.schema.json'), 'utf8'));
    assert.deepEqual([...schema.definitions.statement.properties.predicate.enum].sort(), Object.keys(PREDICATES).sort(), 'the schema and the vocabulary list the same predicates');
  });
});
