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

/** mount(2) flags (<sys/mount.h>). */
export const MS_RDONLY = 1;
export const MS_NOSUID = 2;
export const MS_NODEV = 4;
export const MS_NOEXEC = 8;
export const MS_SYNCHRONOUS = 16;
export const MS_REMOUNT = 32;
export const MS_MANDLOCK = 64;
export const MS_DIRSYNC = 128;
export const MS_NOSYMFOLLOW = 256;
export const MS_NOATIME = 1024;
export const MS_NODIRATIME = 2048;
export const MS_BIND = 4096;
export const MS_MOVE = 8192;
export const MS_REC = 16384;
export const MS_SILENT = 32768;
export const MS_UNBINDABLE = 1 << 17;
export const MS_PRIVATE = 1 << 18;
export const MS_SLAVE = 1 << 19;
export const MS_SHARED = 1 << 20;
export const MS_RELATIME = 1 << 21;
export const MS_STRICTATIME = 1 << 24;
export const MS_LAZYTIME = 1 << 25;
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
