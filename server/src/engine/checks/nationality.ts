/**
 * Nationality and origin of organizations and weapons: "KOMID, an Iranian firm", "the North
 * Korean firm Green Pine", "Iran's KOMID", "the Iranian-made Yono-class", "KOMID is a Chinese
 * company", "the Iranian Ghadir-class submarine", "two North Korean arms organizations, KOMID and
 * Green Pine".
 *
 * A country word (a demonym, or a country's name with "'s") counts only when the phrases attach
 * it to the organization or weapon: in the same phrase before the name ("the North Korean firm
 * Green Pine"); in apposition after it ("X, an Iranian firm"); as its predicate ("X is a North
 * Korean company", "X is Iranian"); or before a list the names stand in apposition to. It is
 * compared with the subject's `country` statement, which has one value.
 *
 * A possessive can mean who owns or operates a thing rather than where it comes from: "Iran's
 * Nodong-1" may be the missile Iran fields. So possessives are only judged for organizations;
 * for weapons only the adjective ("the Iranian Nodong-1") is. Design origin ("a Chinese
 * design") belongs to the lineage check; offices and people are other checks' subjects. A denial
 * ("KOMID is not a North Korean firm") is refuted when the base says it is, and left alone
 * otherwise.
 */

import type { FactBase } from '../factbase/factbase.js';
import { affirm } from '../claims/affirm.js';
import { subjectOf } from '../frames/match.js';
import type { Name } from '../reading/names.js';
import type { NounPhrase } from '../reading/phrases.js';
import { withArticle } from '../judge/wording.js';
import type { Check, Judgement, Sentence } from './types.js';

const ORGANIZATION_TYPES = ['organization', 'government-body'];
const WEAPON_TYPES = ['missile', 'submarine-class', 'vessel-type', 'weapon'];
/** Nouns that say what kind of thing the subject is: "a North Korean firm", "an Iranian missile". */
const KIND_NOUNS = new Set([
  'firm', 'company', 'organization', 'organisation', 'entity', 'corporation', 'group', 'agency', 'body', 'trader', 'dealer', 'network', 'broker',
  'outfit', 'missile', 'submarine', 'boat', 'vessel', 'system', 'rocket', 'weapon', 'class', 'sub', 'arm', 'conglomerate', 'front', 'supplier', 'exporter',
]);

/** A country word and what it is said of. */
interface Attachment {
  readonly word: CountryWord;
  readonly subject: Name;
  /** The names a plural subject stands for ("The two organizations"), when there are several. */
  readonly group?: readonly Name[];
  readonly claimStart: number;
  readonly claimEnd: number;
  readonly denial?: { readonly start: number; readonly end: number };
}

interface CountryWord {
  readonly country: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly possessive: boolean;
}

export const nationality: Check = {
  code: 'nationality',
  description: 'Nationality and origin of organizations and weapons: "KOMID, an Iranian firm", "the North Korean firm Green Pine", "the Iranian Ghadir-class submarine".',
  run(r, base) {
    const out: Judgement[] = [];
    for (const a of attachments(r, base)) {
      const j = judge(r, base, a);
      if (!j) continue;
      // "The two organizations are North Korean": one claim about both, with the facts of each.
      const same = out.findIndex((o) => o.start === j.start && o.end === j.end && o.verdict === j.verdict);
      if (same < 0) {
        out.push(j);
        continue;
      }
      out[same] = { ...out[same]!, facts: [...out[same]!.facts, ...j.facts] };
    }
    return out;
  },
};

function typeOf(base: FactBase, n: Name | undefined): string {
  return n?.entity ? (base.entities.get(n.entity)?.type ?? '') : '';
}

function isSubject(base: FactBase, n: Name | undefined): n is Name {
  const t = typeOf(base, n);
  return ORGANIZATION_TYPES.includes(t) || WEAPON_TYPES.includes(t);
}

