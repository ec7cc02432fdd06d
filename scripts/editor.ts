/**
 * `npm run editor`: Factcheck in a real VS Code, in the browser. Packages the extension, installs
 * the .vsix into code-server with a throwaway profile (settings, state and extensions in a
 * temporary folder, removed on exit), starts code-server on 127.0.0.1 (port $PORT, or a free
 * one) with examples/ open, and prints the address. Ctrl+C stops it.
 *
 *   npm run editor
 *   npm run editor -- --screenshot docs/images/editor.png
 *       opens examples/draft.md in Chromium with a throwaway profile, rests the mouse on a flagged
 *       claim, saves a screenshot of the squiggles and the evidence card, and stops.
 *
 * code-server comes from scripts/install-code-server.sh.
 */

import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { Workbench } from '../test/e2e/workbench.js';
import {
  CHROMIUM_ARGS,
  chromiumBinary,
  codeServerBinary,
  codeServerDir,
  createProfile,
  extensionVsix,
  installExtensions,
  repo,
  startCodeServer,
} from './code-server.js';

const examples = join(repo, 'examples');
const at = process.argv.indexOf('--screenshot');
const screenshot = at >= 0 ? process.argv[at + 1] : undefined;
if (at >= 0 && !screenshot) fail('--screenshot needs a file name, e.g. docs/images/editor.png');

const bin = codeServerBinary();
if (!bin) fail(`code-server is not installed in ${codeServerDir}: run \`bash scripts/install-code-server.sh\` (it says what it needs).`);

execFileSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
const vsix = extensionVsix();

if (screenshot) {
  await takeScreenshot(bin, resolve(screenshot));
} else {
  const dir = await mkdtemp(join(tmpdir(), 'factcheck-editor-'));
  const profile = await createProfile(dir);
  await installExtensions(bin, profile, [vsix]);
  const server = await startCodeServer(bin, profile, { folder: examples, port: Number(process.env.PORT ?? 0) });
  console.log(`\nFactcheck in VS Code: ${server.workbenchUrl(examples)}\n(Ctrl+C stops it)`);
  const stop = () => void server.stop().then(async () => {
    await rm(dir, { recursive: true, force: true });
    process.exit(0);
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function takeScreenshot(codeServer: string, file: string): Promise<void> {
  const chromiumPath = chromiumBinary();
  if (!chromiumPath) fail('Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH).');
  const dir = await mkdtemp(join(tmpdir(), 'factcheck-editor-'));
  const profile = await createProfile(join(dir, 'profile'));
  await installExtensions(codeServer, profile, [vsix]);
  const server = await startCodeServer(codeServer, profile);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const workbench = new Workbench(page, join(dir, 'steps'));
    await workbench.open(server.workbenchUrl(examples));
    await workbench.openFile('draft.md');
    await workbench.factBaseLoaded();
    // More room for the draft: the side bar closed (Ctrl+B).
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await workbench.squiggleUnder({ text: 'Yono-class midget submarine', line: 'The Shahab-3 is a copy' });
    await workbench.hover({ text: 'Yono-class midget submarine', line: 'The Shahab-3 is a copy' }, 'Fact base: Nodong-1');
    await page.screenshot({ path: file, animations: 'disabled' });
    console.log(`Saved ${file}`);
  } finally {
    await browser.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function fail(message: string): never {
  console.error(`npm run editor: ${message}`);
  process.exit(1);
}
