/**
 * Citations as Markdown footnotes. A source is cited as `[^source-id]` after the sentence and a
 * definition `[^source-id]: <reference>` at the end of the document, the reference formatted
 * from the source's CSL-JSON by citation-js. A footnote that already cites the source (by label,
 * URL or title) is reused, never duplicated. In the `pandoc` format a source is cited as
 * `[@source-id]` instead, and added to the draft's bibliography (pandoc.ts).
 */

import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { FactBase } from './factbase/factbase.js';
import type { Source } from './factbase/types.js';
import type { FootnoteDefinition, FrontMatter } from './markdown/parse.js';
import { bibliographyTarget, cslItem, enclosingCitation, pandocCitation, pandocCitationAt, pandocCitedAt, type BibliographyAddition, type BibliographyTarget, type CitationFormat, type CslItem } from './pandoc.js';

/** CSL styles citation-js ships with plugin-csl. */
export type CitationStyle = 'apa' | 'vancouver' | 'harvard1';

export interface TextEdit {
  /** Document offsets (UTF-16), end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

const formatted = new Map<string, string>();

/** The reference for a source in a CSL style, as one line of plain text. Cached: citeproc is slow to warm up. */
export function formatReference(source: Source, style: CitationStyle = 'apa'): string {
  const key = `${style}\u0000${source.id}\u0000${source.origin.file}`;
  const hit = formatted.get(key);
  if (hit !== undefined) return hit;
  let text: string;
  try {
    text = new Cite(cslItem(source)).format('bibliography', { format: 'text', template: style, lang: 'en-US' }) as string;
    // Vancouver numbers its entries; a footnote carries its own label.
    text = text.replace(/^\s*\d+\.\s+/, '').replace(/\s+/g, ' ').trim();
  } catch {
    text = [source.author?.map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')).join(', '), source.title, source['container-title'], source.URL]
      .filter(Boolean)
      .join('. ');
  }
  formatted.set(key, text);
  return text;
}

/** A footnote label for a source: its id, which the schema keeps to letters, digits and hyphens. */
export function footnoteLabel(sourceId: string): string {
  return sourceId;
}

/** The label of an existing footnote that cites `source`, if any. */
export function existingFootnote(source: Source, footnotes: readonly FootnoteDefinition[]): string | undefined {
  const label = footnoteLabel(source.id).toLowerCase();
  for (const f of footnotes) {
    if (f.label.toLowerCase() === label) return f.label;
    if (source.URL && f.text.includes(source.URL)) return f.label;
    if (source.title && f.text.toLowerCase().includes(source.title.toLowerCase())) return f.label;
  }
  return undefined;
}

export interface CitationPlan {
  /** The footnote reference to insert after the claim's sentence (a Pandoc citation before its final stop). */
  readonly reference: TextEdit;
  /** The definition to append, unless the document already has one for the source. */
  readonly definition?: TextEdit;
  /** Pandoc: the edit of the front matter that names the bibliography, when it names none. */
  readonly naming?: TextEdit;
  /** Pandoc: the sources to add to the bibliography file. */
  readonly bibliography?: BibliographyAddition;
}

/** How a document's citations are written: the format, and for Pandoc the draft's front matter. */
export interface CitationSetting {
  readonly format?: CitationFormat;
  readonly frontMatter?: FrontMatter;
}

/**
 * Plans citations in one document. Built once per check, it works out the document's line
 * ending, how the end of the document needs padding and which footnote already cites each
 * source, so planning a citation for each of hundreds of claims costs little.
 */
export class Citer {
  private readonly labels = new Map<string, string | undefined>();
  private ending: { eol: string; lead: string } | undefined;
  private readonly definitions = new Map<string, TextEdit>();
  private target: { value: BibliographyTarget } | undefined;
  private readonly items = new Map<string, CslItem>();

  constructor(
    private readonly document: string,
    private readonly base: FactBase,
    private readonly footnotes: readonly FootnoteDefinition[],
    private readonly style: CitationStyle,
    private readonly setting: CitationSetting = {},
  ) {}

  /** Pandoc: where the bibliography is, and the edit that names it if the front matter does not. */
  private bibliography(): BibliographyTarget {
    this.target ??= { value: bibliographyTarget(this.document, this.setting.frontMatter) };
    return this.target.value;
  }

  /**
   * Pandoc citations of `sourceIds` for the sentence ending at `sentenceEnd`: one group of the
   * sources not already cited there, before the sentence's final stop.
   */
  private planPandoc(sourceIds: readonly string[], sentenceEnd: number): CitationPlan | undefined {
    let at = pandocCitationAt(this.document, sentenceEnd);
    let end = sentenceEnd;
    // A stop inside a citation group (`[see @a, p. 3]`) ended the sentence early: cite after the group.
    const inside = enclosingCitation(this.document, at);
    if (inside) at = end = inside.close + 1;
    const ids = sourceIds.filter((id) => this.base.sources.has(id) && !pandocCitedAt(this.document, at, end, id));
    if (ids.length === 0) return undefined;
    // Right after a citation group (`Nodong-1 [@a].`), the sources join it: `[@a; @b]`.
    const joins = this.document[at - 1] === ']' && enclosingCitation(this.document, at - 1) !== undefined;
    const reference = joins ? { start: at - 1, end: at - 1, newText: ids.map((id) => `; @${id}`).join('') } : { start: at, end: at, newText: pandocCitation(ids) };
    const target = this.bibliography();
    if (!target) return { reference };
    const items = ids.map((id) => {
      let item = this.items.get(id);
      if (!item) this.items.set(id, (item = cslItem(this.base.sources.get(id)!)));
      return item;
    });
    return { reference, ...(target.naming && { naming: target.naming }), bibliography: { path: target.path, items } };
  }

  /**
   * Edits that cite `sourceIds` after the sentence ending at `sentenceEnd` (a document offset).
   * The reference goes after the sentence's closing punctuation and quotes; definitions go at
   * the end of the document, after a blank line.
   */
  plan(sourceIds: readonly string[], sentenceEnd: number): CitationPlan | undefined {
    if (this.setting.format === 'pandoc') return this.planPandoc(sourceIds, sentenceEnd);
    const refs: string[] = [];
    // Definitions are formatted when someone reads them: citeproc is slow to start, and most
    // diagnostics are published without their fixes ever being looked at.
    const defs: Array<() => string> = [];
    const missing: string[] = [];
    for (const id of sourceIds) {
      const source = this.base.sources.get(id);
      if (!source) continue;
      const existing = this.existing(source);
      const label = existing ?? footnoteLabel(source.id);
      // Already cited right here: nothing to add.
      if (citedAt(this.document, sentenceEnd, label)) continue;
      refs.push(`[^${label}]`);
      if (existing === undefined) {
        missing.push(label);
        defs.push(() => `[^${label}]: ${formatReference(source, this.style)}`);
      }
    }
    if (refs.length === 0) return undefined;
    const reference = { start: sentenceEnd, end: sentenceEnd, newText: refs.join('') };
    if (defs.length === 0) return { reference };
    // Claims citing the same sources share one definition edit (and one formatting of it).
    const key = missing.join('\u0000');
    let definition = this.definitions.get(key);
    if (!definition) {
      const { eol, lead } = this.end();
      definition = lazyEdit(this.document.length, () => lead + defs.map((d) => d()).join(eol) + eol);
      this.definitions.set(key, definition);
    }
    return { reference, definition };
  }

  private existing(source: Source): string | undefined {
    if (!this.labels.has(source.id)) this.labels.set(source.id, existingFootnote(source, this.footnotes));
    return this.labels.get(source.id);
  }

  /** The line ending to write, and what must come before an appended definition for a blank line. */
  private end(): { eol: string; lead: string } {
    if (!this.ending) {
      const doc = this.document;
      const eol = doc.includes('\r\n') ? '\r\n' : '\n';
      // Scanned from the end: a regular expression anchored at `$` would retry from every offset.
      let cut = doc.length;
      while (cut > 0 && (doc[cut - 1] === '\n' || doc[cut - 1] === '\r')) cut--;
      const trailing = doc.slice(cut);
      this.ending = { eol, lead: doc.length === 0 ? '' : trailing.length === 0 ? eol + eol : trailing === eol ? eol : '' };
    }
    return this.ending;
  }
}

/** One citation plan, for callers with a single citation to make (completion). */
export function planCitation(
  document: string,
  base: FactBase,
  sourceIds: readonly string[],
  sentenceEnd: number,
  footnotes: readonly FootnoteDefinition[],
  style: CitationStyle,
  setting: CitationSetting = {},
): CitationPlan | undefined {
  return new Citer(document, base, footnotes, style, setting).plan(sourceIds, sentenceEnd);
}

/** A text edit whose new text is computed on first read (and then kept); it reads like any edit. */
function lazyEdit(at: number, text: () => string): TextEdit {
  let cached: string | undefined;
  return Object.defineProperty({ start: at, end: at }, 'newText', {
    enumerable: true,
    get: () => (cached ??= text()),
  }) as TextEdit;
}

/**
 * Whether the footnote references right after `at` ("[^a][^b]", nothing between them) include
 * `[^label]`, compared without case as Markdown compares labels.
 */
function citedAt(document: string, at: number, label: string): boolean {
  const wanted = label.toLowerCase();
  let i = at;
  while (document.startsWith('[^', i)) {
    const close = document.indexOf(']', i + 2);
    // Only the references within a short reach of the sentence's end count.
    if (close < 0 || close >= at + 200) return false;
    const found = document.slice(i + 2, close);
    // A label holds no white space (what a footnote reference can be).
    if (found.length === 0 || /\s/.test(found)) return false;
    if (found.toLowerCase() === wanted) return true;
    i = close + 1;
  }
  return false;
}
