import { describe, expect, it } from "vitest";
import { advanceTime } from "../sched/advance";
import { KernelHarness } from "../testing";
import { SIGNALS } from "../task/signals";
import { CLOCK_MONOTONIC, TIMER_ABSTIME } from "./clock";
import { F_GETFD, F_SETFD, FD_CLOEXEC } from "./dup";

function pipe(h: KernelHarness, pid = h.shell): readonly [number, number] {
  const out = h.call(pid, { name: "pipe2" });
  if (!out.result.ok) throw new Error(out.result.error);
  return (out.result.value as { fds: readonly [number, number] }).fds;
}
const value = <T>(out: { result: { ok: boolean; value?: unknown; error?: unknown } }): T => {
  if (!out.result.ok) throw new Error(String(out.result.error));
  return out.result.value as T;
};

describe("pipe2(2)", () => {
  it("passes bytes in order from the write end to the read end", () => {
    const h = new KernelHarness();
    const [r, w] = pipe(h);
    expect(r + 1).toBe(w);
    expect(value(h.call(h.shell, { name: "write", fd: w, data: "hello " }))).toBe(6);
    expect(value(h.call(h.shell, { name: "write", fd: w, data: "world\n" }))).toBe(6);
    expect(value(h.call(h.shell, { name: "read", fd: r, count: 8 }))).toEqual({ data: "hello wo" });
    expect(value(h.call(h.shell, { name: "read", fd: r, count: 100 }))).toEqual({ data: "rld\n" });
  });

  it("blocks a reader on an empty pipe while a writer exists, and reads end of file after the last writer closes", () => {
    const h = new KernelHarness();
    const [r, w] = pipe(h);
    const child = h.fork(h.shell); // the child holds both ends too
    expect(value(h.call(h.shell, { name: "read", fd: r, count: 10 }))).toEqual({ kind: "blocked" });
    h.call(h.shell, { name: "close", fd: w });
    expect(value(h.call(h.shell, { name: "read", fd: r, count: 10 }))).toEqual({ kind: "blocked" });
    h.call(child, { name: "close", fd: w });
    expect(value(h.call(h.shell, { name: "read", fd: r, count: 10 }))).toEqual({ data: "" });
  });

  it("fills up at 64 KiB and then blocks the writer", () => {
    const h = new KernelHarness();
    const [, w] = pipe(h);
    expect(value(h.call(h.shell, { name: "write", fd: w, data: "x".repeat(70_000) }))).toBe(65_536);
    expect(value(h.call(h.shell, { name: "write", fd: w, data: "y" }))).toEqual({ kind: "blocked" });
  });

  it("sends SIGPIPE and fails with EPIPE when no reader is left", () => {
    const h = new KernelHarness();
    const writer = h.fork(h.shell);
    const [r, w] = pipe(h, writer);
    h.call(writer, { name: "close", fd: r });
    const out = h.call(writer, { name: "write", fd: w, data: "lost" });
    expect(out.result).toEqual({ ok: false, error: "EPIPE" });
    expect(h.task(writer).state).toBe("Z");
    expect(h.task(writer).exitStatus! & 0x7f).toBe(SIGNALS.SIGPIPE);
  });

  it("shows each end as pipe:[inode] in /proc/PID/fd and as a FIFO to fstat", () => {
    const h = new KernelHarness();
    const [r, w] = pipe(h);
    const target = value<string>(h.call(h.shell, { name: "readlink", path: `/proc/self/fd/${r}` }));
    expect(target).toMatch(/^pipe:\[\d+\]$/);
    expect(value<string>(h.call(h.shell, { name: "readlink", path: `/proc/self/fd/${w}` }))).toBe(target);
    const st = value<{ mode: number }>(h.call(h.shell, { name: "fstat", fd: r }));
    expect(st.mode & 0o170000).toBe(0o010000);
  });

  it("frees the pipe when both ends are closed", () => {
    const h = new KernelHarness();
    const [r, w] = pipe(h);
    expect(h.state.vfs.pipes.size).toBe(1);
    h.call(h.shell, { name: "close", fd: r });
    h.call(h.shell, { name: "close", fd: w });
    expect(h.state.vfs.pipes.size).toBe(0);
  });
});

describe("dup(2), dup2(2), fcntl(2)", () => {
  it("dup2 points a descriptor at another's description and closes what was there", () => {
    const h = new KernelHarness();
    const [r, w] = pipe(h);
    expect(value(h.call(h.shell, { name: "dup2", oldfd: w, newfd: 9 }))).toBe(9);
    h.call(h.shell, { name: "close", fd: w });
    h.call(h.shell, { name: "write", fd: 9, data: "via 9" });
    expect(value(h.call(h.shell, { name: "read", fd: r, count: 10 }))).toEqual({ data: "via 9" });
    expect(h.call(h.shell, { name: "dup2", oldfd: 55, newfd: 3 }).result).toEqual({ ok: false, error: "EBADF" });
    expect(h.call(h.shell, { name: "dup3", oldfd: 9, newfd: 9 }).result).toEqual({ ok: false, error: "EINVAL" });
  });

  it("dup takes the lowest free descriptor; close-on-exec belongs to the descriptor", () => {
    const h = new KernelHarness();
    const [r] = pipe(h);
    const copy = value<number>(h.call(h.shell, { name: "dup", fd: r }));
    h.call(h.shell, { name: "fcntl", fd: copy, cmd: F_SETFD, arg: FD_CLOEXEC });
    expect(value(h.call(h.shell, { name: "fcntl", fd: copy, cmd: F_GETFD }))).toBe(FD_CLOEXEC);
    expect(value(h.call(h.shell, { name: "fcntl", fd: r, cmd: F_GETFD }))).toBe(0);
  });
});

describe("clock_gettime(2), clock_nanosleep(2)", () => {
  it("sleeps to an absolute deadline; retrying the same call never restarts the sleep", () => {
    const h = new KernelHarness();
    const now = value<{ sec: number; nsec: number }>(h.call(h.shell, { name: "clock_gettime", clock: CLOCK_MONOTONIC }));
    const deadline = now.sec * 1e9 + now.nsec + 50_000_000;
    const sleep = { name: "clock_nanosleep", clock: CLOCK_MONOTONIC, flags: TIMER_ABSTIME, ns: deadline } as const;
    expect(value(h.call(h.shell, sleep))).toEqual({ kind: "blocked" });
    expect(h.task(h.shell).activity).toMatchObject({ kind: "sleep" });
    h.state = advanceTime(h.state, 30_000_000);
    expect(value(h.call(h.shell, sleep))).toEqual({ kind: "blocked" });
    h.state = advanceTime(h.state, 30_000_000);
    expect(value(h.call(h.shell, sleep))).toBe(0);
    expect(h.task(h.shell).activity.kind).toBe("idle");
  });
});
