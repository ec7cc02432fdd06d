/**
 * Driving VS Code's workbench (in code-server) from playwright as a person would: quick open,
 * the mouse on a word, Ctrl+. and a click on a menu entry, Ctrl+S. Every wait is for a condition
 * (a selector, a squiggle under given words, a file's text) with a timeout; when one fails, the
 * error says what was awaited and where the screenshot of that moment is.
 */

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** How long a condition may take before the step fails. The first check of a draft is the slowest. */
export const TIMEOUT = 30_000;

/** Words on screen: `text` inside the first editor line that contains `line` (default: `text`). */
export interface Words {
  readonly text: string;
  readonly line?: string;
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Runs in the page (passed as source, so no compiled helper leaks into it): the screen box of
 * `text` in the first line of the visible editor that contains `line`, and the boxes of the error
 * squiggles. Monaco draws spaces as no-break spaces and splits a line into spans at will, so the
 * words are found in the line's text and measured with a DOM Range across its text nodes.
 */
const MEASURE = `(({ text, line }) => {
  const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
  const editor = document.querySelector('.part.editor .monaco-editor');
  if (!editor) return { words: null, squiggles: [] };
  const squiggles = [...editor.querySelectorAll('.squiggly-error')].map((e) => box(e.getBoundingClientRect()));
  const clean = (s) => s.replace(/\\u00a0/g, ' ');
  const found = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => clean(l.textContent).includes(line));
  if (!found) return { words: null, squiggles };
  const at = clean(found.textContent).indexOf(text, clean(found.textContent).indexOf(line));
  if (at < 0) return { words: null, squiggles };
  const walker = document.createTreeWalker(found, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent.length;
    if (!started && at < seen + length) { range.setStart(node, at - seen); started = true; }
    if (started && at + text.length <= seen + length) { range.setEnd(node, at + text.length - seen); break; }
    seen += length;
  }
  return { words: box(range.getBoundingClientRect()), squiggles };
})`;

export class Workbench {
  private shots = 0;

  constructor(
    readonly page: Page,
    private readonly shotsDir: string,
  ) {
    mkdirSync(shotsDir, { recursive: true });
  }

  /** Saves a screenshot as NN-name.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = join(this.shotsDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    // Animations finished: a hover card that is still fading in would show the text beneath it.
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  /**
   * Runs one step of a test; on failure takes a screenshot and adds its path to the error. With
   * `shot`, also takes a screenshot when the step succeeds.
   */
  async step<T>(name: string, body: () => Promise<T>, shot = true): Promise<T> {
    let result: T;
    try {
      result = await body();
    } catch (error) {
      const file = await this.screenshot(`FAILED-${name}`).catch((e: unknown) => `(no screenshot: ${String(e)})`);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`step "${name}" failed: ${message}\n  screenshot: ${file}`, { cause: error });
    }
    if (shot) await this.screenshot(name);
    return result;
  }

  /** Waits for a locator to be visible, failing with `what`. */
  async visible(locator: Locator, what: string, timeout = TIMEOUT): Promise<Locator> {
    try {
      await locator.first().waitFor({ state: 'visible', timeout });
    } catch {
      throw new Error(`waited ${timeout} ms for ${what}`);
    }
    return locator.first();
  }

