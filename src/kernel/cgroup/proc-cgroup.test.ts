import { describe, expect, it } from "vitest";
import { pid } from "../ids";
import { readFile } from "./files";
import { cgroupNsRootsOf, initCgroupNsRoots, procPidCgroup, v1PathFrom } from "./proc-cgroup";
import { CONTAINER_ID, hostState, withContainer } from "./testing";
import { mountCgroupV1 } from "./v1";

const SCOPE = `/system.slice/docker-${CONTAINER_ID}.scope`;

describe("/proc/PID/cgroup", () => {
  it("shows the full path from the initial cgroup namespace", () => {
    const { state } = withContainer(hostState(), [pid(9496)]);
    expect(procPidCgroup(state, pid(9496), initCgroupNsRoots(state))).toBe(`0::${SCOPE}\n`);
    expect(procPidCgroup(state, pid(1), initCgroupNsRoots(state))).toBe("0::/init.scope\n");
  });

  it("[§10] shows `0::/` at the root of a private cgroup namespace (Docker on v2)", () => {
    const { state } = withContainer(hostState(), [pid(9496)]);
    const ns = cgroupNsRootsOf(state, pid(9496));
    expect(procPidCgroup(state, pid(9496), ns)).toBe("0::/\n");
  });

  it("shows cgroups outside the namespace root with `/..` steps", () => {
    const { state } = withContainer(hostState(), [pid(9496)]);
    const ns = cgroupNsRootsOf(state, pid(9496));
    expect(procPidCgroup(state, pid(1), ns)).toBe("0::/../../init.scope\n");
    expect(procPidCgroup(state, pid(500), ns)).toBe("0::/../docker.service\n");
    expect(procPidCgroup(state, pid(2), ns)).toBe("0::/../..\n");
    expect(v1PathFrom("/a/c", "/a/b")).toBe("/../c");
    expect(v1PathFrom("/a/b/c", "/a/b")).toBe("/c");
  });

  it("lists v1 hierarchies newest first, with controllers and name=, before the v2 line", () => {
    const host = hostState();
    const x = mountCgroupV1(host, "none,name=x", { inInitCgroupNs: true, inInitUserNs: true });
    if (!x.ok) throw new Error(x.error);
    const f = mountCgroupV1(x.value.state, "freezer,net_cls,name=y", { inInitCgroupNs: true, inInitUserNs: true });
    if (!f.ok) throw new Error(f.error);
    const s = f.value.state;
    expect(procPidCgroup(s, pid(1000), initCgroupNsRoots(s))).toBe(
      "2:freezer,net_cls,name=y:/\n1:name=x:/\n0::/user.slice/user-0.slice/session-1.scope\n",
    );
  });

  it("reads cgroup.procs in the reader's PID namespace", () => {
    const { state, ctr } = withContainer(hostState(), [pid(9496), pid(9500)]);
    const view = (p: number) => (p === 9496 ? 1 : p === 9500 ? 7 : 0);
    expect(readFile(state, ctr, "cgroup.procs", { pidView: view })).toEqual({ ok: true, value: "1\n7\n" });
  });
});
