/**
 * The fact-base cache on disk: each fact file's compiled form (its items after YAML parsing and
 * schema validation, and its own problems), keyed by a hash of its text and of the loader's
 * schema, so an unchanged file is not parsed again on the next start. Parsing YAML dominates
 * loading a large base; with the cache, a restart reads JSON instead.
 *
 * The cache is an optimisation only: a file that cannot be read or written is ignored, and a
 * corrupt entry is treated as missing. `FACTCHECK_CACHE_DIR` chooses the folder; an empty value
 * turns the cache off.
 */

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import schema from '../../../facts/factbase.schema.json' with { type: 'json' };
import type { CompiledFactFile, FactFileCache } from '../engine/factbase/load.js';

/** Bump when the loader's compiled form changes; the schema's own text is part of the key too. */
const FORMAT = 'compiled-fact-file-2';
const VERSION = createHash('sha256').update(FORMAT).update(JSON.stringify(schema)).digest('hex').slice(0, 16);

export function defaultCacheDir(): string | undefined {
  const configured = process.env['FACTCHECK_CACHE_DIR'];
  if (configured !== undefined) return configured === '' ? undefined : configured;
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'factcheck');
}

export class DiskFactCache implements FactFileCache {
  private readonly dir: string;

  constructor(root: string) {
    this.dir = join(root, VERSION);
  }

  private pathFor(text: string): string {
    return join(this.dir, `${createHash('sha256').update(text).digest('hex')}.json`);
  }

  get(text: string): CompiledFactFile | undefined {
    try {
      const value = JSON.parse(readFileSync(this.pathFor(text), 'utf8')) as CompiledFactFile;
      return Array.isArray(value.items) && Array.isArray(value.problems) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  set(text: string, compiled: CompiledFactFile): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const path = this.pathFor(text);
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(temp, JSON.stringify(compiled));
      renameSync(temp, path);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }
}

/** The cache to use, or undefined when it is turned off. */
export function factCache(): FactFileCache | undefined {
  const dir = defaultCacheDir();
  return dir ? new DiskFactCache(dir) : undefined;
}
