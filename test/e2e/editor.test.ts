/**
 * End to end: the packaged extension (.vsix) installed in a real VS Code (code-server), in a
 * real browser (Debian's Chromium, driven by playwright-core), on a workspace copied from
 * test/e2e/workspace/: a draft with a wrong fact and a fact-base folder of the team's own,
 * configured in .factcheck.yaml. The assertions are on what the workbench shows and on the files
 * it saves. The tests run in order in one window, each going on from where the last one left the
 * draft. The last one runs the `vscode` API suite of test/vscode inside the same code-server, in
 * a window of its own.
 *
 * Screenshots of every step go to test-results/e2e/, with code-server's output and the browser's
 * errors. `npm run test:e2e` packages the extension first. Needs code-server
 * (scripts/install-code-server.sh) and Chromium; without them the suite is skipped, except on
 * CI (CI=true), where it fails.
 */

import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
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
  type CodeServer,
} from '../../scripts/code-server.js';
import { buildRunnerExtension } from '../vscode/build.js';
import { fileText, Workbench } from './workbench.js';

const results = join(repo, 'test-results', 'e2e');
const fixture = join(import.meta.dirname, 'workspace');

const WRONG = 'Yono-class midget submarine';
const SOURCE_TITLE = 'Iran-North Korea relationship reflects failed US policies';
const FOOTNOTE =
  '[^oba-iransource]: Oba, M. (n.d.). Iran-North Korea relationship reflects failed US policies. IranSource. ' +
  'https://www.atlanticcouncil.org/blogs/iransource/iran-north-korea-relationship-reflects-failed-us-policies/';

const DRAFT = `# Memo

The Shahab-3 is a copy of the Yono-class midget submarine.

Iran's Shahab-3 is a version of North Korea's Nodong-1.

The Example-1 is a copy of the Shahab-3.
`;
const CORRECTED = DRAFT.replace(WRONG, 'Nodong-1');
const CITED = `${CORRECTED.replace("North Korea's Nodong-1.", "North Korea's Nodong-1.[^oba-iransource]")}\n${FOOTNOTE}\n`;

const codeServer = codeServerBinary();
const chromiumPath = chromiumBinary();
const missing = [
  codeServer ? '' : `code-server (not in ${codeServerDir}: run scripts/install-code-server.sh)`,
  chromiumPath ? '' : 'Chromium (apt-get install chromium, or set CHROMIUM_PATH)',
].filter(Boolean);
const onCI = process.env.CI === 'true' || process.env.CI === '1';
const skip = missing.length > 0 ? `needs ${missing.join(' and ')}` : false;

// On CI a missing prerequisite is a failure, not a silent skip.
test('code-server and Chromium are installed for the end-to-end tests', { skip: onCI ? false : skip }, () => {
  assert.deepEqual(missing, [], `The end-to-end tests need ${missing.join(' and ')}; .ci/run installs both.`);
});

