/**
 * npm run bench:kernel — the kernel's budgets (issue #3), measured on this machine.
 * Last line: JSON with syscalls_per_s, fork_10k_ms, replay_500_ms, heap_1k_procs_mb.
 */
import { performance } from "node:perf_hooks";
import { bootKernel, replay, syscall, UBUNTU_HOST } from "../src/kernel/index.ts";
import type { KernelEvent, KernelState, Pid, SyscallCall } from "../src/kernel/index.ts";

const BUDGET = { syscalls_per_s: 200_000, fork_10k_ms: 500, replay_500_ms: 200, heap_1k_procs_mb: 50 };

const boot = () => bootKernel(UBUNTU_HOST);
const shellOf = (k: KernelState) => [...k.tasks.values()].find((t) => t.comm === "bash")!.pid;

function childOf(out: ReturnType<typeof syscall>): Pid {
  if (!out.result.ok) throw new Error(`bench: syscall failed: ${out.result.error}`);
  return (out.result.value as { child: Pid }).child;
}

/** A mixed workload: fork, identity reads, signals, waits, namespace and credential changes. */
function mixedWorkload(iterations: number): { calls: number; ms: number } {
  let k = boot();
  const sh = shellOf(k);
  let calls = 0;
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const run = (pid: Pid, call: SyscallCall) => { k = syscall(k, pid, call).state; calls++; };
    const out = syscall(k, sh, { name: "clone", flags: i % 10 === 0 ? 0x04000000 : 0 });
    k = out.state; calls++;
    const child = childOf(out);
    run(child, { name: "getpid" });
    run(child, { name: "getresuid" });
    run(child, { name: "capget" });
    run(child, { name: "setresuid", ids: [-1, 1000, -1] });
    run(child, { name: "kill", pid: 0, sig: 0 });
    run(child, { name: "prctl", option: "PR_SET_NO_NEW_PRIVS" });
    run(child, { name: "exit_group", code: 0 });
    run(sh, { name: "wait4", pid: -1, options: 1 });
    run(sh, { name: "getppid" });
  }
  return { calls, ms: performance.now() - t0 };
}

function fork10k(): { ms: number; state: KernelState } {
  let k = boot();
  const sh = shellOf(k);
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) k = syscall(k, sh, { name: "clone", flags: 0 }).state;
  return { ms: performance.now() - t0, state: k };
}

function replay500(): number {
  const initial = boot();
  const sh = shellOf(initial);
  const log: KernelEvent[] = [];
  for (let i = 0; i < 500; i++) {
    const call: SyscallCall = i % 5 === 4 ? { name: "wait4", pid: -1, options: 1 } : { name: "clone", flags: i % 7 === 0 ? 0x04000000 : 0 };
    log.push(i % 50 === 49 ? { type: "time.advance", ns: 1_000_000 } : { type: "syscall.run", pid: sh, call });
  }
  const t0 = performance.now();
  replay(initial, log);
  return performance.now() - t0;
}

function heap1k(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc");
  gc();
  const before = process.memoryUsage().heapUsed;
  let k: KernelState = boot();
  const sh = shellOf(k);
  while (k.tasks.size < 1000) k = syscall(k, sh, { name: "clone", flags: 0 }).state;
  gc();
  const after = process.memoryUsage().heapUsed;
  // Keep the world alive until after the measurement.
  if (k.tasks.size < 1000) throw new Error("bench: world shrank");
  return (after - before) / (1024 * 1024);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

mixedWorkload(2000); // warm-up
const mixed = [0, 1, 2].map(() => mixedWorkload(20_000));
const syscallsPerS = median(mixed.map((m) => (m.calls / m.ms) * 1000));
const forkMs = median([0, 1, 2].map(() => fork10k().ms));
const replayMs = median([0, 1, 2, 3, 4].map(replay500));
const heapMb = heap1k();

const figures = {
  syscalls_per_s: Math.round(syscallsPerS),
  fork_10k_ms: Math.round(forkMs * 10) / 10,
  replay_500_ms: Math.round(replayMs * 10) / 10,
  heap_1k_procs_mb: Math.round(heapMb * 10) / 10,
};
const within =
  figures.syscalls_per_s >= BUDGET.syscalls_per_s && figures.fork_10k_ms <= BUDGET.fork_10k_ms &&
  figures.replay_500_ms <= BUDGET.replay_500_ms && figures.heap_1k_procs_mb <= BUDGET.heap_1k_procs_mb;
for (const [key, value] of Object.entries(figures)) {
  console.log(`${key.padEnd(18)} ${String(value).padStart(10)}   budget ${key === "syscalls_per_s" ? "≥" : "≤"} ${BUDGET[key as keyof typeof BUDGET]}`);
}
console.log(JSON.stringify({ ...figures, budget: BUDGET, within_budget: within }));
