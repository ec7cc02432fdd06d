/**
 * Finds mentions of fact-base entities in prose in one pass whose cost does not grow with the
 * number of entities: names are stored in a trie over folded tokens (a dictionary automaton over
 * words), and from each token the walk follows the trie only as far as the text matches, which
 * is bounded by the longest name. Leftmost-longest matches win; a name shared by two entities
 * yields an ambiguous mention that checks ignore.
 */

import type { FactBase } from '../factbase/factbase.js';
import { tokenize, type Token } from '../text/tokens.js';

export type MentionKind = 'name' | 'demonym';

export interface Mention {
  /** The entities this mention may be; more than one means it is ambiguous. */
  readonly entities: readonly string[];
  readonly kind: MentionKind;
  /** UTF-16 indices into the text that was matched. */
  readonly start: number;
  readonly end: number;
  /** Index of the first and one past the last token of the mention. */
  readonly firstToken: number;
  readonly endToken: number;
}

interface Terminal {
  readonly entity: string;
  readonly kind: MentionKind;
  /** All-caps names ("US", "ONI") match only all-caps text, so "us" stays a pronoun. */
  readonly acronym: boolean;
  /** Names without digits need a capital in the text, so "green pine" stays a tree. */
  readonly needsCapital: boolean;
  /** Which word of the name must be capitalised: the name's first capitalised word ("ties between Tehran and Pyongyang" needs "Tehran"). */
  readonly capitalAt: number;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  terminals?: Terminal[];
}

export class EntityMatcher {
  private readonly root: TrieNode = { next: new Map() };

  constructor(base: FactBase) {
    for (const e of base.entities.values()) {
      for (const name of new Set([e.name, ...e.aliases])) this.add(name, e.id, 'name');
      for (const demonym of e.demonyms) this.add(demonym, e.id, 'demonym');
    }
  }

  private add(name: string, entity: string, kind: MentionKind): void {
    const tokens = tokenize(name);
    if (tokens.length === 0) return;
    const acronym = tokens.every((t) => t.upper);
    const needsCapital = !/\d/.test(name) && /\p{Lu}/u.test(name);
    const capitalAt = Math.max(0, tokens.findIndex((t) => t.capital));
    for (const variant of variants(tokens.map((t) => t.norm), acronym ? [] : tokens.map((t) => t.upper && t.end - t.start <= 3))) {
      let node = this.root;
      for (const word of variant) {
        let child = node.next.get(word);
        if (!child) {
          child = { next: new Map() };
          node.next.set(word, child);
        }
        node = child;
      }
      const list = (node.terminals ??= []);
      if (!list.some((t) => t.entity === entity && t.kind === kind)) list.push({ entity, kind, acronym, needsCapital, capitalAt: Math.min(capitalAt, variant.length - 1) });
    }
  }

  /** All mentions in `text`, leftmost-longest, not overlapping. */
  find(text: string, tokens: readonly Token[] = tokenize(text)): Mention[] {
    const out: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = this.root;
      let best: { end: number; terminals: Terminal[] } | undefined;
      for (let j = i; j < tokens.length; j++) {
        // Names do not run across sentence punctuation or line structure: only across spaces,
        // hyphens, apostrophes and dots inside abbreviations.
        if (j > i && !joinable(text, tokens[j - 1]!.end, tokens[j]!.start)) break;
        node = node.next.get(tokens[j]!.norm);
        if (!node) break;
        if (node.terminals) {
          const ok = node.terminals.filter((t) => accepts(t, tokens, i, j + 1));
          if (ok.length) best = { end: j + 1, terminals: ok };
        }
      }
      if (best) {
        const names = best.terminals.filter((t) => t.kind === 'name');
        const chosen = names.length ? names : best.terminals;
        out.push({
          entities: [...new Set(chosen.map((t) => t.entity))],
          kind: chosen[0]!.kind,
          start: tokens[i]!.start,
          end: tokens[best.end - 1]!.end,
          firstToken: i,
          endToken: best.end,
        });
        i = best.end;
      } else i++;
    }
    return out;
  }
}

function accepts(t: Terminal, tokens: readonly Token[], from: number, to: number): boolean {
  if (t.acronym) {
    for (let k = from; k < to; k++) if (!tokens[k]!.upper && !/^\d+$/.test(tokens[k]!.norm)) return false;
    return true;
  }
  return !t.needsCapital || (tokens[from + t.capitalAt] ?? tokens[from]!).capital;
}

/** What may stand between two words of one name: spaces, hyphens, dashes, apostrophes, a dot, a slash. */
function joinable(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  return gap.length <= 3 && /^[\s\u00a0\u2010-\u2014'’./-]*$/.test(gap) && !/[.]\s/.test(gap);
}

/**
 * A name's token sequences: as written, and with a number joined to the word before it
 * ("Shahab 3" is also "Shahab3"), since writers drop the hyphen both ways.
 */
function variants(words: readonly string[], shortAcronyms: readonly boolean[] = []): string[][] {
  const out = [words.slice()];
  // "US-North Korea summit" is also written "U.S.-North Korea summit": letters with dots.
  if (shortAcronyms.some(Boolean)) out.push(words.flatMap((w, i) => (shortAcronyms[i] ? [...w] : [w])));
  const joined: string[] = [];
  for (const w of words) {
    if (joined.length && /^\d+$/.test(w) && !/^\d+$/.test(joined[joined.length - 1]!)) joined[joined.length - 1] += w;
    else joined.push(w);
  }
  if (joined.length !== words.length) out.push(joined);
  return out;
}
