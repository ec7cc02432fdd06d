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
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** The draft of the workspace, as the tests find it: a wrong lineage, a quotation with one wrong word, a supported claim. */
const DRAFT = readFileSync(join(fixture, 'draft.md'), 'utf8');
/** The wrong lineage, whose words the draft wraps across two lines, and the first of them, where the squiggle starts. */
const WRONG = 'Yono-class\nmidget submarine';
const WRONG_START = { text: 'Yono-class', line: 'The Shahab-3 is a copy of the Yono-class' };
/** The one wrong word of the quotation: the recorded words have "enmity". */
const WRONG_WORD = { text: 'hostility', line: 'is the USA’s hostility' };
const QUOTATION_LINES = ['Back then, Khamenei said:', 'is the USA’s hostility toward'];
const SOURCE_TITLE = 'Iran-North Korea relationship reflects failed US policies';
const FOOTNOTE =
  '[^oba-iransource]: Oba, M. (n.d.). Iran-North Korea relationship reflects failed US policies. IranSource. ' +
  'https://www.atlanticcouncil.org/blogs/iransource/iran-north-korea-relationship-reflects-failed-us-policies/';

/** A sentence the base cannot judge until the team adds its fact, and the action that does. */
const UNJUDGED = { text: 'Iran-Iraq War', line: 'The Example-1 was used in' };
const ADD_TO_FACT_BASE = 'Add to fact base: the Example-1 was used in the Iran-Iraq War…';
const TEAM_SOURCE = 'Team memo on the Example-1 missile';

