/**
 * setresuid(2), setresgid(2), setgroups(2) (`kernel/sys.c`) with the capability fix-ups of
 * `security/commoncap.c: cap_task_fix_setuid()`: leaving uid 0 drops capabilities.
 */
import { EMPTY_CAPS } from "../caps/capabilities";
import { capableCheck } from "../cred/capable";
import type { Cred } from "../cred/cred";
import { SECBIT_KEEP_CAPS } from "../cred/cred";
import type { Kgid, Kuid } from "../ids";
import { mapIdDown } from "../ns/id-map";
import type { KernelState } from "../state";
import { getNs, putTask } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface SetresCall {
  readonly name: "setresuid" | "setresgid";
  /** -1 leaves an id unchanged. */
  readonly ids: readonly [number, number, number];
}

export interface SetgroupsCall {
  readonly name: "setgroups";
  readonly groups: readonly number[];
}

export function sysSetres(state: KernelState, caller: Task, call: SetresCall): SyscallOutcome<0> {
  const isUid = call.name === "setresuid";
  const ns = getNs(state, caller.cred.userNs, "user");
  const map = isUid ? ns.uidMap : ns.gidMap;
  const c = caller.cred;
  const old = isUid ? [c.uid, c.euid, c.suid] : [c.gid, c.egid, c.sgid];
  const wanted: number[] = [];
  for (const [i, id] of call.ids.entries()) {
    if (id === -1) { wanted.push(old[i] as number); continue; }
    const k = mapIdDown(map, id);
    if (k === undefined) return denied(state, [deny("namespace", "make_kuid", `${isUid ? "uid" : "gid"} ${id} has no mapping in the caller's user namespace`, "EINVAL")]);
    wanted.push(k);
  }
  const trace: Check[] = [];
  const cap = isUid ? "CAP_SETUID" : "CAP_SETGID";
  if (!wanted.every((id) => old.includes(id as never))) {
    const check = capableCheck(state, c, c.userNs, cap, `switching to ${isUid ? "uid" : "gid"}s other than the current real, effective or saved one`);
    trace.push(check);
    if (check.verdict === "deny") return denied(state, trace);
  }
  const [r, e, s] = wanted as [number, number, number];
  const next: Cred = isUid
    ? fixCaps(c, { ...c, uid: r as Kuid, euid: e as Kuid, suid: s as Kuid, fsuid: e as Kuid }, mapIdDown(ns.uidMap, 0))
    : { ...c, gid: r as Kgid, egid: e as Kgid, sgid: s as Kgid, fsgid: e as Kgid };
  trace.push(pass("kernel", call.name, `ids now ${call.ids.map((id, i) => (id === -1 ? old[i] : id)).join(", ")}`));
  return succeed(putTask(state, { ...caller, cred: next }), trace, 0);
}

/** cap_task_fix_setuid(): the capability consequences of a uid change. */
function fixCaps(old: Cred, next: Cred, root: number | undefined): Cred {
  // Plain comparisons, not a named closure (see identity.ts).
  let caps = next.caps;
  const hadRoot = old.uid === root || old.euid === root || old.suid === root;
  const noRoot = next.uid !== root && next.euid !== root && next.suid !== root;
  if (hadRoot && noRoot && !(old.securebits & SECBIT_KEEP_CAPS)) {
    caps = { ...caps, permitted: EMPTY_CAPS, effective: EMPTY_CAPS, ambient: EMPTY_CAPS };
  }
  if (old.euid === root && next.euid !== root) caps = { ...caps, effective: EMPTY_CAPS };
  if (old.euid !== root && next.euid === root) caps = { ...caps, effective: caps.permitted };
  return { ...next, caps };
}

export function sysSetgroups(state: KernelState, caller: Task, call: SetgroupsCall): SyscallOutcome<0> {
  const ns = getNs(state, caller.cred.userNs, "user");
  const trace: Check[] = [capableCheck(state, caller.cred, caller.cred.userNs, "CAP_SETGID", "setgroups")];
  if (trace[0]?.verdict === "deny") return denied(state, trace);
  // user_namespaces(7): setgroups is refused while /proc/PID/setgroups says "deny" or before gid_map is set.
  if (ns.setgroups === "deny" || ns.gidMap === null) {
    trace.push(deny("namespace", "may_setgroups", "setgroups is disabled in this user namespace (/proc/PID/setgroups is \"deny\" or gid_map is unset)", "EPERM"));
    return denied(state, trace);
  }
  const groups: Kgid[] = [];
  for (const g of call.groups) {
    const k = mapIdDown(ns.gidMap, g);
    if (k === undefined) return denied(state, [...trace, deny("namespace", "make_kgid", `gid ${g} has no mapping`, "EINVAL")]);
    groups.push(k as Kgid);
  }
  trace.push(pass("kernel", "setgroups", `supplementary groups now ${call.groups.join(",") || "(none)"}`));
  return succeed(putTask(state, { ...caller, cred: { ...caller.cred, groups } }), trace, 0);
}
