/**
 * /proc/PID/attr/exec: the label the task's next execve(2) takes (fs/proc/base.c:
 * proc_pid_attr_write() → security_setprocattr("exec")). This is how runc confines a
 * container's process: just before it executes it, it writes `exec docker-default` (AppArmor,
 * lsm.c: apparmor_setprocattr() → aa_change_profile(AA_CHANGE_ONEXEC)) or the container's
 * context `system_u:system_r:container_t:s0:c1,c2` (SELinux, selinux_setprocattr(): exec_sid).
 * SIMPLIFICATION: confined tasks may not change their exec label at all (docker-default has no
 * change_profile rule, container_t no setexec permission); AppArmor's `changeprofile` and
 * SELinux's other attr files (fscreate, keycreate, sockcreate) are not writable.
 */
import { APPARMOR_UNCONFINED, apparmorAttrCurrent } from "../security/apparmor/profile";
import { parseContext } from "../security/selinux/context";
import { UNCONFINED_DOMAINS } from "../security/selinux/policy";
import { apparmorProfileOf } from "../security/lsm";
import type { KernelState } from "../state";
import { putTask } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { ProcView } from "./view";
import type { ProcWriteOutcome } from "./write-common";
import { badValue, refused, written } from "./write-common";

/** The label the next execve takes, shown like attr/current (empty when none is set). */
export function renderAttrExec(state: KernelState, task: Task, _view: ProcView): string {
  const exec = task.lsm.exec;
  if (exec === undefined) return "";
  return state.config.lsm === "selinux" ? `${exec}\0` : apparmorAttrCurrent(state.lsm.apparmor.get(exec) ?? APPARMOR_UNCONFINED);
}

/** The label a write asks for: AppArmor's `exec PROFILE`, or an SELinux context. */
function requested(state: KernelState, text: string): string | undefined {
  const value = text.replace(/[\n\0]+$/, "");
  if (state.config.lsm === "selinux") return parseContext(value) ? value : undefined;
  const m = /^exec (\S+)$/.exec(value);
  return m?.[1];
}

export function writeAttrExec(state: KernelState, writer: Task, target: Task, text: string): ProcWriteOutcome {
  if (writer.pid !== target.pid) {
    return refused(state, [], deny("kernel", "proc_pid_attr_write", "a task may write only its own attr files", "EACCES"));
  }
  const label = requested(state, text);
  if (label === undefined) {
    const form = state.config.lsm === "selinux" ? "a security context (user:role:type:level)" : "`exec PROFILE`";
    return badValue(state, [], "security_setprocattr", `attr/exec takes ${form}`);
  }
  const selinux = state.config.lsm === "selinux";
  const confined = selinux
    ? !UNCONFINED_DOMAINS.includes(parseContext(writer.lsm.label)?.type ?? "unconfined_t")
    : apparmorProfileOf(state, writer).mode !== "unconfined";
  if (confined) {
    const why = selinux ? `${writer.lsm.label} has no process { setexec } permission` : `profile ${writer.lsm.label} has no change_profile rule`;
    return refused(state, [], deny("lsm", selinux ? "selinux: process setexec" : "apparmor: change_onexec", why, "EACCES"));
  }
  if (!selinux && label !== "unconfined" && !state.lsm.apparmor.has(label)) {
    return refused(state, [], deny("lsm", "apparmor: change_onexec", `no AppArmor profile ${label} is loaded`, "ENOENT"));
  }
  const next = putTask(state, { ...writer, lsm: { ...writer.lsm, exec: label } });
  return written(next, [pass("lsm", selinux ? "selinux: setexeccon" : "apparmor: change_onexec", `the next execve(2) of process ${writer.pid} runs under ${label}`)], text);
}
