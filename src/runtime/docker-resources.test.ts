import { describe, expect, it } from "vitest";
import { blkioToIoWeight, cpuSharesToWeight, cpuSharesToWeightLinear, dockerResourcesToV2, memorySwapToV2 } from "./docker-resources";

describe("docker run resources → cgroup v2 files", () => {
  it("[transcript 17] --memory 64m --pids-limit 100 --cpus 0.5", () => {
    expect(dockerResourcesToV2({ memory: 64 * 1024 * 1024, pidsLimit: 100, nanoCpus: 500_000_000 })).toEqual({
      ok: true,
      value: [["pids.max", "100"], ["memory.swap.max", "67108864"], ["memory.max", "67108864"], ["cpu.max", "50000 100000"]],
    });
  });

  it("maps --cpus 1.5, --memory-swap equal to --memory, --pids-limit 0 and --cpuset-cpus", () => {
    expect(dockerResourcesToV2({ nanoCpus: 1_500_000_000, memory: 1 << 30, memorySwap: 1 << 30, pidsLimit: 0, cpusetCpus: "0-1" })).toEqual({
      ok: true,
      value: [["pids.max", "max"], ["memory.swap.max", "0"], ["memory.max", "1073741824"], ["cpu.max", "150000 100000"], ["cpuset.cpus", "0-1"]],
    });
    expect(dockerResourcesToV2({ memory: 1 << 30, memorySwap: -1 })).toEqual({ ok: true, value: [["memory.swap.max", "max"], ["memory.max", "1073741824"]] });
    expect(dockerResourcesToV2({ cpuQuota: 25000 })).toEqual({ ok: true, value: [["cpu.max", "25000"]] });
    expect(dockerResourcesToV2({ blkioWeight: 500 })).toEqual({ ok: true, value: [["io.weight", "4950"]] });
  });

  it("refuses what moby refuses, with its messages", () => {
    expect(dockerResourcesToV2({ memory: 4 * 1024 * 1024 })).toEqual({ ok: false, error: "Minimum memory limit allowed is 6MB" });
    expect(dockerResourcesToV2({ nanoCpus: 1e9, cpuPeriod: 50000 })).toEqual({ ok: false, error: "Conflicting options: Nano CPUs and CPU Period cannot both be set" });
    expect(dockerResourcesToV2({ memory: 64 << 20, memorySwap: 32 << 20 })).toEqual({ ok: false, error: "Minimum memoryswap limit should be larger than memory limit, see usage" });
    expect(memorySwapToV2(1 << 20, 0)).toEqual({ ok: false, error: "unable to set swap limit without memory limit" });
  });

  it("[§2.2, §12] converts cpu.shares with runc's current formula, and keeps the old one for comparison", () => {
    expect([2, 512, 1024, 2048, 262144].map(cpuSharesToWeight)).toEqual([1, 59, 100, 174, 10000]);
    expect(cpuSharesToWeightLinear(1024)).toBe(39);
    expect([10, 1000].map(blkioToIoWeight)).toEqual([1, 10000]);
  });

  it("applies docker run --cpu-shares 512 as cpu.weight 59", () => {
    expect(dockerResourcesToV2({ cpuShares: 512 })).toEqual({ ok: true, value: [["cpu.weight", "59"]] });
  });
});
