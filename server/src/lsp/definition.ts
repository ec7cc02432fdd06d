/**
 * Go to definition: from an entity named in the draft to its entry in the fact base, and from a
 * footnote label or a Pandoc citation key that names a source to the source's entry. The target is the entry's `id` value
 * in its YAML file, where the loader recorded each item's origin.
 */

import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { Origin } from '../engine/factbase/types.js';
import { citationLabels, sourceForLabel } from './footnotes.js';
import { offsetOf } from '../engine/markdown/parse.js';
import type { ServerState } from './state.js';

/**
 * Where the entity mentioned at `position` is defined (every candidate, when the name is shared),
 * or the source a footnote label or citation key at `position` names. Empty when there is neither.
 */
export function definition(document: TextDocument, position: Position, state: ServerState): Location[] {
  const { text, lines } = state.resultFor(document);
  const offset = lines.offsetAt(position);
  const parsed = state.parsedFor(document);

  for (const found of citationLabels(text, parsed)) {
    // The whole `[^label]` counts, brackets included, and a key's `@`.
    const before = found.kind === 'pandoc' ? 1 : 2;
    const after = found.kind === 'pandoc' ? 0 : 1;
    if (found.start - before > offset) break;
    if (offset < found.start - before || offset > found.end + after) continue;
    const source = sourceForLabel(state.base, found.label);
    return source ? [locationOf(source.origin)] : [];
  }

  for (const block of parsed.blocks) {
    if (offset < block.start || offset > block.end) continue;
    for (const mention of state.checker.mentions(block.text)) {
      const start = offsetOf(block, mention.start);
      const end = offsetOf(block, mention.end - 1) + 1;
      // A cursor just after the last letter is still on the name, as editors place it after a double-click.
      if (offset < start || offset > end) continue;
      const out: Location[] = [];
      for (const id of mention.entities) {
        const entity = state.base.entities.get(id);
        // Every base that defines it, or maps its own id onto it, first first.
        if (entity) out.push(...entity.origins.map(locationOf));
      }
      return out;
    }
  }
  return [];
}

/** The `id` value of a fact-base item: the origin's 1-based start, and its length on the same line. */
function locationOf(origin: Origin): Location {
  const line = Math.max(0, origin.line - 1);
  const character = Math.max(0, origin.column - 1);
  return {
    uri: pathToFileURL(origin.file).href,
    range: { start: { line, character }, end: { line, character: character + Math.max(0, origin.end - origin.start) } },
  };
}
