/**
 * Summaries of repeated measurements: medians with min and max, and percentiles by nearest rank
 * (the smallest sample with at least that share of the samples at or below it; no interpolation).
 */

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p95: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { median: at(0.5), min: sorted[0]!, max: sorted[sorted.length - 1]!, p95: at(0.95), runs: sorted.length };
}

/** Times `fn` `runs` times after `warmup` untimed runs; milliseconds. */
export function time(fn: () => unknown, runs: number, warmup = 2): Summary {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export function ms(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}
