/**
 * Output safety: what Factcheck prints comes partly from drafts and fact files, which anyone can
 * write. The command's text format shows terminal control sequences (ESC [, OSC 8 hyperlinks,
 * BEL) as visible escapes and never starts a line with a CI workflow command (`::`); JSON and
 * SARIF stay valid JSON with the raw strings escaped by JSON. Through the server, hover and
 * completion Markdown never carries a link to anything but http(s), so no `command:` link (the
 * test client does not ask for Factcheck's own link to the fact file).
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CompletionRequest, HoverRequest, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient.js';

const repo = join(import.meta.dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.cjs');
const dir = mkdtempSync(join(tmpdir(), 'factcheck-output-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ESC = '\u001b';
const HOSTILE = `Evil${ESC}[31m${ESC}]8;;https://x.invalid${ESC}\\\\link${ESC}]8;;${ESC}\\\\\u0007\\n::set-output name=x::y`;
// A fact base whose names carry control sequences and workflow commands, and a statement that
// puts one of them into a finding's message.
const FACTS = `sources:
  - { id: evil-src, type: report, title: "[click](command:workbench.action.terminal.new) ${HOSTILE}", URL: "https://x.invalid/a)[y](command:workbench.action.terminal.new)" }
entities:
  - id: zolfaghar
    type: missile
    name: Zolfaghar
    description: "See [run](command:workbench.action.terminal.sendSequence?%7B%7D) <a href='command:x'>x</a> javascript:alert(1)"
    references: [{ source: evil-src }]
  - id: fateh-110
    type: missile
    name: Fateh-110
    description: An Iranian missile.
    references: [{ source: evil-src }]
  - id: evil
    type: missile
    name: "${HOSTILE}"
    aliases: [Evilmissile, "[x](command:workbench.action.terminal.new)"]
    description: "![img](command:x) [y]: command:z"
    references: [{ source: evil-src }]
statements:
  - { id: z-from-evil, subject: zolfaghar, predicate: derived-from, object: evil, references: [{ source: evil-src, locator: "::error::loc" }] }
`;
mkdirSync(join(dir, 'facts'));
writeFileSync(join(dir, 'facts', 'evil.yaml'), FACTS);
const DRAFT = `The Zolfaghar is based on the Fateh-110.${ESC}[2J\u0007\n\n::warning::from the draft\n`;
const NAME = '::error::x.md';
writeFileSync(join(dir, NAME), DRAFT);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, '--facts', 'facts', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** No raw control character but line breaks, and no line that a CI runner reads as a command. */
function assertInert(text: string, what: string): void {
  // eslint-disable-next-line no-control-regex
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.exec(text);
  assert.equal(raw, null, `${what} holds a raw control character U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  assert.doesNotMatch(text, /^\s*::/m, `${what} has a line starting with ::`);
}

describe('command output from hostile drafts and fact files', { timeout: 60_000 }, () => {
  it('text: escapes control sequences, OSC 8, BEL and workflow commands, in file names and messages', () => {
    const r = run([NAME]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /lineage/);
    assert.match(r.out, /\\u001b\[31m/, 'the escape shows as text');
    assertInert(r.out, 'standard output');
    assertInert(r.err, 'standard error');
  });

  it('json and sarif: valid JSON that keeps the raw strings, escaped by JSON', () => {
    for (const format of ['json', 'sarif']) {
      const r = run(['--format', format, NAME]);
      assert.equal(r.code, 1, r.err);
      assertInert(r.out, `--format ${format}`);
      const parsed = JSON.parse(r.out) as unknown;
      const strings = JSON.stringify(parsed);
      assert.ok(strings.includes('\\u001b[31m'), `${format}: the raw escape survives, JSON-escaped`);
      assert.ok(r.out.includes('::error::x.md'), `${format}: the file name is kept as it is, inside a JSON string`);
    }
  });

  it('fact-base problems printed by --check-facts are inert too', () => {
    writeFileSync(join(dir, 'facts', 'broken.yaml'), `entities:\n  - id: "${HOSTILE}"\n    type: missile\n`);
    const r = run(['--check-facts']);
    assertInert(r.err, 'standard error');
    assertInert(r.out, 'standard output');
    rmSync(join(dir, 'facts', 'broken.yaml'));
  });
});

describe('hover and completion from a hostile fact base', { timeout: 60_000 }, () => {
  /**
   * Every link, image, link definition or raw HTML that a Markdown renderer (GFM, autolinks
   * included) would produce from `markdown`, with a target that is not http(s).
   */
  function unsafe(markdown: string): string[] {
    const found: string[] = [];
    const walk = (node: Nodes): void => {
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !/^https?:\/\//i.test(node.url)) found.push(`${node.type} ${node.url}`);
      if (node.type === 'html') found.push(`html ${node.value}`);
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(unified().use(remarkParse).use(remarkGfm).parse(markdown));
    return found;
  }

  it('hover cards and completion documentation link only http(s), and escape the rest', async () => {
    writeFileSync(join(dir, '.factcheck.yaml'), 'factBases: [facts]\n');
    const client = await LspClient.start({ workspace: dir });
    try {
      await client.baseLoaded();
      const draft = pathToFileURL(join(dir, 'hover.md')).href;
      await client.open(draft, 'The Zolfaghar is based on the Fateh-110. Evilmissile.\n\nSee [^');
      await client.diagnosticsFor(draft, 1);
      const texts: string[] = [];
      for (const character of [6, 33, 45]) {
        const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 0, character } })) as Hover | null;
        assert.ok(hover, `a hover at ${character}`);
        texts.push((hover.contents as MarkupContent).value);
      }
      const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draft }, position: { line: 2, character: 6 } })) as CompletionItem[];
      const evil = items.find((i) => i.label === 'evil-src');
      assert.ok(evil, items.map((i) => i.label).join(', '));
      texts.push((evil.documentation as MarkupContent).value);
      for (const text of texts) {
        assert.deepEqual(unsafe(text), [], `unsafe Markdown in:\n${text}`);
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f]/, 'no control characters');
      }
      assert.ok(texts.some((t) => t.includes('command\\:') || t.includes('\\[x\\]') || t.includes('\\[run\\](command:')), 'the hostile text is shown, escaped');
    } finally {
      await client.stop();
      rmSync(join(dir, '.factcheck.yaml'));
    }
  });
});
