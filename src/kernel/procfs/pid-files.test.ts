/**
 * The other per-process files: ns/ links (01_host_baseline, 05_container_like_userns), maps,
 * stat, statm, cmdline, environ, comm, loginuid, attr/current, oom_score(_adj).
 */
import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { CLONE_NEWCGROUP, CLONE_NEWPID } from "../ns/namespace";
import { KernelHarness } from "../testing";
import { renderMaps } from "./maps";
import { renderNsLinks, nsLink } from "./ns-links";
import { renderOomScore, renderOomScoreAdj, writeOomScoreAdj } from "./oom";
import { renderAttrCurrent, renderCgroup, renderCmdline, renderComm, renderEnviron, renderLoginuid } from "./pid-text";
import { renderStat, renderStatm } from "./stat";
import { dockerRun, mapRootUser, mustWrite, patchTask, spawn } from "./testing";
import { procView } from "./view";

describe("/proc/PID/ns", () => {
  it("lists the host's initial namespaces as `ls -l /proc/self/ns` shows them (01_host_baseline)", () => {
    const h = new KernelHarness();
    expect(renderNsLinks(h.state, h.task(h.shell)).map(([e, t]) => `${e} -> ${t}`)).toEqual([
      "cgroup -> cgroup:[4026531835]", "ipc -> ipc:[4026531839]", "mnt -> mnt:[4026531832]", "net -> net:[4026531833]",
      "pid -> pid:[4026531836]", "pid_for_children -> pid:[4026531836]", "time -> time:[4026531834]",
      "time_for_children -> time:[4026531834]", "user -> user:[4026531837]", "uts -> uts:[4026531838]",
    ]);
  });

  it("gives a container-like process new inodes but the host's cgroup and time (24_container_host_view)", () => {
    const h = new KernelHarness();
    const { init } = dockerRun(h);
    const links = Object.fromEntries(renderNsLinks(h.state, h.task(init)));
    expect([links.cgroup, links.time, links.user]).toEqual(["cgroup:[4026531835]", "time:[4026531834]", "user:[4026531837]"]);
    for (const e of ["ipc", "mnt", "net", "pid", "uts"]) expect(Number(/\[(\d+)\]/.exec(links[e]!)![1])).toBeGreaterThanOrEqual(4026531840);
  });

  it("leaves pid_for_children dangling after unshare --pid until the first fork, and a zombie only pid and user", () => {
    const h = new KernelHarness();
    h.call(h.shell, { name: "unshare", flags: CLONE_NEWPID });
    expect(nsLink(h.state, h.task(h.shell), "pid_for_children")).toBeUndefined();
    const child = h.fork(h.shell);
    expect(nsLink(h.state, h.task(h.shell), "pid_for_children")?.text).toBe(nsLink(h.state, h.task(child), "pid")?.text);
    h.call(child, { name: "exit_group", code: 0 });
    expect(renderNsLinks(h.state, h.task(child)).map(([e]) => e)).toEqual(["pid", "user"]);
  });
});

describe("/proc/PID/maps", () => {
  it("maps bash, its libraries and the special regions, names at column 73", () => {
    const h = new KernelHarness();
    const t = h.task(h.shell);
    const lines = renderMaps(h.state, t, procView(t)).trimEnd().split("\n");
    const names = lines.map((l) => l.slice(73)).filter((n, i, all) => n !== "" && n !== all[i - 1]);
    expect(names).toEqual([
      "/usr/bin/bash", "[heap]", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libtinfo.so.6.4",
      "[vvar]", "[vvar_vclock]", "[vdso]", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "[stack]", "[vsyscall]",
    ]);
    for (const l of lines) expect(l).toMatch(/^[0-9a-f]{12,16}-[0-9a-f]{12,16} (r--p|r-xp|rw-p|--xp) [0-9a-f]{8} [0-9a-f]{2}:[0-9a-f]{2} \d+ ( {10,}\S.*)?$/);
    expect(lines.at(-1)).toBe("ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]");
    expect(renderMaps(h.state, t, procView(t))).toBe(renderMaps(h.state, t, procView(h.task(2 as never))));
  });

  it("gives a busybox program musl's loader, and a kernel thread no maps", () => {
    const h = new KernelHarness();
    const sh = spawn(h, h.shell, ["sh"], 0, "/bin/busybox");
    const text = renderMaps(h.state, h.task(sh), procView(h.task(sh)));
    expect(text).toContain("/lib/ld-musl-x86_64.so.1\n");
    expect(text).not.toContain("libc.so.6");
    expect(renderMaps(h.state, h.task(2 as never), procView(h.task(sh)))).toBe("");
  });
});

