/**
 * From `docker run` resource flags to cgroup v2 files, in two steps as in the real stack:
 * moby turns HostConfig resources into the OCI runtime-spec's `linux.resources`
 * (daemon/daemon_unix.go, daemon/oci_linux.go), then runc/opencontainers-cgroups writes
 * them as v2 files (fs2/*.go, utils.go). Reference §2.2.
 */
import type { Result } from "../lib";
import { err, ok } from "../lib";

/** Docker's HostConfig resource fields (Engine API names; 0 or absent = unset). */
export interface DockerResources {
  readonly memory?: number;
  readonly memorySwap?: number;
  readonly memoryReservation?: number;
  readonly nanoCpus?: number;
  readonly cpuShares?: number;
  readonly cpuPeriod?: number;
  readonly cpuQuota?: number;
  readonly pidsLimit?: number;
  readonly cpusetCpus?: string;
  readonly cpusetMems?: string;
  readonly blkioWeight?: number;
}

/** The OCI runtime-spec `linux.resources` subset that reaches cgroup files. */
export interface LinuxResources {
  readonly memory?: { readonly limit?: number; readonly swap?: number; readonly reservation?: number };
  readonly cpu?: { readonly shares?: number; readonly quota?: number; readonly period?: number; readonly cpus?: string; readonly mems?: string };
  readonly pids?: { readonly limit: number };
  readonly blockIO?: { readonly weight?: number };
}

/** moby's linuxMinMemory: "Minimum memory limit allowed is 6MB". */
export const LINUX_MIN_MEMORY = 6 * 1024 * 1024;

/** moby: validation messages of verifyPlatformContainerResources(), then the OCI resources. */
export function dockerToLinuxResources(r: DockerResources): Result<LinuxResources, string> {
  if (r.memory && r.memory > 0 && r.memory < LINUX_MIN_MEMORY) return err("Minimum memory limit allowed is 6MB");
  if (r.memory && r.memorySwap && r.memorySwap > 0 && r.memorySwap < r.memory) {
    return err("Minimum memoryswap limit should be larger than memory limit, see usage");
  }
  if (r.nanoCpus && (r.cpuPeriod || r.cpuQuota)) {
    return err(r.cpuPeriod ? "Conflicting options: Nano CPUs and CPU Period cannot both be set" : "Conflicting options: Nano CPUs and CPU Quota cannot both be set");
  }
  // "By default, MemorySwap is set to twice the size of Memory" when only --memory is given.
  const swap = r.memory && r.memory > 0 && !r.memorySwap ? r.memory * 2 : r.memorySwap;
  const memory = r.memory || swap || r.memoryReservation
    ? { ...(r.memory ? { limit: r.memory } : {}), ...(swap ? { swap } : {}), ...(r.memoryReservation ? { reservation: r.memoryReservation } : {}) }
    : undefined;
  // NanoCPUs: period = 100ms, quota = NanoCPUs × period / 1e9.
  const period = r.nanoCpus ? 100_000 : r.cpuPeriod;
  const quota = r.nanoCpus ? Math.floor((r.nanoCpus * 100_000) / 1e9) : r.cpuQuota;
  const cpu = { ...(r.cpuShares ? { shares: r.cpuShares } : {}), ...(quota ? { quota } : {}), ...(period ? { period } : {}),
    ...(r.cpusetCpus ? { cpus: r.cpusetCpus } : {}), ...(r.cpusetMems ? { mems: r.cpusetMems } : {}) };
  return ok({
    ...(memory ? { memory } : {}),
    ...(Object.keys(cpu).length ? { cpu } : {}),
    // getPidsLimit(): "0 or negative values unset" → -1 for runc.
    ...(r.pidsLimit !== undefined ? { pids: { limit: r.pidsLimit > 0 ? r.pidsLimit : -1 } } : {}),
    ...(r.blkioWeight ? { blockIO: { weight: r.blkioWeight } } : {}),
  });
}

/**
 * cpu.shares → cpu.weight as runc ≥ 1.3.2 / opencontainers-cgroups ≥ v0.0.3 convert it
 * (ConvertCPUSharesToCgroupV2Value): a quadratic in log2(shares) that maps 2 → 1,
 * 1024 → 100 and 262144 → 10000. Older runc used the linear `1 + (shares − 2) × 9999 / 262142`,
 * which maps the default 1024 to 39 (reference §12.4; Kubernetes accepts both).
 */
export function cpuSharesToWeight(shares: number): number {
  if (shares === 0) return 0;
  if (shares <= 2) return 1;
  if (shares >= 262144) return 10000;
  const l = Math.log2(shares);
  return Math.ceil(10 ** ((l * l + 125 * l) / 612 - 7 / 34));
}

/** The pre-2025 linear conversion, kept for lessons that compare runc versions. */
export const cpuSharesToWeightLinear = (shares: number): number => (shares === 0 ? 0 : Math.floor(1 + ((shares - 2) * 9999) / 262142));

/** ConvertBlkIOToIOWeightValue(): blkio weight 10 … 1000 → io.weight 1 … 10000. */
export const blkioToIoWeight = (w: number): number => (w === 0 ? 0 : 1 + Math.floor(((w - 10) * 9999) / 990));

/** ConvertMemorySwapToCgroupV2Value(): v1's memory+swap becomes v2's swap-only limit. */
export function memorySwapToV2(swap: number, memory: number): Result<number, string> {
  if (memory === -1 && swap === 0) return ok(-1);
  if (swap === -1 || swap === 0) return ok(swap);
  if (memory === 0 || memory === -1) return err("unable to set swap limit without memory limit");
  if (swap < memory) return err("memory+swap limit should be >= memory limit");
  return ok(swap - memory);
}

const numOrMax = (v: number): string => (v === -1 ? "max" : String(v));

/** runc fs2 Set(): pids, memory, io, cpu, cpuset — the files written, in that order. */
export function linuxResourcesToV2(r: LinuxResources): Result<[string, string][], string> {
  const files: [string, string][] = [];
  if (r.pids && r.pids.limit !== 0) files.push(["pids.max", r.pids.limit > 0 ? String(r.pids.limit) : "max"]);
  const m = r.memory;
  if (m) {
    const swap = memorySwapToV2(m.swap ?? 0, m.limit ?? 0);
    if (!swap.ok) return swap;
    // "memory and memorySwap set to the same value -- disable swap"
    if (swap.value !== 0) files.push(["memory.swap.max", numOrMax(swap.value)]);
    else if ((m.swap ?? 0) > 0) files.push(["memory.swap.max", "0"]);
    if (m.limit) files.push(["memory.max", numOrMax(m.limit)]);
    if (m.reservation) files.push(["memory.low", numOrMax(m.reservation)]);
  }
  if (r.blockIO?.weight) files.push(["io.weight", String(blkioToIoWeight(r.blockIO.weight))]);
  const c = r.cpu;
  if (c?.shares) files.push(["cpu.weight", String(cpuSharesToWeight(c.shares))]);
  if (c && (c.quota || c.period)) files.push(["cpu.max", `${c.quota && c.quota > 0 ? c.quota : "max"}${c.period ? ` ${c.period}` : ""}`]);
  if (c?.cpus) files.push(["cpuset.cpus", c.cpus]);
  if (c?.mems) files.push(["cpuset.mems", c.mems]);
  return ok(files);
}

/** Both steps: `docker run --memory 64m --pids-limit 100 --cpus 0.5` → v2 file writes. */
export function dockerResourcesToV2(r: DockerResources): Result<[string, string][], string> {
  const lr = dockerToLinuxResources(r);
  return lr.ok ? linuxResourcesToV2(lr.value) : lr;
}
