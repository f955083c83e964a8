import { describe, expect, it } from "vitest";
import { syscall } from "../syscalls/table";
import { KernelHarness } from "../testing";

describe("VFS cost", () => {
  it("shares the whole VFS across forks: no mount table or file table is copied", () => {
    const k = new KernelHarness();
    const before = k.state.vfs;
    let s = k.state;
    for (let i = 0; i < 1000; i++) s = syscall(s, k.shell, { name: "clone", flags: 0 }).state;
    expect(s.vfs).toBe(before);
  });

  it("resolves paths fast enough for shells and scripts (a loose bound: the CI machine is shared)", () => {
    const k = new KernelHarness();
    let s = k.state;
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) s = syscall(s, k.shell, { name: "stat", path: "/usr/lib/x86_64-linux-gnu/libc.so.6" }).state;
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
