/**
 * Warming the engine up after the fact base first loads, while no draft is open: the first draft a
 * writer opens is then checked by code the JavaScript engine has compiled already, with the
 * base's lookups built (the offices' titles, the countries' demonyms, the events' names, which
 * each check builds on first use). Measured on the 10,000-word bench draft (shipped base, the
 * engine run from source, two to three runs each on a shared 2-core machine): a cold first check
 * took 1.9-2.4 times a warm one; after one pass of this warm-up (about 250-300 ms) 1.8-2.0 times,
 * after three passes 1.6 times. No single cache makes the difference: it is the compiler's tiers,
 * spread over the parser, the reader and the checks.
 *
 * The warm-up draft is made of the base's own names in the sentence shapes the checks read and
 * in the Markdown constructs drafts use (front matter, headings, lists, a table, a block quote,
 * footnotes, links, code). It is checked once in full and once after an edit, and its results
 * are thrown away.
 */

import type { Checker } from '../engine/check.js';
import type { FactBase } from '../engine/factbase/factbase.js';

/** About how many words the warm-up draft has: enough for the compiler, short enough not to keep a writer waiting. */
const WORDS = 2_000;

/** Checks a draft made of the base's names, in full and after an edit, and forgets the results. */
export function warmUp(checker: Checker): void {
  const text = warmUpDraft(checker.base);
  const session = checker.session();
  session.check(text);
  const at = text.indexOf('analysts');
  session.check(at < 0 ? `${text} ` : `${text.slice(0, at)}x${text.slice(at)}`);
}

/** The warm-up draft: deterministic, so that every start does the same work. */
export function warmUpDraft(base: FactBase): string {
  const names = (type: string, fallback: string) => {
    const found = base.ofType(type).slice(0, 6).map((e) => e.name);
    return found.length ? found : [fallback];
  };
  const people = names('person', 'Ali Khamenei');
  const countries = names('country', 'Iran');
  const cities = names('city', 'Tehran');
  const weapons = [...names('missile', 'Shahab-3'), ...base.ofType('weapon').slice(0, 3).map((e) => e.name)];
  const organizations = names('organization', 'KOMID');
  const events = names('event', 'Iran-Iraq War');
  const offices = names('office', 'President of Iran');
  const demonyms = base.ofType('country').flatMap((e) => e.demonyms.slice(0, 1)).slice(0, 6);
  const quotes = [...base.quotations.values()].slice(0, 3).map((q) => q.text);
  let n = 0;
  const pick = <T>(list: readonly T[]): T => list[n++ % list.length]!;
  const demonym = () => {
    const d = demonyms.length ? pick(demonyms) : 'Iranian';
    return `${/^[AEIOU]/.test(d) ? 'an' : 'a'} ${d}`;
  };
  const sentences = () => [
    `${pick(people)} visited ${pick(countries)} in ${1980 + (n % 40)}.`,
    `${pick(people)} met ${pick(people)} in ${pick(cities)} in August ${1990 + (n % 30)}.`,
    `The ${pick(weapons)} is a copy of the ${pick(weapons)}.`,
    `The ${pick(weapons)} is reportedly ${demonym()} design, according to a 2017 report by ${pick(organizations)}.`,
    `${pick(organizations)}, ${demonym()} firm based in ${pick(cities)}, is active in ${pick(countries)}.`,
    `The ${pick(events)} ended in ${1985 + (n % 10)}, and ${pick(countries)} had fourteen submarines by then.`,
    `${pick(people)}, then ${pick(offices)}, said: “${quotes.length ? pick(quotes) : 'We will not give up.'}”`,
    `He did not travel to ${pick(cities)} until ${2000 + (n % 20)}, analysts say.`,
    `Sanctions policy has shifted several times over the past decade, and ${pick(countries)} sold arms to ${pick(countries)}.`,
  ];
  const out = ['---', 'title: Warm-up', '---', '', '# Warm-up', ''];
  let words = 0;
  let note = 0;
  for (let section = 1; words < WORDS; section++) {
    const paragraph = sentences().join(' ');
    const list = sentences().slice(0, 3).map((s) => `- ${s}`).join('\n');
    const table = `| Year | Event |\n| --- | --- |\n| ${1988 + section} | ${sentences()[0]} |`;
    const quote = `> ${sentences()[2]}[^n${++note}]`;
    out.push(`## Section ${section}`, '', paragraph, '', list, '', table, '', quote, '', `See [the report](https://example.org/${section}) and \`code\`.`, '');
    words += [paragraph, list, table, quote].join(' ').split(/\s+/).length;
  }
  for (let i = 1; i <= note; i++) out.push(`[^n${i}]: A note on the sources, number ${i}.`, '');
  return out.join('\n');
}
