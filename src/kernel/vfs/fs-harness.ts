/**
 * Test helpers for the VFS: syscalls that must succeed, whole-file reads and writes, mountinfo
 * of a task. Used by the tests beside this file; not exported through src/kernel/index.ts.
 */
import type { Errno } from "../errno";
import type { Pid } from "../ids";
import { procView } from "../procfs/view";
import type { SyscallCall } from "../syscalls/table";
import type { KernelHarness } from "../testing";
import type { Trace } from "../trace";
import { renderMountinfo } from "./mountinfo";
import { O_CREAT, O_TRUNC, O_WRONLY } from "./open-flags";

/** Runs a syscall that must succeed and returns its value. */
export function must<T = unknown>(k: KernelHarness, pid: Pid, call: SyscallCall): T {
  const out = k.call(pid, call);
  if (!out.result.ok) throw new Error(`${call.name} failed with ${out.result.error}: ${out.trace.map((c) => c.reason).join(" | ")}`);
  return out.result.value as T;
}

/** The errno a syscall fails with (or "ok"), and its trace. */
export function attempt(k: KernelHarness, pid: Pid, call: SyscallCall): { readonly errno: Errno | "ok"; readonly trace: Trace } {
  const out = k.call(pid, call);
  return { errno: out.result.ok ? "ok" : out.result.error, trace: out.trace };
}

/** open + read everything + close; the errno when it cannot be read. */
export function readFile(k: KernelHarness, pid: Pid, path: string): string | Errno {
  const open = k.call(pid, { name: "openat", path, flags: 0 });
  if (!open.result.ok) return open.result.error;
  const fd = (open.result.value as { fd: number }).fd;
  let text = "";
  for (;;) {
    const r = k.call(pid, { name: "read", fd, count: 65536 });
    if (!r.result.ok) {
      k.call(pid, { name: "close", fd });
      return r.result.error;
    }
    const data = (r.result.value as { data: string }).data;
    if (data === "") break;
    text += data;
  }
  k.call(pid, { name: "close", fd });
  return text;
}

/** open(O_WRONLY|O_CREAT|O_TRUNC) + write + close, like a shell's `>`. */
export function writeFile(k: KernelHarness, pid: Pid, path: string, data: string): "ok" | Errno {
  const open = k.call(pid, { name: "openat", path, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o666 });
  if (!open.result.ok) return open.result.error;
  const fd = (open.result.value as { fd: number }).fd;
  const w = k.call(pid, { name: "write", fd, data });
  k.call(pid, { name: "close", fd });
  return w.result.ok ? "ok" : w.result.error;
}

/** Names in a directory, as `ls -A` would list them (without "." and ".."). */
export function ls(k: KernelHarness, pid: Pid, path: string): string[] | Errno {
  const open = k.call(pid, { name: "openat", path, flags: 0o200000 });
  if (!open.result.ok) return open.result.error;
  const fd = (open.result.value as { fd: number }).fd;
  const out = k.call(pid, { name: "getdents64", fd });
  k.call(pid, { name: "close", fd });
  if (!out.result.ok) return out.result.error;
  return (out.result.value as { name: string }[]).map((e) => e.name).filter((n) => n !== "." && n !== "..");
}

export function mountinfoOf(k: KernelHarness, pid: Pid): string {
  const t = k.task(pid);
  return renderMountinfo(k.state, t, procView(t));
}

/** Replaces mount ids (fields 1 and 2) with placeholders, for comparing with transcripts. */
export const normalizeIds = (line: string): string => line.replace(/^\d+ \d+ /, "ID PARENT ");
