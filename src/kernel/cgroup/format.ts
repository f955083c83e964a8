/** Small printers shared by the interface files. */
import type { CgroupId } from "../ids";
import type { SubsysMask } from "./controllers";
import { IMPLICIT_MASK, V1_ONLY_MASK, subsysIn } from "./controllers";
import { getCg } from "./tree";
import type { CgroupState } from "./types";
import { MAX } from "./types";

/** `max` for an unlimited value, else the number: pids.max, memory.max, cgroup.max.depth. */
export const maxOr = (v: number): string => (v === MAX ? "max" : String(v));

/** `key value` lines, each ending in a newline (the flat-keyed format of cgroup-v2.rst). */
export const flatKeyed = (pairs: readonly (readonly [string, number | string])[]): string =>
  pairs.map(([k, v]) => `${k} ${v}\n`).join("");

/** cgroup_print_ss_mask(): names separated by spaces; nothing at all for an empty mask. */
export function printSsMask(mask: SubsysMask): string {
  const names = subsysIn(mask & ~IMPLICIT_MASK & ~V1_ONLY_MASK);
  return names.length ? `${names.join(" ")}\n` : "";
}

/** cgroup_control(): the controllers a cgroup may use, i.e. what cgroup.controllers lists. */
export function availableControllers(state: CgroupState, id: CgroupId): SubsysMask {
  const cg = getCg(state, id);
  const bound = state.config.v2Bound & ~IMPLICIT_MASK & ~V1_ONLY_MASK;
  return cg.parent === undefined ? bound : getCg(state, cg.parent).subtreeControl & bound;
}

/** A PSI file with nothing stalled yet. */
export const PSI_IDLE = "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";
