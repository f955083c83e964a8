/**
 * The files and directories at the top of /proc that do not belong to one process
 * (`fs/proc/root.c`, `proc_create*()` calls across the kernel), with src/kernel/procfs's
 * renderers wired in.
 */
import type { KernelState } from "../../state";
import type { ProcView } from "../../procfs/view";
import { renderMeminfo } from "../../procfs/meminfo";
import { renderLoadavg, renderUptime } from "../../procfs/uptime";
import { renderCpuinfo } from "../../procfs/cpuinfo";
import { renderKernelCmdline, renderVersion } from "../../procfs/kernel-info";
import { FS_REGISTRATION } from "../fs-types";

export interface GlobalEntry {
  readonly type: "reg" | "dir";
  readonly mode: number;
  readonly render?: (state: KernelState, view: ProcView) => string;
  readonly size?: number;
  /** Writes are accepted and have no effect (sysrq-trigger). */
  readonly sink?: boolean;
}

const r = (render?: GlobalEntry["render"], mode = 0o444): GlobalEntry => ({ type: "reg", mode, ...(render ? { render } : {}) });
const d: GlobalEntry = { type: "dir", mode: 0o555 };

const filesystems = (): string => FS_REGISTRATION.map(([nodev, name]) => `${nodev ? "nodev" : ""}\t${name}\n`).join("");


/**
 * SIMPLIFICATION: files without a renderer (stat, interrupts, …) read as empty; the
 * directories acpi, bus, driver, fs, irq, pressure, sysvipc and tty are empty.
 */
export const GLOBAL_ENTRIES: Readonly<Record<string, GlobalEntry>> = {
  acpi: d, bus: d, driver: d, fs: d, irq: d, pressure: d, sys: d, sysvipc: d, tty: d,
  buddyinfo: r(), cgroups: r(), cmdline: r(renderKernelCmdline), consoles: r(), cpuinfo: r((st, v) => renderCpuinfo(st, v)), crypto: r(), devices: r(),
  diskstats: r(), execdomains: r(), filesystems: r(filesystems), interrupts: r(), kallsyms: r(),
  kcore: { type: "reg", mode: 0o400, size: 140_737_477_881_856 }, keys: r(), kmsg: r(undefined, 0o400),
  loadavg: r(renderLoadavg), locks: r(), meminfo: r(renderMeminfo), misc: r(), modules: r(), partitions: r(),
  slabinfo: r(undefined, 0o400), softirqs: r(), stat: r(), swaps: r(), "sysrq-trigger": { type: "reg", mode: 0o200, sink: true },
  timer_list: r(undefined, 0o400), uptime: r(renderUptime), version: r(renderVersion), vmallocinfo: r(undefined, 0o400),
  vmstat: r(), zoneinfo: r(),
};

/** Symlinks at the top of /proc: `self`, `thread-self` are computed per reader. */
export const GLOBAL_LINKS: Readonly<Record<string, string>> = { mounts: "self/mounts", net: "self/net" };
