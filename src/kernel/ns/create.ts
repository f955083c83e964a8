/**
 * Creating namespaces for clone(2) and unshare(2) (`kernel/nsproxy.c: create_new_namespaces()`,
 * `kernel/user_namespace.c: create_user_ns()`, `kernel/pid_namespace.c: create_pid_namespace()`).
 */
import type { Cred } from "../cred/cred";
import type { CgroupId, NsId } from "../ids";
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { ALL_CAPS, EMPTY_CAPS } from "../caps/capabilities";
import type { NsType, TimeNs, UtsNs } from "./namespace";
import { MAX_PID_NS_LEVEL, MAX_USER_NS_LEVEL } from "./namespace";
import { addNs, allocNsId } from "./ns-ops";
import { mapIdUp } from "./id-map";
import { createNetNs } from "../net/netns";
import { createIpcNs } from "../ipc/ipc-ns";

export type Created<T> =
  | { readonly ok: true; readonly state: KernelState; readonly value: T; readonly check: Check }
  | { readonly ok: false; readonly check: Check };

/**
 * A new user namespace owned by the caller's euid; the returned cred is the creator's inside
 * it, with every capability there (set_cred_user_ns()).
 */
export function createUserNs(state: KernelState, cred: Cred, chrooted: boolean): Created<Cred> {
  const parent = getNs(state, cred.userNs, "user");
  if (parent.level + 1 > MAX_USER_NS_LEVEL) {
    return { ok: false, check: deny("namespace", "user namespace nesting", "user namespaces nest at most 32 deep (user_namespaces(7))", "ENOSPC") };
  }
  if (chrooted) {
    return { ok: false, check: deny("namespace", "create_user_ns: current_chrooted()", "a chrooted process may not create a user namespace", "EPERM") };
  }
  if (mapIdUp(parent.uidMap, cred.euid) === undefined || mapIdUp(parent.gidMap, cred.egid) === undefined) {
    return { ok: false, check: deny("namespace", "create_user_ns: kuid_has_mapping()", "the caller's uid or gid has no mapping in its own user namespace", "EPERM") };
  }
  const [s1, id] = allocNsId(state);
  const s2 = addNs(s1, {
    type: "user", id, owner: parent.id, refs: 0, level: parent.level + 1, ownerUid: cred.euid,
    ownerGid: cred.egid, uidMap: null, gidMap: null, setgroups: "allow",
  });
  const inside: Cred = {
    ...cred, userNs: id, securebits: 0,
    caps: { inheritable: EMPTY_CAPS, permitted: ALL_CAPS, effective: ALL_CAPS, bounding: ALL_CAPS, ambient: EMPTY_CAPS },
  };
  return {
    ok: true, state: s2, value: inside,
    check: pass("namespace", "create_user_ns", `new user namespace ${id} (level ${parent.level + 1}) owned by uid ${cred.euid}; no capabilities are needed for this`),
  };
}

export interface CopyFrom {
  readonly uts: UtsNs;
  readonly time: TimeNs;
  readonly pidForChildren: NsId;
  readonly cgroup: CgroupId;
}

/** A new namespace of a non-user type, owned by `owner`, copied from the caller's as Linux does. */
export function createNs(state: KernelState, type: Exclude<NsType, "user">, owner: NsId, from: CopyFrom): Created<NsId> {
  const [s1, id] = allocNsId(state);
  // Written out rather than spread from a shared record (slow in V8, see ns-copy.ts); the key
  // order (id, owner, refs, type, …) is the one serializeKernel() prints.
  const refs = 0;
  switch (type) {
    case "uts":
      return made(addNs(s1, { id, owner, refs, type, hostname: from.uts.hostname, domainname: from.uts.domainname }), id, "the hostname is copied from the caller's");
    case "time":
      return made(addNs(s1, { id, owner, refs, type, monotonicOffsetNs: from.time.monotonicOffsetNs, boottimeOffsetNs: from.time.boottimeOffsetNs, frozen: false }), id, "clock offsets are copied and writable until a process enters");
    case "cgroup":
      return made(addNs(s1, { id, owner, refs, type, root: from.cgroup }), id, "its root is the caller's current cgroup");
    case "pid": {
      const parent = getNs(state, from.pidForChildren, "pid");
      if (parent.level + 1 > MAX_PID_NS_LEVEL) {
        return { ok: false, check: deny("namespace", "create_pid_namespace", "PID namespaces nest at most 32 deep (pid_namespaces(7))", "ENOSPC") };
      }
      return made(addNs(s1, { id, owner, refs, type, parent: parent.id, level: parent.level + 1, nextNr: 1, init: null, adding: true }), id, "the first child becomes its PID 1");
    }
    default:
      return made(withContents(addNs(s1, { id, owner, refs, type }), type, id), id, contentNote(type));
  }
}

function made(state: KernelState, id: NsId, note: string): Created<NsId> {
  const type = getTypeOf(state, id);
  return { ok: true, state, value: id, check: pass("namespace", `new ${type} namespace`, `new ${type} namespace ${id}: ${note}`) };
}

const getTypeOf = (state: KernelState, id: NsId): NsType => state.namespaces.get(id)?.type ?? "mnt";

/** A new network namespace gets its loopback device; a new IPC namespace, empty tables. */
function withContents(state: KernelState, type: "mnt" | "net" | "ipc", id: NsId): KernelState {
  if (type === "net") return createNetNs(state, id);
  if (type === "ipc") return createIpcNs(state, id);
  return state;
}

function contentNote(type: "mnt" | "net" | "ipc"): string {
  if (type === "mnt") return "a copy of the caller's mount table";
  if (type === "net") return "only a loopback interface, down";
  return "no System V or POSIX IPC objects";
}
