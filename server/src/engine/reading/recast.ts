/**
 * Recasts: a claim the draft makes without writing it out as one sentence, written out. A
 * gapped clause ("the Ghadir, of the Yono") borrows its verb from the clause before it; a table
 * row says "<cell> is the <column header> of <row subject>"; a list item "label: figure" says
 * "<figure> <label>". The engine reads a recast like any sentence, and every index a check
 * returns into it is mapped back to the block's own text, so findings land on the draft's words.
 *
 * A recast is made of pieces of the block's text (mapped character by character) and a few
 * words of its own (mapped nowhere): a judgement that rests only on words of its own is dropped,
 * and one that spans pieces from different places keeps its range but no replacement, because
 * no single edit of the draft could make it.
 */

export interface Recast {
  readonly text: string;
  /** For each index of `text`, the block index of the same character, or -1 for a word of the recast's own. */
  readonly map: Int32Array;
}

/** Builds a recast from pieces of a block's text and words of its own. */
export class RecastBuilder {
  private text = '';
  private readonly indices: number[] = [];

  /**
   * Appends `block.slice(start, end)`, mapped to where it is; `recase` may change its letters'
   * case (a label that opened a line and now stands inside a sentence, "Midget submarines" in
   * "nine midget submarines", must not read as a name), and nothing else.
   */
  piece(block: string, start: number, end: number, recase?: (words: string) => string): this {
    const words = block.slice(start, end);
    const recased = recase?.(words);
    this.text += recased !== undefined && recased.length === words.length ? recased : words;
    for (let i = start; i < end; i++) this.indices.push(i);
    return this;
  }

  /** Appends words that are not in the draft. */
  own(words: string): this {
    this.text += words;
    for (let i = 0; i < words.length; i++) this.indices.push(-1);
    return this;
  }

  build(): Recast {
    const map = new Int32Array(this.indices.length + 1);
    map.set(this.indices);
    map[this.indices.length] = -1;
    return { text: this.text, map };
  }
}

/**
 * Where a range of a recast is in the block: from the first to the last of the block's
 * characters it holds (a recast may put them in another order: "<cell> is the <header> of
 * <first cell>"), and whether they are one unbroken stretch of the block in the recast's order
 * too (so that one edit can replace them). Undefined when the range holds none of the block.
 */
export function mapRange(recast: Recast, start: number, end: number): { start: number; end: number; contiguous: boolean } | undefined {
  // The first and last characters of the range that are the draft's own, in the recast.
  let lo = -1;
  let hi = -1;
  let min = Infinity;
  let max = -1;
  for (let i = start; i < end; i++) {
    const at = recast.map[i]!;
    if (at < 0) continue;
    if (lo < 0) lo = i;
    hi = i;
    if (at < min) min = at;
    if (at > max) max = at;
  }
  if (lo < 0) return undefined;
  const first = recast.map[lo]!;
  let contiguous = first === min;
  for (let i = lo; i <= hi && contiguous; i++) contiguous = recast.map[i] === first + (i - lo);
  return { start: min, end: max + 1, contiguous };
}

/** The words with their first letter in lower case. */
export function lowerFirst(words: string): string {
  return words.charAt(0).toLowerCase() + words.slice(1);
}
