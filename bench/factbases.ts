/**
 * Synthetic fact bases for benchmarks, written as YAML folders next to the shipped base: N facts
 * (statements) about N/4 entities, with the names, aliases and predicates of real ones (lineage
 * chains, countries, offices with dates, counts), split into files under the loader's size cap.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from './drafts.js';

const TYPES = ['missile', 'person', 'organization', 'submarine-class'] as const;
const COUNTRIES = ['iran', 'north-korea', 'china', 'syria', 'myanmar', 'iraq'];

/** Writes a fact base of about `facts` statements into `dir`; returns the number written. */
export function writeSyntheticBase(dir: string, facts: number, seed = 5): number {
  mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  // Entities make 3 to 4 statements each (3.25 on average).
  const entities = Math.max(4, Math.ceil(facts / 3.2));
  const perFile = 20_000;
  let written = 0;
  let file = 0;
  let lines: string[] = ['sources:', '  - { id: synthetic, type: dataset, title: Synthetic benchmark facts }', 'entities:'];
  const flush = () => {
    writeFileSync(join(dir, `synthetic-${String(file++).padStart(4, '0')}.yaml`), lines.join('\n') + '\n');
    lines = ['entities:'];
  };
  for (let e = 0; e < entities; e++) {
    const type = TYPES[e % TYPES.length]!;
    const name = `${type === 'person' ? 'Synth Person' : type === 'organization' ? 'Synth Org' : type === 'missile' ? 'Synthmissile' : 'Synthsub'} ${e}`;
    lines.push(`  - { id: s${e}, type: ${type}, name: "${name}", aliases: ["${name.replace(/ (\d+)$/, '-$1')}"], description: "A synthetic ${type} for benchmarks.", references: [{ source: synthetic }] }`);
    if (lines.length > perFile) flush();
  }
  lines.push('statements:');
  for (let e = 0; e < entities && written < facts; e++) {
    const type = TYPES[e % TYPES.length]!;
    const id = `s${e}`;
    const add = (body: string) => {
      if (written >= facts) return;
      lines.push(`  - { id: f${written}, subject: ${id}, ${body}, references: [{ source: synthetic, locator: "row ${written}" }] }`);
      written++;
      if (lines.length > perFile) {
        flush();
        lines.push('statements:');
      }
    };
    if (type !== 'person') add(`predicate: country, object: ${COUNTRIES[Math.floor(rand() * COUNTRIES.length)]}`);
    if (type === 'missile' && e >= 4) add(`predicate: derived-from, object: s${e - 4}, qualifiers: { relation: version-of }`);
    if (type === 'person') add(`predicate: visited, object: ${COUNTRIES[Math.floor(rand() * COUNTRIES.length)]}, qualifiers: { point-in-time: "${1980 + Math.floor(rand() * 40)}" }`);
    add(`predicate: count, quantity: { amount: ${1 + Math.floor(rand() * 500)}, unit: missiles, bound: approximate }, qualifiers: { of: synthetic missiles, as-of: "${1990 + Math.floor(rand() * 30)}" }`);
    add(`predicate: active-in, object: ${COUNTRIES[Math.floor(rand() * COUNTRIES.length)]}`);
  }
  flush();
  return written;
}
