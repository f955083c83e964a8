/** Constants the util-linux programs pass to the kernel, defined as the C headers define them. */

/** Namespace clone flags (<linux/sched.h>). */
export const CLONE_NEWTIME = 0x00000080;
export const CLONE_NEWNS = 0x00020000;
export const CLONE_NEWCGROUP = 0x02000000;
export const CLONE_NEWUTS = 0x04000000;
export const CLONE_NEWIPC = 0x08000000;
export const CLONE_NEWUSER = 0x10000000;
export const CLONE_NEWPID = 0x20000000;
export const CLONE_NEWNET = 0x40000000;

/** mount(2) flags (<sys/mount.h>): the kernel's own definitions. */
export {
  MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_SYNCHRONOUS, MS_REMOUNT, MS_MANDLOCK, MS_DIRSYNC, MS_NOSYMFOLLOW, MS_NOATIME,
  MS_NODIRATIME, MS_BIND, MS_MOVE, MS_REC, MS_SILENT, MS_UNBINDABLE, MS_PRIVATE, MS_SLAVE, MS_SHARED, MS_RELATIME,
  MS_STRICTATIME, MS_LAZYTIME,
} from "../../../kernel/index.ts";
import { MS_PRIVATE, MS_SHARED, MS_SLAVE, MS_UNBINDABLE } from "../../../kernel/index.ts";
export const MS_PROPAGATION = MS_SHARED | MS_SLAVE | MS_UNBINDABLE | MS_PRIVATE;

/** umount2(2) flags (<sys/mount.h>). */
export const MNT_FORCE = 1;
export const MNT_DETACH = 2;

/** Securebits (<linux/securebits.h>). */
export const SECBIT_NOROOT = 0x01;
export const SECBIT_NOROOT_LOCKED = 0x02;
export const SECBIT_NO_SETUID_FIXUP = 0x04;
export const SECBIT_NO_SETUID_FIXUP_LOCKED = 0x08;
export const SECBIT_KEEP_CAPS = 0x10;
export const SECBIT_KEEP_CAPS_LOCKED = 0x20;
export const SECBIT_NO_CAP_AMBIENT_RAISE = 0x40;
export const SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED = 0x80;
