/**
 * read(2): up to `count` bytes from the file position. Regular files read their data, device
 * nodes their driver, generated files the snapshot taken at open.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { deviceRead } from "../vfs/devices";
import { fileOf, putFile } from "../vfs/files";
import { fileTypeOf } from "../vfs/mode";
import { contentOf } from "../vfs/mutate";
import { canRead } from "../vfs/open-flags";
import { attrAt } from "../vfs/open";
import { failed, fsCtx } from "../vfs/sys-common";
import type { OpenFile } from "../vfs/types";
import type { FsCtx } from "../vfs/node";
import type { Blocked, SyscallOutcome } from "./outcome";
import { BLOCKED, succeed } from "./outcome";
import { pipeOfFile, pipeRead } from "../vfs/pipe";

export interface ReadCall {
  readonly name: "read";
  readonly fd: number;
  readonly count: number;
}

export type ReadResult =
  /** The bytes read, one character per byte; empty at end of file. */
  | { readonly data: string }
  /** An empty pipe with a writer left: the reader sleeps until data or end of file. */
  | Blocked;

/** The first bytes of an x86-64 ELF executable; a program's image reads as this, then zeros. */
const ELF_HEAD = "\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";

function programBytes(size: number, pos: number, count: number): string {
  const end = Math.min(size, pos + count);
  if (pos >= end) return "";
  const head = ELF_HEAD.slice(pos, end);
  return head + "\0".repeat(end - pos - head.length);
}

function readFrom(c: FsCtx, file: OpenFile, count: number): Result<string, Errno> {
  if (file.snapshot !== null) return ok(file.snapshot.slice(file.pos, file.pos + count));
  const attr = attrAt(c, file.path);
  if (!attr) return err("ENOENT");
  const type = fileTypeOf(attr.mode);
  if (type === "dir") return err("EISDIR");
  if (type === "chr" || type === "blk") return deviceRead(type, attr.rdev, count, c.state.nowNs + file.pos);
  const data = contentOf(c, file.path);
  if (data?.kind === "text") return ok(data.text.slice(file.pos, file.pos + count));
  if (data?.kind === "program") return ok(programBytes(data.size, file.pos, count));
  return err("EINVAL");
}

/** SIMPLIFICATION: reads never update atime; file contents are strings of one character per byte. */
export function sysRead(state: KernelState, caller: Task, call: ReadCall): SyscallOutcome<ReadResult> {
  const file = fileOf(state, caller, call.fd);
  if (!file || !canRead(file.flags)) return failed(state, [deny("kernel", "ksys_read", `${call.fd} is not open for reading`, "EBADF")]);
  if (call.count < 0) return failed(state, [deny("kernel", "ksys_read", "negative count", "EINVAL")]);
  const pipe = pipeOfFile(state, file);
  if (pipe) {
    const [s, got] = pipeRead(state, pipe, call.count);
    if (got.kind === "blocked") return succeed(state, [pass("kernel", "pipe_read", `pipe:[${pipe.ino}] is empty and still has a writer: the reader sleeps`)], BLOCKED);
    return succeed(s, [pass("kernel", "pipe_read", got.data ? `${got.data.length} bytes from pipe:[${pipe.ino}]` : `pipe:[${pipe.ino}] has no writer left: end of file`)], { data: got.data });
  }
  const got = readFrom(fsCtx(state, caller), file, call.count);
  if (!got.ok) return failed(state, [deny("kernel", "vfs_read", `descriptor ${call.fd} cannot be read`, got.error)]);
  const next = putFile(state, { ...file, pos: file.pos + got.value.length });
  return succeed(next, [pass("kernel", "vfs_read", `${got.value.length} bytes from descriptor ${call.fd}`)], { data: got.value });
}
