import { describe, expect, it } from "vitest";
import { IMPLICIT_MASK, maskOf } from "./controllers";
import { listFiles } from "./files-list";
import { readFile } from "./files";
import { emptyCgroupState } from "./host-layout";
import { mkdirCgroup } from "./mkdir-rmdir";
import { hostState, withContainer } from "./testing";

describe("listFiles", () => {
  it("[transcript 09] lists a new child of a v2 root that has only hugetlb bound", () => {
    // The recording host was hybrid: every controller but hugetlb sat on a v1 hierarchy.
    const state = emptyCgroupState({ cpus: 2, v2Bound: maskOf(["hugetlb"]) | IMPLICIT_MASK });
    expect(readFile(state, state.root, "cgroup.controllers")).toEqual({ ok: true, value: "hugetlb\n" });
    const made = mkdirCgroup(state, state.root, "factsdemo");
    if (!made.ok) throw new Error(made.error);
    expect(listFiles(made.value.state, made.value.id)).toEqual([
      "cgroup.controllers", "cgroup.events", "cgroup.freeze", "cgroup.kill", "cgroup.max.depth",
      "cgroup.max.descendants", "cgroup.pressure", "cgroup.procs", "cgroup.stat", "cgroup.stat.local",
      "cgroup.subtree_control", "cgroup.threads", "cgroup.type", "cpu.pressure", "cpu.stat", "cpu.stat.local",
      "io.pressure", "memory.pressure",
    ]);
  });

  it("lists the root of the Ubuntu host: no NOT_ON_ROOT files, the ONLY_ON_ROOT ones", () => {
    const state = hostState();
    expect(listFiles(state, state.root)).toEqual([
      "cgroup.controllers", "cgroup.max.depth", "cgroup.max.descendants", "cgroup.pressure", "cgroup.procs",
      "cgroup.stat", "cgroup.subtree_control", "cgroup.threads", "cpu.pressure", "cpu.stat", "cpu.stat.local",
      "cpuset.cpus.effective", "cpuset.cpus.isolated", "cpuset.mems.effective", "io.cost.model", "io.cost.qos",
      "io.pressure", "io.prio.class", "io.stat", "memory.numa_stat", "memory.pressure", "memory.reclaim",
      "memory.stat", "memory.zswap.writeback", "misc.capacity", "misc.current", "misc.peak",
    ]);
  });

  it("lists every controller's files in a Docker container scope", () => {
    const { state, ctr } = withContainer(hostState(), []);
    const hugetlb = ["1GB", "2MB"].flatMap((s) => ["current", "events", "events.local", "max", "numa_stat", "rsvd.current", "rsvd.max"].map((f) => `hugetlb.${s}.${f}`));
    expect(listFiles(state, ctr)).toEqual([
      "cgroup.controllers", "cgroup.events", "cgroup.freeze", "cgroup.kill", "cgroup.max.depth",
      "cgroup.max.descendants", "cgroup.pressure", "cgroup.procs", "cgroup.stat", "cgroup.stat.local",
      "cgroup.subtree_control", "cgroup.threads", "cgroup.type", "cpu.idle", "cpu.max", "cpu.max.burst",
      "cpu.pressure", "cpu.stat", "cpu.stat.local", "cpu.uclamp.max", "cpu.uclamp.min", "cpu.weight",
      "cpu.weight.nice", "cpuset.cpus", "cpuset.cpus.effective", "cpuset.cpus.exclusive",
      "cpuset.cpus.exclusive.effective", "cpuset.cpus.partition", "cpuset.mems", "cpuset.mems.effective",
      ...hugetlb,
      "io.latency", "io.max", "io.pressure", "io.prio.class", "io.stat", "io.weight",
      "memory.current", "memory.events", "memory.events.local", "memory.high", "memory.low", "memory.max",
      "memory.min", "memory.numa_stat", "memory.oom.group", "memory.peak", "memory.pressure", "memory.reclaim",
      "memory.stat", "memory.swap.current", "memory.swap.events", "memory.swap.high", "memory.swap.max",
      "memory.swap.peak", "memory.zswap.current", "memory.zswap.max", "memory.zswap.writeback",
      "misc.current", "misc.events", "misc.events.local", "misc.max", "misc.peak",
      "pids.current", "pids.events", "pids.events.local", "pids.max", "pids.peak",
      "rdma.current", "rdma.max",
    ]);
  });

  it("shows only the controllers the parent enabled: user.slice children get memory and pids", () => {
    const state = hostState();
    const made = mkdirCgroup(state, [...state.cgroups.values()].find((c) => c.name === "user-0.slice")?.id ?? state.root, "x");
    if (!made.ok) throw new Error(made.error);
    const files = listFiles(made.value.state, made.value.id).filter((f) => /^(memory|pids|cpu|io)\./.test(f) && !f.endsWith("pressure"));
    expect(files.filter((f) => f.startsWith("cpu."))).toEqual(["cpu.stat", "cpu.stat.local"]);
    expect(files.some((f) => f.startsWith("io."))).toBe(false);
    expect(files.filter((f) => f.startsWith("pids."))).toEqual(["pids.current", "pids.events", "pids.events.local", "pids.max", "pids.peak"]);
    expect(readFile(made.value.state, made.value.id, "cgroup.controllers")).toEqual({ ok: true, value: "memory pids\n" });
  });
});
