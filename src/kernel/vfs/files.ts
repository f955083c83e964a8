/**
 * File descriptors (`fs/file.c`): each task has a table from small numbers to open file
 * descriptions; fork(2) copies the table and the child shares the descriptions (and their
 * offsets) with its parent; the description goes away with its last descriptor.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { NsId, Pid } from "../ids";
import { getNsRef, putNsRef } from "../ns/ns-ops";
import type { KernelState } from "../state";
import { getTask, putTask } from "../state";
import type { Task } from "../task/task";
import { O_ACCMODE, O_WRONLY } from "./open-flags";
import { pipeOfFile, releasePipeEnd } from "./pipe";
import type { FdEntry, OpenFile, PathRef } from "./types";
import { fileId } from "./types";

/** RLIMIT_NOFILE's soft limit: "Too many open files" beyond it. */
export const NR_OPEN_DEFAULT = 1024;

export interface NewFile {
  readonly path: PathRef;
  readonly flags: number;
  readonly snapshot: string | null;
  readonly heldNs: NsId | null;
}

function lowestFree(task: Task): number | undefined {
  for (let fd = 0; fd < NR_OPEN_DEFAULT; fd++) if (!task.fds.has(fd)) return fd;
  return undefined;
}

/** Installs a new open file description at the lowest free descriptor (`get_unused_fd_flags()`). */
export function installFile(state: KernelState, pid: Pid, f: NewFile, cloexec: boolean): Result<readonly [KernelState, number], Errno> {
  const task = getTask(state, pid);
  const fd = lowestFree(task);
  if (fd === undefined) return err("EMFILE");
  const file: OpenFile = { id: fileId(state.vfs.nextFile), path: f.path, flags: f.flags, pos: 0, refs: 1, snapshot: f.snapshot, heldNs: f.heldNs };
  let s: KernelState = { ...state, vfs: { ...state.vfs, nextFile: state.vfs.nextFile + 1, files: state.vfs.files.set(file.id, file) } };
  if (f.heldNs !== null) s = getNsRef(s, f.heldNs);
  const entry: FdEntry = { file: file.id, cloexec };
  s = putTask(s, { ...task, fds: task.fds.set(fd, entry) });
  return ok([s, fd] as const);
}

export function fileOf(state: KernelState, task: Task, fd: number): OpenFile | undefined {
  const entry = task.fds.get(fd);
  return entry ? state.vfs.files.get(entry.file) : undefined;
}

export const putFile = (state: KernelState, file: OpenFile): KernelState => ({
  ...state, vfs: { ...state.vfs, files: state.vfs.files.set(file.id, file) },
});

/** Drops one reference to a description; the last one frees it (`fput()`). */
function releaseFile(state: KernelState, id: OpenFile["id"]): KernelState {
  const file = state.vfs.files.get(id);
  if (!file) return state;
  if (file.refs > 1) return putFile(state, { ...file, refs: file.refs - 1 });
  let s: KernelState = { ...state, vfs: { ...state.vfs, files: state.vfs.files.delete(id) } };
  const pipe = pipeOfFile(state, file);
  if (pipe) s = releasePipeEnd(s, pipe, (file.flags & O_ACCMODE) === O_WRONLY ? "write" : "read");
  return file.heldNs !== null ? putNsRef(s, file.heldNs) : s;
}

/** close(2) of one descriptor. */
export function closeFd(state: KernelState, pid: Pid, fd: number): KernelState {
  const task = getTask(state, pid);
  const entry = task.fds.get(fd);
  if (!entry) return state;
  return releaseFile(putTask(state, { ...task, fds: task.fds.delete(fd) }), entry.file);
}

/** The child of fork(2) holds every description its parent's table names once more. */
export function forkFiles(state: KernelState, child: Task): KernelState {
  let s = state;
  for (const entry of child.fds.values()) {
    const file = s.vfs.files.get(entry.file);
    if (file) s = putFile(s, { ...file, refs: file.refs + 1 });
  }
  return s;
}

/** exit_files(): a dying task closes every descriptor. */
export function closeAllFiles(state: KernelState, pid: Pid): KernelState {
  const task = state.tasks.get(pid);
  if (!task || task.fds.size === 0) return state;
  let s = putTask(state, { ...task, fds: task.fds.clear() });
  for (const entry of task.fds.values()) s = releaseFile(s, entry.file);
  return s;
}

/** execve(2) closes descriptors marked close-on-exec. */
export function closeOnExec(state: KernelState, pid: Pid): KernelState {
  const task = getTask(state, pid);
  let s = state;
  for (const [fd, entry] of task.fds) if (entry.cloexec) s = closeFd(s, pid, fd);
  return s;
}
