/**
 * Builders for procfs tests: the situations the reference transcripts were recorded in,
 * made from the kernel harness with real syscalls and /proc writes. Not exported through
 * index.ts.
 */
import { DOCKER_DEFAULT_CAPS, EMPTY_CAPS } from "../caps/capabilities";
import { userCred } from "../cred/cred";
import type { Pid } from "../ids";
import { CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWUTS } from "../ns/namespace";
import { putTask } from "../state";
import type { KernelHarness } from "../testing";
import type { Task } from "../task/task";
import { writeGidMap, writeUidMap } from "./id-map-write";
import { writeSetgroups } from "./setgroups";
import type { ProcWriteOutcome } from "./write-common";

/** The lines of `text` that match, as `grep -E` prints them. */
export const grep = (text: string, re: RegExp): string =>
  text.split("\n").filter((l) => l !== "" && re.test(l)).map((l) => `${l}\n`).join("");

/** Replaces fields of a task (exec of another program, a changed label …). */
export function patchTask(h: KernelHarness, pid: Pid, patch: Partial<Task>): void {
  h.state = putTask(h.state, { ...h.task(pid), ...patch });
}

/** A child of `parent` running `argv` (fork + exec). */
export function spawn(h: KernelHarness, parent: Pid, argv: readonly string[], flags = 0, exe = `/usr/bin/${argv[0]}`): Pid {
  const child = h.fork(parent, flags);
  patchTask(h, child, { argv, comm: (argv[0] ?? "").slice(0, 15), exe });
  return child;
}

/** Runs a /proc write that must succeed and keeps its state. */
export function mustWrite(h: KernelHarness, out: ProcWriteOutcome): void {
  if (!out.result.ok) throw new Error(`write failed: ${out.result.error}: ${out.trace.at(-1)?.reason}`);
  h.state = out.state;
}

/**
 * `unshare --user --map-root-user CMD` run by a process with `uid`: the child in a new user
 * namespace writes "deny" to setgroups, then `0 uid 1` to uid_map and gid_map.
 */
export function mapRootUser(h: KernelHarness, parent: Pid, argv: readonly string[], extraFlags = 0): Pid {
  const child = spawn(h, parent, argv, CLONE_NEWUSER | extraFlags);
  const t = h.task(child);
  mustWrite(h, writeSetgroups(h.state, t, t, "deny"));
  mustWrite(h, writeUidMap(h.state, h.task(child), t, `0 ${t.cred.euid} 1\n`));
  mustWrite(h, writeGidMap(h.state, h.task(child), t, `0 ${t.cred.egid} 1\n`));
  return child;
}

/** The host login shell switched to an unprivileged user (uid 1000). */
export function userShell(h: KernelHarness, uid = 1000): Pid {
  h.setCred(h.shell, userCred(uid, uid, [uid]));
  return h.shell;
}

export const CONTAINER_FLAGS = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET;

/**
 * What runc leaves behind for `docker run IMAGE sleep 45`: the process in new mount, UTS,
 * IPC, PID and network namespaces, Docker's 14 capabilities (bounding set too, CapInh
 * empty), one seccomp filter, AppArmor `docker-default`.
 */
export function dockerRun(h: KernelHarness, argv: readonly string[] = ["sleep", "45"]): { readonly runc: Pid; readonly init: Pid } {
  const runc = spawn(h, h.shell, ["runc", "init"], 0, "/usr/bin/runc");
  const init = spawn(h, runc, argv, CONTAINER_FLAGS);
  const caps = { inheritable: EMPTY_CAPS, permitted: DOCKER_DEFAULT_CAPS, effective: DOCKER_DEFAULT_CAPS, bounding: DOCKER_DEFAULT_CAPS, ambient: EMPTY_CAPS };
  patchTask(h, init, { cred: { ...h.task(init).cred, caps }, seccomp: { mode: 2, filters: [1] }, lsm: { label: "docker-default" } });
  return { runc, init };
}
