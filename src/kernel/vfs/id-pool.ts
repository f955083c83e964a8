/**
 * Small-number allocators: mount ids and anonymous device minors are handed out lowest-free
 * first and reused after release, like the kernel's IDA (`lib/idr.c: ida_alloc_min()`).
 */
import type { IdPool } from "./types";

export const idPool = (next: number): IdPool => ({ next, free: [] });

export function allocId(pool: IdPool): readonly [IdPool, number] {
  const [first, ...rest] = pool.free;
  if (first !== undefined) return [{ ...pool, free: rest }, first];
  return [{ ...pool, next: pool.next + 1 }, pool.next];
}

export function releaseId(pool: IdPool, id: number): IdPool {
  if (id >= pool.next || pool.free.includes(id)) return pool;
  const free = [...pool.free, id].sort((a, b) => a - b);
  return { ...pool, free };
}

/** A pool whose ids up to `max` are in use except the gaps in `used`. */
export function poolAfter(used: readonly number[], from: number): IdPool {
  const max = Math.max(from - 1, ...used);
  const taken = new Set(used);
  const free: number[] = [];
  for (let id = from; id <= max; id++) if (!taken.has(id)) free.push(id);
  return { next: max + 1, free };
}
