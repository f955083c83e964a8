import { describe, expect, it } from "vitest";
import { pid } from "../ids";
import { readFile, writeFile } from "./files";
import { exitTask } from "./membership";
import { forkTask } from "./pids";
import { initCgroupNsRoots, procPidCgroup } from "./proc-cgroup";
import { SHELL, hostState, rootCtx } from "./testing";
import type { CgroupState } from "./types";
import { mkdirV1, mountCgroupV1, rmdirV1, umountCgroupV1 } from "./v1";
import type { V1WriteContext } from "./v1-files";
import { listV1Files, readV1File, writeV1File } from "./v1-files";

const HOST_NS = { inInitCgroupNs: true, inInitUserNs: true };
const AGENT = "/var/lib/docker/overlay2/ee5a186809b30cd6ea2eb976c6f550a5d56074d30d85b2cdaf37fd33e07ab617/diff/cmd";
const ctx = (mayWriteReleaseAgent = true): V1WriteContext => ({ self: SHELL, resolvePid: (n) => pid(n), mayWriteReleaseAgent });

function mounted(options = "none,name=x"): { state: CgroupState; h: number } {
  const m = mountCgroupV1(hostState(), options, HOST_NS);
  if (!m.ok) throw new Error(m.error);
  return { state: m.value.state, h: m.value.hierarchy };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("cgroup v1 mounts", () => {
  it("refuses controllers the v2 hierarchy uses (EBUSY) and options it does not know (EINVAL)", () => {
    const host = hostState();
    expect(mountCgroupV1(host, "rdma", HOST_NS)).toEqual({ ok: false, error: "EBUSY" });
    expect(mountCgroupV1(host, "memory", HOST_NS)).toEqual({ ok: false, error: "EBUSY" });
    expect(mountCgroupV1(host, "", HOST_NS)).toEqual({ ok: false, error: "EBUSY" });
    expect(mountCgroupV1(host, "none", HOST_NS)).toEqual({ ok: false, error: "EINVAL" });
    expect(mountCgroupV1(host, "bogus", HOST_NS)).toEqual({ ok: false, error: "EINVAL" });
    expect(mountCgroupV1(host, "none,memory", HOST_NS)).toEqual({ ok: false, error: "EINVAL" });
  });

  it("takes a controller that v2 does not distribute, and gives it back at the last umount", () => {
    const host = hostState();
    const slice = [...host.cgroups.values()].find((c) => c.name === "system.slice")?.id ?? host.root;
    // The root cannot drop rdma while system.slice still distributes it (EBUSY).
    expect(writeFile(host, host.root, "cgroup.subtree_control", "-rdma", rootCtx())).toEqual({ ok: false, error: "EBUSY" });
    const sliceFreed = must(writeFile(host, slice, "cgroup.subtree_control", "-rdma -misc", rootCtx())).state;
    const freed = must(writeFile(sliceFreed, host.root, "cgroup.subtree_control", "-rdma -misc", rootCtx())).state;
    const m = must(mountCgroupV1(freed, "rdma", HOST_NS));
    expect(must(readFile(m.state, m.state.root, "cgroup.controllers"))).toBe("cpuset cpu io memory hugetlb pids misc\n");
    const back = umountCgroupV1(m.state, m.hierarchy);
    expect(must(readFile(back, back.root, "cgroup.controllers"))).toBe("cpuset cpu io memory hugetlb pids rdma misc\n");
  });

  it("[transcript 13] creates hierarchies only from the initial cgroup namespace; reuses existing ones", () => {
    expect(mountCgroupV1(hostState(), "none,name=y", { inInitCgroupNs: false, inInitUserNs: false })).toEqual({ ok: false, error: "EPERM" });
    const { state, h } = mounted();
    const again = must(mountCgroupV1(state, "none,name=x", { inInitCgroupNs: false, inInitUserNs: false }));
    expect(again.hierarchy).toBe(h);
    expect(mountCgroupV1(state, "freezer,name=x", HOST_NS)).toEqual({ ok: false, error: "EBUSY" });
  });
});

describe("release_agent", () => {
  it("[transcript 12] lists the root files of a named hierarchy", () => {
    const { state, h } = mounted();
    const made = must(mkdirV1(state, h, "/", "x"));
    expect([...listV1Files(made, h, "/"), "x"]).toEqual([
      "cgroup.clone_children", "cgroup.procs", "cgroup.sane_behavior", "notify_on_release", "release_agent", "tasks", "x",
    ]);
    expect(listV1Files(made, h, "/x")).toEqual(["cgroup.clone_children", "cgroup.procs", "notify_on_release", "tasks"]);
  });

  it("[7b] runs the agent with the emptied cgroup's path when its last task exits", () => {
    const { state, h } = mounted();
    let s = must(mkdirV1(state, h, "/", "x"));
    s = must(writeV1File(s, h, "/x", "notify_on_release", "1\n", ctx())).state;
    s = must(writeV1File(s, h, "/", "release_agent", `${AGENT}\n`, ctx())).state;
    expect(must(readV1File(s, h, "/", "release_agent"))).toBe(`${AGENT}\n`);
    // sh -c "echo \$\$ > /tmp/cgrp/x/cgroup.procs": a child shell moves itself, then exits.
    s = must(forkTask(s, SHELL, pid(1234))).state;
    const moved = must(writeV1File(s, h, "/x", "cgroup.procs", "1234", ctx()));
    expect(moved.effects).toEqual([]);
    expect(must(readV1File(moved.state, h, "/x", "cgroup.procs"))).toBe("1234\n");
    expect(procPidCgroup(moved.state, pid(1234), initCgroupNsRoots(moved.state))).toBe("1:name=x:/x\n0::/user.slice/user-0.slice/session-1.scope\n");
    const exited = exitTask(moved.state, pid(1234));
    expect(exited.effects).toEqual([
      { kind: "release-agent", argv: [AGENT, "/x"], envp: ["HOME=/", "PATH=/sbin:/bin:/usr/sbin:/usr/bin"] },
    ]);
  });

  it("lets children inherit notify_on_release, and releases a parent when its last child is removed", () => {
    const { state, h } = mounted();
    let s = must(mkdirV1(state, h, "/", "x"));
    s = must(writeV1File(s, h, "/x", "notify_on_release", "1", ctx())).state;
    s = must(writeV1File(s, h, "/", "release_agent", "/agent", ctx())).state;
    s = must(mkdirV1(s, h, "/x", "y"));
    expect(must(readV1File(s, h, "/x/y", "notify_on_release"))).toBe("1\n");
    expect(must(rmdirV1(s, h, "/x/y")).effects).toEqual([
      { kind: "release-agent", argv: ["/agent", "/x"], envp: ["HOME=/", "PATH=/sbin:/bin:/usr/sbin:/usr/bin"] },
    ]);
  });

  it("[transcript 13] refuses release_agent without CAP_SYS_ADMIN in the initial user namespace (EPERM)", () => {
    const { state, h } = mounted();
    expect(writeV1File(state, h, "/", "release_agent", "/evil", ctx(false))).toEqual({ ok: false, error: "EPERM" });
    expect(writeV1File(state, h, "/", "cgroup.sane_behavior", "1", ctx())).toEqual({ ok: false, error: "EACCES" });
    expect(mountCgroupV1(state, "none,name=z,release_agent=/evil", { inInitCgroupNs: true, inInitUserNs: false })).toEqual({ ok: false, error: "EINVAL" });
  });

  it("runs nothing when release_agent is empty, and lists the root's tasks sorted", () => {
    const { state, h } = mounted();
    let s = must(mkdirV1(state, h, "/", "x"));
    s = must(writeV1File(s, h, "/x", "notify_on_release", "1", ctx())).state;
    s = must(writeV1File(s, h, "/x", "tasks", "600", ctx())).state;
    expect(exitTask(s, pid(600)).effects).toEqual([]);
    expect(must(readV1File(s, h, "/", "cgroup.procs"))).toBe("1\n2\n400\n500\n999\n1000\n");
  });
});
