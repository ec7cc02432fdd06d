/**
 * Quotations: words a draft puts in quotation marks, checked against the base's recorded
 * quotations for wording and for who said them.
 *
 * Recognises a quoted stretch in straight ("…") or curly (“…”) double quotes, or curly single
 * quotes (‘…’) outside double quotes. Quote marks are paired over the whole block, so a quotation
 * that the sentence splitter cut in two ("…in turn… You have proved…”") is still seen from each
 * sentence, and each sentence judges the part that lies inside it. An ellipsis or a bracketed
 * editorial insertion splits a quotation into fragments, each matched on its own; a bracket that
 * only changes a letter ("[t]hen") is read through.
 *
 * A fragment of four or more words matches a recorded quotation when a word alignment (edit
 * distance with free ends on the recorded side, since drafts quote parts) finds at least 60% of
 * its content words, in order. A shorter fragment (a scare quote such as "extremely active")
 * matches only as an exact run of a recorded quotation's words. Case, punctuation, quote style
 * and whitespace never count as differences. Candidate quotations come from an inverted index of
 * their rarer words, built once per fact base, so the cost does not grow with the base.
 *
 * Words the draft quotes beyond either end of a recorded quotation are not differences: the base
 * holds only what its source quoted, so the speaker may well have said more. Everything else that
 * differs (a changed, added or dropped word) refutes the fragment, and the fix is the recorded
 * wording of exactly the part the draft quoted.
 *
 * The speaker is the subject of the nearest frame of saying outside the quotation marks: "X
 * said", "said X", "X, the supreme leader, declared", "according to X", "in the words of X",
 * "X's words", "X:", or "X told reporters that “…”". A recorded quotation has one speaker: any
 * other speaker refutes the name, whether the base knows that speaker or not ("Kim Il Sung told
 * his guest"). "X never said “…”" of X's
 * recorded words is refuted as a denial; a denial about anyone else, or of different words, is
 * left alone. Quotations the base does not record yield nothing: most quotations in drafts are of
 * things the base does not know.
 */

import type { FactBase } from '../factbase/factbase.js';
import type { Quotation } from '../factbase/types.js';
import { tokenize, type Token } from '../text/tokens.js';
import { affirmation } from '../claims/affirm.js';
import type { Check, Judgement, Sentence } from './types.js';
import type { Name } from '../reading/names.js';
import type { QuoteSpan } from '../reading/quotes.js';

/** Words an ellipsis or a bracketed insertion leaves out, and brackets that only change a letter. */
const SEPARATOR = /…|\.\s?\.\s?\.|\[(?!sic\])[^\]]*\]/gi;

/** Function words: they do not decide whether a quotation matches, but they do count as changes. */
const STOPWORDS = new Set(
  'a an the of in on at to for from by with as and or but nor if then so that this these those it its is are was were be been being am have has had do does did will would shall should can could may might must s t not no we you they them our your their us he she him his her i me my who whom which what when where why how there here than too very all any both each'.split(' '),
);

