/**
 * execve(2): the caller becomes a new program (`fs/exec.c: do_execveat_common()`). The kernel
 * checks the file (exec-lookup.ts), computes the new credentials (the setuid bits unless
 * nosuid or no_new_privs, and the capability rules of capabilities(7)), closes close-on-exec
 * descriptors, resets caught signals to their default, enters time_for_children, and takes
 * the LSM label set in /proc/self/attr/exec. What the program then does is the userland's: the
 * result names the program to run.
 */
import { execCreds } from "../cred/exec-creds";
import type { Kuid } from "../ids";
import { mapIdDown } from "../ns/id-map";
import type { KernelState } from "../state";
import { getNs, getTask, putTask } from "../state";
import { switchNamespaces } from "../task/nsproxy";
import type { SigDisposition, Task } from "../task/task";
import type { Check } from "../trace";
import { pass } from "../trace";
import type { Executable } from "../vfs/exec-lookup";
import { lookupExecutable } from "../vfs/exec-lookup";
import { closeOnExec } from "../vfs/files";
import { S_ISGID, S_ISUID, S_IXGRP } from "../vfs/mode";
import type { SyscallOutcome } from "./outcome";
import { fail, succeed } from "./outcome";

export interface ExecveCall {
  readonly name: "execve";
  readonly path: string;
  readonly argv: readonly string[];
  readonly envp: readonly string[];
}

export interface ExecveResult {
  readonly program: Executable["program"];
}

export function sysExecve(state: KernelState, caller: Task, call: ExecveCall): SyscallOutcome<ExecveResult> {
  const found = lookupExecutable(state, caller, call.path);
  if (!found.ok) return fail(state, found.error.checks, found.error.errno);
  const exe = found.value;
  const userNs = getNs(state, caller.cred.userNs, "user");
  const rootUid = mapIdDown(userNs.uidMap, 0) as Kuid | undefined;
  // A setgid bit without group execute marks mandatory locking, not setgid (fs/exec.c: bprm_fill_uid()).
  const setgid = (exe.mode & S_ISGID) !== 0 && (exe.mode & S_IXGRP) !== 0;
  const creds = execCreds(caller.cred, { uid: exe.uid, gid: exe.gid, setuid: (exe.mode & S_ISUID) !== 0, setgid, nosuid: exe.nosuid }, caller.noNewPrivs, rootUid);
  const trace: Check[] = [...exe.checks];
  if (creds.ignored) trace.push(pass("kernel", "bprm_fill_uid", `the setuid/setgid bits are ignored: ${creds.ignored === "nosuid" ? "the mount is nosuid" : "no_new_privs is set"}`));
  const dispositions: Record<number, SigDisposition> = {};
  for (const [sig, d] of Object.entries(caller.signals.dispositions)) if (d === "ignore") dispositions[Number(sig)] = d;
  const base = call.path.split("/").pop() ?? call.path;
  const closed = closeOnExec(state, caller.pid);
  // The label written to /proc/self/attr/exec takes effect now, and is used up (bprm_committing_creds()).
  const exec = caller.lsm.exec;
  if (exec !== undefined) trace.push(pass("lsm", "security_bprm_committing_creds", `the new program runs under ${exec} (set through /proc/self/attr/exec)`));
  const renamed: Task = {
    ...getTask(closed, caller.pid),
    comm: base.slice(0, 15), argv: call.argv, env: call.envp, exe: call.path, cred: creds.cred,
    signals: { pending: caller.signals.pending, dispositions },
    ...(exec !== undefined ? { lsm: { label: exec } } : {}),
  };
  let s = putTask(closed, renamed);
  // timens_on_fork()/exec_task_namespaces(): after unshare(CLONE_NEWTIME) the caller enters the new clocks at exec.
  if (renamed.ns.time !== renamed.ns.timeForChildren) s = switchNamespaces(s, renamed, { ...renamed.ns, time: renamed.ns.timeForChildren })[0];
  trace.push(pass("kernel", "begin_new_exec", `now running ${exe.program.kind === "program" ? exe.program.name : exe.program.interpreter} as uid ${creds.cred.euid}`));
  return succeed(s, trace, { program: exe.program });
}
