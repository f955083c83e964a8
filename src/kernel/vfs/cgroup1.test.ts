import { describe, expect, it } from "vitest";
import { CLONE_NEWCGROUP, CLONE_NEWNS } from "../ns/namespace";
import { KernelHarness } from "../testing";
import { attempt, ls, mountinfoOf, must, readFile, writeFile } from "./fs-harness";

describe("cgroup v1 mounts and the release agent (reference §7b)", () => {
  it("mounts a v1 hierarchy, and runs release_agent on the host when a notify_on_release cgroup empties", () => {
    const k = new KernelHarness();
    must(k, k.shell, { name: "mkdir", path: "/tmp/cgrp", mode: 0o755 });
    // rdma is in use on the v2 hierarchy, so it cannot move to v1; a named hierarchy can be made.
    expect(attempt(k, k.shell, { name: "mount", source: "cgroup", target: "/tmp/cgrp", fstype: "cgroup", flags: 0, data: "rdma" }).errno).toBe("EBUSY");
    must(k, k.shell, { name: "mount", source: "cgroup", target: "/tmp/cgrp", fstype: "cgroup", flags: 0, data: "none,name=x" });
    expect(mountinfoOf(k, k.shell).split("\n").find((l) => l.includes("/tmp/cgrp"))?.replace(/^\d+ \d+ 0:\d+/, "N P DEV"))
      .toBe("N P DEV / /tmp/cgrp rw,relatime shared:22 - cgroup cgroup rw,name=x");
    must(k, k.shell, { name: "mkdir", path: "/tmp/cgrp/x", mode: 0o755 });
    expect(ls(k, k.shell, "/tmp/cgrp/x")).toEqual(["cgroup.clone_children", "cgroup.procs", "notify_on_release", "tasks"]);
    expect(writeFile(k, k.shell, "/tmp/cgrp/x/notify_on_release", "1")).toBe("ok");
    expect(writeFile(k, k.shell, "/tmp/cgrp/release_agent", "/cmd")).toBe("ok");
    const victim = k.fork(k.shell);
    expect(writeFile(k, victim, "/tmp/cgrp/x/cgroup.procs", "0")).toBe("ok");
    expect(readFile(k, k.shell, "/tmp/cgrp/x/cgroup.procs")).toBe(`${victim}\n`);
    must(k, victim, { name: "exit_group", code: 0 });
    expect(k.state.usermodeHelpers.toArray().map((h) => h.argv)).toEqual([["/cmd", "/x"]]);
  });

  it("refuses a new hierarchy from a cgroup namespace (Docker's default on cgroup v2 hosts)", () => {
    const k = new KernelHarness();
    const c = k.fork(k.shell, CLONE_NEWNS | CLONE_NEWCGROUP);
    must(k, c, { name: "mkdir", path: "/tmp/cgrp", mode: 0o755 });
    const out = attempt(k, c, { name: "mount", source: "cgroup", target: "/tmp/cgrp", fstype: "cgroup", flags: 0, data: "none,name=x" });
    expect(out.errno).toBe("EPERM");
  });
});
