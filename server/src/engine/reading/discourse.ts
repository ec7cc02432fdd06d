/**
 * What the earlier sentences of a block, and the heading above it, have spoken of: the context
 * a fact-checker keeps in mind to read "He made the journey as Supreme Leader" after "Ali
 * Khamenei's 1989 trip to Pyongyang", "The missile is an intercontinental weapon" after "The
 * Shahab-3 is Iran's version of the Nodong-1", or "The talks took place in Isfahan" after a
 * sentence about a meeting.
 *
 * Resolution follows what readers do: a pronoun or a definite description stands for the
 * nearest earlier mention of a compatible kind, the subject of the sentence before first. When
 * two antecedents are equally likely (two missiles, neither the subject), nothing is resolved.
 */

import type { Kind } from './kinds.js';
import type { Name } from './names.js';
import type { DateSpan } from './dates.js';

/** An earlier mention, and what the frames made of its sentence. */
interface Mention {
  readonly name: Name;
  /** The subject of its sentence's first frame or verb. */
  readonly subject: boolean;
}

/** Heads of descriptions, and the kinds of thing they can stand for. */
export const DESCRIPTION_KINDS: Readonly<Record<string, readonly Kind[]>> = {
  missile: ['weapon'], weapon: ['weapon'], rocket: ['weapon'], system: ['weapon'], submarine: ['weapon'], sub: ['weapon'],
  boat: ['weapon'], vessel: ['weapon'], design: ['weapon'], class: ['weapon'],
  envoy: ['person'], diplomat: ['person'], minister: ['person'], official: ['person'], president: ['person'], leader: ['person'],
  visitor: ['person'], guest: ['person'], host: ['person'], ayatollah: ['person'], cleric: ['person'], author: ['person'],
  scholar: ['person'], analyst: ['person'], man: ['person'], woman: ['person'],
  organization: ['organization'], organisation: ['organization'], firm: ['organization'], company: ['organization'],
  group: ['organization'], outfit: ['organization'], entity: ['organization'], broker: ['organization'], dealer: ['organization'],
  panel: ['organization'], agency: ['organization'], office: ['organization'],
  country: ['place'], nation: ['place'], state: ['place'], regime: ['place'], government: ['place'], capital: ['place'], city: ['place'],
};

/** Heads of descriptions of acts: "the talks", "the trip". */
export const OCCASION_HEADS: Readonly<Record<string, string>> = {
  talks: 'met', talk: 'met', meeting: 'met', reception: 'met', encounter: 'met', audience: 'met',
  trip: 'visited', visit: 'visited', journey: 'visited', tour: 'visited', stay: 'visited', voyage: 'visited',
};

const PERSONAL = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'herself']);
const IMPERSONAL = new Set(['it', 'its', 'itself']);
const PLURAL = new Set(['they', 'them', 'their', 'themselves']);

/** What one sentence contributed. */
interface Said<F> {
  readonly mentions: readonly Mention[];
  readonly groups: ReadonlyArray<readonly Name[]>;
  readonly occasions: readonly F[];
  readonly dates: readonly DateSpan[];
}

/** How many sentences back a reference may reach. */
const REACH = 3;

export class Discourse<F = unknown> {
  // Only the last few sentences are kept: a reference reaches no further, and a long block
  // costs each sentence the same.
  private readonly recent: Array<Said<F>> = [];
  private sentence = 0;

  /** Adds a sentence's names (its subject marked), coordinated groups, acts and dates. */
  add(names: readonly Name[], subject: Name | undefined, groups: ReadonlyArray<readonly Name[]>, occasions: readonly F[], dates: readonly DateSpan[]): void {
    const mentions = names.filter((n) => n.entity && n.demonymOf === undefined).map((n) => ({ name: n, subject: n === subject }));
    this.recent.push({ mentions, groups, occasions, dates });
    if (this.recent.length > REACH) this.recent.shift();
    this.sentence++;
  }

  /** What the sentence `back` sentences before the current one said (1 is the one before). */
  private before(back: number): Said<F> | undefined {
    return this.recent[this.recent.length - back];
  }

