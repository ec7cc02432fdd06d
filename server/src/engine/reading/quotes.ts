/**
 * Quotations in a block, in every quotation-mark style writers and wire copy use: “…” and "…",
 * ‘…’ and '…', «…» and ‹…›, „…“ and „…”, and the double prime ″…″ that some wire services send
 * for a straight quote. Marks are paired over the whole block, so that a quotation which the
 * sentence splitter cut in two is still one quotation.
 *
 * A single quote mark is also the apostrophe ("USA’s", "the '80s", "countries'"), so a single
 * mark opens a quotation only before a letter and after no letter, and closes one only after no
 * space and before no letter; double marks always count.
 */

export interface QuoteSpan {
  /** The index of the opening mark (-1 when the block opens inside a quotation). */
  readonly open: number;
  /** The index of the closing mark (the block's length when the quotation runs past it). */
  readonly close: number;
  readonly style: 'double' | 'single' | 'guillemet';
}

const OPENERS: Readonly<Record<string, { close: readonly string[]; style: QuoteSpan['style'] }>> = {
  '“': { close: ['”'], style: 'double' },
  '„': { close: ['“', '”'], style: 'double' },
  '«': { close: ['»'], style: 'guillemet' },
  '‹': { close: ['›'], style: 'guillemet' },
  '‘': { close: ['’'], style: 'single' },
  '‚': { close: ['‘', '’'], style: 'single' },
};
/** Marks that open and close alike. */
const SYMMETRIC: Readonly<Record<string, QuoteSpan['style']>> = { '"': 'double', '″': 'double', "'": 'single' };

const LETTER = /[\p{L}\p{N}]/u;
const MARKS = new Set([...Object.keys(OPENERS), ...Object.values(OPENERS).flatMap((o) => o.close), ...Object.keys(SYMMETRIC)]);
const MARK = new RegExp(`[${[...MARKS].join('')}]`, 'g');

/** The quotations of a block's text, in order of their opening marks. */
export function quoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // One open quotation of each depth: a double quotation may hold a single one.
  const stack: Array<{ at: number; closers: readonly string[]; style: QuoteSpan['style'] }> = [];
  // Only a quotation mark opens or closes anything: the search skips from one to the next.
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    const i = m.index;
    const c = m[0];
    const before = i > 0 ? text[i - 1]! : ' ';
    const after = i + 1 < text.length ? text[i + 1]! : ' ';
    // The innermost open quotation this mark closes; single marks left open inside it (an
    // apostrophe taken for a quote) are dropped.
    let depth = stack.length - 1;
    while (depth >= 0 && !(stack[depth]!.closers.includes(c) && closes(c, before, after, stack[depth]!.style))) depth--;
    if (depth >= 0 && (depth === stack.length - 1 || stack.slice(depth + 1).every((s) => s.style === 'single'))) {
      const open = stack[depth]!;
      stack.length = depth;
      out.push({ open: open.at, close: i, style: open.style });
      continue;
    }
    const opener = OPENERS[c];
    if (opener && (opener.style !== 'single' || opens(before, after))) {
      stack.push({ at: i, closers: opener.close, style: opener.style });
      continue;
    }
    const symmetric = SYMMETRIC[c];
    if (symmetric && (symmetric !== 'single' || opens(before, after)) && !LETTER.test(before) && /\S/.test(after)) {
      stack.push({ at: i, closers: [c], style: symmetric });
    }
  }
  // A double quotation left open runs to the end of the block (the next paragraph goes on quoting).
  for (const open of stack) if (open.style !== 'single') out.push({ open: open.at, close: text.length, style: open.style });
  return out.sort((a, b) => a.open - b.open);
}

function opens(before: string, after: string): boolean {
  return !LETTER.test(before) && LETTER.test(after);
}

function closes(c: string, before: string, after: string, style: QuoteSpan['style']): boolean {
  if (style !== 'single') return c !== '"' || /\S/.test(before);
  return /\S/.test(before) && !LETTER.test(after);
}
