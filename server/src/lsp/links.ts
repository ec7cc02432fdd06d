/**
 * Document links for citations: every footnote label that names a source of the fact base, in a
 * reference (`[^oba-iransource]`) or a definition (`[^oba-iransource]: ...`), and every Pandoc
 * citation key that does (`[@oba-iransource]`), links to the source's web page. Labels are found through the parsed draft, so a `[^label]` inside code is
 * never taken for a citation. Go to definition reuses the same search.
 */

import type { DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { sourceTitle } from '../engine/factbase/factbase.js';
import { citationLabels, sourceForLabel, webAddress } from './footnotes.js';
import type { ServerState } from './state.js';

export function documentLinks(document: TextDocument, state: ServerState): DocumentLink[] {
  const { text, lines } = state.resultFor(document);
  const links: DocumentLink[] = [];
  for (const found of citationLabels(text, state.parsedFor(document))) {
    const source = sourceForLabel(state.base, found.label);
    const target = source && webAddress(source);
    if (!source || !target) continue;
    links.push({ range: lines.rangeOf(found.start, found.end), target, tooltip: sourceTitle(source) });
  }
  return links;
}
