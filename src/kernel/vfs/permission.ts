/**
 * File permission checks (`fs/namei.c: inode_permission()`, `generic_permission()`,
 * `acl_permission_check()`): the owner, group or other class of the mode bits, then the
 * capabilities that override them — counted only when the file's owner and group are mapped in
 * the caller's user namespace (`capable_wrt_inode_uidgid()`), which is why root in a user
 * namespace cannot read a host file owned by an unmapped uid. The LSMs are asked by the callers
 * (may-open.ts, exec-lookup.ts and the path hooks), since AppArmor mediates by path, not inode.
 */
import type { Capability } from "../caps/capabilities";
import { nsCapable, userNsName } from "../cred/capable";
import type { Cred } from "../cred/cred";
import type { NsId } from "../ids";
import { mapIdUp } from "../ns/id-map";
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { MAY_EXEC, MAY_READ, MAY_WRITE, S_IXUGO, isDir, isLnk, isReg, modeString } from "./mode";
import type { Attr, FsCtx } from "./node";
import { backingOf } from "./node";
import { getMount } from "./mount-tree";
import { getSb } from "./sb-access";
import type { PathRef } from "./types";

/** The uid and gid as a user namespace shows them (65534 when unmapped, as stat(2) does). */
export function idsIn(state: KernelState, userNs: NsId, uid: number, gid: number): readonly [number, number] {
  const ns = getNs(state, userNs, "user");
  return [mapIdUp(ns.uidMap, uid) ?? 65534, mapIdUp(ns.gidMap, gid) ?? 65534];
}

/** kuid_has_mapping() and kgid_has_mapping() in the caller's user namespace. */
export function ownerMapped(state: KernelState, cred: Cred, attr: Pick<Attr, "uid" | "gid">): boolean {
  const ns = getNs(state, cred.userNs, "user");
  return mapIdUp(ns.uidMap, attr.uid) !== undefined && mapIdUp(ns.gidMap, attr.gid) !== undefined;
}

/** capable_wrt_inode_uidgid(): the capability in the caller's namespace, and the file's ids mapped there. */
export function capableWrtInode(state: KernelState, cred: Cred, attr: Pick<Attr, "uid" | "gid">, cap: Capability): boolean {
  return nsCapable(state, cred, cred.userNs, cap) && ownerMapped(state, cred, attr);
}

export const inGroup = (cred: Cred, gid: number): boolean => cred.fsgid === gid || cred.groups.includes(gid as never);

export function maskWords(mask: number, dir: boolean): string {
  const words: string[] = [];
  if (mask & MAY_READ) words.push("read");
  if (mask & MAY_WRITE) words.push("write");
  if (mask & MAY_EXEC) words.push(dir ? "search" : "execute");
  return words.join(" and ") || "access";
}

/** acl_permission_check(): the class of the mode bits that applies, and whether it grants `mask`. */
function dacClass(cred: Cred, attr: Attr, mask: number): { readonly ok: boolean; readonly who: string } {
  const want = mask & (MAY_READ | MAY_WRITE | MAY_EXEC);
  if (cred.fsuid === attr.uid) return { ok: (want & ~(attr.mode >> 6)) === 0, who: "its owner" };
  if (inGroup(cred, attr.gid)) return { ok: (want & ~(attr.mode >> 3)) === 0, who: "its group" };
  return { ok: (want & ~attr.mode & 7) === 0, who: "other users" };
}

/** generic_permission(): DAC, then CAP_DAC_READ_SEARCH and CAP_DAC_OVERRIDE as Linux allows them. */
export function genericPermission(state: KernelState, cred: Cred, attr: Attr, mask: number, name: string): Check {
  const dir = isDir(attr.mode);
  const what = maskWords(mask, dir);
  const bits = `${modeString(attr.mode)} ${attr.uid}:${attr.gid}`;
  const dac = dacClass(cred, attr, mask);
  if (dac.ok) return pass("dac", "generic_permission", `${name} (${bits}) grants ${what} to ${dac.who}`);
  const why = `${name} (${bits}) grants no ${what} to ${dac.who} (uid ${cred.fsuid})`;
  const via = (cap: Capability) => pass("capability", `capable_wrt_inode_uidgid(${cap})`, `${why}; ${cap} in ${userNsName(state, cred.userNs)} overrides it`);
  const rw = mask & (MAY_READ | MAY_WRITE | MAY_EXEC);
  if (dir) {
    if (!(mask & MAY_WRITE) && capableWrtInode(state, cred, attr, "CAP_DAC_READ_SEARCH")) return via("CAP_DAC_READ_SEARCH");
    if (capableWrtInode(state, cred, attr, "CAP_DAC_OVERRIDE")) return via("CAP_DAC_OVERRIDE");
  } else {
    if (rw === MAY_READ && capableWrtInode(state, cred, attr, "CAP_DAC_READ_SEARCH")) return via("CAP_DAC_READ_SEARCH");
    // "Executable DACs are overridable when there is at least one exec bit set."
    if ((!(rw & MAY_EXEC) || (attr.mode & S_IXUGO)) && capableWrtInode(state, cred, attr, "CAP_DAC_OVERRIDE")) return via("CAP_DAC_OVERRIDE");
  }
  const unmapped = nsCapable(state, cred, cred.userNs, "CAP_DAC_OVERRIDE") && !ownerMapped(state, cred, attr)
    ? `; CAP_DAC_OVERRIDE does not count because owner ${attr.uid}:${attr.gid} is not mapped in ${userNsName(state, cred.userNs)}`
    : "";
  return deny("dac", "generic_permission", `${why}${unmapped}`, "EACCES");
}

/** The checks of inode_permission() for `mask` on the node at `p`; a denial ends the list. */
export function inodePermission(c: FsCtx, p: PathRef, attr: Attr, mask: number, name: string): Check[] {
  const checks: Check[] = [];
  const sb = getSb(c.state, getMount(c.state, p.mnt).sb);
  if ((mask & MAY_WRITE) && sb.readOnly && (isReg(attr.mode) || isDir(attr.mode) || isLnk(attr.mode))) {
    return [deny("kernel", "sb_rdonly", `${name} is on a read-only ${sb.fstype} filesystem`, "EROFS")];
  }
  const b = backingOf(c, sb.id, p.node);
  const custom = b?.kind === "synthetic" ? b.fs.permission?.(b.ctx, b.key, mask) : undefined;
  const dac = custom ?? genericPermission(c.state, c.task.cred, attr, mask, name);
  checks.push(dac);
  return checks;
}

export const denies = (checks: readonly Check[]): boolean => checks.some((x) => x.verdict === "deny");
