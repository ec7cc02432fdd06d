/**
 * A sentence as checks see it: its words, the entity mentions in it, and helpers for the
 * questions every check asks (what lies between two mentions, is that stretch negated or
 * hedged). Indices are into the block text, so judgements map straight back to the document.
 */

import type { Mention } from '../entities/matcher.js';
import type { Token } from '../text/tokens.js';

export interface SentenceView {
  /** The whole block's text. */
  readonly text: string;
  /** This sentence's range in `text`. */
  readonly start: number;
  readonly end: number;
  /** Tokens of this sentence (indices into `text`). */
  readonly tokens: readonly Token[];
  /** Unambiguous entity mentions of this sentence, in order. */
  readonly mentions: readonly ResolvedMention[];
}

export interface ResolvedMention extends Mention {
  /** The one entity this mention names. */
  readonly entity: string;
}

/** Words that turn a claim around. "no" is absent on purpose: "no longer" and "No-dong" are not denials. */
const NEGATIONS = /\b(?:not|never|neither|nor|nothing|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|doesn['’]t|didn['’]t|hasn['’]t|hadn['’]t|cannot|can['’]t|won['’]t|no\s+longer)\b/i;

/**
 * Words that soften a claim without changing what it says. Attribution ("according to", "X
 * reported") is not a hedge: it says who stands behind the claim, and the attribution check
 * judges it.
 */
const HEDGES = /\b(?:reportedly|allegedly|apparently|appears?\s+to|appeared\s+to|seems?\s+to|seemed\s+to|(?:is|are|was|were)\s+(?:said|reported|believed|thought)\s+to|likely|probably|possibly|may|might|could|effectively|suspected)\b/i;

/** The text of `view.text` between two indices, with spaces folded. */
export function between(view: SentenceView, from: number, to: number): string {
  return view.text.slice(from, to).replace(/\s+/g, ' ');
}

/** Whether the stretch [from, to) of the sentence denies what it says. */
export function negated(view: SentenceView, from: number, to: number): boolean {
  return NEGATIONS.test(view.text.slice(from, to));
}

/** Whether the stretch [from, to) or the sentence before it hedges the claim. */
export function hedged(view: SentenceView, from: number, to: number): boolean {
  return HEDGES.test(view.text.slice(view.start, to)) || HEDGES.test(view.text.slice(from, to));
}

/** The mentions of entities of the given types, in order. */
export function mentionsOf(view: SentenceView, types: readonly string[], typeOf: (id: string) => string | undefined): ResolvedMention[] {
  return view.mentions.filter((m) => types.includes(typeOf(m.entity) ?? ''));
}
