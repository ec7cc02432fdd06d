/**
 * code-server: a real VS Code (the workbench in a browser, the Node extension host on this
 * machine) installed from the npm registry by scripts/install-code-server.sh. Used by the
 * end-to-end tests and by `npm run editor`: where it is, a profile of its own (user data,
 * extensions, config) with extensions installed from .vsix files, and a server on loopback.
 * Why code-server and its quirks: shared/notes/real-vscode.md.
 */

import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const repo = join(import.meta.dirname, '..');

/** The folder scripts/install-code-server.sh installs into. */
export const codeServerDir = process.env.CODE_SERVER_DIR ?? join(repo, '.cache', 'code-server');

/** The code-server executable, if it is installed. */
export function codeServerBinary(): string | undefined {
  const bin = join(codeServerDir, 'node_modules', '.bin', 'code-server');
  return existsSync(bin) ? bin : undefined;
}

/** Debian's Chromium (or $CHROMIUM_PATH), if it is installed. */
export function chromiumBinary(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

/**
 * Chromium's flags on these machines: no sandbox (root), no GPU, and none of the background
 * connections that a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The .vsix that `npm run package` writes. */
export function extensionVsix(): string {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(repo, `${manifest.name}-${manifest.version}.vsix`);
}

/**
 * User settings for a workbench that shows only what is asked of it: no welcome page,
 * walkthrough or tips, no update or marketplace checks (this machine has no network), and no
 * "A git repository was found in the parent folders" toast over the editor when the folder
 * opened (examples/ of this repository, say) lies inside a git repository.
 */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
  'git.openRepositoryInParentFolders': 'never',
};

/** Where one code-server keeps its state. */
export interface Profile {
  readonly dir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** The environment to run code-server in: its config and data folders are inside `dir`. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * A profile in `dir`. The user settings are written if there are none yet (a kept profile, like
 * `npm run editor`'s, keeps the user's own). code-server's config file and data go inside `dir`
 * too, so nothing is written to the home folder.
 */
export async function createProfile(dir: string, settings: Readonly<Record<string, unknown>> = QUIET_SETTINGS): Promise<Profile> {
  const userDataDir = join(dir, 'user');
  const extensionsDir = join(dir, 'extensions');
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) await writeFile(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  const env = { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') };
  return { dir, userDataDir, extensionsDir, env };
}

/** Installs .vsix files into the profile (`code-server --install-extension`, replacing older copies). */
export async function installExtensions(bin: string, profile: Profile, vsixFiles: readonly string[]): Promise<void> {
  const args = [
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    ...vsixFiles.flatMap((file) => ['--install-extension', file]),
    '--force',
  ];
  const output = await new Promise<string>((resolve, reject) => {
    execFile(bin, args, { env: profile.env, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`code-server --install-extension failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(`${stdout}${stderr}`);
    });
  });
  const installed = output.match(/successfully installed/gi)?.length ?? 0;
  if (installed < vsixFiles.length) throw new Error(`code-server installed ${installed} of ${vsixFiles.length} extensions:\n${output}`);
}

/** A running code-server. */
export interface CodeServer {
  /** Its address, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  /** The address of the workbench with `folder` open. */
  workbenchUrl(folder: string): string;
  /** What it printed so far. */
  output(): string;
  /** Stops it and the processes it started (extension hosts, language servers). */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The folder opened when the address is visited without ?folder=. */
  readonly folder?: string;
  /** 0 (the default) lets the system choose a free port. */
  readonly port?: number;
  readonly timeout?: number;
}

/** Starts code-server on 127.0.0.1 with the profile; resolves once it listens. */
export function startCodeServer(bin: string, profile: Profile, options: StartOptions = {}): Promise<CodeServer> {
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${options.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    ...(options.folder ? [options.folder] : []),
  ];
  // Its own process group, so that stop() also ends the extension hosts and language servers.
  const child = spawn(bin, args, { env: profile.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // The group is gone already.
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<CodeServer>((resolve, reject) => {
    const timeout = options.timeout ?? 30_000;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`code-server did not listen within ${timeout} ms; it printed:\n${output}`));
    }, timeout);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /HTTP server listening on (http:\/\/\S+?)\/?\s/.exec(output);
      if (!listening) return;
      clearTimeout(timer);
      const url = `${listening[1]!}/`;
      resolve({
        url,
        workbenchUrl: (folder) => `${url}?folder=${folder.split('/').map(encodeURIComponent).join('/')}`,
        output: () => output,
        stop,
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`code-server could not be started: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${signal ?? code}) before it listened; it printed:\n${output}`));
    });
  });
}
