/**
 * Citations that name fact-base sources: where `[^label]` references and definition labels, and
 * the keys of Pandoc citation groups (`[@label]`, `[see @a, p. 3; @b]`), are in a draft (outside
 * code), which source a label names, and a source's web address when it is safe to link. Shared
 * by document links and go to definition.
 */

import type { FactBase } from '../engine/factbase/factbase.js';
import type { Source } from '../engine/factbase/types.js';
import { GAP, offsetOf, type ParsedDraft } from '../engine/markdown/parse.js';
import { citationKeySpans } from '../engine/pandoc.js';

/** A footnote label written in the draft: the label text between `[^` and `]`, as document offsets. */
export interface FootnoteLabel {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'reference' | 'definition' | 'pandoc';
}

const LABEL_AT = /\[\^([^\]\s[^]+)\]/y;

/**
 * Footnote labels of a draft outside code: references found in prose blocks (whether or not a
 * definition matches them, since an unmatched one stays text) and the labels of definitions.
 * Sorted by offset.
 */
export function footnoteLabels(text: string, parsed: ParsedDraft): FootnoteLabel[] {
  const out: FootnoteLabel[] = [];
  const seen = new Set<number>();
  const take = (bracket: number, kind: FootnoteLabel['kind'], limit: number): void => {
    if (seen.has(bracket) || text[bracket - 1] === '\\') return;
    LABEL_AT.lastIndex = bracket;
    const m = LABEL_AT.exec(text);
    if (!m || bracket + m[0].length > limit) return;
    seen.add(bracket);
    out.push({ label: m[1]!, start: bracket + 2, end: bracket + m[0].length - 1, kind });
  };
  for (const block of parsed.blocks) {
    for (let i = 0; i < block.text.length; i++) {
      const ch = block.text[i];
      const at = offsetOf(block, i);
      // A matched reference is a gap standing at its `[`; an unmatched one is still literal text.
      if ((ch === '[' && block.text[i + 1] === '^') || (ch === GAP && text.startsWith('[^', at))) take(at, 'reference', block.end);
    }
  }
  for (const f of parsed.footnotes) take(f.start, 'definition', f.end);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The keys of Pandoc citation groups in a draft's prose (a group in code is code), as document
 * offsets of the key's characters. remark leaves `[@key]` as text, so groups are found in each
 * block's text, one bracket pair with no bracket inside.
 */
export function pandocKeys(parsed: ParsedDraft): FootnoteLabel[] {
  const out: FootnoteLabel[] = [];
  for (const block of parsed.blocks) {
    for (const group of block.text.matchAll(GROUP)) {
      const from = group.index + 1;
      for (const k of citationKeySpans(group[1]!)) out.push({ label: k.key, start: offsetOf(block, from + k.start), end: offsetOf(block, from + k.end - 1) + 1, kind: 'pandoc' });
    }
  }
  return out;
}

/** A citation group: brackets with an `@` inside and no bracket. */
const GROUP = /\[([^[\]]*@[^[\]]*)\]/g;

/** Every citation label of a draft, footnotes and Pandoc keys, by offset. */
export function citationLabels(text: string, parsed: ParsedDraft): FootnoteLabel[] {
  return [...footnoteLabels(text, parsed), ...pandocKeys(parsed)].sort((a, b) => a.start - b.start);
}

/** The source a footnote label names: by id, or by id without regard to case as Markdown matches labels. */
export function sourceForLabel(base: FactBase, label: string): Source | undefined {
  const exact = base.sources.get(label);
  if (exact) return exact;
  const folded = label.toLowerCase();
  for (const source of base.sources.values()) if (source.id.toLowerCase() === folded) return source;
  return undefined;
}

/** A source's URL if it is a web address, normalised and percent-encoded by the URL parser. */
export function webAddress(source: Source): string | undefined {
  if (!source.URL) return undefined;
  try {
    const url = new URL(source.URL);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Links from footnote labels that name a source to the source's http(s) URL, titled with the source's title. */
