/**
 * The loaded fact base and its lookup indexes. Built once per load; the checks only read it.
 */

import type { Entity, Quotation, Source, Statement } from './types.js';
import type { Predicate } from './predicates.js';

export class FactBase {
  readonly sources: ReadonlyMap<string, Source>;
  readonly entities: ReadonlyMap<string, Entity>;
  readonly statements: ReadonlyMap<string, Statement>;
  readonly quotations: ReadonlyMap<string, Quotation>;
  /** The files the base was loaded from, in load order. */
  readonly files: readonly string[];

  private readonly bySubject = new Map<string, Statement[]>();
  private readonly byObject = new Map<string, Statement[]>();
  private readonly reports = new Map<string, Statement[]>();
  private readonly byParticipant = new Map<string, Statement[]>();
  private readonly bySpeaker = new Map<string, Quotation[]>();
  // What some checks walk once per base (the countries' demonyms, the offices, the counts): kept
  // by type and by predicate, so that a base of a million facts is not walked whole for them.
  private readonly byType = new Map<string, Entity[]>();
  private readonly byPredicate = new Map<Predicate, Statement[]>();
  // Every sentence asks for an entity's statements of one predicate, many times over: each list is
  // split by predicate once, on first asking (lazily, so a base of a million facts pays only for
  // the entities drafts name).
  private readonly bySubjectPredicate = new Map<string, Map<Predicate, Statement[]>>();
  private readonly byObjectPredicate = new Map<string, Map<Predicate, Statement[]>>();
  /** The bases with one value of a dispute chosen, made on first asking. */
  private readonly chosen = new Map<string, FactBase>();

  constructor(sources: readonly Source[], entities: readonly Entity[], statements: readonly Statement[], quotations: readonly Quotation[], files: readonly string[]) {
    this.sources = new Map(sources.map((s) => [s.id, s]));
    this.entities = new Map(entities.map((e) => [e.id, e]));
    this.statements = new Map(statements.map((s) => [s.id, s]));
    this.quotations = new Map(quotations.map((q) => [q.id, q]));
    this.files = files;
    for (const e of entities) push(this.byType, e.type, e);
    for (const s of statements) {
      push(this.bySubject, s.subject, s);
      push(this.byPredicate, s.predicate, s);
      if (s.value.kind === 'entity') push(this.byObject, s.value.id, s);
      if (s.value.kind === 'statement') push(this.reports, s.value.id, s);
      for (const w of s.qualifiers.with) push(this.byParticipant, w, s);
    }
    for (const q of quotations) push(this.bySpeaker, q.speaker, q);
  }

  /** An empty base, for a check run with nothing loaded. */
  static empty(): FactBase {
    return new FactBase([], [], [], [], []);
  }

  /** Statements about `subject`, optionally only those with `predicate`. */
  about(subject: string, predicate?: Predicate): readonly Statement[] {
    return predicate ? byPredicate(this.bySubject, this.bySubjectPredicate, subject, predicate) : (this.bySubject.get(subject) ?? NONE);
  }

  /** Statements whose object is the entity `object`, optionally only those with `predicate`. */
  pointingTo(object: string, predicate?: Predicate): readonly Statement[] {
    return predicate ? byPredicate(this.byObject, this.byObjectPredicate, object, predicate) : (this.byObject.get(object) ?? NONE);
  }

  /** The entities of one type ('country', 'office'...), in load order. */
  ofType(type: string): readonly Entity[] {
    return this.byType.get(type) ?? [];
  }

  /** The statements with one predicate, in load order. */
  withPredicate(predicate: Predicate): readonly Statement[] {
    return this.byPredicate.get(predicate) ?? NONE;
  }

  /** Statements that involve `entity` as one of their `with` participants. */
  involving(entity: string): readonly Statement[] {
    return this.byParticipant.get(entity) ?? [];
  }

  /** The `reported` statements that attribute `statementId` to someone. */
  attributionsOf(statementId: string): readonly Statement[] {
    return this.reports.get(statementId) ?? [];
  }

  /** Recorded quotations of `speaker`. */
  quotationsOf(speaker: string): readonly Quotation[] {
    return this.bySpeaker.get(speaker) ?? [];
  }

