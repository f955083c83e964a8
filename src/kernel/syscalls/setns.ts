/**
 * setns(2): join an existing namespace through a /proc/PID/ns/* descriptor. Each type's
 * install hook asks for CAP_SYS_ADMIN in the namespace's owning user namespace and in the
 * caller's own (`kernel/nsproxy.c: validate_ns()`, `*_install()`).
 */
import { ALL_CAPS, EMPTY_CAPS } from "../caps/capabilities";
import { capableCheck } from "../cred/capable";
import type { Cred } from "../cred/cred";
import type { NsId } from "../ids";
import type { Namespace } from "../ns/namespace";
import { CLONE_FLAG } from "../ns/namespace";
import { fileOf } from "../vfs/files";
import type { KernelState } from "../state";
import { getNs } from "../state";
import { switchNamespaces } from "../task/nsproxy";
import type { NsProxy, Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";
import { isChrooted } from "../vfs/mnt-ns";
import { nsRootPath } from "../vfs/mount-tree";

export interface SetnsCall {
  readonly name: "setns";
  /** An open /proc/PID/ns/* (nsfs) descriptor, as setns(2) takes it. */
  readonly fd?: number;
  /**
   * The namespace itself, for the kernel's own tests and the runtime's plan steps.
   * SIMPLIFICATION: a real caller always passes a descriptor; programs use `fd`.
   */
  readonly target?: NsId;
  /** 0 for any type, or the CLONE_NEW* flag the namespace must match. */
  readonly nstype: number;
}

export function sysSetns(state: KernelState, caller: Task, call: SetnsCall): SyscallOutcome<0> {
  let id = call.target;
  if (call.fd !== undefined) {
    const file = fileOf(state, caller, call.fd);
    if (!file) return denied(state, [deny("kernel", "setns: fd", `${call.fd} is not an open descriptor`, "EBADF")]);
    id = file.heldNs ?? undefined;
  }
  const ns = id === undefined ? undefined : state.namespaces.get(id);
  if (!ns) return denied(state, [deny("kernel", "setns: fd", "the descriptor does not refer to a namespace", "EINVAL")]);
  if (call.nstype !== 0 && call.nstype !== CLONE_FLAG[ns.type]) {
    return denied(state, [deny("kernel", "setns: nstype", `the descriptor is a ${ns.type} namespace, not the type asked for`, "EINVAL")]);
  }
  const trace: Check[] = [];
  const checks = installChecks(state, caller, ns);
  for (const check of checks) {
    trace.push(check);
    if (check.verdict === "deny") return denied(state, trace);
  }
  const [ns2, cred] = installed(caller, ns);
  const [next] = switchNamespaces(state, caller, ns2, cred);
  // mntns_install(): root and cwd move to the namespace's root, mounts followed.
  const rootPath = ns.type === "mnt" ? nsRootPath(next, ns.id) : undefined;
  const moved = rootPath ? { ...next, tasks: next.tasks.update(caller.pid, (t) => t && { ...t, cwd: rootPath, root: rootPath }) } : next;
  trace.push(pass("kernel", `${ns.type}ns_install`, `joined ${ns.type} namespace ${ns.id}`));
  return succeed(moved, trace, 0);
}

function installChecks(state: KernelState, caller: Task, ns: Namespace): Check[] {
  const own = caller.cred.userNs;
  const what = `joining ${ns.type} namespace ${ns.id}`;
  if (ns.type === "user") {
    if (ns.id === own) return [deny("namespace", "userns_install", "the caller is already in that user namespace", "EINVAL")];
    if (isChrooted(state, caller)) return [deny("namespace", "userns_install", "a chrooted process may not join a user namespace", "EPERM")];
    return [capableCheck(state, caller.cred, ns.id, "CAP_SYS_ADMIN", what)];
  }
  const owner = ns.owner ?? own;
  const checks = [capableCheck(state, caller.cred, owner, "CAP_SYS_ADMIN", what)];
  if (ns.type === "mnt") checks.push(capableCheck(state, caller.cred, own, "CAP_SYS_CHROOT", what));
  checks.push(capableCheck(state, caller.cred, own, "CAP_SYS_ADMIN", what));
  if (ns.type === "pid" && !isDescendantOrSelf(state, ns.id, caller.pidNs)) {
    checks.push(deny("namespace", "pidns_install", "a process may only join its own PID namespace or one below it", "EINVAL"));
  }
  return checks;
}

function isDescendantOrSelf(state: KernelState, candidate: NsId, ancestor: NsId): boolean {
  for (let id: NsId | null = candidate; id !== null; id = getNs(state, id, "pid").parent) {
    if (id === ancestor) return true;
  }
  return false;
}

/** The caller's nsproxy and cred after joining. */
function installed(caller: Task, ns: Namespace): readonly [NsProxy, Cred] {
  switch (ns.type) {
    case "user":
      // userns_install(): full capabilities in the joined namespace (set_cred_user_ns()).
      return [caller.ns, { ...caller.cred, userNs: ns.id, caps: { inheritable: EMPTY_CAPS, permitted: ALL_CAPS, effective: ALL_CAPS, bounding: ALL_CAPS, ambient: EMPTY_CAPS } }];
    case "pid":
      return [{ ...caller.ns, pidForChildren: ns.id }, caller.cred];
    case "time":
      return [{ ...caller.ns, timeForChildren: ns.id }, caller.cred];
    default:
      return [{ ...caller.ns, [ns.type]: ns.id }, caller.cred];
  }
}
