/**
 * The fact base as the editor sees it: loaded from the configured folders, with the text of fact
 * files open in the editor taking the place of what is on disk, reloaded when a fact file
 * changes (in the editor or on disk), and its problems turned into diagnostics of the fact
 * files. A broken fact file never leaves drafts unchecked: the loader keeps everything valid.
 */

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { loadFactBase } from '../engine/factbase/load.js';
import type { FactBase } from '../engine/factbase/factbase.js';
import type { FactBaseProblem, FactFile } from '../engine/factbase/types.js';
import { LineIndex } from '../engine/text/positions.js';
import { insideAny, type Settings } from '../node/config.js';
import { factCache } from '../node/factCache.js';
import { pathProblem, readFactFolders, shippedFactBases } from '../node/factFiles.js';

export interface LoadedBase {
  readonly base: FactBase;
  readonly problems: readonly FactBaseProblem[];
  /** The folders (and files) the base was read from, to tell whether a changed file is a fact file. */
  readonly roots: readonly string[];
  /** Fact-file diagnostics by file URI, including empty lists for files whose problems are gone. */
  readonly diagnostics: ReadonlyMap<string, Diagnostic[]>;
}

/**
 * Loads the base for `settings`. `overlays` maps absolute paths of open fact files to their
 * editor text. In an untrusted workspace, folders outside `workspaceRoots` are skipped, with a
 * problem saying so. `configProblems` (of .factcheck.yaml) are published with the rest.
 */
export async function loadLiveFactBase(
  settings: Settings,
  overlays: ReadonlyMap<string, string>,
  trust: { trusted: boolean; workspaceRoots: readonly string[] },
  previous?: LoadedBase,
  configProblems: readonly FactBaseProblem[] = [],
): Promise<LoadedBase> {
  // Problems of .factcheck.yaml show in that file, like fact-file problems.
  const problems: FactBaseProblem[] = [...configProblems];
  const folders: string[] = [];
  for (const folder of settings.factBases) {
    if (!trust.trusted && !insideAny(folder, trust.workspaceRoots)) {
      problems.push(pathProblem(folder, 'restricted', `the fact-base folder '${folder}' is outside the workspace and is not read in Restricted Mode; trust the workspace to use it`));
      continue;
    }
    folders.push(folder);
  }
  const roots = [...(settings.includeBuiltinFacts ? shippedFactBases() : []), ...folders];
  const read = await readFactFolders(roots);
  const files: FactFile[] = read.files.map((f) => ({ ...f, text: overlays.get(f.path) ?? f.text }));
  // A new fact file that exists only in the editor so far still counts, in the base of its folder.
  for (const [path, text] of overlays) {
    const root = roots.find((r) => insideAny(path, [r]));
    if (root !== undefined && !files.some((f) => f.path === path)) files.push({ path, text, base: resolve(root) });
  }
  const loaded = loadFactBase(files, factCache());
  problems.push(...read.problems, ...loaded.problems);
  return { base: loaded.base, problems, roots, diagnostics: diagnosticsOf(problems, files, previous) };
}

/** Whether a path belongs to the fact base (is under one of its roots and is YAML). */
export function isFactFile(path: string, loaded: LoadedBase | undefined): boolean {
  return loaded !== undefined && /\.ya?ml$/i.test(path) && insideAny(path, loaded.roots);
}

function diagnosticsOf(problems: readonly FactBaseProblem[], files: readonly FactFile[], previous?: LoadedBase): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  // Files that had problems before and have none now get an empty list, which clears them.
  for (const uri of previous?.diagnostics.keys() ?? []) out.set(uri, []);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const indexes = new Map<string, LineIndex>();
  for (const p of problems) {
    const uri = pathToFileURL(p.file).href;
    const text = texts.get(p.file);
    let range;
    if (text !== undefined) {
      let lines = indexes.get(p.file);
      if (!lines) indexes.set(p.file, (lines = new LineIndex(text)));
      range = lines.rangeOf(p.start, p.end);
    } else {
      // A problem with the file as a whole (line 0) goes at its start.
      const at = { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
      range = { start: at, end: at };
    }
    const list = out.get(uri) ?? [];
    list.push({
      range,
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: p.code,
      source: 'factcheck',
      message: p.message,
    });
    out.set(uri, list);
  }
  return out;
}
