/**
 * /proc/sys/user (per user namespace, `kernel/ucount.c`), /proc/sys/net (per network
 * namespace; the values live in the net module, net/sysctl.ts), /proc/sys/vm and /proc/sys/fs.
 */
import type { NsId } from "../ids";
import { NET_SYSCTLS, readNetSysctl, writeNetSysctl } from "../net/sysctl";
import type { NetSysctlName } from "../net/sysctl";
import type { KernelState } from "../state";
import { getNs } from "../state";
import { pass } from "../trace";
import { INT_MAX } from "./kernel-info";
import { getSysctl, setSysctl } from "./store";
import type { SysctlEntry } from "./sysctl-types";
import { intSysctl, parseInts } from "./sysctl-types";
import { badValue, written } from "./write-common";

const UCOUNTS = ["cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"] as const;

/**
 * max_*_namespaces: the limits of the reader's own user namespace (`set_lookup()` uses
 * current_user_ns()). The initial namespace starts at max_threads / 2 (the config's
 * maxUserNamespaces); "each new user namespace starts with every limit at INT_MAX"
 * (create_user_ns()), so a container with its own user namespace reads 2147483647.
 * Writable by a holder of CAP_SYS_RESOURCE in that namespace (set_permissions()).
 */
function ucountSysctl(kind: (typeof UCOUNTS)[number]): SysctlEntry {
  const key = (ns: NsId) => `user.max_${kind}_namespaces@${ns}`;
  const def = (s: KernelState, ns: NsId) => (getNs(s, ns, "user").level === 0 ? s.config.maxUserNamespaces : INT_MAX);
  return {
    mode: 0o644,
    root: "user",
    read: (s, v) => `${getSysctl(s, key(v.userNs)) ?? def(s, v.userNs)}\n`,
    write: (s, w, text) => {
      const v = parseInts(text)?.[0];
      if (v === undefined || v < 0) return badValue(s, [], "proc_dointvec_minmax", `max_${kind}_namespaces takes an integer from 0 to ${INT_MAX}`);
      const ns = w.cred.userNs;
      return written(setSysctl(s, key(ns), String(v)), [pass("namespace", "proc_dointvec_minmax", `max_${kind}_namespaces of user namespace ${ns} = ${v}`)], text);
    },
  };
}

/** A network setting of the reader's (writer's) network namespace, parsed by the net module. */
function netSysctl(name: NetSysctlName): SysctlEntry {
  return {
    mode: 0o644,
    root: "net",
    read: (s, v) => readNetSysctl(s, v.nsproxy.net, name),
    write: (s, w, text) => {
      const out = writeNetSysctl(s, w.ns.net, name, text);
      if (!out.ok) return badValue(s, [], "proc_dointvec_minmax", `/proc/sys/${name} does not accept "${text.trim()}"`, out.error);
      return written(out.value, [pass("namespace", "net sysctl", `${name} of network namespace ${w.ns.net} = ${text.trim()}`)], text);
    },
  };
}

/** fs.file-max: an unsigned long (proc_doulongvec_minmax()), up to LONG_MAX. */
const fileMax: SysctlEntry = {
  mode: 0o644,
  read: (s) => `${getSysctl(s, "fs.file-max") ?? "9223372036854775807"}\n`,
  write: (s, _w, text) => {
    const t = text.trim();
    if (!/^\d{1,19}$/.test(t) || BigInt(t) > 9223372036854775807n) return badValue(s, [], "proc_doulongvec_minmax", "file-max takes an integer from 0 to 9223372036854775807");
    return written(setSysctl(s, "fs.file-max", BigInt(t).toString()), [pass("kernel", "proc_doulongvec_minmax", `file-max = ${t}`)], text);
  },
};

/** vm.drop_caches: write-only (0200), 1 to 4, an action rather than a setting. */
const dropCaches: SysctlEntry = {
  mode: 0o200,
  read: () => "0\n",
  write: (s, _w, text) => {
    const v = parseInts(text)?.[0];
    if (v === undefined || v < 1 || v > 4) return badValue(s, [], "drop_caches_sysctl_handler", "drop_caches takes 1, 2, 3 or 4");
    return written(s, [pass("kernel", "drop_caches_sysctl_handler", "clean page cache and/or slab objects dropped")], text);
  },
};

export const MISC_SYSCTLS: Readonly<Record<string, SysctlEntry>> = {
  ...Object.fromEntries(UCOUNTS.map((k) => [`user/max_${k}_namespaces`, ucountSysctl(k)])),
  ...Object.fromEntries(NET_SYSCTLS.map((n) => [n, netSysctl(n)])),
  // show_unhandled_signals (x86): print a line for each fatal unhandled user fault.
  "debug/exception-trace": intSysctl("debug.exception-trace", () => 1),
  "vm/overcommit_memory": intSysctl("vm.overcommit_memory", () => 0, { min: 0, max: 2 }),
  "vm/overcommit_ratio": intSysctl("vm.overcommit_ratio", () => 50, { min: 0 }),
  "vm/swappiness": intSysctl("vm.swappiness", () => 60, { min: 0, max: 200 }),
  "vm/max_map_count": intSysctl("vm.max_map_count", () => 1048576, { min: 0 }),
  "vm/panic_on_oom": intSysctl("vm.panic_on_oom", () => 0, { min: 0, max: 2 }),
  "vm/drop_caches": dropCaches,
  "fs/file-max": fileMax,
  "fs/nr_open": intSysctl("fs.nr_open", () => 1048576, { min: 64, max: 1073741816 }),
  "fs/suid_dumpable": intSysctl("fs.suid_dumpable", () => 2, { min: 0, max: 2 }),
  "fs/protected_symlinks": intSysctl("fs.protected_symlinks", () => 1, { min: 0, max: 1, mode: 0o600 }),
  "fs/protected_hardlinks": intSysctl("fs.protected_hardlinks", () => 1, { min: 0, max: 1, mode: 0o600 }),
  "fs/protected_regular": intSysctl("fs.protected_regular", () => 2, { min: 0, max: 2, mode: 0o600 }),
  "fs/protected_fifos": intSysctl("fs.protected_fifos", () => 1, { min: 0, max: 2, mode: 0o600 }),
};
