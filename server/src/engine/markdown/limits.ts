/**
 * Limits on what the Markdown parser is asked to read. micromark parses nested containers
 * (block quotes, list items) recursively and copies its event list each time a container
 * closes: thousands of nesting levels overflow the stack (`> ` × 8,000 or `- ` × 1,600 on one
 * line throw "Maximum call stack size exceeded") and take seconds to minutes before they do
 * (`- ` × 6,400 on one line: 22 s). No real draft nests more than a few levels, so a draft that
 * nests deeper than `MAX_NESTING` is refused with a reason, before parsing, like a draft that is
 * too long.
 *
 * The check is one linear pass over the text, reading only the start of each line.
 */

/** Deepest nesting of block quotes and list items a draft may have. markdown-it's default is 100 too. */
export const MAX_NESTING = 100;

/**
 * Most lines a draft may have. remark keeps about 1.5 KB per line ending while it parses: a
 * megabyte of line breaks (a million empty lines) took 1.6 GB and 6 s. A 300,000-word report
 * has a few tens of thousands of lines.
 */
export const MAX_LINES = 200_000;

/**
 * Why the parser must not be given `text`, or undefined when it may. Never throws; linear time.
 */
export function exceedsLimits(text: string): string | undefined {
  return reason(lineCount(text, MAX_LINES), () => maxNestingDepth(text, MAX_NESTING));
}

function reason(lines: number, depth: () => number): string | undefined {
  if (lines > MAX_LINES) {
    return `the draft has more than ${MAX_LINES.toLocaleString('en-US')} lines; Factcheck checks drafts of up to ${MAX_LINES.toLocaleString('en-US')} lines. Split it into parts.`;
  }
  if (depth() > MAX_NESTING) {
    return `the draft nests block quotes or lists more than ${MAX_NESTING.toLocaleString('en-US')} levels deep; Factcheck checks drafts nested up to ${MAX_NESTING.toLocaleString('en-US')} levels.`;
  }
  return undefined;
}

/** A text that passed the limits, with its line count: what an edit of it starts from. */
export interface Within {
  readonly text: string;
  readonly lines: number;
}

/** `text` as a starting point for later edits, or undefined when it is over a limit. */
export function within(text: string): Within | undefined {
  const lines = lineCount(text, MAX_LINES);
  return reason(lines, () => maxNestingDepth(text, MAX_NESTING)) === undefined ? { text, lines } : undefined;
}

/**
 * exceedsLimits for `text`, an edit of `previous` (which passed) that keeps `prefix` characters
 * at the start and `suffix` at the end: only what the edit touched is read, so a keystroke in a
 * long draft does not rescan it. The same answer as exceedsLimits(text), and the text's state.
 */
export function exceedsLimitsAfterEdit(previous: Within, text: string, prefix: number, suffix: number): { reason: string | undefined; state: Within | undefined } {
  const old = previous.text;
  // One character more on each side: a CR and an LF on either side of the edit's edge are then
  // counted alike in both texts, and everything outside the windows reads the same in both.
  const from = Math.max(0, prefix - 1);
  const lines = previous.lines - breaks(old, from, Math.min(old.length, old.length - suffix + 1)) + breaks(text, from, Math.min(text.length, text.length - suffix + 1));
  // Nesting is a property of each line: only the lines the edit touched can have changed.
  const lineStart = Math.max(text.lastIndexOf('\n', from - 1), text.lastIndexOf('\r', from - 1)) + 1;
  const editEnd = text.length - suffix;
  const lf = text.indexOf('\n', editEnd);
  const cr = text.indexOf('\r', editEnd);
  const lineEnd = lf < 0 && cr < 0 ? text.length : lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  const why = reason(lines, () => maxNestingDepth(text.slice(lineStart, lineEnd), MAX_NESTING));
  return { reason: why, state: why === undefined ? { text, lines } : undefined };
}

/** Line breaks that start in [from, to): an LF, or a CR not followed by an LF. */
function breaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * An upper bound on the container nesting at the start of any line, or the first bound found
 * above `stopAbove`. On a line, every `>` and every list marker (`-`, `+`, `*`, or up to nine
 * digits and `.` or `)`, followed by a space, a tab or the end of the line) opens or continues
 * one container, and indentation before a marker can continue at most one list item per two
 * columns (a list item's content is indented by at least its marker and one space). Lines
 * without a marker cannot open a container, so their indentation is not counted: an indented
 * code line is never mistaken for deep nesting.
 */
export function maxNestingDepth(text: string, stopAbove = Infinity): number {
  let max = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let markers = 0;
    let columns = 0;
    let counted = 0;
    let column = 0;
    // Walk the line's container prefix: whitespace, `>` and list markers.
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 /* space */) {
        columns++;
        column++;
        i++;
      } else if (c === 9 /* tab */) {
        const width = 4 - (column % 4);
        columns += width;
        column += width;
        i++;
      } else if (c === 62 /* > */) {
        markers++;
        counted = columns;
        column++;
        i++;
        // One space after `>` belongs to the marker.
        if (text.charCodeAt(i) === 32) {
          column++;
          i++;
        }
      } else {
        const width = listMarkerWidth(text, i);
        if (width === 0) break;
        markers++;
        counted = columns;
        column += width;
        i += width;
        if (text.charCodeAt(i) === 32) {
          column++;
          i++;
        }
      }
    }
    if (markers > 0) {
      const depth = markers + Math.floor(counted / 2);
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    }
    // Skip to the next line (LF, CRLF or a lone CR).
    while (i < n) {
      const c = text.charCodeAt(i++);
      if (c === 10) break;
      if (c === 13) {
        if (text.charCodeAt(i) === 10) i++;
        break;
      }
    }
  }
  return max;
}

/** The length of a list marker at `i` (`-`, `+`, `*`, or 1-9 digits then `.` or `)`) followed by a space, tab or line end; 0 if none. */
function listMarkerWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let end = i;
  if (c === 45 /* - */ || c === 43 /* + */ || c === 42 /* * */) end = i + 1;
  else {
    while (end - i < 9 && isDigit(text.charCodeAt(end))) end++;
    if (end === i) return 0;
    const d = text.charCodeAt(end);
    if (d !== 46 /* . */ && d !== 41 /* ) */) return 0;
    end++;
  }
  const after = text.charCodeAt(end);
  // NaN past the end of the text: a marker at the very end still counts.
  if (after === 32 || after === 9 || after === 10 || after === 13 || Number.isNaN(after)) return end - i;
  return 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Lines of `text` (LF, CRLF or a lone CR ends one), counting no further than just past `stopAbove`. */
function lineCount(text: string, stopAbove: number): number {
  let lines = 1;
  for (let i = 0; i < text.length && lines <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* LF */ || (c === 13 /* CR */ && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}
