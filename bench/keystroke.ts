/**
 * Keystroke to diagnostics over JSON-RPC: the built server as a child process, a draft open, and
 * one-character edits typed into it; each sample is the time from sending didChange to receiving
 * publishDiagnostics for that version (the debounce included).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/support/lspClient.js';
import { draft, random } from './drafts.js';
import { summarize, type Summary } from './stats.js';

export async function keystrokes(words: number, count: number, settings: { diagnosticsDelay?: number } = {}): Promise<Summary> {
  const workspace = mkdtempSync(join(tmpdir(), 'factcheck-bench-'));
  const client = await LspClient.start({ workspace, initializationOptions: settings });
  try {
    const uri = pathToFileURL(join(workspace, 'draft.md')).href;
    const text = draft(words);
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const rand = random(7);
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      // Type a letter at the end of a random prose line, as a writer revising would.
      const doc = client.documents.get(uri)!;
      const lines = doc.getText().split('\n');
      let line = Math.floor(rand() * lines.length);
      while (!/^[A-Z]/.test(lines[line] ?? '')) line = (line + 1) % lines.length;
      const character = lines[line]!.length;
      const start = performance.now();
      const version = await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
      await client.diagnosticsFor(uri, version);
      samples.push(performance.now() - start);
    }
    return summarize(samples);
  } finally {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}
