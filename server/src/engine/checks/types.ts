/**
 * What a check is and what it returns. A check is one small module with a stable code, like an
 * eslint rule: it reads one sentence (its reading and the frames it evokes) and the fact base,
 * and returns judgements of the claims it recognises. It knows nothing of Markdown, documents,
 * editors or fixes: the engine turns judgements into findings, claims and text edits.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { FrameMatch } from '../frames/match.js';
import type { DateSpan } from '../reading/dates.js';
import type { Name } from '../reading/names.js';
import type { NounPhrase } from '../reading/phrases.js';
import type { Reading } from '../reading/reading.js';

/** What a check reads: one sentence's reading and the frames it evokes. */
export interface Sentence extends Reading {
  readonly frames: readonly FrameMatch[];
  /**
   * What pronouns and bare descriptions stand for beyond the sentence ("The missile" after a
   * sentence about the Shahab-3), from frames/context.ts. A phrase that names something itself
   * is not in it.
   */
  readonly referents: ReadonlyMap<NounPhrase, readonly Name[]>;
  /** The time a sentence with no date of its own points back to: "At the time, he was ...". */
  readonly time?: DateSpan;
  /** The earlier act the sentence points back to: "He made the journey as ...", "At the time ...". */
  readonly act?: FrameMatch;
}

/**
 * `unconfirmed`: the draft's value differs from every recorded one, but the claim is about an
 * event that can happen more than once and the draft does not say it means the recorded one
 * ("the base records a meeting in August 2018, not one in September 2016"). It is reported as
 * information, never as an error.
 *
 * `disputed`: the sources disagree (a statement with competing values), and the draft agrees
 * with one and not another. Checks never return it; judge/disputes.ts does, for any check. It
 * is reported as information naming both values and their sources.
 */
export type Verdict = 'supported' | 'refuted' | 'unconfirmed' | 'disputed';

/** One recognised claim and what the fact base says of it. Indices are into the block text. */
export interface Judgement {
  readonly verdict: Verdict;
  /** The words the claim rests on: for a refuted claim, the wrong words. */
  readonly start: number;
  readonly end: number;
  /** Statement and quotation ids that decided the verdict. */
  readonly facts: readonly string[];
  /** For a refuted claim: what the draft says and what the base says instead, without the source (the engine adds it). */
  readonly message?: string;
  /** For a refuted claim: the text that would make [start, end) right, if there is one. */
  readonly replacement?: string;
  /** The message names the sources of what it says itself, so the engine adds none. */
  readonly namesSources?: boolean;
  /** The claim is hedged ("reportedly", "appears to"); a refuted hedged claim is reported less severely. */
  readonly hedged?: boolean;
}

export interface Check {
  /** Stable code, shown with every finding and used in suppression comments and settings. */
  readonly code: string;
  /** One sentence for the documentation: what claims the check recognises. */
  readonly description: string;
  run(sentence: Sentence, base: FactBase): Judgement[];
}
