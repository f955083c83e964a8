/**
 * The namespace part shared by clone(2) and unshare(2): a new user namespace first (no
 * privilege needed), then CAP_SYS_ADMIN in the resulting user namespace for every other
 * CLONE_NEW* flag, then each namespace in `create_new_namespaces()` order.
 */
import type { Cred } from "../cred/cred";
import { capableCheck } from "../cred/capable";
import type { KernelState } from "../state";
import { getNs } from "../state";
import { cgroupOf } from "../task/cgroup-effects";
import type { NsProxy, Task } from "../task/task";
import type { Check } from "../trace";
import { deny } from "../trace";
import { isChrooted } from "../vfs/mnt-ns";
import { createNs, createUserNs } from "./create";
import type { NsType } from "./namespace";
import { CLONE_FLAG, CLONE_NEWUSER } from "./namespace";

/** Where each new namespace goes in the nsproxy: PID and time ones apply to children. */
const SLOT: Readonly<Record<Exclude<NsType, "user">, keyof NsProxy>> = {
  mnt: "mnt", uts: "uts", ipc: "ipc", pid: "pidForChildren", cgroup: "cgroup", net: "net", time: "timeForChildren",
};

export type NewNamespaces =
  | { readonly ok: true; readonly state: KernelState; readonly cred: Cred; readonly ns: NsProxy }
  | { readonly ok: false };

/**
 * Creates the namespaces `flags` asks for, in `order`, appending each check to `trace`.
 * `beforeCreate` may add a syscall-specific refusal once the capability check has passed.
 */
export function newNamespaces(
  state: KernelState, caller: Task, flags: number, order: readonly Exclude<NsType, "user">[], trace: Check[],
  beforeCreate?: (wanted: readonly NsType[]) => Check | undefined,
): NewNamespaces {
  let s = state;
  let cred = caller.cred;
  if (flags & CLONE_NEWUSER) {
    const made = createUserNs(s, cred, isChrooted(s, caller));
    trace.push(made.check);
    if (!made.ok) return { ok: false };
    s = made.state;
    cred = made.value;
  }
  const wanted = order.filter((t) => flags & CLONE_FLAG[t]);
  let ns = caller.ns;
  if (wanted.length === 0) return { ok: true, state: s, cred, ns };
  const cap = capableCheck(s, cred, cred.userNs, "CAP_SYS_ADMIN", `creating ${wanted.map((t) => `a ${t}`).join(", ")} namespace`);
  trace.push(cap);
  if (cap.verdict === "deny") return { ok: false };
  const refusal = beforeCreate?.(wanted);
  if (refusal) {
    trace.push(refusal);
    return { ok: false };
  }
  const from = { uts: getNs(s, caller.ns.uts, "uts"), time: getNs(s, caller.ns.time, "time"), pidForChildren: caller.ns.pidForChildren, cgroup: cgroupOf(s, caller.pid) };
  for (const type of wanted) {
    const made = createNs(s, type, cred.userNs, from);
    trace.push(made.check);
    if (!made.ok) return { ok: false };
    s = made.state;
    ns = { ...ns, [SLOT[type]]: made.value };
  }
  return { ok: true, state: s, cred, ns };
}

/** copy_pid_ns(): a second unshare(CLONE_NEWPID) before any child is created is refused. */
export const pidNsAlreadyUnshared = (caller: Task) => (wanted: readonly NsType[]): Check | undefined =>
  wanted.includes("pid") && caller.ns.pidForChildren !== caller.pidNs
    ? deny("namespace", "copy_pid_ns", "pid_for_children already differs from the caller's PID namespace: fork a child first", "EINVAL")
    : undefined;

