/**
 * The typed fact base: what the loader returns and the checks read. Everything here is plain,
 * immutable data; the indexes live in `FactBase` (factbase.ts).
 */

import type { FuzzyDate } from './dates.js';
import type { Predicate } from './predicates.js';

/** Where an item of a fact file is: UTF-16 offsets into the file's text, and 1-based line and column of the start. */
export interface Origin {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/** One fact file's text, as the caller read it; the engine never touches the disk. */
export interface FactFile {
  readonly path: string;
  readonly text: string;
  /**
   * The fact base (layer) the file belongs to, usually the folder it was read from. Within one
   * base an id is defined once; across bases the same id is the same entity, and their
   * definitions merge. Files without one all belong to one base.
   */
  readonly base?: string;
}

export type Severity = 'error' | 'warning';

/** A problem found while loading a fact base, located in the file that holds it. */
export interface FactBaseProblem extends Origin {
  readonly severity: Severity;
  /** Stable, e.g. `yaml-syntax`, `schema`, `duplicate-id`, `unknown-reference`. */
  readonly code: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** A CSL-JSON name. */
export interface CslName {
  readonly family?: string;
  readonly given?: string;
  readonly 'dropping-particle'?: string;
  readonly 'non-dropping-particle'?: string;
  readonly suffix?: string;
  readonly literal?: string;
}

export interface CslDate {
  readonly 'date-parts'?: readonly (readonly number[])[];
  readonly literal?: string;
  readonly raw?: string;
  readonly season?: number | string;
  readonly circa?: boolean | string | number;
}

/**
 * A source as a CSL-JSON item. The fields Factcheck itself reads are typed; the rest of what
 * CSL-JSON defines (and the schema allows) is kept as given, for citation-js to format.
 */
export interface Source {
  readonly id: string;
  readonly type: string;
  /** Left out when it is not known. */
  readonly title?: string;
  readonly author?: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly 'container-title'?: string;
  readonly 'collection-title'?: string;
  readonly publisher?: string;
  readonly 'publisher-place'?: string;
  readonly number?: string | number;
  readonly volume?: string | number;
  readonly issue?: string | number;
  readonly section?: string;
  readonly page?: string | number;
  readonly URL?: string;
  readonly DOI?: string;
  readonly issued?: CslDate;
  readonly accessed?: CslDate;
  readonly note?: string;
  readonly origin: Origin;
  readonly [csl: string]: unknown;
}

export interface Reference {
  readonly source: string;
  readonly locator?: string;
}

export interface Entity {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly demonyms: readonly string[];
  readonly description: string;
  /** Descriptions other bases give of the same entity, in load order, each different from the first. */
  readonly alsoDescribed?: readonly string[];
  /** What a reader of the fact base should know; not shown as a fact. */
  readonly note?: string;
  readonly references: readonly Reference[];
  /** Where it is first defined. */
  readonly origin: Origin;
  /** Every definition of it (in several bases, or mapped to it with `same-as`), first first. */
  readonly origins: readonly Origin[];
}

export type Bound = 'exact' | 'approximate' | 'more-than' | 'at-least' | 'less-than' | 'at-most';

export interface Quantity {
  readonly amount: number;
  readonly unit?: string;
  readonly bound: Bound;
}

/** The value of a statement: exactly one of these. */
export type StatementValue =
  | { readonly kind: 'entity'; readonly id: string }
  | { readonly kind: 'statement'; readonly id: string }
  | { readonly kind: 'quantity'; readonly quantity: Quantity }
  | { readonly kind: 'date'; readonly date: FuzzyDate }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'none' };

export type Certainty = 'stated' | 'assessed' | 'reported';

export interface Qualifiers {
  readonly pointInTime?: FuzzyDate;
  readonly start?: FuzzyDate;
  readonly end?: FuzzyDate;
  readonly asOf?: FuzzyDate;
  readonly location?: string;
  readonly with: readonly string[];
  readonly of?: string;
  readonly item?: string;
  readonly relation?: 'version-of' | 'copy-of' | 'based-on' | 'variant-of';
  readonly certainty: Certainty;
  readonly in?: string;
  readonly rank?: string;
  /** For employer: the position ("diplomat", "director"). */
  readonly role?: string;
  /** Events this happened during. */
  readonly during?: readonly string[];
  /** Wordings that restate the statement, and wordings that contradict it. */
  readonly supports?: readonly string[];
  readonly contradicts?: readonly string[];
  /** Events this happened after, and before: their order when dates are not known. */
  readonly after?: readonly string[];
  readonly before?: readonly string[];
}

/**
 * A statement whose sources disagree is loaded as one statement per value (`<id>#1`, `<id>#2`...),
 * each with its own references; each knows the others through its dispute.
 */
export interface Dispute {
  /** The id of the statement as written in its fact file. */
  readonly id: string;
  /** The ids of its values' statements, in the order written. */
  readonly values: readonly string[];
}

export interface Statement {
  readonly id: string;
  readonly subject: string;
  readonly predicate: Predicate;
  readonly value: StatementValue;
  readonly qualifiers: Qualifiers;
  readonly note?: string;
  readonly references: readonly Reference[];
  readonly origin: Origin;
  /** Set when sources disagree on this statement: this is one of its values. */
  readonly dispute?: Dispute;
}

export interface Quotation {
  readonly id: string;
  readonly speaker: string;
  readonly text: string;
  readonly mode: 'said' | 'wrote';
  readonly occasion?: string;
  readonly date?: FuzzyDate;
  readonly in?: string;
  readonly note?: string;
  readonly references: readonly Reference[];
  readonly origin: Origin;
}
