/**
 * /proc/sys/kernel/* (`kernel/sysctl.c`, `kernel/utsname_sysctl.c`, `kernel/pid_namespace.c`,
 * Yama, AppArmor and Ubuntu's patches). Defaults are those of an Ubuntu 24.04 host.
 */
import { nsCapable, userNsName } from "../cred/capable";
import { CAP_LAST_CAP } from "../caps/capabilities";
import type { KernelState } from "../state";
import { getNs, putNs } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { PID_MAX_LIMIT, bootId, freshUuid, threadsMax } from "./kernel-info";
import { getSysctl } from "./store";
import type { SysctlEntry } from "./sysctl-types";
import { dostring, initCapable, intSysctl, parseInts, readOnlySysctl, stringSysctl } from "./sysctl-types";
import type { ProcWriteOutcome } from "./write-common";
import { badValue, refused, written } from "./write-common";

/**
 * hostname and domainname read and write the UTS namespace of the process doing it
 * (`get_uts()`); proc_do_uts_string() cuts the value to 64 bytes and asks for no capability:
 * the file's own permission — uid 0 of the initial user namespace (test_perm()) — is the only
 * rule. So root in a remapped user namespace can run `hostname x` (sethostname(2) checks
 * CAP_SYS_ADMIN in the UTS namespace's owner) but gets EACCES writing this file.
 */
function utsSysctl(field: "hostname" | "domainname"): SysctlEntry {
  return {
    mode: 0o644,
    read: (s, v) => `${getNs(s, v.nsproxy.uts, "uts")[field]}\n`,
    write: (s, w, text) => {
      const ns = getNs(s, w.ns.uts, "uts");
      const value = dostring(text, 64);
      return written(putNs(s, { ...ns, [field]: value }), [pass("namespace", "proc_do_uts_string", `${field} of UTS namespace ${ns.id} set to "${value}"`)], text);
    },
  };
}

/**
 * pid_ns_ctl_handler(): ns_last_pid of the writer's PID namespace — the next fork there gets
 * the number after it. Mode 0666, but writing needs CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE
 * in the PID namespace's owning user namespace (checkpoint_restore_ns_capable()).
 */
function writeNsLastPid(state: KernelState, writer: Task, text: string): ProcWriteOutcome {
  const pidNs = getNs(state, writer.pidNs, "pid");
  const owner = pidNs.owner!;
  const ok = nsCapable(state, writer.cred, owner, "CAP_SYS_ADMIN") || nsCapable(state, writer.cred, owner, "CAP_CHECKPOINT_RESTORE");
  const rule = "checkpoint_restore_ns_capable()";
  if (!ok) return refused(state, [], deny("capability", rule, `setting ns_last_pid needs CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE in ${userNsName(state, owner)}`, "EPERM"));
  const trace = [pass("capability", rule, `the writer may set the next PID of PID namespace ${pidNs.id}`)];
  const v = parseInts(text)?.[0];
  if (v === undefined || v < 0 || v > state.config.pidMax) return badValue(state, trace, "proc_dointvec_minmax", `ns_last_pid takes an integer from 0 to ${state.config.pidMax}`);
  return written(putNs(state, { ...pidNs, nextNr: v + 1 }), [...trace, pass("kernel", "pid_ns_ctl_handler", `the next PID in namespace ${pidNs.id} will be ${v + 1}`)], text);
}

/**
 * pid_max lives in the config because alloc_pid() reads it there. SIMPLIFICATION: since Linux
 * 6.14 each PID namespace has its own pid_max; here it is one global value.
 */
const pidMax: SysctlEntry = {
  mode: 0o644,
  read: (s) => `${s.config.pidMax}\n`,
  write: (s, _w, text) => {
    const v = parseInts(text)?.[0];
    if (v === undefined || v < 301 || v > PID_MAX_LIMIT) return badValue(s, [], "proc_dointvec_minmax", `pid_max takes an integer from 301 to ${PID_MAX_LIMIT}`);
    return written({ ...s, config: { ...s.config, pidMax: v } }, [pass("kernel", "proc_dointvec_minmax", `pid_max = ${v}`)], text);
  },
};

/**
 * Yama and unprivileged BPF lock their strictest value once it is set (yama_dointvec_minmax()
 * answers EINVAL, bpf_unpriv_handler() EPERM); the capability check comes first.
 */
