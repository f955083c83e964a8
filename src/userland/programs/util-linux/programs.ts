/** util-linux, coreutils' chroot and libcap's tools, by executable name, for the registry. */
import type { ProgramMain } from "../../process/program";
import { capsh } from "./capsh";
import { chroot } from "./chroot";
import { findmnt } from "./findmnt";
import { getpcaps } from "./getpcaps";
import { lsblk } from "./lsblk";
import { lsns } from "./lsns";
import { mount } from "./mount";
import { nsenter } from "./nsenter";
import { setpriv } from "./setpriv";
import { umount } from "./umount";
import { unshare } from "./unshare";

/**
 * df is not here: coreutils df needs statfs(2), which the kernel does not have, and without it
 * there are no sizes to print.
 */
export const UTIL_LINUX_PROGRAMS: [string, ProgramMain][] = [
  ["unshare", unshare], ["nsenter", nsenter], ["chroot", chroot], ["lsns", lsns],
  ["mount", mount], ["umount", umount], ["findmnt", findmnt], ["lsblk", lsblk],
  ["capsh", capsh], ["getpcaps", getpcaps], ["setpriv", setpriv],
];
