/**
 * Diagnostics that an edit made stale. VS Code keeps a diagnostic until the server publishes new
 * ones for the edited text. When an edit replaces a diagnostic's words (a quick fix does), its
 * squiggle goes at once with the words, but the diagnostic stays behind it: the Problems count
 * and the red badges of the tab and the Explorer keep counting it until the server's next
 * publish, after its pause and the check. So, as each edit goes to the server, the client drops
 * the diagnostics whose whole range the edit replaced: they speak of words that are no longer
 * there. The others stay until the server's next publish replaces them all.
 *
 * Plain positions here, so the rule can be tested without VS Code; extension.ts applies it.
 */

export interface PlainPosition {
  readonly line: number;
  readonly character: number;
}

export interface PlainRange {
  readonly start: PlainPosition;
  readonly end: PlainPosition;
}

function before(a: PlainPosition, b: PlainPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Whether an edit of `changed` (in the text before the edit) replaced all of the words of a diagnostic at `range`. */
export function replaced(range: PlainRange, changed: PlainRange): boolean {
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  return !empty && before(changed.start, range.start) && before(range.end, changed.end);
}

/** The diagnostics an edit leaves standing, or undefined when it replaced none of them. */
export function withoutReplaced<D extends { readonly range: PlainRange }>(diagnostics: readonly D[], changes: readonly PlainRange[]): D[] | undefined {
  const kept = diagnostics.filter((d) => !changes.some((c) => replaced(d.range, c)));
  return kept.length === diagnostics.length ? undefined : kept;
}
