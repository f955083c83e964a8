/**
 * Pipes (`fs/pipe.c`): a 64 KiB ring buffer with a count of open read and write ends. Each end
 * is an open file description on the internal pipefs mount, so fork(2), dup(2) and close(2)
 * treat it like any file; when the last description of an end goes, the pipe learns it.
 *
 *   read:  data → up to `count` bytes; empty and no writer → end of file; empty → the reader sleeps
 *   write: no reader → EPIPE and SIGPIPE; room → as much as fits; full → the writer sleeps
 *
 * SIMPLIFICATION: pipe inode numbers count up from a fixed base (Linux takes them from
 * get_next_ino(), shared with other pseudo filesystems); F_SETPIPE_SZ is not modelled.
 */
import { err, ok } from "../../lib";
import type { Result } from "../../lib";
import type { Errno } from "../errno";
import type { Kgid, Kuid } from "../ids";
import type { KernelState } from "../state";
import type { SynthFs } from "./synthetic";
import type { OpenFile } from "./types";

/** pipe(7): the default capacity since Linux 2.6.11. */
export const PIPE_CAPACITY = 65536;
/** Writes of up to PIPE_BUF bytes are atomic. */
export const PIPE_BUF = 4096;
export const FIRST_PIPE_INO = 30_000;

export interface Pipe {
  readonly id: number;
  readonly ino: number;
  /** Bytes written and not yet read, one character per byte. */
  readonly buffer: string;
  /** Open file descriptions of each end. */
  readonly readers: number;
  readonly writers: number;
  /** The inode's owner: the fsuid and fsgid of the task that made the pipe. */
  readonly uid: Kuid;
  readonly gid: Kgid;
}

export const pipeOfFile = (state: KernelState, file: OpenFile): Pipe | undefined =>
  file.path.mnt === state.vfs.pipefsMount ? state.vfs.pipes.get(Number(file.path.node)) : undefined;

const putPipe = (state: KernelState, pipe: Pipe): KernelState => ({ ...state, vfs: { ...state.vfs, pipes: state.vfs.pipes.set(pipe.id, pipe) } });

/** A new pipe with one description of each end counted. */
export function createPipe(state: KernelState, uid: Kuid, gid: Kgid): readonly [KernelState, Pipe] {
  const id = state.vfs.nextPipe;
  const pipe: Pipe = { id, ino: FIRST_PIPE_INO + id, buffer: "", readers: 1, writers: 1, uid, gid };
  const s = putPipe(state, pipe);
  return [{ ...s, vfs: { ...s.vfs, nextPipe: id + 1 } }, pipe] as const;
}

export type PipeRead = { readonly kind: "data"; readonly data: string } | { readonly kind: "blocked" };

export function pipeRead(state: KernelState, pipe: Pipe, count: number): readonly [KernelState, PipeRead] {
  if (pipe.buffer.length === 0) return [state, pipe.writers === 0 || count === 0 ? { kind: "data", data: "" } : { kind: "blocked" }] as const;
  const data = pipe.buffer.slice(0, count);
  return [putPipe(state, { ...pipe, buffer: pipe.buffer.slice(data.length) }), { kind: "data", data }] as const;
}

export type PipeWrite = { readonly kind: "written"; readonly count: number } | { readonly kind: "blocked" };

export function pipeWrite(state: KernelState, pipe: Pipe, data: string): Result<readonly [KernelState, PipeWrite], Errno> {
  if (pipe.readers === 0) return err("EPIPE");
  const room = PIPE_CAPACITY - pipe.buffer.length;
  // A write of at most PIPE_BUF bytes goes in whole or waits; a longer one takes what fits.
  if (room === 0 || (data.length <= PIPE_BUF && room < data.length)) return ok([state, { kind: "blocked" }] as const);
  const chunk = data.slice(0, room);
  return ok([putPipe(state, { ...pipe, buffer: pipe.buffer + chunk }), { kind: "written", count: chunk.length }] as const);
}

/** The last description of one end went away (`pipe_release()`); the pipe dies with both. */
export function releasePipeEnd(state: KernelState, pipe: Pipe, end: "read" | "write"): KernelState {
  const next = end === "read" ? { ...pipe, readers: pipe.readers - 1 } : { ...pipe, writers: pipe.writers - 1 };
  if (next.readers <= 0 && next.writers <= 0) return { ...state, vfs: { ...state.vfs, pipes: state.vfs.pipes.delete(pipe.id) } };
  return putPipe(state, next);
}

/** pipefs: one FIFO inode per pipe, mode 0600, owned by the task that made it. */
export const pipeFs: SynthFs = {
  attr: (ctx, key) => {
    if (key === "") return { type: "dir", mode: 0o755, ino: 1 };
    const pipe = ctx.state.vfs.pipes.get(Number(key));
    return pipe ? { type: "fifo", mode: 0o600, ino: pipe.ino, size: 0, uid: pipe.uid, gid: pipe.gid } : undefined;
  },
  list: () => [],
  read: () => err("EINVAL"),
  readlink: () => undefined,
};
