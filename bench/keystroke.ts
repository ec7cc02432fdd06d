/**
 * What a writer waits for over JSON-RPC: the built server as a child process, with the client
 * asking for a verbose trace, so that the server says of each keystroke whether it was checked
 * at once, waited (debounced) or joined a pending check (lsp/debounce.ts). Each sample is the
 * time from sending a message to receiving publishDiagnostics for that version or a later one
 * (a keystroke that joined a pending check is answered by the newer version's diagnostics).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECKED_LINE, TRACE_LINE } from '../server/src/lsp/debounce.js';
import { LspClient } from '../test/support/lspClient.js';
import { draft, random } from './drafts.js';
import { summarize, type Summary } from './stats.js';

type Kind = 'now' | 'wait' | 'join';

/** Keystrokes split by what the server did with them; a class with no keystroke is undefined. */
export interface Typing {
  readonly all: Summary;
  readonly immediate: Summary | undefined;
  readonly debounced: Summary | undefined;
  /** How many keystrokes the server checked at once, made wait, or let join a pending check. */
  readonly counts: Readonly<Record<Kind, number>>;
  /** How long the server took to check and convert each version it published, by its own trace. */
  readonly checks: Summary;
}

/** What is typed at each place: a few words, as in revising a sentence. */
const PHRASE = ' and, as the report says,';

export interface Openings {
  /** didOpen → diagnostics of version 1, on a server that has checked a draft before. */
  readonly open: Summary;
  /** The first keystroke after each open → its diagnostics. */
  readonly first: Summary;
  /** What the server did with those first keystrokes. */
  readonly counts: Readonly<Record<Kind, number>>;
}

async function withServer<T>(run: (client: LspClient, uriOf: (name: string) => string) => Promise<T>): Promise<T> {
  const workspace = mkdtempSync(join(tmpdir(), 'factcheck-bench-'));
  const client = await LspClient.start({ workspace, trace: 'verbose' });
  try {
    await client.baseLoaded();
    return await run(client, (name) => pathToFileURL(join(workspace, name)).href);
  } finally {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * Opens `text` `runs` times (each a new document, closed after), after one untimed open that
 * warms the engine: the time to the open's diagnostics, and to those of a first keystroke typed
 * once they arrived.
 */
export function openings(text: string, runs: number): Promise<Openings> {
  return withServer(async (client, uriOf) => {
    const open: number[] = [];
    const first: number[] = [];
    const counts = { now: 0, wait: 0, join: 0 };
    for (let i = -1; i < runs; i++) {
      const uri = uriOf(`open-${i + 1}.md`);
      const opened = performance.now();
      await client.open(uri, text);
      await client.diagnosticsFor(uri, 1);
      const ready = performance.now();
      const version = await client.change(uri, [typeAt(client.text(uri), random(i + 100))]);
      const answered = await answeredAt(client, uri, version, ready);
      const kind = decisions(client, uri).get(version)!;
      await client.close(uri);
      if (i < 0) continue;
      open.push(ready - opened);
      first.push(answered - ready);
      counts[kind]++;
    }
    return { open: summarize(open), first: summarize(first), counts };
  });
}

/**
 * Types `count` keystrokes into a draft of about `words` words, one every `intervalMs` as a quick
 * typist would, without waiting for the diagnostics in between: the words of `PHRASE`, a letter
 * at a time, at the end of a prose line, then the same at another (the lines seeded: the same
 * every run). A writer types in one place at a time; keystrokes scattered over the draft would
 * make every coalesced check re-read all that lies between them.
 */
export function typing(words: number, count: number, intervalMs: number): Promise<Typing> {
  return withServer(async (client, uriOf) => {
    const uri = uriOf('draft.md');
    await client.open(uri, draft(words));
    await client.diagnosticsFor(uri, 1);
    const rand = random(7);
    const sent: Array<{ version: number; at: number }> = [];
    const start = performance.now();
    let cursor = typeAt(client.text(uri), rand).range.start;
    for (let i = 0; i < count; i++) {
      if (i > 0 && i % PHRASE.length === 0) cursor = typeAt(client.text(uri), rand).range.start;
      const due = start + i * intervalMs;
      if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      const at = performance.now();
      sent.push({ version: await client.change(uri, [{ range: { start: cursor, end: cursor }, text: PHRASE[i % PHRASE.length]! }]), at });
      cursor = { line: cursor.line, character: cursor.character + 1 };
    }
    await client.diagnosticsFor(uri, sent.at(-1)!.version);
    const kinds = decisions(client, uri);
    const checks = checkTimes(client, uri, sent[0]!.version);
    const by: Record<Kind, number[]> = { now: [], wait: [], join: [] };
    for (const { version, at } of sent) by[kinds.get(version)!].push((await answeredAt(client, uri, version, at)) - at);
    const all = [...by.now, ...by.wait, ...by.join];
    const debounced = [...by.wait, ...by.join];
    return {
      all: summarize(all),
      immediate: by.now.length ? summarize(by.now) : undefined,
      debounced: debounced.length ? summarize(debounced) : undefined,
      counts: { now: by.now.length, wait: by.wait.length, join: by.join.length },
      checks: summarize(checks),
    };
  });
}

/** A one-letter insertion at the end of a random prose line of `text`. */
function typeAt(text: string, rand: () => number) {
  const lines = text.split('\n');
  let line = Math.floor(rand() * lines.length);
  while (!/^[A-Z]/.test(lines[line] ?? '')) line = (line + 1) % lines.length;
  const character = lines[line]!.length;
  return { range: { start: { line, character }, end: { line, character } }, text: 'x' };
}

/** When diagnostics of `version` or a later one arrived after `since` (they come in version order). */
async function answeredAt(client: LspClient, uri: string, version: number, since: number): Promise<number> {
  const index = await client.until(`diagnostics of ${uri} from v${version}`, () => {
    const i = client.published.findIndex((p, j) => p.uri === uri && (p.version ?? 0) >= version && client.publishedAt[j]! >= since);
    return i >= 0 ? i + 1 : undefined;
  });
  return client.publishedAt[index - 1]!;
}

/** The server's check times of the versions of `uri` from `from` on, read from its trace. */
function checkTimes(client: LspClient, uri: string, from: number): number[] {
  return client.traces.flatMap((line) => {
    const m = CHECKED_LINE.exec(line);
    return m && m[1] === uri && Number(m[2]) >= from ? [Number(m[3])] : [];
  });
}

/** The server's decision for each version of `uri`, read from its trace. */
function decisions(client: LspClient, uri: string): Map<number, Kind> {
  const out = new Map<number, Kind>();
  for (const line of client.traces) {
    const m = TRACE_LINE.exec(line);
    if (m && m[1] === uri) out.set(Number(m[2]), m[3] as Kind);
  }
  return out;
}
