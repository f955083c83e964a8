/**
 * Task credentials (`include/linux/cred.h`): ids are global (`Kuid`/`Kgid`); the user
 * namespace the credentials belong to decides which capabilities count where.
 */
import type { CapSet } from "../caps/capabilities";
import { ALL_CAPS, EMPTY_CAPS } from "../caps/capabilities";
import type { Kgid, Kuid, NsId } from "../ids";
import { kgid, kuid } from "../ids";
import { INIT_NS_INODE } from "../ns/namespace";
import { nsId } from "../ids";

export interface CapSets {
  readonly inheritable: CapSet;
  readonly permitted: CapSet;
  readonly effective: CapSet;
  readonly bounding: CapSet;
  readonly ambient: CapSet;
}

export interface Cred {
  readonly uid: Kuid;
  readonly euid: Kuid;
  readonly suid: Kuid;
  readonly fsuid: Kuid;
  readonly gid: Kgid;
  readonly egid: Kgid;
  readonly sgid: Kgid;
  readonly fsgid: Kgid;
  readonly groups: readonly Kgid[];
  readonly caps: CapSets;
  /** SECBIT_KEEP_CAPS and friends (capabilities(7) "The securebits flags"). */
  readonly securebits: number;
  readonly userNs: NsId;
}

export const SECBIT_NOROOT = 0x1;
export const SECBIT_NO_SETUID_FIXUP = 0x4;
export const SECBIT_KEEP_CAPS = 0x10;
export const SECBIT_NO_CAP_AMBIENT_RAISE = 0x40;

export const ROOT_UID = kuid(0);
export const ROOT_GID = kgid(0);

/** The credentials of init and of the host's root shell: all capabilities, init user ns. */
export const INIT_CRED: Cred = {
  uid: ROOT_UID, euid: ROOT_UID, suid: ROOT_UID, fsuid: ROOT_UID,
  gid: ROOT_GID, egid: ROOT_GID, sgid: ROOT_GID, fsgid: ROOT_GID,
  groups: [],
  caps: { inheritable: EMPTY_CAPS, permitted: ALL_CAPS, effective: ALL_CAPS, bounding: ALL_CAPS, ambient: EMPTY_CAPS },
  securebits: 0,
  userNs: nsId(INIT_NS_INODE.user),
};

/** Credentials of an unprivileged user (e.g. uid 1000): no capabilities, full bounding set. */
export function userCred(uid: number, gid: number, groups: readonly number[] = []): Cred {
  return {
    ...INIT_CRED,
    uid: kuid(uid), euid: kuid(uid), suid: kuid(uid), fsuid: kuid(uid),
    gid: kgid(gid), egid: kgid(gid), sgid: kgid(gid), fsgid: kgid(gid),
    groups: groups.map(kgid),
    caps: { ...INIT_CRED.caps, permitted: EMPTY_CAPS, effective: EMPTY_CAPS },
  };
}
