/**
 * The hot paths copy kernel records with object literals rather than spreads (copyState,
 * copyTask, copyCgroup, copyCgroupState, copyNs: V8 copies a literal far faster). A literal
 * lists its fields by hand, so these tests check that each copy keeps every field of every
 * record a busy world holds, in the same order (serializeKernel() and sameState() see order).
 */
import { describe, expect, it } from "vitest";
import { copyCgroup, copyCgroupState } from "./cgroup/records";
import type { Pid } from "./ids";
import { CLONE_FLAG, NS_TYPES } from "./ns/namespace";
import { copyNs } from "./ns/ns-copy";
import type { KernelState } from "./state";
import { copyState } from "./state";
import { copyTask } from "./task/task";
import { KernelHarness } from "./testing";

const O_WRONLY = 1;

/** A world with namespaces of every type (boot's and created ones), a new cgroup and a /proc write. */
function busyWorld(): KernelState {
  const h = new KernelHarness();
  const all = NS_TYPES.filter((t) => t !== "time").reduce((flags, t) => flags | CLONE_FLAG[t], 0);
  const child = h.fork(h.shell, all);
  h.call(child, { name: "unshare", flags: CLONE_FLAG.time });
  h.fork(child);
  h.call(h.shell, { name: "mkdir", path: "/sys/fs/cgroup/copies", mode: 0o755 });
  const open = h.call(h.shell, { name: "openat", path: "/proc/self/oom_score_adj", flags: O_WRONLY });
  if (!open.result.ok) throw new Error(`open failed: ${open.result.error}`);
  h.call(h.shell, { name: "write", fd: (open.result.value as { fd: number }).fd, data: "300\n" });
  return h.state;
}

/** The copy equals the record, field by field and in the same key order. */
function expectFaithful(record: object, copy: object): void {
  expect(Object.keys(copy)).toEqual(Object.keys(record));
  expect(copy).toEqual(record);
}

describe("record copies used on hot paths", () => {
  const state = busyWorld();

  it("the world exercises what the copies must keep", () => {
    expect(new Set([...state.namespaces.values()].map((ns) => ns.type)).size).toBe(NS_TYPES.length);
    expect(state.procfs).toBeDefined();
  });

  it("copyState keeps every field of the kernel state, the optional procfs store included", () => {
    expectFaithful(state, copyState(state));
  });

  it("copyTask keeps every field of every task", () => {
    for (const task of state.tasks.values()) expectFaithful(task, copyTask(task));
  });

  it("copyCgroup and copyCgroupState keep every field", () => {
    expectFaithful(state.cgroup, copyCgroupState(state.cgroup));
    for (const cg of state.cgroup.cgroups.values()) expectFaithful(cg, copyCgroup(cg));
  });

  it("copyNs keeps every field of every namespace, in the order it was created with", () => {
    for (const ns of state.namespaces.values()) expectFaithful(ns, copyNs(ns));
  });

  it("a forked child's task has its parent's key order", () => {
    const h = new KernelHarness();
    h.state = state;
    const child: Pid = h.fork(h.shell);
    expect(Object.keys(h.task(child))).toEqual(Object.keys(h.task(h.shell)));
  });
});