function lockingSysctl(key: string, def: number, max: number, cap: "CAP_SYS_PTRACE" | "CAP_SYS_ADMIN", lockAt: number): SysctlEntry {
  const base = intSysctl(key, () => def, { min: 0, max, cap });
  return {
    ...base,
    write: (s, w, text) => {
      const v = parseInts(text)?.[0];
      const locked = Number(getSysctl(s, key) ?? def) === lockAt && v !== undefined && v !== lockAt;
      if (locked && initCapable(s, w, cap, `changing ${key}`).verdict === "pass") {
        return badValue(s, [], "proc_dointvec_minmax", `${key} is locked at ${lockAt} until reboot`, cap === "CAP_SYS_ADMIN" ? "EPERM" : "EINVAL");
      }
      return base.write!(s, w, text);
    },
  };
}

/**
 * Ubuntu 24.04's AppArmor restriction of unprivileged user namespaces
 * (kernel.apparmor_restrict_unprivileged_userns, on by default): a process without
 * CAP_SYS_ADMIN in the initial user namespace that creates a user namespace is moved to the
 * `unprivileged_userns` profile, which denies it capabilities there — so `unshare -r` as a
 * normal user fails at "write failed /proc/self/uid_map". The flag is read by
 * userNsRestricted(); enforcing it is the AppArmor module's job (an LSM capable() hook).
 * Writing it needs CAP_MAC_ADMIN (policy admin) in the initial user namespace.
 */
export const APPARMOR_RESTRICT_KEY = "kernel.apparmor_restrict_unprivileged_userns";
export const userNsRestricted = (state: KernelState): boolean =>
  state.config.lsm === "apparmor" && (getSysctl(state, APPARMOR_RESTRICT_KEY) ?? "1") === "1";

export const KERNEL_SYSCTLS: Readonly<Record<string, SysctlEntry>> = {
  "kernel/hostname": utsSysctl("hostname"),
  "kernel/domainname": utsSysctl("domainname"),
  "kernel/ostype": readOnlySysctl(() => "Linux"),
  "kernel/osrelease": readOnlySysctl((s) => s.config.release),
  "kernel/version": readOnlySysctl((s) => s.config.version),
  "kernel/pid_max": pidMax,
  "kernel/cap_last_cap": readOnlySysctl(() => String(CAP_LAST_CAP)),
  "kernel/ns_last_pid": { mode: 0o666, read: (s, v) => `${getNs(s, v.activePidNs, "pid").nextNr - 1}\n`, write: writeNsLastPid },
  "kernel/threads-max": intSysctl("kernel.threads-max", (s) => threadsMax(s.config), { min: 20, max: 0x3fffffff }),
  "kernel/ngroups_max": readOnlySysctl(() => "65536"),
  "kernel/sysrq": intSysctl("kernel.sysrq", () => 176),
  "kernel/panic": intSysctl("kernel.panic", () => 0),
  "kernel/dmesg_restrict": intSysctl("kernel.dmesg_restrict", () => 1, { min: 0, max: 1, cap: "CAP_SYS_ADMIN" }),
  "kernel/kptr_restrict": intSysctl("kernel.kptr_restrict", () => 1, { min: 0, max: 2, cap: "CAP_SYS_ADMIN" }),
  "kernel/perf_event_paranoid": intSysctl("kernel.perf_event_paranoid", () => 4),
  "kernel/randomize_va_space": intSysctl("kernel.randomize_va_space", () => 2),
  "kernel/modules_disabled": intSysctl("kernel.modules_disabled", () => 0, { min: 1, max: 1 }),
  "kernel/unprivileged_userns_clone": intSysctl("kernel.unprivileged_userns_clone", () => 1),
  "kernel/unprivileged_bpf_disabled": lockingSysctl("kernel.unprivileged_bpf_disabled", 2, 2, "CAP_SYS_ADMIN", 1),
  "kernel/yama/ptrace_scope": lockingSysctl("kernel.yama.ptrace_scope", 1, 3, "CAP_SYS_PTRACE", 3),
  "kernel/apparmor_restrict_unprivileged_userns": intSysctl(APPARMOR_RESTRICT_KEY, () => 1, { min: 0, max: 1, cap: "CAP_MAC_ADMIN" }),
  "kernel/core_pattern": stringSysctl("kernel.core_pattern", "|/usr/share/apport/apport -p%p -s%s -c%c -d%d -P%P -u%u -g%g -F%F -- %E", 127),
  "kernel/random/boot_id": readOnlySysctl((s) => bootId(s.config)),
  "kernel/random/uuid": readOnlySysctl((s) => freshUuid(s)),
  "kernel/random/entropy_avail": readOnlySysctl(() => "256"),
  "kernel/random/poolsize": readOnlySysctl(() => "256"),
};
