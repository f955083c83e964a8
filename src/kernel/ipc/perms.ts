/**
 * IPC permission checks. `ipc/util.c: ipcperms()`: the owner or creator gets the owner bits,
 * a member of the object's or creator's group the group bits, others the rest; a missing bit
 * is forgiven to a holder of CAP_IPC_OWNER in the user namespace owning the IPC namespace.
 * `ipcctl_obtain_check()`: IPC_SET and IPC_RMID need the owner, the creator or
 * CAP_SYS_ADMIN there — "The effective UID of the calling process must match the owner or
 * creator of the … set, or the caller must be privileged" — svipc(7), shmctl(2).
 */
import { capableCheck } from "../cred/capable";
import type { Cred } from "../cred/cred";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { IpcPerm } from "./types";

export const S_IRUGO = 0o444;
export const S_IWUGO = 0o222;
export const S_IXUGO = 0o111;

/** The user namespace owning an IPC namespace. */
export function ipcOwner(state: KernelState, ipc: NsId): NsId {
  const ns = state.namespaces.get(ipc);
  if (!ns || ns.type !== "ipc" || ns.owner === null) throw new Error(`kernel invariant: no IPC namespace ${ipc}`);
  return ns.owner;
}

const inGroup = (cred: Cred, gid: number) => cred.fsgid === gid || cred.groups.includes(gid as Cred["fsgid"]);

/** ipcperms() for the access bits in `flag` (e.g. S_IRUGO | S_IWUGO); EACCES on failure. */
export function ipcperms(state: KernelState, cred: Cred, ipc: NsId, perm: IpcPerm, flag: number, what: string): Check[] {
  const requested = ((flag >> 6) | (flag >> 3) | flag) & 0o7;
  let granted = perm.mode;
  let as = "other";
  if (cred.euid === perm.cuid || cred.euid === perm.uid) { granted >>= 6; as = "owner"; }
  else if (inGroup(cred, perm.cgid) || inGroup(cred, perm.gid)) { granted >>= 3; as = "group"; }
  const mode = (perm.mode & 0o777).toString(8).padStart(3, "0");
  if ((requested & ~granted & 0o7) === 0) return [pass("dac", "ipcperms", `${what}: mode ${mode} grants it to the caller as ${as}`)];
  const refused = `${what}: mode ${mode} does not grant it to the caller as ${as}`;
  const cap = capableCheck(state, cred, ipcOwner(state, ipc), "CAP_IPC_OWNER", `${what} despite the mode bits`, "EACCES");
  // The capability is asked only once the mode bits have said no; it decides the outcome.
  return cap.verdict === "pass" ? [pass("dac", "ipcperms", `${refused}, but CAP_IPC_OWNER overrides`), cap] : [deny("dac", "ipcperms", refused, "EACCES"), cap];
}

/** ipcctl_obtain_check(): owner, creator or CAP_SYS_ADMIN; EPERM otherwise. */
export function ownerCheck(state: KernelState, cred: Cred, ipc: NsId, perm: IpcPerm, what: string): Check {
  if (cred.euid === perm.uid || cred.euid === perm.cuid) return pass("dac", "ipcctl_obtain_check", `${what}: the caller owns the object`);
  return capableCheck(state, cred, ipcOwner(state, ipc), "CAP_SYS_ADMIN", `${what} of another user's object`);
}

export const denies = (checks: readonly Check[]): boolean => checks.some((c) => c.verdict === "deny");
