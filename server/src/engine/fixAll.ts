/**
 * Many fixes at once: "fix all" (every preferred correction) and "cite all" (a citation for
 * every supported claim). Fixes are computed one finding at a time; applied together they must
 * neither overlap nor duplicate a footnote definition, so this module merges them.
 */

import type { Claim, Finding } from './check.js';
import type { TextEdit } from './citations.js';
import { citationKeys, type BibliographyAddition, type CslItem } from './pandoc.js';

/** The preferred fix of every finding, skipping any fix that would overlap one already taken. */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  return fixAllChanges(findings).flatMap((c) => c.edits);
}

/** The same, finding by finding: which findings "fix all" corrects, and with which edits (for `--fix` to say what it changed). */
export function fixAllChanges(findings: readonly Finding[]): Array<{ readonly finding: Finding; readonly edits: readonly TextEdit[] }> {
  const taken: TextEdit[] = [];
  const out: Array<{ finding: Finding; edits: readonly TextEdit[] }> = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (fix && fix.edits.every((e) => taken.every((t) => !overlaps(e, t)))) {
      taken.push(...fix.edits);
      out.push({ finding: f, edits: fix.edits });
    }
  }
  return out;
}

/**
 * The citation of every supported claim: one footnote reference per source after each sentence,
 * and one definition per source at the end of the document.
 */
export function citeAllEdits(claims: readonly Claim[]): TextEdit[] {
  return citeAll(claims).edits;
}

/**
 * The same, with the sources Pandoc citations add to the bibliography (each once). Pandoc
 * citations of one sentence by several claims make one group: `Nodong-1 [@a; @b].`
 */
export function citeAll(claims: readonly Claim[]): { readonly edits: TextEdit[]; readonly bibliography?: BibliographyAddition } {
  const references = new Map<string, TextEdit>();
  const definitions = new Map<string, TextEdit>();
  const groups = new Map<number, string[]>();
  let bibliography: { path: string; items: Map<string, CslItem> } | undefined;
  for (const claim of claims) {
    if (claim.verdict !== 'supported') continue;
    for (const fix of claim.fixes.filter((f) => f.kind === 'cite')) {
      for (const item of fix.bibliography?.items ?? []) {
        bibliography ??= { path: fix.bibliography!.path, items: new Map() };
        if (!bibliography.items.has(item.id)) bibliography.items.set(item.id, item);
      }
      for (const edit of fix.edits) {
        // A definition is the edit that inserts "[^label]: ..."; the reference is "[^label]".
        const label = /\[\^([^\]]+)\]:/.exec(edit.newText)?.[1];
        const group = edit.start === edit.end ? /^ \[(@[^\]]*)\]$/.exec(edit.newText)?.[1] : undefined;
        if (label !== undefined) definitions.set(label, edit);
        else if (group !== undefined) {
          const keys = groups.get(edit.start) ?? [];
          for (const key of citationKeys(group)) if (!keys.includes(key)) keys.push(key);
          groups.set(edit.start, keys);
        } else references.set(`${edit.start}\u0000${edit.newText}`, edit);
      }
    }
  }
  const out = [...references.values()];
  for (const [at, keys] of groups) out.push({ start: at, end: at, newText: ` [${keys.map((k) => `@${k}`).join('; ')}]` });
  const defs = [...definitions.values()];
  if (defs.length) {
    // All definitions append at the end: join them into one edit, keeping the first one's
    // leading blank line and every definition's own line ending.
    const [first, ...rest] = defs;
    out.push({ start: first!.start, end: first!.end, newText: first!.newText + rest.map((d) => d.newText.replace(/^(?:\r?\n)+/, '')).join('') });
  }
  return bibliography ? { edits: out, bibliography: { path: bibliography.path, items: [...bibliography.items.values()] } } : { edits: out };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one offset conflict too: their order would be arbitrary.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
