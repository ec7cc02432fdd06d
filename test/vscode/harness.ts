/**
 * A small test runner for the suites that run inside VS Code's extension host, with mocha's TDD
 * interface (`suite`, `test`, `suiteSetup`, `suiteTeardown`). It is used instead of mocha because
 * the same bundle has to run in two hosts: under @vscode/test-electron (whose `run()` contract
 * needs no particular framework) and inside code-server, where a test-only extension runs it on
 * activation and writes the results to a file. Bundled with esbuild, these few lines have no
 * dynamic `require` of test files and no reporter to configure, and they give the results as
 * plain data for both hosts.
 */

type Body = () => unknown;

interface Test {
  readonly title: string;
  readonly body: Body;
  readonly timeout: number;
}

interface Suite {
  readonly title: string;
  readonly setup: Body[];
  readonly teardown: Body[];
  readonly tests: Test[];
}

/** What a run found, as written to the results file. */
export interface Results {
  readonly passed: number;
  readonly failed: number;
  readonly tests: readonly { readonly title: string; readonly ok: boolean; readonly ms: number }[];
  readonly failures: readonly { readonly title: string; readonly error: string }[];
  readonly durationMs: number;
}

const DEFAULT_TIMEOUT = 30_000;
const suites: Suite[] = [];
let current: Suite | undefined;

/** Declares a suite; its body declares the tests, synchronously. */
export function suite(title: string, body: () => void): void {
  const declared: Suite = { title, setup: [], teardown: [], tests: [] };
  const outer = current;
  current = declared;
  try {
    body();
  } finally {
    current = outer;
  }
  suites.push(declared);
}

/** Declares a test of the enclosing suite; it fails if it throws, rejects or outlasts `timeout` ms. */
export function test(title: string, body: Body, timeout = DEFAULT_TIMEOUT): void {
  inSuite('test').tests.push({ title, body, timeout });
}

/** Runs before the suite's first test; if it fails, the suite's tests fail with its error. */
export function suiteSetup(body: Body): void {
  inSuite('suiteSetup').setup.push(body);
}

/** Runs after the suite's last test, whatever happened. */
export function suiteTeardown(body: Body): void {
  inSuite('suiteTeardown').teardown.push(body);
}

function inSuite(what: string): Suite {
  if (!current) throw new Error(`${what}() must be called inside suite()`);
  return current;
}

/** Runs every declared suite in order; `log` receives one line per test. */
export async function run(log: (line: string) => void = () => {}): Promise<Results> {
  const started = Date.now();
  const tests: { title: string; ok: boolean; ms: number }[] = [];
  const failures: { title: string; error: string }[] = [];
  for (const s of suites) {
    let setupError: unknown;
    for (const body of s.setup) {
      try {
        await withTimeout(body, DEFAULT_TIMEOUT, `${s.title}: suiteSetup`);
      } catch (error) {
        setupError = error;
        break;
      }
    }
    for (const t of s.tests) {
      const title = `${s.title} › ${t.title}`;
      const testStarted = Date.now();
      let error = setupError;
      if (error === undefined) {
        try {
          await withTimeout(t.body, t.timeout, title);
        } catch (thrown) {
          error = thrown ?? new Error('threw undefined');
        }
      }
      const ms = Date.now() - testStarted;
      tests.push({ title, ok: error === undefined, ms });
      if (error === undefined) {
        log(`  ✔ ${title} (${ms} ms)`);
      } else {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ title, error: text });
        log(`  ✘ ${title} (${ms} ms)\n${indent(text)}`);
      }
    }
    for (const body of s.teardown) {
      try {
        await withTimeout(body, DEFAULT_TIMEOUT, `${s.title}: suiteTeardown`);
      } catch (error) {
        const title = `${s.title} › suiteTeardown`;
        failures.push({ title, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        log(`  ✘ ${title}`);
      }
    }
  }
  const failed = failures.length;
  const results: Results = { passed: tests.filter((t) => t.ok).length, failed, tests, failures, durationMs: Date.now() - started };
  log(`${results.passed} passed, ${results.failed} failed`);
  return results;
}

async function withTimeout(body: Body, ms: number, title: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${title}: timed out after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([Promise.resolve().then(body), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}
