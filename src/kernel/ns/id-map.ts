/**
 * uid_map/gid_map translation (user_namespaces(7), `kernel/user_namespace.c: map_id_down()`
 * and `map_id_up()`). Maps store the outside ids as global ids, as the kernel does once
 * map_write() has translated them through the parent's map.
 */
import type { IdMapEntry, UserNs } from "./namespace";

/** The global id an id inside `ns` stands for, or undefined when it has no mapping. */
export function mapIdDown(map: readonly IdMapEntry[] | null, id: number): number | undefined {
  if (map === null) return undefined;
  for (const e of map) if (id >= e.inside && id - e.inside < e.count) return e.outside + (id - e.inside);
  return undefined;
}

/** The id inside `ns` that a global id appears as, or undefined when unmapped. */
export function mapIdUp(map: readonly IdMapEntry[] | null, globalId: number): number | undefined {
  if (map === null) return undefined;
  for (const e of map) if (globalId >= e.outside && globalId - e.outside < e.count) return e.inside + (globalId - e.outside);
  return undefined;
}

/** The identity map of the initial user namespace: `0 0 4294967295`. */
export const INIT_ID_MAP: readonly IdMapEntry[] = [{ inside: 0, outside: 0, count: 4294967295 }];

export const uidMapOf = (ns: UserNs) => ns.uidMap;
export const gidMapOf = (ns: UserNs) => ns.gidMap;
