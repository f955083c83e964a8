/**
 * The get half of System V IPC (`ipc/util.c: ipcget()`): IPC_PRIVATE always makes a new
 * object; a key that exists is EEXIST under IPC_CREAT|IPC_EXCL and otherwise goes through the
 * type's extra checks and ipcperms(); a missing key is ENOENT without IPC_CREAT.
 */
import type { Cred } from "../cred/cred";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import type { Check } from "../trace";
import { deny } from "../trace";
import { findKey } from "./idr";
import type { Slot } from "./idr";
import { ipcperms } from "./perms";
import type { IdTable, IpcPerm } from "./types";

export const IPC_PRIVATE = 0;
export const IPC_CREAT = 0o1000;
export const IPC_EXCL = 0o2000;
export const IPC_NOWAIT = 0o4000;

export type Lookup<T> =
  | { readonly kind: "create" }
  | { readonly kind: "found"; readonly obj: T; readonly checks: readonly Check[] }
  | { readonly kind: "fail"; readonly checks: readonly Check[] };

const keyText = (key: number) => `0x${(key >>> 0).toString(16).padStart(8, "0")}`;

/**
 * Finds the object for `key`, or says to create one. `more` is the type's more_checks()
 * (shm: size, sem: nsems), run before the permission check as Linux does.
 */
export function lookupKey<T extends { readonly perm: IpcPerm }>(
  state: KernelState, cred: Cred, ipc: NsId, table: IdTable<T>, key: number, flg: number, more?: (obj: T) => Check | undefined,
): Lookup<T> {
  if (key === IPC_PRIVATE) return { kind: "create" };
  const obj = findKey(table, key);
  if (!obj) {
    if (flg & IPC_CREAT) return { kind: "create" };
    return { kind: "fail", checks: [deny("kernel", "ipcget_public", `no object with key ${keyText(key)} in IPC namespace ${ipc}`, "ENOENT")] };
  }
  if ((flg & IPC_CREAT) && (flg & IPC_EXCL)) {
    return { kind: "fail", checks: [deny("kernel", "ipcget_public", `key ${keyText(key)} exists and IPC_EXCL was given`, "EEXIST")] };
  }
  const extra = more?.(obj);
  if (extra) return { kind: "fail", checks: [extra] };
  const checks = ipcperms(state, cred, ipc, obj.perm, flg & 0o777, `opening key ${keyText(key)}`);
  return checks.some((c) => c.verdict === "deny") ? { kind: "fail", checks } : { kind: "found", obj, checks };
}

/** ipc_addid(): the new object's owner and creator are the caller's effective ids. */
export const newPerm = (slot: Slot, key: number, cred: Cred, flg: number): IpcPerm => ({
  key, id: slot.id, seq: slot.seq, uid: cred.euid, gid: cred.egid, cuid: cred.euid, cgid: cred.egid, mode: flg & 0o777,
});

export const noSpace = (what: string): Check => deny("kernel", "ipc_addid", `the IPC namespace has no room for another ${what}`, "ENOSPC");

export const badId = (id: number, what: string): Check =>
  deny("kernel", "ipc_obtain_object_check", `no ${what} with id ${id} in the caller's IPC namespace`, "EINVAL");
