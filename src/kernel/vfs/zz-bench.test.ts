import { it } from "vitest";
import { KernelHarness } from "../testing";
import { syscall } from "../syscalls/table";
it("bench", () => {
const k = new KernelHarness();
let s = k.state;
const run = (label: string, n: number, f: () => void) => {
  let best = Infinity;
  for (let r = 0; r < 5; r++) { const t0 = performance.now(); for (let i = 0; i < n; i++) f(); best = Math.min(best, performance.now() - t0); }
  console.log(label, Math.round(n / (best / 1000)), "/s");
};
run("stat /etc/passwd", 20000, () => { s = syscall(s, k.shell, { name: "stat", path: "/etc/passwd" }).state; });
run("stat /usr/lib/x86_64-linux-gnu/libc.so.6", 20000, () => { s = syscall(s, k.shell, { name: "stat", path: "/usr/lib/x86_64-linux-gnu/libc.so.6" }).state; });
run("getpid", 20000, () => { s = syscall(s, k.shell, { name: "getpid" } as never).state; });
run("open+read+close (3 syscalls)", 5000, () => {
  const o = syscall(s, k.shell, { name: "openat", path: "/etc/hostname", flags: 0 }); s = o.state;
  const fd = (o.result as { ok: true; value: { fd: number } }).value.fd;
  s = syscall(s, k.shell, { name: "read", fd, count: 100 }).state;
  s = syscall(s, k.shell, { name: "close", fd }).state;
});
run("read /proc/self/status open", 2000, () => {
  const o = syscall(s, k.shell, { name: "openat", path: "/proc/self/status", flags: 0 }); s = o.state;
  const fd = (o.result as { ok: true; value: { fd: number } }).value.fd;
  s = syscall(s, k.shell, { name: "close", fd }).state;
});
const t0 = performance.now();
let f = k.state;
for (let i = 0; i < 10000; i++) f = syscall(f, k.shell, { name: "clone", flags: 0 }).state;
console.log("10k forks ms", Math.round(performance.now() - t0));

});