/** The country words of a phrase: its demonyms, and its owner when the owner is a country. */
function countryWords(r: Sentence, base: FactBase, p: NounPhrase, before: number): CountryWord[] {
  const out: CountryWord[] = [];
  for (const d of p.demonyms) {
    if (d.last >= before || !base.entities.has(d.demonymOf!)) continue;
    out.push({ country: d.demonymOf!, start: d.start, end: d.end, text: d.text, possessive: false });
  }
  const owner = p.owner?.referent;
  if (owner?.entity && base.entities.get(owner.entity)?.type === 'country') {
    const poss = r.words[owner.last + 1];
    const end = poss?.tag === 'POSS' ? poss.end : owner.end;
    out.push({ country: owner.entity, start: owner.start, end, text: r.text.slice(owner.start, end), possessive: true });
  }
  return out;
}

/** Whether the phrase speaks of design or of a place of making: "a Chinese design" is lineage. */
function isDesign(p: NounPhrase): boolean {
  return p.head.lemma === 'design' || p.head.lemma === 'origin' || p.modifiers.some((m) => m === 'design' || m === 'designed');
}

function attachments(r: Sentence, base: FactBase): Attachment[] {
  const out: Attachment[] = [];
  for (const p of r.phrases) {
    const subject = p.referent;
    if (isSubject(base, subject)) {
      // "the North Korean firm Green Pine", "the Iranian-made Yono-class", "Iran's KOMID".
      if (!isDesign(p)) {
        for (const word of countryWords(r, base, p, subject.first)) out.push({ word, subject, claimStart: word.start, claimEnd: subject.end });
      }
      // "KOMID, an Iranian firm": an apposition with a country word and a noun of its kind.
      const q = appositionAfter(r, p);
      if (q && !q.referent && KIND_NOUNS.has(q.head.lemma) && !isDesign(q)) {
        for (const word of countryWords(r, base, q, q.head.i)) {
          if (word.possessive) continue;
          for (const s of [...coordinatedBefore(r, base, p), subject]) out.push({ word, subject: s, claimStart: s.start, claimEnd: q.end });
        }
      }
      continue;
    }
    // "KOMID is (not) a Chinese company", "Green Pine is reportedly Iranian".
    const inOrigin = r.words[p.last + 1]?.norm === 'in' && ['origin', 'design'].includes(r.words[p.last + 2]?.norm ?? '');
    if (!p.referent && (KIND_NOUNS.has(p.head.lemma) || (p.demonyms.length === 1 && p.head.i === p.demonyms[0]!.last)) && !isDesign(p) && !inOrigin) {
      const v = copulaBefore(r, p);
      const s = v ? subjectOf(r, v.first) : undefined;
      // The subject's own name, or what "The two organizations" stands for from before.
      const subjects = s ? (s.referent ? [s.referent] : (r.referents.get(s) ?? [])) : [];
      for (const subject of v ? subjects.filter((n) => isSubject(base, n)) : []) {
        for (const word of countryWords(r, base, p, p.head.i + 1)) {
          if (word.possessive) continue;
          out.push({ word, subject, ...(subjects.length > 1 && { group: subjects }), claimStart: subject.start, claimEnd: p.end, ...(v!.negation && { denial: { start: v!.start, end: v!.end } }) });
        }
      }
      // "two North Korean arms organizations, KOMID and Green Pine".
      if (KIND_NOUNS.has(p.head.lemma)) {
        for (const name of listAfter(r, base, p)) {
          for (const word of countryWords(r, base, p, p.head.i)) if (!word.possessive) out.push({ word, subject: name, claimStart: word.start, claimEnd: name.end });
        }
      }
    }
  }
  return out;
}

/** The phrase after ", " (or a dash, or a parenthesis) that stands in apposition to `p`. */
function appositionAfter(r: Sentence, p: NounPhrase): NounPhrase | undefined {
  if (![',', '—', '–', '('].includes(r.words[p.last + 1]?.text ?? '')) return undefined;
  const q = r.phraseOf(p.last + 2);
  return q && q.first === p.last + 2 ? q : undefined;
}

