import { describe, expect, it } from "vitest";
import { pid } from "../ids";
import { IMPLICIT_MASK, maskOf } from "./controllers";
import { readFile, writeFile } from "./files";
import { emptyCgroupState } from "./host-layout";
import { attachTask } from "./membership";
import { mkdirCgroup, rmdirCgroup } from "./mkdir-rmdir";
import { CONTAINER_ID, hostState, rootCtx, withContainer } from "./testing";
import { lookupPath } from "./tree";
import type { CgroupState } from "./types";
import type { CgroupId } from "../ids";

const read = (s: CgroupState, id: CgroupId, name: string) => {
  const r = readFile(s, id, name);
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.value;
};
const write = (s: CgroupState, id: CgroupId, name: string, text: string) => writeFile(s, id, name, text, rootCtx());
const mustWrite = (s: CgroupState, id: CgroupId, name: string, text: string): CgroupState => {
  const r = write(s, id, name, text);
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.value.state;
};

describe("core files", () => {
  it("[transcript 09] reads the defaults of a new cgroup on the recorded 6.18 host", () => {
    const base = emptyCgroupState({ cpus: 2, v2Bound: maskOf(["hugetlb"]) | IMPLICIT_MASK });
    const made = mkdirCgroup(base, base.root, "factsdemo");
    if (!made.ok) throw new Error(made.error);
    const { state, id } = made.value;
    const cat = ["cgroup.type", "cgroup.events", "cgroup.max.depth", "cgroup.max.descendants", "cgroup.freeze", "cgroup.stat"]
      .map((f) => `## ${f}\n${read(state, id, f)}`).join("");
    expect(cat).toBe([
      "## cgroup.type", "domain", "## cgroup.events", "populated 0", "frozen 0", "## cgroup.max.depth", "max",
      "## cgroup.max.descendants", "max", "## cgroup.freeze", "0", "## cgroup.stat", "nr_descendants 0",
      "nr_subsys_perf_event 1", "nr_subsys_hugetlb 0", "nr_dying_descendants 0", "nr_dying_subsys_perf_event 0",
      "nr_dying_subsys_hugetlb 0", "",
    ].join("\n"));
    expect(read(state, id, "cpu.stat")).toBe("usage_usec 0\nuser_usec 0\nsystem_usec 0\nnice_usec 0\n");
  });

  it("[transcript 09] moves a process in, shows it populated, and cgroup.kill plans a SIGKILL", () => {
    const base = attachTask(emptyCgroupState({ cpus: 2 }), pid(13487), emptyCgroupState({ cpus: 2 }).root);
    const made = mkdirCgroup(base, base.root, "factsdemo");
    if (!made.ok) throw new Error(made.error);
    const moved = mustWrite(made.value.state, made.value.id, "cgroup.procs", "13487\n");
    expect(read(moved, made.value.id, "cgroup.procs") + read(moved, made.value.id, "cgroup.events")).toBe("13487\npopulated 1\nfrozen 0\n");
    const killed = write(moved, made.value.id, "cgroup.kill", "1");
    expect(killed).toEqual({ ok: true, value: { state: moved, effects: [{ kind: "kill", pids: [13487] }] } });
    expect(write(moved, made.value.id, "cgroup.kill", "2")).toEqual({ ok: false, error: "ERANGE" });
    expect(write(moved, made.value.id, "cgroup.kill", "yes")).toEqual({ ok: false, error: "EINVAL" });
    expect(readFile(moved, made.value.id, "cgroup.kill")).toEqual({ ok: false, error: "EACCES" });
  });

  it("lists the root controllers and the container's cgroup.stat on the Ubuntu host", () => {
    const { state, ctr } = withContainer(hostState(), []);
    expect(read(state, state.root, "cgroup.controllers")).toBe("cpuset cpu io memory hugetlb pids rdma misc\n");
    expect(read(state, state.root, "cgroup.subtree_control")).toBe("cpuset cpu io memory hugetlb pids rdma misc\n");
    expect(read(state, ctr, "cgroup.subtree_control")).toBe("");
    expect(read(state, ctr, "cgroup.stat")).toBe([
      "nr_descendants 0", ...["cpuset", "cpu", "io", "memory", "perf_event", "hugetlb", "pids", "rdma", "misc"].map((s) => `nr_subsys_${s} 1`),
      "nr_dying_descendants 0", ...["cpuset", "cpu", "io", "memory", "perf_event", "hugetlb", "pids", "rdma", "misc"].map((s) => `nr_dying_subsys_${s} 0`), "",
    ].join("\n"));
    expect(lookupPath(state, `/system.slice/docker-${CONTAINER_ID}.scope`)).toBe(ctr);
  });

  it("enforces the no-internal-process and top-down rules of cgroup.subtree_control", () => {
    const { state, ctr } = withContainer(hostState(), [pid(4000)]);
    expect(write(state, ctr, "cgroup.subtree_control", "+memory")).toEqual({ ok: false, error: "EBUSY" });
    expect(write(state, ctr, "cgroup.subtree_control", "+bogus")).toEqual({ ok: false, error: "EINVAL" });
    expect(write(state, ctr, "cgroup.subtree_control", "memory")).toEqual({ ok: false, error: "EINVAL" });
    const child = mkdirCgroup(state, ctr, "inner");
    if (!child.ok) throw new Error(child.error);
    expect(write(child.value.state, child.value.id, "cgroup.subtree_control", "+memory")).toEqual({ ok: false, error: "ENOENT" });
    const emptied = mustWrite(child.value.state, child.value.id, "cgroup.procs", "4000");
    const enabled = mustWrite(emptied, ctr, "cgroup.subtree_control", "+memory +pids");
    expect(read(enabled, ctr, "cgroup.subtree_control")).toBe("memory pids\n");
    expect(read(enabled, child.value.id, "cgroup.controllers")).toBe("memory pids\n");
    // A cgroup that distributes controllers takes no processes.
    expect(write(enabled, ctr, "cgroup.procs", "4000")).toEqual({ ok: false, error: "EBUSY" });
    expect(write(enabled, ctr, "cgroup.procs", "77")).toEqual({ ok: false, error: "ESRCH" });
    expect(write(enabled, ctr, "cgroup.procs", "-1")).toEqual({ ok: false, error: "EINVAL" });
  });

  it("freezes the subtree: cgroup.freeze plans a freeze of every task, cgroup.events shows frozen", () => {
    const { state, ctr } = withContainer(hostState(), [pid(4000), pid(4001)]);
    const frozen = write(state, ctr, "cgroup.freeze", "1");
    if (!frozen.ok) throw new Error(frozen.error);
    expect(frozen.value.effects).toEqual([{ kind: "freeze", pids: [4000, 4001], frozen: true }]);
    expect(read(frozen.value.state, ctr, "cgroup.events")).toBe("populated 1\nfrozen 1\n");
    const thawed = write(frozen.value.state, ctr, "cgroup.freeze", "0");
    expect(thawed.ok && thawed.value.effects).toEqual([{ kind: "freeze", pids: [4000, 4001], frozen: false }]);
    expect(write(state, ctr, "cgroup.freeze", "2")).toEqual({ ok: false, error: "ERANGE" });
  });

  it("refuses rmdir of a populated cgroup or one with children (EBUSY), limits mkdir (EAGAIN)", () => {
    const { state, ctr } = withContainer(hostState(), [pid(4000)]);
    expect(rmdirCgroup(state, ctr)).toEqual({ ok: false, error: "EBUSY" });
    expect(mkdirCgroup(state, ctr, "memory.max")).toEqual({ ok: false, error: "EEXIST" });
    const limited = mustWrite(state, ctr, "cgroup.max.depth", "0");
    expect(mkdirCgroup(limited, ctr, "a")).toEqual({ ok: false, error: "EAGAIN" });
    expect(write(state, ctr, "cgroup.max.descendants", "-1")).toEqual({ ok: false, error: "ERANGE" });
  });
});

