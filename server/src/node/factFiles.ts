/**
 * Reads fact-base folders from disk for the command line and the language server. The engine
 * never touches the file system; this module is the one place that does for fact files, and it
 * treats every folder as untrusted: it never follows a link out of the folder it was given,
 * reads only regular `.yaml`/`.yml` files of bounded size, and turns every failure into a
 * located problem instead of an exception.
 */

import { existsSync, readdirSync } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FACT_FILE_CHARS } from '../engine/factbase/load.js';
import type { FactBaseProblem, FactFile } from '../engine/factbase/types.js';

/** How deep a fact-base folder may nest, and how many files it may hold. */
const MAX_DEPTH = 16;
const MAX_FILES = 10_000;

export interface ReadResult {
  readonly files: FactFile[];
  readonly problems: FactBaseProblem[];
}

/**
 * The shipped fact base. Found by walking up from this module to the folder holding
 * `facts/factbase.schema.json`, so it works from the sources and from the bundles in `dist/`.
 */
export function shippedFactsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'facts');
    if (existsSync(join(candidate, 'factbase.schema.json'))) return join(candidate, 'base');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the shipped fact base (facts/factbase.schema.json) above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/**
 * The fact bases shipped with Factcheck, in load order: `facts/base/` (the seed article's, whose
 * ids are the shared vocabulary other bases build on) first, then every other folder of
 * `facts/`, by name. Each is a base of its own.
 */
export function shippedFactBases(): string[] {
  const seed = shippedFactsDir();
  const root = dirname(seed);
  const others = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && join(root, e.name) !== seed)
    .map((e) => join(root, e.name))
    .sort();
  return [seed, ...others];
}

/**
 * A problem with a path as a whole: it does not exist, is too large, is not UTF-8. It has no place
 * inside the file, so its line and column are 0 (the command line then prints the path alone,
 * and an editor puts it at the file's start) rather than a made-up 1:1.
 */
export function pathProblem(file: string, code: string, message: string): FactBaseProblem {
  return { file, start: 0, end: 0, line: 0, column: 0, severity: 'error', code, message };
}

const problem = pathProblem;

/**
 * Reads every fact file under the given folders (or single files), in a stable order. Each
 * folder (or file) given is one fact base: its files carry its path as their `base`.
 */
export async function readFactFolders(paths: readonly string[]): Promise<ReadResult> {
  const result: ReadResult = { files: [], problems: [] };
  // A folder given twice (`--facts facts/base` beside the shipped bases) is one base, read once.
  const read = new Set<string>();
  for (const given of paths) {
    const path = resolve(given);
    const before = result.files.length;
    const real = await realpath(path).catch(() => path);
    if (read.has(real)) continue;
    read.add(real);
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      result.problems.push(problem(given, 'unreadable', describeFsError(e, `fact-base folder '${given}'`)));
      continue;
    }
    if (info.isDirectory()) {
      let root: string;
      try {
        root = await realpath(path);
      } catch (e) {
        result.problems.push(problem(given, 'unreadable', describeFsError(e, `fact-base folder '${given}'`)));
        continue;
      }
      await walk(root, root, 0, new Set([root]), result);
    } else if (info.isFile()) {
      await readOne(path, info.size, result);
    } else {
      result.problems.push(problem(given, 'not-a-file', `'${given}' is neither a folder nor a regular file; give a fact-base folder or a .yaml file`));
    }
    for (let i = before; i < result.files.length; i++) result.files[i] = { ...result.files[i]!, base: path };
  }
  return result;
}

async function walk(root: string, dir: string, depth: number, seen: Set<string>, out: ReadResult): Promise<void> {
  if (depth > MAX_DEPTH) {
    out.problems.push(problem(dir, 'too-deep', `fact-base folders nest deeper than ${MAX_DEPTH} levels here; the rest of this folder is not read`));
    return;
  }
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.problems.push(problem(dir, 'unreadable', describeFsError(e, `folder '${dir}'`)));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    let path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A link is followed only when it stays inside the fact-base folder, and only once.
      let target: string;
      try {
        target = await realpath(path);
      } catch (e) {
        out.problems.push(problem(path, 'unreadable', describeFsError(e, `link '${path}'`)));
        continue;
      }
      if (target !== root && !target.startsWith(root + sep)) {
        out.problems.push(problem(path, 'outside-folder', `'${path}' links to '${target}', outside the fact-base folder '${root}'; it is not read`));
        continue;
      }
      const info = await lstat(target).catch(() => undefined);
      isDir = info?.isDirectory() ?? false;
      isFile = info?.isFile() ?? false;
      path = target;
    }
    if (isDir) {
      if (seen.has(path)) continue;
      seen.add(path);
      await walk(root, path, depth + 1, seen, out);
    } else if (isYaml(path)) {
      if (!isFile) {
        out.problems.push(problem(path, 'not-a-file', `'${path}' is not a regular file (a pipe, socket or device); it is not read`));
        continue;
      }
      if (seen.has(path)) continue;
      seen.add(path);
      if (out.files.length >= MAX_FILES) {
        out.problems.push(problem(path, 'too-many-files', `more than ${MAX_FILES} fact files under '${root}'; the rest are not read`));
        return;
      }
      const size = (await lstat(path).catch(() => undefined))?.size ?? 0;
      await readOne(path, size, out);
    }
  }
}

function isYaml(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.yaml' || ext === '.yml';
}

/** Reads one fact file; files and problems carry its absolute path (callers shorten it for display). */
async function readOne(path: string, size: number, out: ReadResult): Promise<void> {
  // The size is checked before reading, so a 50 MB file is refused without being loaded.
  if (size > MAX_FACT_FILE_CHARS) {
    out.problems.push(problem(path, 'too-large',
      `fact file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FACT_FILE_CHARS / 1024 / 1024} MB. Split it into several files.`));
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    out.problems.push(problem(path, 'unreadable', describeFsError(e, `fact file '${path}'`)));
    return;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    out.problems.push(problem(path, 'encoding', 'fact file is not valid UTF-8; save it as UTF-8'));
    return;
  }
  // Editors drop a byte-order mark from the text they show; so does the loader, so offsets agree.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  out.files.push({ path, text });
}

/** A sentence for a file-system error, naming what could not be read and why. */
export function describeFsError(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `${what} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `${what} cannot be read: permission denied`;
    case 'ELOOP':
      return `${what} is a loop of symbolic links`;
    case 'ENOTDIR':
      return `${what}: a part of the path is not a folder`;
    case 'EISDIR':
      return `${what} is a folder, not a file`;
    default:
      return `${what} cannot be read: ${(e as Error).message}`;
  }
}
