// Bugs the userland's ps and cat found in what /proc shows.
import { describe, expect, it } from "vitest";
import { KernelHarness } from "../testing";

function read(h: KernelHarness, path: string): string {
  const opened = h.call(h.shell, { name: "openat", path, flags: 0 });
  if (!opened.result.ok) throw new Error(`${path}: ${opened.result.error}`);
  const fd = (opened.result.value as { fd: number }).fd;
  const out = h.call(h.shell, { name: "read", fd, count: 65_536 });
  h.call(h.shell, { name: "close", fd });
  return (out.result as { ok: true; value: { data: string } }).value.data;
}

describe("[regression] /proc as ps reads it", () => {
  it("/proc/PID/cgroup shows the task's cgroup v2 path", () => {
    const h = new KernelHarness();
    expect(read(h, "/proc/1/cgroup")).toBe("0::/init.scope\n");
    expect(read(h, "/proc/self/cgroup")).toMatch(/^0::\/user\.slice\//);
  });

  it("PID 1 leads its own session and process group", () => {
    const h = new KernelHarness();
    const fields = read(h, "/proc/1/stat").split(" ");
    expect([fields[4], fields[5]]).toEqual(["1", "1"]);
  });

  it("kernel threads keep their full names (proc_task_name)", () => {
    const h = new KernelHarness();
    const names = [...h.state.tasks.values()].filter((t) => t.kthread).map((t) => t.comm);
    expect(names).toContain("pool_workqueue_release");
    const pid = [...h.state.tasks.values()].find((t) => t.comm === "pool_workqueue_release")!.pid;
    expect(read(h, `/proc/${pid}/comm`)).toBe("pool_workqueue_release\n");
  });
});
