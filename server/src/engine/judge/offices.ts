/**
 * The titles an office answers to, without its country: "President of Iran", "Iranian
 * President" and "Iran's President" are all the title "president" of Iran's office. Shared by the
 * office check and by the identification of occasions ("then-President" names the office
 * Khamenei held in 1989).
 */

import type { FactBase } from '../factbase/factbase.js';
import { oncePerBase } from '../factbase/memo.js';

/** Different words for one title. */
const SYNONYMS: Readonly<Record<string, string>> = { premier: 'prime minister', 'defence minister': 'defense minister' };

/** A title in its normal form: lower case, single spaces, synonyms folded. */
export function titleKey(title: string): string {
  const k = title.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
  return SYNONYMS[k] ?? k;
}

/** The names, aliases and demonyms of a country entity. */
export function countryNames(base: FactBase, id: string): string[] {
  const e = base.entities.get(id);
  return e ? [e.name, ...e.aliases, ...e.demonyms] : [];
}

/** "Iranian President", "President of Iran", "Iran's President" → "President". */
export function stripCountry(text: string, words: readonly string[]): string {
  let t = text;
  for (const w of words) {
    const lower = t.toLowerCase();
    const wl = w.toLowerCase();
    for (const prefix of [`${wl}'s `, `${wl}’s `, `${wl} `]) if (lower.startsWith(prefix)) t = t.slice(prefix.length);
    for (const suffix of [` of the ${wl}`, ` of ${wl}`]) if (t.toLowerCase().endsWith(suffix)) t = t.slice(0, t.length - suffix.length);
  }
  return t;
}

/** The country of an office, by its `country` statement. */
export function officeCountry(base: FactBase, office: string): string | undefined {
  const c = base.about(office, 'country').find((s) => s.value.kind === 'entity');
  return c?.value.kind === 'entity' ? c.value.id : undefined;
}

/** The normal titles of an office's name and aliases, its country taken out. */
export const titleKeys = oncePerBase((base, office): ReadonlySet<string> => {
  const e = base.entities.get(office);
  if (!e) return new Set();
  const country = officeCountry(base, office);
  const words = country ? countryNames(base, country) : [];
  return new Set([e.name, ...e.aliases].map((n) => titleKey(stripCountry(n, words))));
});