describe('Factcheck in VS Code (code-server in Chromium)', { skip, timeout: 300_000 }, () => {
  let dir: string;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workbench: Workbench;
  let workspace: string;
  let suiteWorkspace: string;
  let failed = false;
  const browserErrors: string[] = [];

  before(async () => {
    const vsix = extensionVsix();
    assert.ok(existsSync(vsix), `${vsix} does not exist: run \`npm run package\` (\`npm run test:e2e\` does)`);
    await rm(results, { recursive: true, force: true });
    await mkdir(results, { recursive: true });

    dir = await mkdtemp(join(tmpdir(), 'factcheck-e2e-'));
    workspace = join(dir, 'workspace');
    await cp(fixture, workspace, { recursive: true });
    // The API suite gets a workspace of its own, which tells the runner extension where to write.
    suiteWorkspace = join(dir, 'suite-workspace');
    await cp(fixture, suiteWorkspace, { recursive: true });
    await mkdir(join(suiteWorkspace, '.vscode'));
    await writeFile(join(suiteWorkspace, '.vscode', 'settings.json'), JSON.stringify({ 'factcheckTests.resultsFile': join(dir, 'suite-results.json') }));

    const profile = await createProfile(join(dir, 'profile'));
    await installExtensions(codeServer!, profile, [vsix, await buildRunnerExtension(join(dir, 'runner'))]);
    server = await startCodeServer(codeServer!, profile);
    browser = await chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => browserErrors.push(`page error: ${error.message}`));
    workbench = new Workbench(page, results);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (server) await writeFile(join(results, 'code-server.log'), server.output());
    await writeFile(join(results, 'browser-errors.log'), browserErrors.join('\n'));
    if (dir && !failed) await rm(dir, { recursive: true, force: true });
    else if (dir) console.log(`# the workspaces and profile are kept in ${dir}`);
  });

  /** A test that records its failure, so that the temporary folder is kept for a look. */
  const e2e = (name: string, body: () => Promise<void>) =>
    test(name, async () => {
      try {
        await body();
      } catch (error) {
        failed = true;
        throw error;
      }
    });

  e2e('the wrong words of a draft get a squiggle, and the Problems panel lists the finding', async () => {
    await workbench.step('workbench', async () => {
      await workbench.open(server!.workbenchUrl(workspace));
      // Activated by the workspace's .factcheck.yaml, before any draft is open.
      await workbench.factBaseLoaded();
    });
    await workbench.step('squiggle', async () => {
      await workbench.openFile('draft.md');
      await workbench.squiggleUnder({ text: WRONG });
      assert.equal(await workbench.squiggleCount(), 1, 'one squiggle: the draft has one wrong fact');
    });
    await workbench.step('problems', async () => {
      const problem = await workbench.problem('derives from the Yono-class midget submarine');
      assert.match(problem, /the fact base says it is Iran's version of North Korea's Nodong-1/);
    });
  });

  e2e('hovering an entity shows its card, and hovering the flagged words the evidence', async () => {
    await workbench.step('hover-entity', async () => {
      const card = await workbench.hover({ text: 'Shahab-3', line: 'The Shahab-3 is' }, 'medium-range ballistic missile');
      assert.match(card, /Shahab-3/);
    });
    await workbench.step('hover-evidence', async () => {
      const card = await workbench.hover({ text: WRONG }, SOURCE_TITLE);
      assert.match(card, /Nodong-1/);
    });
  });

  e2e('the quick fixes correct the wrong words and cite a supported claim, in the saved file', async () => {
    const draft = join(workspace, 'draft.md');
    await workbench.step('quick-fix-correct', async () => {
      await workbench.quickFix({ text: WRONG }, 'Correct to "Nodong-1"');
      await workbench.squiggles(0);
      await workbench.save();
    });
    assert.equal(await fileText(draft, 'be saved with the correction', (text) => text !== DRAFT), CORRECTED);

    await workbench.step('quick-fix-cite', async () => {
      await workbench.quickFix({ text: "North Korea's Nodong-1" }, /^Insert citation: /);
      await workbench.boxOf({ text: '[^oba-iransource]', line: "Iran's Shahab-3" });
      await workbench.save();
    });
    assert.equal(await fileText(draft, 'be saved with the citation', (text) => text !== CORRECTED), CITED);
  });

  e2e('editing and saving a fact file of the workspace changes the findings in the open draft', async () => {
    const facts = join(workspace, 'team-facts', 'missiles.yaml');
    await workbench.step('fact-file-edited', async () => {
      await workbench.openFile('missiles.yaml');
      await workbench.retypeLine({ text: 'object: shahab-3' }, 'object: nodong-1');
      await workbench.save();
    });
    await fileText(facts, 'be saved with the new object', (text) => text.includes('    object: nodong-1\n'));
    await workbench.step('draft-rechecked', async () => {
      await workbench.openFile('draft.md');
      await workbench.squiggleUnder({ text: 'Shahab-3', line: 'The Example-1 is a copy' });
      await workbench.problem('The draft says the Example-1 derives from the Shahab-3');
    });
  });

  e2e('the vscode API suite (test/vscode) passes inside code-server', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => browserErrors.push(`page error (suite window): ${error.message}`));
    const suite = new Workbench(page, join(results, 'vscode-suite'));
    await suite.step('workbench', () => suite.open(server!.workbenchUrl(suiteWorkspace)));
    const text = await suite.step('results', () => fileText(join(dir, 'suite-results.json'), 'be written by the runner extension', (t) => t.length > 0, 120_000));
    const outcome = JSON.parse(text) as { passed: number; failed: number; failures: { title: string; error: string }[] };
    const failures = outcome.failures.map((f) => `${f.title}\n${f.error}`).join('\n\n');
    assert.equal(outcome.failed, 0, `${outcome.failed} of the suite's tests failed:\n${failures}`);
    assert.ok(outcome.passed >= 6, `only ${outcome.passed} of the suite's tests ran`);
    console.log(`# vscode API suite in code-server: ${outcome.passed} passed, ${outcome.failed} failed`);
    await page.close();
  });
});
