/**
 * What the checks work out from the fact base alone, once per base and key: a loaded base never
 * changes, and the same entity's lists are asked for by sentence after sentence.
 */

import type { FactBase } from './factbase.js';

/** `compute`, remembered per fact base and key (held weakly by the base, so a reload frees it). */
export function oncePerBase<T>(compute: (base: FactBase, key: string) => T): (base: FactBase, key: string) => T {
  const caches = new WeakMap<FactBase, Map<string, T>>();
  return (base, key) => {
    let cache = caches.get(base);
    if (!cache) caches.set(base, (cache = new Map()));
    if (!cache.has(key)) cache.set(key, compute(base, key));
    return cache.get(key) as T;
  };
}