describe("/proc/PID/stat and statm", () => {
  it("has 52 fields, and hides addresses from a reader without ptrace access", () => {
    const h = new KernelHarness();
    const t = h.task(h.shell);
    const own = renderStat(h.state, t, procView(t)).trimEnd().split(" ");
    expect(own).toHaveLength(52);
    expect(own.slice(0, 9)).toEqual([String(h.shell), "(bash)", "S", String(t.ppid), String(h.shell), String(h.shell), "0", "-1", "4194304"]);
    expect(own[21]).toBe("4200");
    const nobody = spawn(h, h.shell, ["cat"]);
    h.setCred(nobody, userCred(1000, 1000));
    const other = renderStat(h.state, t, procView(h.task(nobody))).trimEnd().split(" ");
    expect(other.slice(25, 28)).toEqual(["1", "1", "0"]);
    expect(other.slice(44, 51)).toEqual(["0", "0", "0", "0", "0", "0", "0"]);
    expect(renderStatm(h.state, t, procView(t))).toBe("2175 1275 691 239 0 1194 0\n");
  });
});

describe("small text files", () => {
  it("renders cmdline and environ NUL-separated, comm with a newline, loginuid without one", () => {
    const h = new KernelHarness();
    const t = h.task(h.shell);
    const v = procView(t);
    expect(renderCmdline(h.state, t, v)).toBe("-bash\0");
    expect(renderEnviron(h.state, t, v).split("\0")[0]).toBe("HOME=/root");
    expect(renderComm(h.state, t, v)).toBe("bash\n");
    expect(renderLoginuid(h.state, t, v)).toBe("0");
    expect(renderLoginuid(h.state, h.task(1 as never), v)).toBe("4294967295");
    expect(renderCmdline(h.state, h.task(2 as never), v)).toBe("");
  });

  it("shows /proc/PID/cgroup relative to the reader's cgroup namespace (02_unshare `unshare --cgroup`)", () => {
    const h = new KernelHarness();
    const c = spawn(h, h.shell, ["cat"], CLONE_NEWCGROUP);
    expect(renderCgroup(h.state, h.task(c), procView(h.task(c)))).toBe("0::/\n");
    expect(renderCgroup(h.state, h.task(c), procView(h.task(h.shell)))).toMatch(/^0::\/user\.slice\/.+\n$/);
  });

  it("shows AppArmor labels in attr/current", () => {
    const h = new KernelHarness();
    const { init } = dockerRun(h);
    expect(renderAttrCurrent(h.state, h.task(init), procView(h.task(init)))).toBe("docker-default (enforce)\n");
    expect(renderAttrCurrent(h.state, h.task(h.shell), procView(h.task(h.shell)))).toBe("unconfined\n");
  });

  it("shows the loginuid of a rootless namespace's process in the reader's terms", () => {
    const h = new KernelHarness();
    const sh = mapRootUser(h, h.shell, ["sh"]);
    expect(renderLoginuid(h.state, h.task(sh), procView(h.task(sh)))).toBe("0");
  });
});

describe("oom_score and oom_score_adj", () => {
  it("scores a small process 666 and never the init or a kernel thread", () => {
    const h = new KernelHarness();
    const v = procView(h.task(h.shell));
    expect(renderOomScore(h.state, h.task(h.shell), v)).toBe("666\n");
    expect(renderOomScore(h.state, h.task(1 as never), v)).toBe("0\n");
    expect(renderOomScore(h.state, h.task(2 as never), v)).toBe("0\n");
  });

  it("inherits the unit's adjustment and lets only CAP_SYS_RESOURCE lower it", () => {
    const h = new KernelHarness();
    const dockerd = [...h.state.tasks.values()].find((t) => t.comm === "dockerd")!;
    const v = procView(h.task(h.shell));
    expect(renderOomScoreAdj(h.state, dockerd, v)).toBe("-500\n");
    const child = spawn(h, dockerd.pid, ["docker-proxy"]);
    expect(renderOomScoreAdj(h.state, h.task(child), v)).toBe("-500\n");
    patchTask(h, child, { cred: userCred(1000, 1000) });
    const self = h.task(child);
    expect(writeOomScoreAdj(h.state, self, self, "-900\n").result).toEqual({ ok: false, error: "EACCES" });
    expect(writeOomScoreAdj(h.state, self, self, "1001").result).toEqual({ ok: false, error: "EINVAL" });
    mustWrite(h, writeOomScoreAdj(h.state, self, self, "300\n"));
    expect(renderOomScoreAdj(h.state, h.task(child), v)).toBe("300\n");
    expect(writeOomScoreAdj(h.state, h.task(child), h.task(child), "-500").result.ok).toBe(true);
    const grandchild = spawn(h, child, ["sleep"]);
    expect(renderOomScoreAdj(h.state, h.task(grandchild), v)).toBe("300\n");
  });
});