describe("controller files", () => {
  const { state, ctr } = withContainer(hostState(), []);

  it("reads the defaults a container scope starts with", () => {
    const files = ["memory.max", "memory.high", "memory.low", "memory.current", "memory.events", "pids.max", "pids.events",
      "cpu.max", "cpu.weight", "cpu.weight.nice", "cpuset.cpus.effective", "io.weight", "io.max", "cpu.stat"];
    expect(files.map((f) => `${f}: ${read(state, ctr, f)}`).join("")).toBe([
      "memory.max: max", "memory.high: max", "memory.low: 0", "memory.current: 0",
      "memory.events: low 0", "high 0", "max 0", "oom 0", "oom_kill 0", "oom_group_kill 0",
      "pids.max: max", "pids.events: max 0", "cpu.max: max 100000", "cpu.weight: 100", "cpu.weight.nice: 0",
      "cpuset.cpus.effective: 0-3", "io.weight: default 100", "io.max: cpu.stat: usage_usec 0", "user_usec 0",
      "system_usec 0", "nice_usec 0", "nr_periods 0", "nr_throttled 0", "throttled_usec 0", "nr_bursts 0", "burst_usec 0", "",
    ].join("\n"));
  });

  it("parses memory sizes into whole pages and rejects garbage with EINVAL", () => {
    expect(read(mustWrite(state, ctr, "memory.max", "64M\n"), ctr, "memory.max")).toBe("67108864\n");
    expect(read(mustWrite(state, ctr, "memory.max", "100000"), ctr, "memory.max")).toBe("98304\n");
    expect(read(mustWrite(state, ctr, "memory.high", "max"), ctr, "memory.high")).toBe("max\n");
    expect(write(state, ctr, "memory.max", "-1")).toEqual({ ok: false, error: "EINVAL" });
    expect(write(state, ctr, "memory.max", "64 M")).toEqual({ ok: false, error: "EINVAL" });
    expect(write(state, ctr, "memory.current", "0")).toEqual({ ok: false, error: "EACCES" });
    expect(write(state, ctr, "memory.reclaim", "1M")).toEqual({ ok: false, error: "EAGAIN" });
  });

  it("validates cpu.max, cpu.weight and pids.max as the kernel does", () => {
    expect(read(mustWrite(state, ctr, "cpu.max", "50000 100000"), ctr, "cpu.max")).toBe("50000 100000\n");
    expect(read(mustWrite(state, ctr, "cpu.max", "150000"), ctr, "cpu.max")).toBe("150000 100000\n");
    expect(write(state, ctr, "cpu.max", "500 100000")).toEqual({ ok: false, error: "EINVAL" });
    expect(write(state, ctr, "cpu.max", "max 2000000")).toEqual({ ok: false, error: "EINVAL" });
    expect(write(state, ctr, "cpu.max", "lots")).toEqual({ ok: false, error: "EINVAL" });
    expect(write(state, ctr, "cpu.weight", "0")).toEqual({ ok: false, error: "ERANGE" });
    expect(read(mustWrite(state, ctr, "cpu.weight.nice", "-5"), ctr, "cpu.weight")).toBe("305\n");
    expect(read(mustWrite(state, ctr, "cpu.weight", "39"), ctr, "cpu.weight.nice")).toBe("4\n");
    expect(read(mustWrite(state, ctr, "pids.max", "100"), ctr, "pids.max")).toBe("100\n");
    expect(write(state, ctr, "pids.max", "-1")).toEqual({ ok: false, error: "EINVAL" });
    expect(write(state, ctr, "pids.max", "4194305")).toEqual({ ok: false, error: "EINVAL" });
    expect(write(state, ctr, "cpuset.cpus", "0-7")).toEqual({ ok: false, error: "EINVAL" });
    expect(read(mustWrite(state, ctr, "cpuset.cpus", "0,1,3"), ctr, "cpuset.cpus.effective")).toBe("0-1,3\n");
  });

  it("keeps io.max lines per device and refuses unknown devices with ENODEV", () => {
    const limited = mustWrite(state, ctr, "io.max", "8:0 rbps=1048576 wiops=120");
    expect(read(limited, ctr, "io.max")).toBe("8:0 rbps=1048576 wbps=max riops=max wiops=120\n");
    expect(read(mustWrite(limited, ctr, "io.max", "8:0 rbps=max wiops=max"), ctr, "io.max")).toBe("");
    expect(write(state, ctr, "io.max", "9:9 rbps=1")).toEqual({ ok: false, error: "ENODEV" });
    expect(read(mustWrite(state, ctr, "io.weight", "8:0 50"), ctr, "io.weight")).toBe("default 100\n8:0 50\n");
  });

  it("resets a child's limits when its parent disables the controller", () => {
    const child = mkdirCgroup(state, ctr, "inner");
    if (!child.ok) throw new Error(child.error);
    let s = mustWrite(child.value.state, ctr, "cgroup.subtree_control", "+pids");
    s = mustWrite(s, child.value.id, "pids.max", "5");
    s = mustWrite(s, ctr, "cgroup.subtree_control", "-pids");
    expect(readFile(s, child.value.id, "pids.max")).toEqual({ ok: false, error: "ENOENT" });
    s = mustWrite(s, ctr, "cgroup.subtree_control", "+pids");
    expect(read(s, child.value.id, "pids.max")).toBe("max\n");
  });
});