export const quotation: Check = {
  code: 'quotation',
  description: 'Quotations: the wording of quoted words against the recorded quotation, and the speaker they are attributed to.',
  run(view, base) {
    const index = indexOf(base);
    if (index.quotes.length === 0) return [];
    const spans = view.quotes;
    const out: Judgement[] = [];
    const refutedSpeakers = new Set<number>();
    for (const span of spans) {
      const from = Math.max(span.open + 1, view.start);
      const to = Math.min(span.close, view.end);
      if (from >= to) continue;
      const fragments = fragmentsOf(view.text, from, to);
      const speaker = findSpeaker(view, span, spans);
      const matches: Match[] = [];
      for (const fragment of fragments) {
        const m = matchFragment(view.text, index, fragment, speaker?.name.entity);
        if (m) matches.push(m);
      }
      if (matches.length === 0) continue;
      const soft = speaker?.hedged ?? false;
      if (speaker) {
        const denied = speaker.denial;
        // Words loosely like another speaker's recorded words are more likely a different quotation.
        const wrong = matches.find((m) => m.quote.speaker !== speaker.name.entity && m.strong);
        if (denied) {
          // "Khamenei never said “…”": refuted only when the base records exactly these words (a
          // real quotation, not a scare quote) as his.
          if (!wrong && speaker.name.entity && matches.every((m) => m.hunks.length === 0 && m.words >= 4)) {
            const { start, end } = denied;
            out.push({
              verdict: 'refuted', start, end, facts: matches.map((m) => m.quote.id), hedged: soft, ...affirmation(view.text.slice(start, end)),
              message: `The draft denies that ${nameOf(base, speaker.name.entity)} ${verbOf(matches[0]!.quote)} these words; the fact base records them as ${verbOf(matches[0]!.quote, true)} by ${nameOf(base, speaker.name.entity)}.`,
            });
          }
          continue;
        }
        if (wrong && !refutedSpeakers.has(speaker.name.start)) {
          refutedSpeakers.add(speaker.name.start);
          const written = speaker.name.text;
          const afterThe = view.words[speaker.name.first - 1]?.norm === 'the';
          out.push({
            verdict: 'refuted', start: speaker.name.start, end: speaker.name.end, facts: [wrong.quote.id], hedged: soft,
            replacement: speakerName(base, wrong.quote.speaker, written, afterThe),
            message: `The draft attributes these words to ${written}; the fact base records them as ${verbOf(wrong.quote, true)} by ${nameOf(base, wrong.quote.speaker)}.`,
          });
        }
      }
      const attributedWrongly = speaker !== undefined && matches.some((m) => m.quote.speaker !== speaker.name.entity);
      for (const m of matches) {
        if (attributedWrongly && !m.strong) continue;
        if (m.hunks.length > 0) {
          out.push({
            verdict: 'refuted', start: m.start, end: m.end, facts: [m.quote.id], hedged: soft,
            replacement: m.recorded,
            message: `The quotation differs from the recorded words of ${nameOf(base, m.quote.speaker)}: ${m.hunks.join('; ')}.`,
          });
        } else if (!attributedWrongly) {
          out.push({ verdict: 'supported', start: m.start, end: m.end, facts: [m.quote.id] });
        }
      }
    }
    return out;
  },
};

// ---------------------------------------------------------------------------------------------
// The index of recorded quotations.

interface IndexedQuote {
  readonly quote: Quotation;
  readonly tokens: readonly Token[];
  readonly words: readonly string[];
}

