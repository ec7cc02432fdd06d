/**
 * Inline expectations in fixtures, in the style of rust-analyzer's `^^^ error` annotations: a
 * comment line whose `^` sits under a column of the nearest line above that is not itself an
 * annotation, followed by a code and optionally `: words the message must contain`.
 */

export interface CaretExpectation {
  /** 1-based line and column of the annotated position. */
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly words?: string;
}

/**
 * Reads annotations from `text`. `marker` matches an annotation line and captures the caret
 * run (or `<-` for column 1), the code and the words, e.g.
 * /^#\s*(\^+|<-)\s+([\w-]+)(?::\s*(.*))?$/ for YAML comments.
 */
export function readCarets(text: string, marker: RegExp): CaretExpectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: CaretExpectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const m = marker.exec(line);
    if (!m) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`annotation on line ${index + 1} has no line above it`);
    // `<-` points at column 1, where a caret cannot stand under the comment marker.
    const column = m[1] === '<-' ? 1 : line.indexOf('^') + 1;
    out.push({ line: target + 1, column, code: m[2]!, ...(m[3] !== undefined && { words: m[3].trim() }) });
  });
  return out;
}