  get empty(): boolean {
    return this.sentence === 0;
  }

  /** What a pronoun stands for: "he", "his" a person; "it", "its" a thing; "they" a group's last member is not enough. */
  pronoun(word: string): Name | undefined {
    if (PERSONAL.has(word)) return this.latest((n) => n.kinds.has('person'));
    if (IMPERSONAL.has(word)) return this.latest((n) => !n.kinds.has('person') && !n.kinds.has('office'));
    return undefined;
  }

  /** The names "they" or "the two organizations" stand for: the last group of that kind. */
  plural(word: string, kind: Kind | undefined, count: number | undefined): readonly Name[] | undefined {
    if (!PLURAL.has(word) && kind === undefined) return undefined;
    for (let back = 1; back <= 2; back++) {
      const groups = this.before(back)?.groups ?? [];
      for (let i = groups.length - 1; i >= 0; i--) {
        const g = groups[i]!;
        if (kind && !g.every((n) => n.kinds.has(kind))) continue;
        if (count !== undefined && g.length !== count) continue;
        return g;
      }
    }
    return undefined;
  }

  /**
   * What "the former" or "the latter" stands for: one of the last two things named together in
   * the sentence before ("the Shahab-3 and the Ghadir"), or of its only two names.
   */
  pairMember(which: 'former' | 'latter'): Name | undefined {
    const said = this.before(1);
    if (!said) return undefined;
    const pair = [...said.groups].reverse().find((g) => g.length === 2) ?? distinctPair(said.mentions.map((m) => m.name));
    return pair && (which === 'former' ? pair[0] : pair[1]);
  }

  /** What a definite description stands for ("the missile"), by its head noun. */
  description(head: string): Name | undefined {
    const kinds = DESCRIPTION_KINDS[head];
    if (!kinds) return undefined;
    return this.latest((n) => kinds.some((k) => n.kinds.has(k)));
  }

  /** The act "the talks" or "the trip" stands for: the last described act of that kind. */
  occasion(head: string, predicateOf: (f: F) => string): F | undefined {
    const predicate = OCCASION_HEADS[head];
    if (!predicate) return undefined;
    for (let back = 1; back <= REACH; back++) {
      const occasions = this.before(back)?.occasions ?? [];
      for (let i = occasions.length - 1; i >= 0; i--) if (predicateOf(occasions[i]!) === predicate) return occasions[i];
    }
    return undefined;
  }

  /** The one act the sentence before described, if it described one. */
  lastOccasion(): F | undefined {
    const previous = this.before(1)?.occasions ?? [];
    return previous.length === 1 ? previous[0] : undefined;
  }

  /** The date of the sentence before, when it gave one: "At the time", "That month". */
  lastDate(): DateSpan | undefined {
    const previous = this.before(1)?.dates ?? [];
    return previous.length === 1 ? previous[0] : undefined;
  }

  /**
   * The nearest earlier mention that fits: in the most recent sentence with a fitting mention,
   * its subject if that fits, else its only fitting mention. Two fitting mentions and neither
   * the subject: nothing.
   */
  private latest(fits: (n: Name) => boolean): Name | undefined {
    for (let back = 1; back <= REACH; back++) {
      const here = (this.before(back)?.mentions ?? []).filter((m) => fits(m.name));
      if (here.length === 0) continue;
      const subject = here.find((m) => m.subject);
      if (subject) return subject.name;
      const distinct = new Set(here.map((m) => m.name.entity));
      return distinct.size === 1 ? here[here.length - 1]!.name : undefined;
    }
    return undefined;
  }
}

/** The two names of a sentence that names exactly two things, of a kind, in order. */
function distinctPair(names: readonly Name[]): readonly Name[] | undefined {
  const out: Name[] = [];
  for (const n of names) if (!out.some((o) => o.entity === n.entity)) out.push(n);
  return out.length === 2 && [...out[0]!.kinds].some((k) => out[1]!.kinds.has(k)) ? out : undefined;
}
