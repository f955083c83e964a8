/**
 * sysfs (`fs/sysfs/`, kernfs): the kernel's device model. Only the skeleton a learner meets is
 * generated: the top directories, the block devices with their `dev` numbers, and the
 * directories other filesystems are mounted on (/sys/fs/cgroup, /sys/kernel/security, …).
 * SIMPLIFICATION: no device attributes beyond these; writes are accepted and ignored.
 */
import { err, ok } from "../../lib";
import { pass } from "../trace";
import type { SynthFs } from "./synthetic";

const DIRS = [
  "block", "bus", "class", "class/block", "class/net", "class/tty", "dev", "dev/block", "dev/char", "devices",
  "devices/system", "devices/system/cpu", "devices/virtual", "firmware", "firmware/acpi", "firmware/dmi", "fs",
  "fs/bpf", "fs/cgroup", "fs/ext4", "fs/fuse", "fs/fuse/connections", "fs/pstore", "hypervisor", "kernel",
  "kernel/config", "kernel/debug", "kernel/mm", "kernel/mm/transparent_hugepage", "kernel/security",
  "kernel/tracing", "module", "power", "block/sda", "block/sda/sda1",
];

const FILES: Readonly<Record<string, { readonly mode: number; readonly text: string }>> = {
  "block/sda/dev": { mode: 0o444, text: "8:0\n" },
  "block/sda/size": { mode: 0o444, text: "83886080\n" },
  "block/sda/ro": { mode: 0o444, text: "0\n" },
  "block/sda/sda1/dev": { mode: 0o444, text: "8:1\n" },
  "block/sda/sda1/size": { mode: 0o444, text: "83884032\n" },
  "kernel/uevent_helper": { mode: 0o644, text: "\n" },
  "kernel/mm/transparent_hugepage/enabled": { mode: 0o644, text: "always [madvise] never\n" },
  "kernel/profiling": { mode: 0o644, text: "0\n" },
  "devices/system/cpu/online": { mode: 0o444, text: "0-3\n" },
  "power/state": { mode: 0o644, text: "freeze mem disk\n" },
};

const children = (key: string): string[] => {
  const prefix = key === "" ? "" : `${key}/`;
  return [...DIRS, ...Object.keys(FILES)]
    .filter((k) => k.startsWith(prefix) && k !== key && !k.slice(prefix.length).includes("/"))
    .map((k) => k.slice(prefix.length));
};

export const sysFs: SynthFs = {
  attr: (_ctx, key) => {
    if (key === "" || DIRS.includes(key)) return { type: "dir", mode: 0o755 };
    const f = FILES[key];
    return f ? { type: "reg", mode: f.mode, size: 4096 } : undefined;
  },
  list: (_ctx, key) => children(key),
  read: (_ctx, key) => {
    const f = FILES[key];
    return f ? ok(f.text) : err("EISDIR");
  },
  readlink: () => undefined,
  write: (ctx, key, data) => ({ state: ctx.state, checks: [pass("kernel", "kernfs_fop_write_iter", `/sys/${key}: ${JSON.stringify(data.trim())} accepted`)] }),
};