  /**
   * Does `action` until `result` is visible, for at most `timeout` ms: a key press that lands
   * before the workbench listens for it, or a menu asked for before the language server has
   * answered, is done again rather than waited out. `seen` adds what was there to the error.
   */
  async until(what: string, action: () => Promise<void>, result: Locator, seen?: () => Promise<string>, timeout = TIMEOUT): Promise<Locator> {
    const deadline = Date.now() + timeout;
    for (;;) {
      await action();
      try {
        await result.first().waitFor({ state: 'visible', timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) });
        return result.first();
      } catch {
        if (Date.now() < deadline) continue;
        throw new Error(`waited ${timeout} ms for ${what}${seen ? `; ${await seen().catch((e: unknown) => String(e))}` : ''}`);
      }
    }
  }

  /** Opens the workbench on `url`. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.visible(this.page.locator('.monaco-workbench'), 'the workbench');
  }

  /** Waits for the Factcheck status bar item to show the size of a loaded fact base; returns its text. */
  async factBaseLoaded(): Promise<string> {
    const item = await this.visible(this.page.locator('.statusbar-item', { hasText: /Factcheck: \d+ entit(?:y|ies), \d+ statements?, \d+ quotations?/ }), 'the Factcheck status bar item with the size of the fact base');
    return item.innerText();
  }

  /** Opens a file of the workspace with quick open (Ctrl+P) and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // The list is filtered as results come in: Enter is pressed once the file is the focused row,
    // not while the recently opened files are still listed first.
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name });
    const pick = async () => {
      await this.until('the quick open box (Ctrl+P)', () => this.page.keyboard.press('Control+P'), input);
      await input.fill(name);
      await this.visible(focused, `"${name}" as the chosen entry of the quick open list`);
      await this.page.keyboard.press('Enter');
    };
    await this.until(`the active editor tab "${name}"`, pick, this.page.locator('.tabs-container .tab.active', { hasText: name }));
    await this.visible(this.page.locator('.part.editor .monaco-editor .view-lines'), `the text of ${name}`);
  }

  /** The screen box of some words of the visible editor, waiting for them to be drawn. */
  async boxOf(words: Words, timeout = TIMEOUT): Promise<Box> {
    const arg = { text: words.text, line: words.line ?? words.text };
    const found = await this.page
      .waitForFunction(`${MEASURE}(${JSON.stringify(arg)}).words`, undefined, { timeout })
      .catch(() => {
        throw new Error(`waited ${timeout} ms for "${words.text}"${words.line ? ` in the line "${words.line}"` : ''} in the editor`);
      });
    return (await found.jsonValue()) as Box;
  }

  /** Waits until an error squiggle runs exactly under `words` (to a pixel or two). */
  async squiggleUnder(words: Words, timeout = TIMEOUT): Promise<void> {
    const arg = { text: words.text, line: words.line ?? words.text };
    const condition = `(() => {
      const { words, squiggles } = ${MEASURE}(${JSON.stringify(arg)});
      return !!words && squiggles.some((s) => Math.abs(s.left - words.left) <= 2 && Math.abs(s.right - words.right) <= 2 && s.top < words.bottom + 4 && s.bottom > words.top);
    })()`;
    await this.page.waitForFunction(condition, undefined, { timeout }).catch(async () => {
      const seen = (await this.page.evaluate(`${MEASURE}(${JSON.stringify(arg)})`)) as unknown;
      throw new Error(`waited ${timeout} ms for an error squiggle under "${words.text}"; words and squiggles on screen: ${JSON.stringify(seen)}`);
    });
  }

  /** The number of error squiggles in the visible editor. */
  async squiggleCount(): Promise<number> {
    return this.page.locator('.part.editor .monaco-editor .squiggly-error').count();
  }

  /** Waits until the visible editor has `count` error squiggles. */
  async squiggles(count: number, timeout = TIMEOUT): Promise<void> {
    await this.page
      .waitForFunction(`document.querySelectorAll('.part.editor .monaco-editor .squiggly-error').length === ${count}`, undefined, { timeout })
      .catch(async () => {
        throw new Error(`waited ${timeout} ms for ${count} error squiggles; there are ${await this.squiggleCount()}`);
      });
  }

  /**
   * The error squiggles drawn on the editor lines that contain any of `lines`, and the screen
   * box of each of those lines: to say what a finding underlines, and what it does not.
   */
  async squigglesOnLines(lines: readonly string[]): Promise<{ squiggles: Box[]; lines: Box[] }> {
    return (await this.page.evaluate(`(() => {
      const wanted = ${JSON.stringify(lines)};
      const box = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      const editor = document.querySelector('.part.editor .monaco-editor');
      const clean = (s) => s.replace(/\u00a0/g, ' ');
      const found = [...editor.querySelectorAll('.view-lines .view-line')].filter((l) => wanted.some((w) => clean(l.textContent).includes(w))).map((l) => box(l.getBoundingClientRect()));
      const squiggles = [...editor.querySelectorAll('.squiggly-error')].map((e) => box(e.getBoundingClientRect()))
        .filter((s) => found.some((l) => s.top < l.bottom && s.bottom > l.top + (l.bottom - l.top) / 2));
      return { squiggles, lines: found };
    })()`)) as { squiggles: Box[]; lines: Box[] };
  }

  /** Rests the mouse on some words and returns the text of the hover card once it holds `expected`. */
  async hover(words: Words, expected: string): Promise<string> {
    await this.closeWidgets();
    const box = await this.boxOf(words);
    const card = this.page.locator('.monaco-hover', { hasText: expected });
    const rest = async () => {
      await this.page.mouse.move(1, 1);
      await this.page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2, { steps: 4 });
    };
    const shown = async () => `the hover shows: ${(await this.page.locator('.monaco-hover').allInnerTexts()).join(' | ') || 'nothing'}`;
    return (await this.until(`a hover card with "${expected}" over "${words.text}"`, rest, card, shown)).innerText();
  }

  /** The hover widget on screen: its box, and whether all of its content shows without scrolling. */
  async hoverWidget(): Promise<{ height: number; width: number; scrolls: boolean }> {
    return (await this.page.evaluate(`(() => {
      const widget = [...document.querySelectorAll('.monaco-hover')].find((h) => h.offsetParent !== null && h.getBoundingClientRect().height > 0);
      if (!widget) return { height: 0, width: 0, scrolls: false };
      const r = widget.getBoundingClientRect();
      const scrollable = widget.querySelector('.monaco-scrollable-element > .monaco-hover-content, .monaco-hover-content') || widget;
      return { height: r.height, width: r.width, scrolls: scrollable.scrollHeight > scrollable.clientHeight + 1 };
    })()`)) as { height: number; width: number; scrolls: boolean };
  }

  /**
   * Clicks into some words, opens the quick fix menu with Ctrl+. and clicks the entry `title`
   * (a string is matched whole, a RegExp as it says).
   */
  async quickFix(words: Words, title: string | RegExp): Promise<void> {
    await this.openQuickFixMenu(words, title);
    await this.chooseQuickFix(title);
  }

  /**
   * Clicks into some words and opens the quick fix menu with Ctrl+., until it lists `title`;
   * returns what the menu lists. The menu stays open (for a screenshot, then `chooseQuickFix`).
   */
  async openQuickFixMenu(words: Words, title: string | RegExp): Promise<string[]> {
    await this.closeWidgets();
    const box = await this.boxOf(words);
    await this.page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    const menu = this.page.locator('.action-widget');
    const entry = menu.getByRole('option', { name: title, exact: true });
    const open = async () => {
      if (await menu.isVisible()) await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+.');
    };
    const listed = async () => `the menu lists: ${(await menu.allInnerTexts()).join(' ').replace(/\n+/g, ' | ') || 'nothing'}`;
    await this.until(`${String(title)} in the quick fix menu (Ctrl+.)`, open, entry, listed);
    return menu.getByRole('option').allInnerTexts();
  }

  /** Clicks the entry `title` of the open quick fix menu and waits for the menu to close. */
  async chooseQuickFix(title: string | RegExp): Promise<void> {
    const menu = this.page.locator('.action-widget');
    const entry = menu.getByRole('option', { name: title, exact: true });
    // While the menu is open, VS Code covers the page with a pointer block that the first mouse
    // move removes; a person's mouse moves onto the entry before clicking, and so does this.
    const row = (await entry.boundingBox())!;
    await this.page.mouse.move(row.x + row.width / 2, row.y + row.height / 2, { steps: 4 });
    await this.page.locator('.context-view-pointerBlock').waitFor({ state: 'detached', timeout: TIMEOUT });
    await entry.click();
    await menu.waitFor({ state: 'hidden', timeout: TIMEOUT });
  }

  /**
   * What the workbench says about problems in a file: the problem counts in the aria labels of
   * its editor tab and its Explorer row (the red badges), and the status bar's error count.
   */
  async badges(file: string): Promise<{ tab: string; explorer: string; statusErrors: string }> {
    return (await this.page.evaluate(`(() => {
      const label = (e) => (e && e.getAttribute('aria-label')) || '';
      const tab = [...document.querySelectorAll('.tabs-container .tab')].find((t) => t.getAttribute('data-resource-name') === ${JSON.stringify(file)});
      const row = [...document.querySelectorAll('.explorer-folders-view .monaco-list-row')].find((r) => r.getAttribute('aria-label') === ${JSON.stringify(file)});
      const problems = (t) => (/•\\s*(.*)$/.exec(t) || ['', 'no problems'])[1];
      const status = document.querySelector('#status\\.problems');
      return {
        tab: problems(label(tab && tab.querySelector('.monaco-icon-label'))),
        explorer: problems(label(row && row.querySelector('.monaco-icon-label'))),
        statusErrors: status ? status.innerText.trim().split(/\\s+/)[0] : '',
      };
    })()`)) as { tab: string; explorer: string; statusErrors: string };
  }

  /** Waits until the tab and Explorer badges of `file` say `problems` ("1 problem in this file", "no problems"); returns how long it took. */
  async badgesSay(file: string, problems: string, timeout = TIMEOUT): Promise<number> {
    const started = Date.now();
    for (;;) {
      const now = await this.badges(file);
      if (now.tab.startsWith(problems) && now.explorer.startsWith(problems)) return Date.now() - started;
      if (Date.now() - started > timeout) throw new Error(`waited ${timeout} ms for the badges of ${file} to say "${problems}"; they say ${JSON.stringify(now)}`);
      await this.page.waitForTimeout(20);
    }
  }

  /** Runs a command from the command palette (F1) by its title. */
  async command(title: string): Promise<void> {
    await this.closeWidgets();
    const input = this.page.locator('.quick-input-widget input');
    await this.until('the command palette (F1)', () => this.page.keyboard.press('F1'), input);
    await input.fill(`>${title}`);
    await this.visible(this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }), `"${title}" in the command palette`);
    await this.page.keyboard.press('Enter');
  }

  /** The rows of the open quick pick: label and description of each. */
  async quickPickRows(): Promise<Array<{ label: string; description: string }>> {
    await this.visible(this.page.locator('.quick-input-list .monaco-list-row'), 'the rows of the quick pick');
    return (await this.page.evaluate(`[...document.querySelectorAll('.quick-input-list .monaco-list-row')].map((r) => ({
      label: (r.querySelector('.label-name') || { textContent: '' }).textContent.trim(),
      description: (r.querySelector('.label-description') || { textContent: '' }).textContent.trim(),
    }))`)) as Array<{ label: string; description: string }>;
  }

  /**
   * Records the text of every notification toast from now on, in the page, so that a test can
   * say afterwards that one never showed (`toastsSeen`).
   */
  async recordToasts(): Promise<void> {
    await this.page.evaluate(`(() => {
      window.__toasts = window.__toasts || [];
      const seen = (node) => { if (node.nodeType === 1) for (const t of [node, ...node.querySelectorAll('.notification-toast')]) if (t.classList && t.classList.contains('notification-toast')) window.__toasts.push(t.innerText); };
      document.querySelectorAll('.notification-toast').forEach(seen);
      new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(seen))).observe(document.body, { childList: true, subtree: true });
    })()`);
  }

  /** The texts of the toasts shown since `recordToasts`. */
  async toastsSeen(): Promise<string[]> {
    return (await this.page.evaluate('window.__toasts || []')) as string[];
  }

  /** Selects the line that holds `words`, from its end back to its first non-blank character, and types `text` over it. */
  async retypeLine(words: Words, text: string): Promise<void> {
    await this.closeWidgets();
    const box = await this.boxOf(words);
    await this.page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Shift+Home');
    await this.page.keyboard.type(text);
  }

  /** Saves the active editor (Ctrl+S). */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.visible(this.page.locator('.tabs-container .tab.active:not(.dirty)'), 'the active tab to be saved (not dirty)');
  }

  /** Opens the Problems panel (Ctrl+Shift+M) if it is closed, and waits for a problem that contains `text`. */
  async problem(text: string): Promise<string> {
    await this.closeWidgets();
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await this.visible(panel, 'the Problems panel (Ctrl+Shift+M)');
    const row = await this.visible(panel.locator('.monaco-list-row', { hasText: text }), `a problem with "${text}" in the Problems panel`);
    return row.innerText();
  }

  /** The rows of the Problems panel (open): each row's text and height in pixels. */
  async problemRows(): Promise<Array<{ text: string; height: number; message: string }>> {
    return (await this.page.evaluate(`[...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => ({
      text: r.innerText,
      height: r.getBoundingClientRect().height,
      message: (r.querySelector('.marker-message-details, .marker-message') || r).textContent,
    }))`)) as Array<{ text: string; height: number; message: string }>;
  }

  /** Closes hovers and menus, and moves the mouse out of the way. */
  async closeWidgets(): Promise<void> {
    await this.page.mouse.move(1, 1);
    await this.page.keyboard.press('Escape');
  }
}

/** Waits until a file's text satisfies `condition`; fails with `what` and the text it last read. */
export async function fileText(file: string, what: string, condition: (text: string) => boolean, timeout = TIMEOUT): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let seen: string;
    try {
      const text = readFileSync(file, 'utf8');
      if (condition(text)) return text;
      seen = `it reads:\n${text}`;
    } catch (error) {
      seen = `it cannot be read: ${String(error)}`;
    }
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${file} to ${what}; ${seen}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
