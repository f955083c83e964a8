/**
 * /proc/sys: the table of entries, who may open them, and read/write as one call each.
 * Opening is checked by `fs/proc/proc_sysctl.c: proc_sys_permission()` → `sysctl_perm()` →
 * `test_perm()`: the owner bits apply to uid 0 **of the initial user namespace** (global
 * root), the group bits to gid 0, the rest to everyone else — "root" in a user namespace is
 * "everyone else" here. Network entries give root's access to any holder of CAP_NET_ADMIN in
 * the network namespace's owner (`net_ctl_permissions()`); user.* entries to a holder of
 * CAP_SYS_RESOURCE in the reader's user namespace (`set_permissions()`). The handler's own
 * checks (a capability, a value range) come after, on write.
 */
import { nsCapable, userNsName } from "../cred/capable";
import type { Cred } from "../cred/cred";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { fail } from "../syscalls/outcome";
import { KERNEL_SYSCTLS } from "./sysctl-kernel";
import { MISC_SYSCTLS } from "./sysctl-misc";
import type { SysctlEntry } from "./sysctl-types";
import type { ProcView } from "./view";
import type { ProcWriteOutcome } from "./write-common";
import { refused } from "./write-common";

export const SYSCTL_TABLE: Readonly<Record<string, SysctlEntry>> = { ...KERNEL_SYSCTLS, ...MISC_SYSCTLS };

/** The entry at `path` (relative to /proc/sys), if this kernel has it. */
export function sysctlEntry(state: KernelState, path: string): SysctlEntry | undefined {
  if (path === "kernel/apparmor_restrict_unprivileged_userns" && state.config.lsm !== "apparmor") return undefined;
  return SYSCTL_TABLE[path];
}

/** Every directory below /proc/sys that holds an entry, e.g. `kernel`, `kernel/random`, `net/ipv4`. */
export const SYSCTL_DIRS: readonly string[] = [
  ...new Set(Object.keys(SYSCTL_TABLE).flatMap((p) => p.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/")))),
].sort();

const spread = (bits: number): number => (bits << 6) | (bits << 3) | bits;

/** The mode after the table root's permissions hook (net_ctl_permissions(), set_permissions()). */
function effectiveMode(state: KernelState, cred: Cred, netNs: NsId, entry: SysctlEntry): [number, string] {
  if (entry.root === "net") {
    const owner = state.namespaces.get(netNs)?.owner ?? cred.userNs;
    if (nsCapable(state, cred, owner, "CAP_NET_ADMIN")) return [spread((entry.mode >> 6) & 7), `CAP_NET_ADMIN in ${userNsName(state, owner)}`];
  }
  if (entry.root === "user") {
    if (nsCapable(state, cred, cred.userNs, "CAP_SYS_RESOURCE")) return [spread((entry.mode >> 6) & 7), `CAP_SYS_RESOURCE in ${userNsName(state, cred.userNs)}`];
    // "Allow all others at most read-only access."
    return [spread(entry.mode & 0o004), "a reader without CAP_SYS_RESOURCE in its user namespace"];
  }
  return [entry.mode, ""];
}

/** sysctl_perm() for opening /proc/sys/`path` to read or write. */
export function sysctlPermission(state: KernelState, cred: Cred, netNs: NsId, path: string, entry: SysctlEntry, op: "read" | "write"): Check {
  const [mode, granted] = effectiveMode(state, cred, netNs, entry);
  let bits = mode & 7;
  let who = granted || "users other than uid 0 of the initial user namespace";
  if (cred.euid === 0) [bits, who] = [(mode >> 6) & 7, granted || "uid 0 of the initial user namespace"];
  else if (cred.egid === 0 || cred.groups.includes(0 as never)) [bits, who] = [(mode >> 3) & 7, granted || "gid 0 of the initial user namespace"];
  const want = op === "read" ? 4 : 2;
  const rule = "sysctl_perm: test_perm";
  const m = entry.mode.toString(8).padStart(4, "0");
  return (bits & want) !== 0
    ? pass("dac", rule, `/proc/sys/${path} (mode ${m}) may be ${op === "read" ? "read" : "written"} by ${who}`)
    : deny("dac", rule, `/proc/sys/${path} (mode ${m}) cannot be ${op === "read" ? "read" : "written"} by ${who}: sysctl's root is uid 0 of the initial user namespace`, "EACCES");
}

/** Reads /proc/sys/`path` as `view`'s reader: the text, or the errno and the denying check. */
export function readSysctl(state: KernelState, view: ProcView, path: string): { readonly text?: string; readonly check: Check } {
  const entry = sysctlEntry(state, path);
  if (!entry) return { check: deny("kernel", "proc_sys_lookup", `/proc/sys/${path} does not exist`, "ENOENT") };
  const check = sysctlPermission(state, view.cred, view.nsproxy.net, path, entry, "read");
  return check.verdict === "pass" ? { text: entry.read(state, view), check } : { check };
}

/** Opens /proc/sys/`path` for writing and writes `text`, as `writer`. */
export function writeSysctl(state: KernelState, writer: Task, path: string, text: string): ProcWriteOutcome {
  const entry = sysctlEntry(state, path);
  if (!entry) return fail(state, [deny("kernel", "proc_sys_lookup", `/proc/sys/${path} does not exist`, "ENOENT")], "ENOENT");
  const perm = sysctlPermission(state, writer.cred, writer.ns.net, path, entry, "write");
  if (perm.verdict === "deny" || !entry.write) {
    return refused(state, [], perm.verdict === "deny" ? perm : deny("dac", "sysctl_perm", `/proc/sys/${path} is read-only`, "EACCES"));
  }
  const out = entry.write(state, writer, text);
  return { ...out, trace: [perm, ...out.trace] };
}