const QUOTED = DRAFT.replace('hostility', 'enmity');
const CORRECTED = QUOTED.replace(WRONG, 'Nodong-1');
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
  let gitParent = false;
  let failed = false;
  const browserErrors: string[] = [];

  before(async () => {
    const vsix = extensionVsix();
    assert.ok(existsSync(vsix), `${vsix} does not exist: run \`npm run package\` (\`npm run test:e2e\` does)`);
    await rm(results, { recursive: true, force: true });
    await mkdir(results, { recursive: true });

    dir = await mkdtemp(join(tmpdir(), 'factcheck-e2e-'));
    // The workspace lies inside a git repository, as examples/ does for `npm run editor`: VS Code
    // must not cover the editor with its "git repository found in the parent folders" toast.
    gitParent = spawnSync('git', ['init', '--quiet', dir]).status === 0;
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

  e2e('the wrong words get a squiggle, only they, and the Problems panel lists each finding on one line', async () => {
    await workbench.step('workbench', async () => {
      await workbench.open(server!.workbenchUrl(workspace));
      await workbench.recordToasts();
      // Activated by the workspace's .factcheck.yaml, before any draft is open.
      const status = await workbench.factBaseLoaded();
      // The status bar counts what `factcheck --check-facts` counts, in the same words.
      const cli = spawnSync(process.execPath, [join(repo, 'dist', 'cli.cjs'), '--check-facts'], { cwd: workspace, encoding: 'utf8' });
      const counts = /^fact base: (.*?), \d+ sources? from/.exec(cli.stdout)?.[1];
      assert.ok(counts, cli.stdout + cli.stderr);
      assert.match(status, new RegExp(`Factcheck: ${counts}$`));
    });
    await workbench.step('squiggle', async () => {
      await workbench.openFile('draft.md');
      await workbench.squiggleUnder(WRONG_START);
      await workbench.squiggleUnder(WRONG_WORD);
      // The quotation's two lines have one squiggle, under "hostility" and nothing else.
      const word = await workbench.boxOf(WRONG_WORD);
      const { squiggles, lines } = await workbench.squigglesOnLines(QUOTATION_LINES);
      assert.equal(lines.length, 2, 'both lines of the quotation are on screen');
      assert.equal(squiggles.length, 1, `one squiggle on the quotation's lines: ${JSON.stringify(squiggles)}`);
      assert.ok(Math.abs(squiggles[0]!.left - word.left) <= 2 && Math.abs(squiggles[0]!.right - word.right) <= 2, `the squiggle ${JSON.stringify(squiggles[0])} is under "hostility" ${JSON.stringify(word)} only`);
    });
    await workbench.step('problems', async () => {
      await workbench.problem('derives from the Yono-class midget submarine');
      await workbench.problem('"hostility" where the source has "enmity"');
      // One line each: no hard line break of the draft in a message, so no row taller than the others.
      const rows = await workbench.problemRows();
      const findings = rows.filter((r) => /factcheck/.test(r.text) && !/^draft\.md/.test(r.text.trim()));
      assert.equal(findings.length, 2, JSON.stringify(rows));
      for (const row of findings) {
        assert.doesNotMatch(row.message.trim(), /\n/, `a message on more than one line: ${JSON.stringify(row.message)}`);
        assert.ok(row.height <= rows[0]!.height + 1, `a row taller than one line: ${JSON.stringify(row)}`);
      }
      assert.match(findings[0]!.text, /The draft says the Shahab-3 derives from the Yono-class midget submarine; the fact base says it is Iran's version of North Korea's Nodong-1/);
    });
  });

  e2e('hover cards: an entity, and a flagged quotation with the recorded words, each fitting the default hover', async () => {
    await workbench.step('hover-entity', async () => {
      const card = await workbench.hover({ text: 'Shahab-3', line: 'The Shahab-3 is' }, 'medium-range ballistic missile');
      assert.match(card, /Shahab-3/);
      const widget = await workbench.hoverWidget();
      assert.ok(widget.height <= 500 && !widget.scrolls, `the card fits without scrolling: ${JSON.stringify(widget)}`);
    });
    await workbench.step('hover-quotation', async () => {
      const card = await workbench.hover(WRONG_WORD, SOURCE_TITLE);
      assert.match(card, /Draft: hostility · Fact base: enmity/);
      assert.match(card, /Ali Khamenei said: “Among the reasons why Iran is close to Korea is the USA’s enmity toward both our countries\.”/);
      // Said once: the finding's message is VS Code's own line above the card, not repeated in it.
      assert.equal(card.match(/where the source has/g)?.length, 1, card);
      const bold = await workbench.page.locator('.monaco-hover strong', { hasText: 'enmity' }).count();
      assert.ok(bold >= 1, 'the right word is in bold');
      const widget = await workbench.hoverWidget();
      assert.ok(widget.height <= 500 && !widget.scrolls, `the card fits without scrolling: ${JSON.stringify(widget)}`);
    });
    await workbench.step('hover-link', async () => {
      // The rest is one click away: the card's link opens the quotation in its fact file.
      await workbench.hover(WRONG_WORD, 'Open in quotations.yaml');
      await workbench.page.locator('.monaco-hover a', { hasText: 'Open in quotations.yaml' }).click();
      await workbench.visible(workbench.page.locator('.tabs-container .tab.active', { hasText: 'quotations.yaml' }), 'quotations.yaml opened from the card');
      await workbench.visible(workbench.page.locator('.part.editor .monaco-editor .view-line', { hasText: 'id: khamenei-enmity' }), 'the quotation’s entry');
    });
    await workbench.openFile('draft.md');
  });

  e2e('quick fixes: the menu says what changes, the fix changes only that, and the badges clear at once', async () => {
    const draft = join(workspace, 'draft.md');
    const listed = await workbench.step('quick-fix-menu', () => workbench.openQuickFixMenu(WRONG_WORD, 'Correct "hostility" to "enmity"'));
    assert.ok(listed.some((t) => t.includes('Correct "hostility" to "enmity" and cite')), listed.join(' | '));
    await workbench.step('quick-fix-quotation', async () => {
      await workbench.chooseQuickFix('Correct "hostility" to "enmity"');
      await workbench.boxOf({ text: 'enmity', line: 'is the USA’s enmity' });
      await workbench.badgesSay('draft.md', '1 problem');
    });
    await workbench.step('quick-fix-correct', async () => {
      await workbench.quickFix(WRONG_START, 'Correct "Yono-class midget submarine" to "Nodong-1"');
      await workbench.squiggles(0);
      // The badges clear with the squiggle, not at the server's next publish.
      const ms = await workbench.badgesSay('draft.md', 'no problems');
      assert.ok(ms < 1_500, `the tab and Explorer badges took ${ms} ms to clear after the fix`);
      console.log(`# the badges cleared ${ms} ms after the squiggle`);
      await workbench.save();
    });
    assert.equal(await fileText(draft, 'be saved with the corrections', (text) => text !== DRAFT), CORRECTED);

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

  e2e('Add to fact base… writes the sentence’s fact into the team’s fact file, citing the source picked, and the draft is judged by it', async () => {
    const facts = join(workspace, 'team-facts', 'missiles.yaml');
    await workbench.step('add-to-fact-base-menu', () => workbench.quickFix(UNJUDGED, ADD_TO_FACT_BASE));
    const rows = await workbench.step('add-to-fact-base-sources', () => workbench.quickPickRows());
    // The source cited for the Example-1 comes first; every source of the base can be picked.
    assert.equal(rows[0]?.label, TEAM_SOURCE, JSON.stringify(rows));
    assert.equal(rows[0]?.description, 'cited for Example-1');
    assert.ok(rows.length >= 2, JSON.stringify(rows));
    await workbench.step('add-to-fact-base-written', async () => {
      await workbench.page.locator('.quick-input-widget input').fill(TEAM_SOURCE);
      await workbench.visible(workbench.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: TEAM_SOURCE }), 'the team memo, focused');
      await workbench.page.keyboard.press('Enter');
      // The fact file the Example-1 is defined in opens at the new statement.
      await workbench.visible(workbench.page.locator('.tabs-container .tab.active', { hasText: 'missiles.yaml' }), 'missiles.yaml shown');
      await workbench.visible(workbench.page.locator('.part.editor .monaco-editor .view-line', { hasText: 'id: example-1-used-in-iran-iraq-war' }), 'the new statement');
      await workbench.save();
    });
    const saved = await fileText(facts, 'be saved with the new statement', (text) => text.includes('id: example-1-used-in-iran-iraq-war'));
    assert.match(saved, /predicate: used-in\n {4}object: iran-iraq-war\n/);
    assert.match(saved, /- \{ source: team-memo \}/);
    await workbench.step('add-to-fact-base-judged', async () => {
      await workbench.openFile('draft.md');
      // Supported now: the claim can be cited, and there is nothing more to add.
      const listed = await workbench.openQuickFixMenu(UNJUDGED, `Insert citation: ${TEAM_SOURCE}`);
      assert.ok(!listed.some((t) => t.startsWith('Add to fact base')), listed.join(' | '));
      await workbench.page.keyboard.press('Escape');
    });
  });

  e2e('Open Fact Base lists fact files by name, with their folder', async () => {
    const rows = await workbench.step('open-fact-base', async () => {
      await workbench.command('Factcheck: Open Fact Base');
      return workbench.quickPickRows();
    });
    await workbench.page.keyboard.press('Escape');
    assert.deepEqual(rows[0], { label: 'missiles.yaml', description: 'team-facts' }, JSON.stringify(rows));
    assert.ok(rows.some((r) => r.label === 'people.yaml' && r.description === 'shipped with Factcheck'), JSON.stringify(rows));
    for (const r of rows) assert.match(r.label, /^[\w.-]+\.ya?ml$/, `a label that is not a file name: ${r.label}`);
  });

  e2e('no toast covered the editor (the workspace is inside a git repository)', async () => {
    assert.ok(gitParent, 'git init made the workspace’s parent a repository');
    const toasts = await workbench.toastsSeen();
    assert.deepEqual(toasts.filter((t) => /git repositor/i.test(t)), [], `toasts seen: ${toasts.join(' | ')}`);
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
