/**
 * How *Open Fact Base* names the fact files: the file name first, as the label people scan for,
 * and where it is as the description: the folder inside the workspace, "shipped with Factcheck"
 * for the extension's own base, or the folder with the home folder shortened to `~`. A quick
 * pick cuts long labels at the end, so a long absolute path would lose exactly the file name.
 *
 * Plain paths here, so the rule can be tested without VS Code; commands.ts uses it.
 */

import * as path from 'node:path';

export interface FactFileLabel {
  readonly path: string;
  readonly label: string;
  readonly description: string;
}

export interface Places {
  /** The workspace folders' paths, and their names (shown when there are several). */
  readonly workspaceFolders: readonly { readonly path: string; readonly name: string }[];
  /** The extension's folder: its fact base is the shipped one. */
  readonly extensionPath?: string;
  readonly home?: string;
}

function inside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Labels for the fact files, in the order to list them: the workspace's first, then the shipped ones, then the rest; by folder, then name. */
export function factFileLabels(files: readonly string[], places: Places): FactFileLabel[] {
  const rows = files.map((file) => {
    const label = path.basename(file);
    const folder = places.workspaceFolders.find((f) => inside(file, f.path));
    if (folder) {
      const dir = path.relative(folder.path, path.dirname(file));
      const where = [places.workspaceFolders.length > 1 ? folder.name : '', dir].filter(Boolean).join(path.sep);
      return { path: file, label, description: where || (places.workspaceFolders.length > 1 ? folder.name : 'workspace'), group: 0 };
    }
    if (places.extensionPath && inside(file, places.extensionPath)) return { path: file, label, description: 'shipped with Factcheck', group: 1 };
    const dir = path.dirname(file);
    const shown = places.home && (dir === places.home || inside(dir, places.home)) ? `~${dir.slice(places.home.length)}` : dir;
    return { path: file, label, description: shown, group: 2 };
  });
  rows.sort((a, b) => a.group - b.group || a.description.localeCompare(b.description) || a.label.localeCompare(b.label));
  return rows.map(({ path: p, label, description }) => ({ path: p, label, description }));
}
