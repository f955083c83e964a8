/**
 * What libc is to a real program: thin wrappers that make one syscall (or a loop of them, as
 * `write` until everything is written) and hand back the result or the errno. Programs use
 * these with `yield*`; a call that would sleep never returns here until it can complete.
 */
import type { Dirent64, Errno, StatResult, SyscallCall, SyscallOutcome, WaitResult } from "../../kernel/index.ts";
import type { Result } from "../../lib/index.ts";
import { AT_FDCWD, O_DIRECTORY, O_RDONLY } from "../../kernel/index.ts";
import type { Request } from "./program";

export type Sys<T> = Generator<Request, T, SyscallOutcome>;

/** One system call; its result (or errno). */
export function* sys<T>(call: SyscallCall): Sys<Result<T, Errno>> {
  const outcome = yield { kind: "syscall", call };
  return outcome.result as Result<T, Errno>;
}

/** write(2) until all of `text` is written; the errno of the first failure, if any. */
export function* writeAll(fd: number, text: string): Sys<Errno | undefined> {
  let rest = text;
  while (rest.length > 0) {
    const r = yield* sys<number>({ name: "write", fd, data: rest });
    if (!r.ok) return r.error;
    rest = rest.slice(r.value);
  }
  return undefined;
}

const CHUNK = 65_536;

/** read(2) once: up to `count` bytes, "" at end of file. */
export function* readSome(fd: number, count = CHUNK): Sys<Result<string, Errno>> {
  const r = yield* sys<{ data: string }>({ name: "read", fd, count });
  return r.ok ? { ok: true, value: r.value.data } : r;
}

/** read(2) until end of file. */
export function* readAll(fd: number): Sys<Result<string, Errno>> {
  let out = "";
  for (;;) {
    const r = yield* readSome(fd);
    if (!r.ok) return r;
    if (r.value === "") return { ok: true, value: out };
    out += r.value;
  }
}

export function* open(path: string, flags: number, mode = 0o666): Sys<Result<number, Errno>> {
  const r = yield* sys<{ fd: number }>({ name: "openat", dirfd: AT_FDCWD, path, flags, mode });
  return r.ok ? { ok: true, value: r.value.fd } : r;
}

export function* close(fd: number): Sys<Result<0, Errno>> {
  return yield* sys<0>({ name: "close", fd });
}

/** A whole file's text, as `cat` would read it. */
export function* readFile(path: string): Sys<Result<string, Errno>> {
  const fd = yield* open(path, O_RDONLY);
  if (!fd.ok) return fd;
  const text = yield* readAll(fd.value);
  yield* close(fd.value);
  return text;
}

export function* stat(path: string): Sys<Result<StatResult, Errno>> {
  return yield* sys<StatResult>({ name: "stat", path });
}

/** Every entry of a directory (getdents64 until it returns none). */
export function* listDir(path: string): Sys<Result<Dirent64[], Errno>> {
  const fd = yield* open(path, O_RDONLY | O_DIRECTORY);
  if (!fd.ok) return fd;
  const all: Dirent64[] = [];
  for (;;) {
    const r = yield* sys<readonly Dirent64[]>({ name: "getdents64", fd: fd.value });
    if (!r.ok) {
      yield* close(fd.value);
      return r;
    }
    if (r.value.length === 0) break;
    all.push(...r.value);
  }
  yield* close(fd.value);
  return { ok: true, value: all };
}

/** Waits for a child (or any, with -1); the raw wait status. */
export function* wait(pid: number, options = 0): Sys<Result<WaitResult, Errno>> {
  return yield* sys<WaitResult>({ name: "wait4", pid, options });
}
