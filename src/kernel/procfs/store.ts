/**
 * Writable /proc values that KernelState has no field for yet: sysctl settings and each
 * process's oom_score_adj. They are kept in one serializable record under `state.procfs`, an
 * optional field this module adds to the state object it returns (spreading the state or
 * copyState(), as every kernel operation does, keeps it). SIMPLIFICATION until KernelState gains
 * `sysctl` and Task gains `oomScoreAdj` / `oomScoreAdjMin` (see SIMPLIFICATIONS.md); reads
 * fall back to the boot defaults when nothing was written.
 */
import type { Pid } from "../ids";
import type { KernelState } from "../state";
import { IMap } from "../state";

export interface OomAdj {
  readonly value: number;
  /** signal->oom_score_adj_min: lowering below it needs CAP_SYS_RESOURCE. */
  readonly min: number;
  /** When it was written: a child inherits it only if forked afterwards. */
  readonly atNs: number;
}

export interface ProcfsStore {
  /** Sysctl values by key: `kernel.sysrq`, or `net.ipv4.ip_forward@<netns>` for per-namespace ones. */
  readonly sysctl: IMap<string, string>;
  readonly oomScoreAdj: IMap<Pid, OomAdj>;
}

const EMPTY: ProcfsStore = { sysctl: IMap(), oomScoreAdj: IMap() };

export const procfsStore = (state: KernelState): ProcfsStore => state.procfs ?? EMPTY;

export function withProcfsStore(state: KernelState, store: ProcfsStore): KernelState {
  return { ...state, procfs: store };
}

export const getSysctl = (state: KernelState, key: string): string | undefined => procfsStore(state).sysctl.get(key);

export const setSysctl = (state: KernelState, key: string, value: string): KernelState => {
  const store = procfsStore(state);
  return withProcfsStore(state, { ...store, sysctl: store.sysctl.set(key, value) });
};
