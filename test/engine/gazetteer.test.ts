/**
 * The world gazetteer types names as countries, demonyms and cities, leaves out city names that
 * are everyday words, and its data is exactly what scripts/gazetteer.ts generates.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gazetteer, type GazetteerEntry } from '../../server/src/engine/reading/gazetteer.js';
import { tokenize } from '../../server/src/engine/text/tokens.js';

const repo = join(import.meta.dirname, '..', '..');

/** The folded tokens of a phrase, as the engine gives them to the gazetteer. */
function words(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

function lookup(phrase: string): GazetteerEntry[] | undefined {
  return gazetteer().lookup(words(phrase));
}

describe('gazetteer', () => {
  it('types cities, with their country', () => {
    assert.deepEqual(lookup('Hanoi'), [{ kind: 'city', name: 'Hanoi', country: 'VN' }]);
    assert.deepEqual(lookup('Isfahan'), [{ kind: 'city', name: 'Isfahan', country: 'IR' }]);
    assert.deepEqual(lookup('Pyongyang'), [{ kind: 'city', name: 'Pyongyang', country: 'KP' }]);
  });

  it('types countries and their demonyms', () => {
    assert.deepEqual(lookup('Japan'), [{ kind: 'country', name: 'Japan', country: 'JP' }]);
    assert.deepEqual(lookup('Japanese'), [{ kind: 'country', name: 'Japanese', country: 'JP', demonym: true }]);
    assert.deepEqual(lookup('South Korean'), [{ kind: 'country', name: 'South Korean', country: 'KR', demonym: true }]);
    assert.deepEqual(lookup('North Korean'), [{ kind: 'country', name: 'North Korean', country: 'KP', demonym: true }]);
    assert.deepEqual(lookup('Russia'), [{ kind: 'country', name: 'Russia', country: 'RU' }]);
  });

  it('knows the informal names writers use', () => {
    for (const [phrase, cca2] of [['Burma', 'MM'], ['Britain', 'GB'], ['the UK', 'GB'], ['America', 'US'], ['the U.S.', 'US'], ['Turkey', 'TR'], ['Iran', 'IR'], ['Syria', 'SY']] as const) {
      assert.deepEqual(lookup(phrase)?.map((e) => [e.kind, e.country]), [['country', cca2]], phrase);
    }
  });

  it('reads a leading "the" as part of a name, and the name without it', () => {
    const g = gazetteer();
    const sentence = words('Officials in the United States said so.');
    assert.deepEqual(g.longestAt(sentence, 2), { length: 3, entries: [{ kind: 'country', name: 'the United States', country: 'US' }] });
    assert.deepEqual(g.longestAt(sentence, 3), { length: 2, entries: [{ kind: 'country', name: 'United States', country: 'US' }] });
    assert.equal(g.longestAt(sentence, 0), undefined);
    assert.deepEqual(lookup('U.S.')?.map((e) => e.name), ['U.S.']);
    assert.deepEqual(lookup('US')?.map((e) => e.name), ['US'], 'an acronym, for the caller to match in capitals only');
    assert.deepEqual(lookup('Hague')?.map((e) => e.name), ['Hague']);
  });

  it('finds the longest name at a token, past a possessive', () => {
    const g = gazetteer();
    const sentence = words("North Korea's missiles reached Ho Chi Minh City");
    assert.deepEqual(g.longestAt(sentence, 0), { length: 2, entries: [{ kind: 'country', name: 'North Korea', country: 'KP' }] });
    assert.deepEqual(g.longestAt(sentence, 5)?.length, 4);
    assert.equal(g.longestAt(sentence, 1), undefined, '"Korea" alone is either Korea, so neither');
  });

  it('gives names of several places all their entries, the most populous city first', () => {
    assert.deepEqual(lookup('London')?.map((e) => e.country), ['GB', 'CA']);
    assert.deepEqual(lookup('Congolese')?.map((e) => e.country).sort(), ['CD', 'CG']);
    assert.deepEqual(lookup('American')?.map((e) => e.country), ['US'], 'not also the Northern Mariana Islands');
    assert.deepEqual(lookup('Singapore')?.map((e) => e.kind), ['country', 'city']);
  });

  it('leaves out city names that are everyday words or usually mean something else', () => {
    for (const phrase of ['Reading', 'Mobile', 'Nice', 'Split', 'Van', 'Male', 'Victoria', 'Toyota']) {
      assert.equal(lookup(phrase), undefined, phrase);
    }
    assert.deepEqual(lookup('Armenia')?.map((e) => e.country), ['AM'], 'the country, not the city in Colombia');
    assert.equal(lookup('Bo'), undefined, 'names of fewer than three letters');
  });

  it('answers country questions by code', () => {
    const g = gazetteer();
    assert.equal(g.countryName('KP'), 'North Korea');
    assert.deepEqual(g.demonymsOf('KR'), ['South Korean']);
    assert.deepEqual(g.capitalOf('IR'), ['Tehran']);
    assert.deepEqual(g.capitalOf('ZA'), ['Pretoria', 'Bloemfontein', 'Cape Town']);
    assert.equal(g.countryName('ZZ'), undefined);
    assert.deepEqual(g.capitalOf('ZZ'), []);
  });

  it('is exactly what scripts/gazetteer.ts generates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazetteer-'));
    try {
      const out = join(dir, 'world.json');
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'gazetteer.ts'), out], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8'), readFileSync(join(repo, 'server', 'src', 'engine', 'reading', 'world.json'), 'utf8'), 'world.json is stale: run npm run gazetteer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
