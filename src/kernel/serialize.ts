/**
 * A canonical text form of a kernel state: the same state always gives the same bytes, so
 * determinism ("a seed plus a command log reproduces the world exactly") can be checked by
 * comparing strings, and a state can be stored or diffed.
 */
import { isImmutable } from "immutable";
import type { KernelState } from "./state";

export function serializeKernel(state: KernelState): string {
  return JSON.stringify(state, (_key, value: unknown) => {
    if (isImmutable(value)) return (value as { toJSON(): unknown }).toJSON();
    return value;
  });
}

/**
 * True when two states would serialize to the same bytes. Shared substructure (the norm after
 * a replay, thanks to persistent maps) is skipped by reference, so this is cheap.
 */
export function sameState(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (isImmutable(a) || isImmutable(b)) {
    if (!isImmutable(a) || !isImmutable(b)) return false;
    const ea = [...(a as Iterable<unknown>)];
    const eb = [...(b as Iterable<unknown>)];
    return ea.length === eb.length && ea.every((x, i) => sameState(x, eb[i]));
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k, i) => k === kb[i] && sameState((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