interface QuoteIndex {
  readonly quotes: readonly IndexedQuote[];
  /** Content word to the indices of the quotations that hold it. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
}

const indexes = new WeakMap<FactBase, QuoteIndex>();

function indexOf(base: FactBase): QuoteIndex {
  let index = indexes.get(base);
  if (!index) {
    const quotes: IndexedQuote[] = [];
    const postings = new Map<string, number[]>();
    for (const quote of base.quotations.values()) {
      const tokens = tokenize(quote.text);
      const i = quotes.length;
      quotes.push({ quote, tokens, words: tokens.map((t) => t.norm) });
      for (const w of new Set(tokens.map((t) => t.norm))) {
        if (STOPWORDS.has(w)) continue;
        const list = postings.get(w);
        if (list) list.push(i);
        else postings.set(w, [i]);
      }
    }
    index = { quotes, postings };
    indexes.set(base, index);
  }
  return index;
}

/** Quotations sharing the most rare words with `words`, best first. */
function candidates(index: QuoteIndex, words: readonly string[]): number[] {
  // A word in more than a tenth of a large base tells the quotations apart poorly: skip it.
  const common = Math.max(20, index.quotes.length / 10);
  const hits = new Map<number, number>();
  for (const w of new Set(words)) {
    if (STOPWORDS.has(w)) continue;
    const list = index.postings.get(w);
    if (!list || list.length > common) continue;
    for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
  }
  return [...hits.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 8).map(([i]) => i);
}

// ---------------------------------------------------------------------------------------------
// Quote marks and fragments.

/** A quoted fragment's words: folded words and their ranges in the block text. */
interface Fragment {
  readonly words: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Each word's first letter as written, to keep the draft's capitalisation in a fix. */
  readonly initials: readonly string[];
}

/** The fragments of the quoted stretch [from, to): split at ellipses and bracketed insertions. */
function fragmentsOf(text: string, from: number, to: number): Fragment[] {
  const inner = text.slice(from, to);
  const parts: Array<[number, number]> = [];
  let at = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(inner); m; m = SEPARATOR.exec(inner)) {
    // "[t]hen" and "Korea[’s]" only adjust a word: read through them.
    const glued = m[0].startsWith('[') && /^\[\p{L}{1,3}\]$/u.test(m[0]) && (/\p{L}/u.test(inner[m.index + m[0].length] ?? '') || /\p{L}/u.test(inner[m.index - 1] ?? ''));
    if (glued) continue;
    parts.push([at, m.index]);
    at = m.index + m[0].length;
  }
  parts.push([at, inner.length]);
  const out: Fragment[] = [];
  for (const [a, b] of parts) {
    // Drop the glued brackets ("[t]hen" reads "then") and "[sic]", keeping a map back to the text.
    const map: number[] = [];
    let clean = '';
    const piece = inner.slice(a, b);
    const drop = new Set<number>();
    for (const g of piece.matchAll(/\[(\p{L}{1,3})\]/gu)) {
      drop.add(g.index);
      drop.add(g.index + g[0].length - 1);
    }
    for (const g of piece.matchAll(/\[sic\]/gi)) for (let k = 0; k < g[0].length; k++) drop.add(g.index + k);
    for (let k = 0; k < piece.length; k++) {
      if (drop.has(k)) continue;
      clean += piece[k];
      map.push(from + a + k);
    }
    const tokens = tokenize(clean);
    if (tokens.length === 0) continue;
    // A word that begins or ends inside a glued bracket ("[T]hen") starts or ends at the bracket.
    const starts = tokens.map((t) => map[t.start]!).map((i) => (text[i - 1] === '[' && i - 1 >= from ? i - 1 : i));
    const ends = tokens.map((t) => map[t.end - 1]! + 1).map((i) => (text[i] === ']' && i < to ? i + 1 : i));
    out.push({ words: tokens.map((t) => t.norm), starts, ends, initials: tokens.map((t) => clean[t.start]!) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matching a fragment to a recorded quotation.

type Op = { kind: 'eq' | 'sub'; d: number; r: number } | { kind: 'ins'; d: number } | { kind: 'del'; r: number };

interface Match {
  readonly quote: Quotation;
  /** The judged words in the block text (words quoted beyond the record's ends left out). */
  readonly start: number;
  readonly end: number;
  /** The recorded wording of the part the draft quoted. */
  readonly recorded: string;
  /** What differs, in words: `"hostility" where the source has "enmity"`. */
  readonly hunks: readonly string[];
  readonly cost: number;
  /** How many words the draft quotes (of the record), and how many of them are the recorded ones. */
  readonly words: number;
  readonly matched: number;
  /** Four in five of the quoted words are the recorded ones. */
  readonly strong: boolean;
}

function matchFragment(text: string, index: QuoteIndex, f: Fragment, preferred: string | undefined): Match | undefined {
  const content = f.words.filter((w) => !STOPWORDS.has(w)).length;
  if (f.words.length < 2 || content === 0) return undefined;
  let best: Match | undefined;
  for (const i of candidates(index, f.words)) {
    const q = index.quotes[i]!;
    const ops = align(f.words, q.words);
    const m = judgeAlignment(text, q, f, ops, content);
    if (!m) continue;
    const better =
      !best ||
      m.cost < best.cost ||
      (m.cost === best.cost && m.matched > best.matched) ||
      (m.cost === best.cost && m.matched === best.matched && m.quote.speaker === preferred && best.quote.speaker !== preferred);
    if (better) best = m;
  }
  return best;
}

/**
 * Aligns the draft's words to a recorded quotation by edit distance, free at both ends of the
 * recorded side (the draft may quote any part of it). Ties prefer a changed word over an added one.
 */
function align(draft: readonly string[], rec: readonly string[]): Op[] {
  const n = draft.length;
  const m = rec.length;
  const w = m + 1;
  // The table in one typed array, row by row: filled once per candidate quotation and sentence.
  const cost = new Int32Array((n + 1) * w);
  for (let i = 1; i <= n; i++) {
    const word = draft[i - 1];
    const row = i * w;
    const prev = row - w;
    cost[row] = i;
    for (let j = 1; j <= m; j++) cost[row + j] = Math.min(cost[prev + j - 1]! + (word === rec[j - 1] ? 0 : 1), cost[prev + j]! + 1, cost[row + j - 1]! + 1);
  }
  const last = n * w;
  let j = 0;
  let bestIns = Infinity;
  for (let k = 0; k <= m; k++) {
    if (cost[last + k]! > cost[last + j]!) continue;
    const ins = insertions(cost, w, draft, rec, n, k);
    if (cost[last + k]! < cost[last + j]! || ins < bestIns) {
      j = k;
      bestIns = ins;
    }
  }
  return trace(cost, w, draft, rec, n, j);
}

/** The step back from cell (i, j) that trace takes: 0 a match or change, 1 an added word, 2 a dropped one. */
function stepBack(cost: Int32Array, w: number, draft: readonly string[], rec: readonly string[], i: number, j: number): 0 | 1 | 2 {
  const here = cost[i * w + j]!;
  if (j > 0 && here === cost[(i - 1) * w + j - 1]! + (draft[i - 1] === rec[j - 1] ? 0 : 1)) return 0;
  if (here === cost[(i - 1) * w + j]! + 1) return 1;
  return 2;
}

/** How many words the draft adds on the path trace would take from (n, m). */
function insertions(cost: Int32Array, w: number, draft: readonly string[], rec: readonly string[], n: number, m: number): number {
  let count = 0;
  for (let i = n, j = m; i > 0; ) {
    const step = stepBack(cost, w, draft, rec, i, j);
    if (step === 0) {
      i--;
      j--;
    } else if (step === 1) {
      count++;
      i--;
    } else j--;
  }
  return count;
}

function trace(cost: Int32Array, w: number, draft: readonly string[], rec: readonly string[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let i = n;
  let j = m;
  while (i > 0) {
    const step = stepBack(cost, w, draft, rec, i, j);
    if (step === 0) {
      ops.push({ kind: draft[i - 1] === rec[j - 1] ? 'eq' : 'sub', d: i - 1, r: j - 1 });
      i--;
      j--;
    } else if (step === 1) {
      ops.push({ kind: 'ins', d: i - 1 });
      i--;
    } else {
      ops.push({ kind: 'del', r: j - 1 });
      j--;
    }
  }
  return ops.reverse();
}

/** Whether an alignment is a match, and if so what differs. */
function judgeAlignment(blockText: string, q: IndexedQuote, f: Fragment, all: readonly Op[], content: number): Match | undefined {
  const eq = all.filter((o) => o.kind === 'eq');
  if (eq.length === 0) return undefined;
  const firstEq = eq[0]!;
  const lastEq = eq[eq.length - 1]!;
  // Words quoted before the record's first word or after its last are beyond what the base knows.
  let lo = 0;
  let hi = all.length;
  if (firstEq.kind === 'eq' && firstEq.r === 0) lo = all.indexOf(firstEq);
  if (lastEq.kind === 'eq' && lastEq.r === q.words.length - 1) hi = all.indexOf(lastEq) + 1;
  const ops = all.slice(lo, hi);
  const draftIdx: number[] = [];
  const rIdx: number[] = [];
  for (const o of ops) {
    if (o.kind !== 'del') draftIdx.push(o.d);
    if (o.kind !== 'ins') rIdx.push(o.r);
  }
  const words = draftIdx.map((d) => f.words[d]!);
  const same = ops.filter((o) => o.kind === 'eq');
  const sameContent = same.filter((o) => o.kind !== 'del' && !STOPWORDS.has(f.words[o.d]!)).length;
  const cost = ops.length - same.length;
  if (words.length < 4) {
    // A short quotation must be an exact run of recorded words, with two content words at least.
    if (cost > 0 || words.filter((w) => !STOPWORDS.has(w)).length < 2) return undefined;
  } else if (same.length < 3 || sameContent < 2 || sameContent < 0.6 * content || same.length < 0.5 * words.length) {
    return undefined;
  }
  const text = q.quote.text;
  const recorded = rIdx.length ? text.slice(q.tokens[rIdx[0]!]!.start, q.tokens[rIdx[rIdx.length - 1]!]!.end) : '';
  const dFirst = draftIdx[0]!;
  const dLast = draftIdx[draftIdx.length - 1]!;
  return {
    quote: q.quote,
    start: f.starts[dFirst]!,
    end: f.ends[dLast]!,
    recorded: sameCase(recorded, f.initials[dFirst]!),
    hunks: hunks(blockText, ops, f, q),
    cost,
    words: words.length,
    matched: same.length,
    strong: same.length >= 0.8 * words.length,
  };
}

/** Runs of differing words, in words: `"hostility" where the source has "enmity"`, `adds "small"`, `leaves out "in turn"`. */
function hunks(text: string, ops: readonly Op[], f: Fragment, q: IndexedQuote): string[] {
  const out: string[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === 'eq') {
      k++;
      continue;
    }
    const d: number[] = [];
    const r: number[] = [];
    while (k < ops.length && ops[k]!.kind !== 'eq') {
      const o = ops[k]!;
      if (o.kind !== 'del') d.push(o.d);
      if (o.kind !== 'ins') r.push(o.r);
      k++;
    }
    const draftWords = d.length ? text.slice(f.starts[d[0]!]!, f.ends[d[d.length - 1]!]!) : '';
    const recWords = r.length ? q.quote.text.slice(q.tokens[r[0]!]!.start, q.tokens[r[r.length - 1]!]!.end) : '';
    if (d.length && r.length) out.push(`"${draftWords}" where the source has "${recWords}"`);
    else if (d.length) out.push(`adds "${draftWords}"`);
    else out.push(`leaves out "${recWords}"`);
  }
  // The same change made twice is said once.
  const counts = new Map<string, number>();
  for (const h of out) counts.set(h, (counts.get(h) ?? 0) + 1);
  return [...counts].map(([h, n]) => (n > 1 ? `${h} (${n} times)` : h));
}

// ---------------------------------------------------------------------------------------------
// The speaker.

interface Speaker {
  readonly name: Name;
  readonly distance: number;
  /** "never said": the words of the denial. */
  readonly denial?: { readonly start: number; readonly end: number };
  /** "reportedly said": the attribution is softened (words inside the quotation do not count). */
  readonly hedged: boolean;
}

/** Kinds of thing that can say or write something. */
const SPEAKER_KINDS = ['person', 'organization'] as const;

/**
 * The speaker the sentence names for the quotation, if any: the subject of the nearest frame of
 * saying outside the quotation marks ("Khamenei said", "“…,” said Khamenei", "according to the
 * UN panel", "Khamenei's words", "Kim Il Sung greeted his guest with a warning: “…”"), whether
 * the base knows the speaker or not.
 */
function findSpeaker(r: Sentence, span: QuoteSpan, spans: readonly QuoteSpan[]): Speaker | undefined {
  const inQuote = (a: number, b: number) => spans.some((s) => a > s.open && b <= s.close);
  const quoteBetween = (a: number, b: number) => spans.some((s) => s !== span && s.open >= a && s.open < b);
  let best: Speaker | undefined;
  for (const m of r.frames) {
    if (m.frame.predicate !== 'reported' || !m.subject?.name) continue;
    const name = m.subject.name;
    if (name.demonymOf !== undefined || !SPEAKER_KINDS.some((k) => name.kinds.has(k))) continue;
    if (inQuote(name.start, name.end) || inQuote(m.triggerStart, m.triggerEnd)) continue;
    const near = Math.min(name.start, m.triggerStart);
    const far = Math.max(name.end, m.triggerEnd);
    let distance: number;
    if (far <= span.open && span.open >= r.start) {
      if (quoteBetween(far, span.open) || r.text.slice(far, span.open).includes(';')) continue;
      distance = span.open - far;
    } else if (near >= span.close && span.close < r.end) {
      if (quoteBetween(span.close, near)) continue;
      distance = near - span.close;
    } else continue;
    if (distance > 120) continue;
    if (!best || distance < best.distance) {
      best = {
        name,
        distance,
        ...(m.negation && m.verb && { denial: { start: m.verb.start, end: m.verb.end } }),
        hedged: m.hedge !== undefined && !inQuote(m.hedge.start, m.hedge.end),
      };
    }
  }
  // "Khamenei: “…”": a name right before a colon that opens the quotation.
  if (!best && span.open >= r.start) {
    const colon = r.wordAt(span.open - 2) ?? r.words.find((w) => w.end <= span.open && span.open - w.end <= 2 && w.text === ':');
    if (colon?.text === ':') {
      const name = r.names.find((n) => n.end === colon.start || n.end + 1 === colon.start);
      if (name && !name.demonymOf) best = { name, distance: 1, hedged: false };
    }
  }
  // "“…” — Khamenei": a dash after the closing mark and the name after it, as an epigraph or a
  // block quotation credits its speaker.
  if (!best && span.close < r.end) {
    const dash = r.words.find((w) => w.start > span.close);
    if (dash && DASHES.has(dash.text) && !r.text.slice(span.close + 1, dash.start).trim()) {
      const name = r.names.find((n) => n.first === dash.i + 1);
      if (name && !name.demonymOf && SPEAKER_KINDS.some((k) => name.kinds.has(k))) best = { name, distance: 1, hedged: false };
    }
  }
  return best;
}

const DASHES = new Set(['—', '–', '―', '--']);

// ---------------------------------------------------------------------------------------------
// Words for messages and fixes.

function nameOf(base: FactBase, id: string): string {
  return base.entities.get(id)?.name ?? id;
}

/** The recorded words with the draft's capital or small first letter ("…said that “if big countries…”"). */
function sameCase(recorded: string, initial: string): string {
  const first = recorded[0] ?? '';
  const upper = initial !== initial.toLowerCase();
  const lower = initial !== initial.toUpperCase();
  if (upper) return first.toUpperCase() + recorded.slice(1);
  // Lower only a word that is not a name: "If" becomes "if", "Pyongyang" stays.
  if (lower && /^\p{Lu}\p{Ll}*$/u.test(/^\S+/u.exec(recorded)?.[0] ?? '') && STOPWORDS.has(/^\p{L}+/u.exec(recorded)?.[0]?.toLowerCase() ?? '')) return first.toLowerCase() + recorded.slice(1);
  return recorded;
}

/** "said" or "wrote"; with `participle`, "said" or "written". */
function verbOf(q: Quotation, participle = false): string {
  if (q.mode === 'wrote') return participle ? 'written' : 'wrote';
  return 'said';
}

/**
 * The right speaker's name in the draft's style: a surname for a surname ("Rouhani" → "Khamenei"),
 * and "the" before a descriptive name ("the UN panel of experts") unless the draft has one.
 */
function speakerName(base: FactBase, id: string, written: string, afterThe: boolean): string {
  const e = base.entities.get(id);
  if (!e) return id;
  if (e.type !== 'person' && !afterThe && /\s\p{Ll}/u.test(e.name)) return `the ${e.name}`;
  if (tokenize(written).length === 1 && e.type === 'person') {
    const surname = tokenize(e.name).at(-1);
    const alias = e.aliases.find((a) => surname && tokenize(a).length === 1 && tokenize(a)[0]!.norm === surname.norm);
    if (alias) return alias;
  }
  return e.name;
}
