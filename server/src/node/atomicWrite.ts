/**
 * Writes a file so that a reader (or a crash) never sees half of it: the text goes to a
 * temporary file in the same folder, which is then renamed over the original. Used by
 * `factcheck --fix` for drafts and `factcheck sources import` for fact files.
 */

import { randomBytes } from 'node:crypto';
import { chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` through a temporary file and a rename, keeping the file's permissions.
 * The file must exist unless `create` is set; a new file gets the default permissions.
 */
export async function writeAtomically(path: string, text: string, options: { create?: boolean } = {}): Promise<void> {
  let mode: number | undefined;
  try {
    mode = (await stat(path)).mode & 0o777;
  } catch (e) {
    if (!options.create || (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
