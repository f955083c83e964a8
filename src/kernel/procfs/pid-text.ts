/**
 * The small per-process text files: cmdline, environ, comm (`fs/proc/base.c`), loginuid
 * (`proc_loginuid_read()`), attr/current (the LSM's `getprocattr` hook) and cgroup.
 */
import { procPidCgroup } from "../cgroup/proc-cgroup";
import { apparmorAttrCurrent } from "../security/apparmor/profile";
import { apparmorProfileOf } from "../security/lsm";
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Task } from "../task/task";
import type { ProcView } from "./view";
import { idIn } from "./view";

/**
 * get_mm_cmdline(): the argument area, each argument NUL-terminated. A kernel thread (no mm)
 * and a zombie read as empty, which is why ps shows them in [brackets].
 */
export function renderCmdline(_state: KernelState, task: Task, _view: ProcView): string {
  if (task.kthread || task.state === "Z") return "";
  return task.argv.map((a) => `${a}\0`).join("");
}

/**
 * environ_read(): the environment area, NUL-separated. The file is mode 0400 and opening it
 * needs ptrace_may_access(PTRACE_MODE_READ_FSCREDS): "cat: /proc/1/environ: Permission
 * denied" in a container (linux-facts §6) is that check, made by the VFS on open
 * (vfs/ptrace.ts).
 */
export function renderEnviron(_state: KernelState, task: Task, _view: ProcView): string {
  if (task.kthread || task.state === "Z") return "";
  return task.env.map((e) => `${e}\0`).join("");
}

/** comm_show(): the task's command name (at most 15 bytes, TASK_COMM_LEN - 1) and a newline. */
export function renderComm(_state: KernelState, task: Task, _view: ProcView): string {
  return `${task.comm}\n`;
}

/**
 * The audit login uid, as the reader's user namespace sees it, printed with `%u` and no
 * newline (so `cat` leaves the prompt on the same line); 4294967295 when unset or unmapped.
 * SIMPLIFICATION: tasks have no loginuid field. pam_loginuid sets it in login(1) and sshd
 * sessions, so a process below `login` or an sshd session gets the uid of the session's
 * first process under it; every other process (daemons, kernel threads, containers started
 * by dockerd) has none.
 */
export function renderLoginuid(state: KernelState, task: Task, view: ProcView): string {
  const loginuid = loginuidOf(state, task);
  return String(loginuid === undefined ? 4294967295 : idIn(state, view.userNs, loginuid, "uid"));
}

function loginuidOf(state: KernelState, task: Task): number | undefined {
  let below: Task | undefined;
  for (let t: Task | undefined = task; t !== undefined; t = t.ppid === t.pid ? undefined : state.tasks.get(t.ppid)) {
    if (t.comm === "login" || /^sshd: \S+@/.test(t.argv[0] ?? "")) return below?.cred.uid;
    below = t;
    if (t.pid === 1) break;
  }
  return undefined;
}

/**
 * /proc/PID/attr/current, the security module's getprocattr: AppArmor prints the profile and
 * its mode (`docker-default (enforce)`), or `unconfined` (procattr.c: aa_getprocattr());
 * SELinux prints the context, NUL-terminated (selinux_getprocattr()).
 */
export function renderAttrCurrent(state: KernelState, task: Task, _view: ProcView): string {
  if (state.config.lsm === "selinux") return `${task.lsm.label}\0`;
  return apparmorAttrCurrent(apparmorProfileOf(state, task));
}

/**
 * /proc/PID/cgroup, rendered by the cgroup module (`proc_cgroup_show()`), relative to the
 * READER's cgroup namespace (current->nsproxy->cgroup_ns). SIMPLIFICATION: a cgroup namespace
 * records only its v2 root, so v1 hierarchies are shown from their roots.
 */
export function renderCgroup(state: KernelState, task: Task, view: ProcView): string {
  const ns = getNs(state, view.nsproxy.cgroup, "cgroup");
  const root = state.cgroup.cgroups.has(ns.root) ? ns.root : state.cgroup.root;
  return procPidCgroup(state.cgroup, task.pid, { v2: root, v1: {} });
}