/** The names coordinated before a phrase's name: "KOMID and Green Pine" gives KOMID for Green Pine. */
function coordinatedBefore(r: Sentence, base: FactBase, p: NounPhrase): Name[] {
  const out: Name[] = [];
  let k = p.first - 1;
  while (r.words[k]?.norm === 'and' || r.words[k]?.text === ',') {
    const q = r.phraseOf(k - 1);
    if (!q || q.last !== k - 1 || !isSubject(base, q.referent)) break;
    out.push(q.referent);
    k = q.first - 1;
  }
  return out;
}

/** The copula right before a predicate phrase, passing over adverbs ("is reportedly"). */
function copulaBefore(r: Sentence, p: NounPhrase) {
  let j = p.first - 1;
  while (j >= 0 && r.words[j]!.tag === 'ADV') j--;
  const v = r.verbOf(j);
  return v && v.last === j && v.copula ? v : undefined;
}

/** The names of a list in apposition after a phrase: ", KOMID and Green Pine". */
function listAfter(r: Sentence, base: FactBase, p: NounPhrase): Name[] {
  const out: Name[] = [];
  let k = p.last + 1;
  if (r.words[k]?.text !== ',') return out;
  k++;
  for (;;) {
    const q = r.phraseOf(k);
    if (!q || q.first !== k || !isSubject(base, q.referent)) break;
    out.push(q.referent);
    k = q.last + 1;
    const sep = r.words[k];
    if (sep?.norm === 'and') k++;
    else if (sep?.text === ',' && r.words[k + 1]?.norm === 'and') k += 2;
    else if (sep?.text === ',') k++;
    else break;
  }
  return out;
}

function judge(r: Sentence, base: FactBase, a: Attachment): Judgement | undefined {
  const subject = a.subject.entity!;
  const type = typeOf(base, a.subject);
  // "Iran's Nodong-1" may be the missile Iran fields: for a weapon a possessive is no claim of origin, right or wrong.
  if (a.word.possessive && WEAPON_TYPES.includes(type)) return undefined;
  const statement = base.about(subject, 'country').find((s) => s.value.kind === 'entity');
  if (!statement || statement.value.kind !== 'entity') return undefined;
  const right = statement.value.id === a.word.country;
  const soft = r.verbs.some((v) => v.hedge) || r.words.some((w) => /^(?:reportedly|allegedly|apparently)$/.test(w.norm));
  const facts = [statement.id];
  const nameOf = (id: string) => `${WEAPON_TYPES.includes(type) ? 'the ' : ''}${base.entities.get(id)?.name ?? id}`;
  const name = a.group ? a.group.map((n) => nameOf(n.entity!)).join(' and ') : nameOf(subject);
  const its = a.group ? 'their' : 'its';
  const correct = base.entities.get(statement.value.id);
  const span = { start: Math.min(a.claimStart, a.word.start), end: Math.max(a.claimEnd, a.word.end) };
  if (right && !a.denial) return { verdict: 'supported', ...span, facts };
  if (right && a.denial) {
    const positive = affirm(r.text.slice(a.denial.start, a.denial.end));
    return {
      verdict: 'refuted', ...a.denial, facts, hedged: soft, ...(positive !== undefined && { replacement: positive }),
      message: `The draft denies that ${name} is ${correct?.demonyms[0] ?? correct?.name ?? ''}; the fact base gives ${its} country as ${correct?.name ?? statement.value.id}.`,
    };
  }
  if (a.denial) return undefined;
  const apostrophe = a.word.text.includes('’') ? '’' : "'";
  const replacement = a.word.possessive ? (correct ? `${correct.name}${apostrophe}s` : undefined) : correct?.demonyms[0];
  const edit = replacement === undefined ? { start: a.word.start, end: a.word.end } : a.word.possessive ? { start: a.word.start, end: a.word.end, replacement } : withArticle(r, a.word.start, a.word.end, replacement);
  return {
    verdict: 'refuted', ...edit, facts, hedged: soft,
    message: `The draft calls ${name} ${a.word.text}; the fact base gives ${its} country as ${correct?.name ?? statement.value.id}.`,
  };
}
