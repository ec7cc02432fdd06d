/**
 * When to check a draft after an edit. A writer should wait for nothing a check does not need:
 * an edit made while nothing is pending is checked at once, and only a burst of typing is
 * coalesced. Whether checks are slow enough for a burst to wait is judged from the draft's
 * recent re-checks (their median), never from the check that opened it, which parses the whole
 * draft and is many times slower than a re-check. A delay the user set wins over all of this.
 *
 * The module decides and keeps its per-draft notes; the server owns the timers and passes the
 * clock in, so the policy is plain data in and out.
 */

/** The pause for a burst of typing when re-checks are slow. */
export const BURST_DELAY_MS = 150;
/** A re-check at least this slow (median) makes a burst wait. */
export const SLOW_RECHECK_MS = 25;
/** An edit this soon after the previous one belongs to the same burst. */
export const BURST_GAP_MS = 150;
/** How many recent re-checks the median is taken over. */
export const RECENT_RECHECKS = 7;
/** Fewer re-checks than this say nothing yet: one slow edit (a footnote re-parsed whole) is not a trend. */
const MIN_RECHECKS = 3;

/**
 * What to do with an edit: check `now`, `wait` (re)starting the draft's timer, or `join` the
 * check already pending, which reads the newest version when it runs.
 */
export type Decision =
  | { readonly kind: 'now'; readonly why: string }
  | { readonly kind: 'wait'; readonly ms: number; readonly why: string }
  | { readonly kind: 'join'; readonly why: string };

export interface EditContext {
  /** Whether a check of the draft is scheduled and has not run yet. */
  readonly pending: boolean;
  /** The delay the user set (`diagnosticsDelay`), if any. */
  readonly userDelayMs: number | undefined;
  /** The durations of the draft's latest re-checks, newest last. */
  readonly recentRechecksMs: readonly number[];
}

/** The median of `samples` (the lower middle one of an even count), or undefined for none. */
export function median(samples: readonly number[]): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Per-draft notes for the debounce: the version a draft was opened at, and when it was last edited. */
export class Debouncer {
  private readonly openedAt = new Map<string, number>();
  private readonly lastEditAt = new Map<string, number>();

  /** A draft was opened at `version`; it is checked at once, as nothing is pending for it. */
  opened(uri: string, version: number): Decision {
    this.openedAt.set(uri, version);
    this.lastEditAt.delete(uri);
    return { kind: 'now', why: 'opened' };
  }

  /**
   * Whether a change event is the one the library's `TextDocuments` fires with every open (it
   * fires `onDidOpen` and then `onDidChangeContent` for the same document): that is no edit, and
   * treating it as one would postpone the open's check to the debounce.
   */
  isOpenEcho(uri: string, version: number): boolean {
    if (this.openedAt.get(uri) !== version) return false;
    this.openedAt.delete(uri);
    return true;
  }

  /** Decides when to check a draft after an edit at time `now` (milliseconds, any monotonic clock). */
  edited(uri: string, now: number, context: EditContext): Decision {
    const previous = this.lastEditAt.get(uri);
    this.lastEditAt.set(uri, now);
    this.openedAt.delete(uri);
    if (context.userDelayMs !== undefined) return { kind: 'wait', ms: context.userDelayMs, why: 'the delay set in diagnosticsDelay' };
    if (context.pending) return { kind: 'join', why: 'a check is pending and will read this version' };
    const recent = context.recentRechecksMs.slice(-RECENT_RECHECKS);
    const typical = recent.length >= MIN_RECHECKS ? median(recent) : undefined;
    if (typical === undefined) return { kind: 'now', why: `${recent.length} re-checks measured, too few to call them slow` };
    const ms = typical.toFixed(1);
    if (typical < SLOW_RECHECK_MS) return { kind: 'now', why: `re-checks are fast (median ${ms} ms)` };
    const gap = previous === undefined ? undefined : now - previous;
    if (gap === undefined || gap >= BURST_GAP_MS) return { kind: 'now', why: `re-checks are slow (median ${ms} ms) but this edit starts a burst` };
    return { kind: 'wait', ms: BURST_DELAY_MS, why: `re-checks are slow (median ${ms} ms) and the last edit was ${gap.toFixed(0)} ms ago` };
  }

  /** Forgets a closed draft. */
  forget(uri: string): void {
    this.openedAt.delete(uri);
    this.lastEditAt.delete(uri);
  }
}

/**
 * The line the server traces (`$/logTrace`, when the client asked for a trace) for each
 * decision, and the pattern that reads it back: the bench tells debounced keystrokes from
 * immediate ones by it.
 */
export function traceLine(uri: string, version: number, decision: Decision): string {
  const what = decision.kind === 'wait' ? `wait ${decision.ms} ms` : decision.kind;
  return `factcheck: ${uri} v${version}: ${what}: ${decision.why}`;
}

export const TRACE_LINE = /^factcheck: (\S+) v(\d+): (now|wait|join)\b/;

/** The line traced when a version has been checked and its diagnostics made, with how long that took. */
export function checkedLine(uri: string, version: number, ms: number): string {
  return `factcheck: ${uri} v${version}: checked in ${ms.toFixed(1)} ms`;
}

export const CHECKED_LINE = /^factcheck: (\S+) v(\d+): checked in ([\d.]+) ms$/;
