/**
 * The context of one block for the frame matcher: what its earlier sentences spoke of (see
 * reading/discourse.ts), as a `Resolver` for pronouns and descriptions. The checker makes one
 * per block, asks it before each sentence whether the sentence is worth reading at all, and
 * tells it what each sentence said.
 */

import { DESCRIPTION_KINDS, Discourse, OCCASION_HEADS } from '../reading/discourse.js';
import type { DateSpan } from '../reading/dates.js';
import type { Kind } from '../reading/kinds.js';
import type { Name } from '../reading/names.js';
import type { NounPhrase } from '../reading/phrases.js';
import type { Reading } from '../reading/reading.js';
import type { Token } from '../text/tokens.js';
import { antecedent, type FrameMatch } from './match.js';

/** Acts a later sentence may describe ("the talks", "the trip"). */
const OCCASION_PREDICATES = new Set(['visited', 'met']);
/** Kinds a plural description can stand for, by its head's lemma. */
const PLURAL_KINDS: Readonly<Record<string, Kind>> = {
  organization: 'organization', organisation: 'organization', firm: 'organization', company: 'organization', entity: 'organization',
  broker: 'organization', dealer: 'organization', group: 'organization',
  missile: 'weapon', weapon: 'weapon', system: 'weapon', submarine: 'weapon', rocket: 'weapon',
  man: 'person', official: 'person', leader: 'person', minister: 'person', diplomat: 'person', envoy: 'person',
  country: 'place', nation: 'place', state: 'place', government: 'place',
};
/**
 * Words that can stand for something an earlier sentence named: pronouns, and the head nouns of
 * the descriptions the context resolves ("the missile", "the talks", "both firms"), singular or
 * plural. Only a sentence with one of them is read for what it says of an earlier name.
 */
const REFERRING = new Set([
  'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they', 'them', 'their', 'former', 'latter',
  ...[...Object.keys(DESCRIPTION_KINDS), ...Object.keys(OCCASION_HEADS), ...Object.keys(PLURAL_KINDS)].flatMap((w) => [w, `${w}s`, `${w}es`, w.replace(/y$/, 'ies'), w.replace(/an$/, 'en')]),
]);
/** Determiners of a description that stands for something named before: "the missile", "both firms". */
const DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those', 'both']);
/** Phrases that point back to the time of the sentence before. */
const BACK: ReadonlyArray<readonly string[]> = [
  ['at', 'the', 'time'], ['at', 'that', 'time'], ['at', 'that', 'point'], ['back', 'then'], ['by', 'then'], ['that', 'year'],
  ['that', 'month'], ['that', 'day'], ['those', 'days'], ['in', 'those', 'years'], ['then'],
];
/** Words that say a sentence is about another time than the one before. */
const MOVED_ON = new Set(['now', 'today', 'currently', 'later', 'since', 'afterwards', 'afterward', 'subsequently', 'eventually', 'before', 'earlier', 'previously', 'future']);

export class BlockContext {
  private readonly discourse = new Discourse<FrameMatch>();
  private token = 0;

  /**
   * Whether a sentence with no mention of its own may still say something about what an earlier
   * sentence named: it has a pronoun or a definite article. Others are not read at all, so prose
   * that names nothing costs only its tokens.
   */
  worthReading(tokens: readonly Token[], start: number, end: number): boolean {
    // Sentences come in order: the scan resumes where the last one stopped, so a long block of
    // prose that names nothing is scanned once.
    while (this.token < tokens.length && tokens[this.token]!.end <= start) this.token++;
    if (this.discourse.empty) return false;
    for (let k = this.token; k < tokens.length && tokens[k]!.start < end; k++) if (REFERRING.has(tokens[k]!.norm)) return true;
    return false;
  }

  /**
   * What each pronoun and bare description of a sentence stands for, from earlier sentences:
   * computed once per sentence, for the frame matcher and for checks that read phrases.
   */
  resolve(r: Reading): ReadonlyMap<NounPhrase, readonly Name[]> {
    const out = new Map<NounPhrase, readonly Name[]>();
    if (this.discourse.empty) return out;
    // Where the sentence first names something itself: a description after it may stand for that.
    const named = r.names.find((n) => n.entity && n.demonymOf === undefined)?.last ?? Infinity;
    for (const p of r.phrases.flatMap((x) => (x.owner ? [x.owner, x] : [x]))) {
      if (p.referent || (!p.pronoun && !p.definite && !DETERMINERS.has(p.determiner?.norm ?? '')) || (p.pronoun && antecedent(r, p))) continue;
      const names = this.refer(r, p, named < p.first);
      if (names.length > 0) out.set(p, names);
    }
    return out;
  }