  /**
   * This base as it would be if the sources agreed on `value` (one value of a disputed
   * statement): the dispute's other values are left out of every lookup by subject, object and
   * participant. A statement that is not disputed gives this base itself.
   */
  choosing(value: string): FactBase {
    const dispute = this.statements.get(value)?.dispute;
    if (!dispute) return this;
    let view = this.chosen.get(value);
    if (!view) {
      const hidden = new Set(dispute.values.filter((v) => v !== value));
      const keep = (list: readonly Statement[]) => (list.some((s) => hidden.has(s.id)) ? list.filter((s) => !hidden.has(s.id)) : list);
      // The view shares everything with this base and filters only what lists statements.
      const base = Object.create(this) as FactBase;
      Object.assign(base, {
        about: (subject: string, predicate?: Predicate) => keep(this.about(subject, predicate)),
        pointingTo: (object: string, predicate?: Predicate) => keep(this.pointingTo(object, predicate)),
        involving: (entity: string) => keep(this.involving(entity)),
        withPredicate: (predicate: Predicate) => keep(this.withPredicate(predicate)),
        choosing: (other: string) => (other === value ? base : this.choosing(other)),
      });
      view = base;
      this.chosen.set(value, view);
    }
    return view;
  }

  /**
   * This base with one statement more, for asking what the checks would say if it were recorded
   * ("Add to fact base…" offers only statements that make the draft's claim judged). A view: the
   * base itself is not copied.
   */
  adding(statement: Statement): FactBase {
    const base = Object.create(this) as FactBase;
    const also = (list: readonly Statement[], fits: boolean) => (fits ? [...list, statement] : list);
    const object = statement.value.kind === 'entity' ? statement.value.id : undefined;
    Object.assign(base, {
      statements: new WithOne(this.statements, statement.id, statement),
      about: (subject: string, predicate?: Predicate) => also(this.about(subject, predicate), subject === statement.subject && (!predicate || predicate === statement.predicate)),
      pointingTo: (id: string, predicate?: Predicate) => also(this.pointingTo(id, predicate), id === object && (!predicate || predicate === statement.predicate)),
      involving: (entity: string) => also(this.involving(entity), statement.qualifiers.with.includes(entity)),
      withPredicate: (predicate: Predicate) => also(this.withPredicate(predicate), predicate === statement.predicate),
      choosing: (value: string) => (this.statements.get(value)?.dispute ? this.choosing(value).adding(statement) : base),
    });
    return base;
  }

  /** Size at a glance, for status bars and the coverage report. */
  get size(): { sources: number; entities: number; statements: number; quotations: number } {
    return { sources: this.sources.size, entities: this.entities.size, statements: this.statements.size, quotations: this.quotations.size };
  }
}

/** A map with one entry more than another, without copying it. */
class WithOne<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly rest: ReadonlyMap<string, V>,
    private readonly key: string,
    private readonly value: V,
  ) {}

  get size(): number {
    return this.rest.size + (this.rest.has(this.key) ? 0 : 1);
  }

  get(key: string): V | undefined {
    return key === this.key ? this.value : this.rest.get(key);
  }

  has(key: string): boolean {
    return key === this.key || this.rest.has(key);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this) callback(v, k, this);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [k, v] of this.rest) if (k !== this.key) yield [k, v];
    yield [this.key, this.value];
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

const NONE: readonly Statement[] = [];

/** The statements of `key` with `predicate`, split from `all` the first time `key` is asked for. */
function byPredicate(all: ReadonlyMap<string, readonly Statement[]>, split: Map<string, Map<Predicate, Statement[]>>, key: string, predicate: Predicate): readonly Statement[] {
  let lists = split.get(key);
  if (!lists) {
    lists = new Map();
    for (const s of all.get(key) ?? NONE) push(lists, s.predicate, s);
    split.set(key, lists);
  }
  return lists.get(predicate) ?? NONE;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "Oba, IranSource, paragraph 7": who, where, and the locators the facts cite. */
export function sourceLabel(base: FactBase, sourceId: string, facts: readonly string[]): string {
  const source = base.sources.get(sourceId);
  if (!source) return sourceId;
  const who = source.author?.[0]?.family ?? source.author?.[0]?.literal;
  const where = source['container-title'] ?? source.publisher ?? source.title;
  const locators: string[] = [];
  for (const id of facts) {
    const item = base.statements.get(id) ?? base.quotations.get(id);
    for (const ref of item?.references ?? []) if (ref.source === sourceId && ref.locator && !locators.includes(ref.locator)) locators.push(ref.locator);
  }
  return [who, where, locators.join(', ')].filter(Boolean).join(', ');
}

/** What to call a source where its title is wanted: the title, or what is known of it when the title is not. */
export function sourceTitle(source: Source): string {
  return source.title ?? source['container-title'] ?? source.publisher ?? source.id;
}