  private refer(r: Reading, phrase: NounPhrase, namedBefore: boolean): readonly Name[] {
    if (phrase.pronoun) {
      const word = phrase.pronoun.norm;
      const one = this.discourse.pronoun(word);
      if (one) return [at(one, phrase)];
      return (this.discourse.plural(word, undefined, undefined) ?? []).map((n) => at(n, phrase));
    }
    // Only a bare description ("the missile", "the two organizations", "the new system") stands
    // for an earlier name: one with names, an owner or a relative of its own says something new.
    const determiner = phrase.determiner?.norm ?? r.words[phrase.first]?.norm ?? '';
    // "The latter", "the former": one of the two things the sentence before named together.
    if (determiner === 'the' && (phrase.head.norm === 'latter' || phrase.head.norm === 'former') && phrase.names.length === 0 && !phrase.owner) {
      const one = this.discourse.pairMember(phrase.head.norm);
      return one ? [at(one, phrase)] : [];
    }
    if (!DETERMINERS.has(determiner) || phrase.owner || phrase.names.length > 0 || phrase.referent || phrase.modifiers.length > 1) return [];
    const plural = phrase.head.norm !== phrase.headLemma;
    if (plural) {
      const kind = PLURAL_KINDS[phrase.headLemma];
      if (!kind) return [];
      const count = phrase.quantity?.value;
      return (this.discourse.plural('', kind, count) ?? []).map((n) => at(n, phrase));
    }
    if (phrase.quantity) return [];
    // A name earlier in the same sentence comes first: "The Shahab-3 is Iran's, and the missile ...".
    if (namedBefore) return [];
    const named = this.discourse.description(phrase.headLemma);
    return named ? [at(named, phrase)] : [];
  }

  /**
   * The time a sentence without a date of its own points back to: "At the time he was ...",
   * "That year ...", "By then ...", or "He made the journey as ..." where "the journey" is an
   * act an earlier sentence dated. A sentence that dates itself, or says "now", "later" or
   * "today", points nowhere.
   */
  timeOf(r: Reading): { readonly date?: DateSpan; readonly act?: FrameMatch } {
    if (this.discourse.empty || r.dates.length > 0) return {};
    const words = r.words.map((w) => w.norm);
    if (words.some((w) => MOVED_ON.has(w))) return {};
    const back = words.some((_, k) => BACK.some((phrase) => phrase.every((x, j) => words[k + j] === x)));
    if (back) {
      const date = this.discourse.lastDate();
      const act = this.discourse.lastOccasion();
      return { ...(date && { date }), ...(act && { act }) };
    }
    for (const p of r.phrases) {
      const act = this.occasion(p);
      if (act) return { ...(act.date && { date: act.date }), act };
    }
    return {};
  }

  occasion(phrase: NounPhrase): FrameMatch | undefined {
    // "the talks", "their meeting"; not "Trump's visit", which names its own visitor.
    if (!phrase.definite || phrase.names.length > 0 || (phrase.owner && !phrase.owner.pronoun)) return undefined;
    return this.discourse.occasion(phrase.head.norm, (f) => f.frame.predicate) ?? this.discourse.occasion(phrase.headLemma, (f) => f.frame.predicate);
  }

  /** Records what a sentence spoke of, after its frames are matched. */
  add(r: Reading, frames: readonly FrameMatch[]): void {
    const subject = frames.find((f) => f.subject?.name)?.subject?.name ?? firstSubject(r);
    const names: Name[] = [...r.names];
    // A pronoun subject resolved beyond the sentence keeps the chain: "He ... He ...".
    if (subject && !r.names.includes(subject)) names.push(subject);
    this.discourse.add(
      names,
      subject,
      groups(r),
      // A denied act ("did not meet") is no act for "the talks" to stand for.
      frames.filter((f) => OCCASION_PREDICATES.has(f.frame.predicate) && f.subject?.name?.entity !== undefined && !f.negation),
      r.dates,
    );
  }
}

/** A name from an earlier sentence, placed on the words that stand for it here. */
function at(name: Name, phrase: NounPhrase): Name {
  return { ...name, first: phrase.first, last: phrase.last, start: phrase.start, end: phrase.end };
}

/**
 * The first name before the sentence's first verb, when no frame found a subject. Names joined
 * by "and" are a plural subject: "it" after "The Shahab-3 and the Ghadir" stands for neither.
 */
function firstSubject(r: Reading): Name | undefined {
  const verb = r.verbs[0];
  const first = r.names.find((n) => n.entity && n.demonymOf === undefined && (!verb || n.last < verb.first));
  return first && groups(r).some((g) => g.includes(first)) ? undefined : first;
}

/** Names joined by "and", "or" or commas: "KOMID and Green Pine". */
function groups(r: Reading): Name[][] {
  const out: Name[][] = [];
  let current: Name[] = [];
  for (const n of r.names) {
    if (!n.entity || n.demonymOf !== undefined) continue;
    const last = current[current.length - 1];
    if (last && joined(r, last, n) && sameKind(last, n)) current.push(n);
    else {
      if (current.length > 1) out.push(current);
      current = [n];
    }
  }
  if (current.length > 1) out.push(current);
  return out;
}

function joined(r: Reading, a: Name, b: Name): boolean {
  for (let k = a.last + 1; k < b.first; k++) {
    const w = r.words[k]!.norm;
    // "KOMID and Green Pine", "the Shahab-3 and the Ghadir", "both KOMID and Green Pine".
    if (w !== 'and' && w !== 'or' && w !== ',' && w !== 'both' && !(w === 'the' && k > a.last + 1)) return false;
  }
  return b.first > a.last + 1;
}

function sameKind(a: Name, b: Name): boolean {
  for (const k of a.kinds) if (b.kinds.has(k)) return true;
  return false;
}
