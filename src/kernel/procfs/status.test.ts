/**
 * /proc/PID/status against the reference transcripts (../shared/reference/transcripts). Only
 * PIDs are substituted; the recording host's CapPrm/CapEff/CapBnd lacked CAP_SYS_RESOURCE
 * (linux-facts §0), so `000001fffeffffff` reads `000001ffffffffff` on a normal host.
 */
import { describe, expect, it } from "vitest";
import { KernelHarness } from "../testing";
import { CLONE_NEWNS, CLONE_NEWPID } from "../ns/namespace";
import { renderStatus } from "./status";
import { dockerRun, grep, mapRootUser, mustWrite, spawn } from "./testing";
import { procView } from "./view";
import { writeGidMap, writeUidMap } from "./id-map-write";

const GREP_01 = /^(Name|Pid|PPid|NSpid|NStgid|NSpgid|NSsid|Uid|Gid|Cap|NoNewPrivs|Seccomp)/;

describe("/proc/PID/status", () => {
  it("matches the host baseline grep of 01_host_baseline", () => {
    const h = new KernelHarness();
    const grepPid = spawn(h, h.shell, ["grep", "-E", "..."]);
    const t = h.task(grepPid);
    expect(grep(renderStatus(h.state, t, procView(t)), GREP_01)).toBe(
      `Name:\tgrep\nPid:\t${grepPid}\nPPid:\t${h.shell}\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n` +
      `NStgid:\t${grepPid}\nNSpid:\t${grepPid}\nNSpgid:\t${h.shell}\nNSsid:\t${h.shell}\n` +
      "CapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n" +
      "CapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n",
    );
  });

  it("prints every 6.18 field in order, with tabs, for a user process", () => {
    const h = new KernelHarness();
    const t = h.task(h.shell);
    const labels = renderStatus(h.state, t, procView(t)).split("\n").filter(Boolean).map((l) => l.split(":")[0]);
    expect(labels).toEqual([
      "Name", "Umask", "State", "Tgid", "Ngid", "Pid", "PPid", "TracerPid", "Uid", "Gid", "FDSize", "Groups",
      "NStgid", "NSpid", "NSpgid", "NSsid", "Kthread", "VmPeak", "VmSize", "VmLck", "VmPin", "VmHWM", "VmRSS",
      "RssAnon", "RssFile", "RssShmem", "VmData", "VmStk", "VmExe", "VmLib", "VmPTE", "VmSwap", "HugetlbPages",
      "CoreDumping", "THP_enabled", "untag_mask", "Threads", "SigQ", "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt",
      "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp", "Seccomp_filters",
      "Speculation_Store_Bypass", "SpeculationIndirectBranch", "Cpus_allowed", "Cpus_allowed_list", "Mems_allowed",
      "Mems_allowed_list", "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches", "x86_Thread_features",
      "x86_Thread_features_locked",
    ]);
    const text = renderStatus(h.state, t, procView(t));
    expect(grep(text, /^(Umask|State|VmSize|VmRSS|VmStk|Groups|Cpus_allowed|SigQ)/)).toBe(
      "Umask:\t0022\nState:\tS (sleeping)\nGroups:\t \nVmSize:\t    8700 kB\nVmRSS:\t    5100 kB\nVmStk:\t     132 kB\n" +
      "SigQ:\t0/31479\nCpus_allowed:\tf\nCpus_allowed_list:\t0-3\n",
    );
  });

  it("has no memory lines for a kernel thread, and Kthread: 1", () => {
    const h = new KernelHarness();
    const kthreadd = h.task(2 as never);
    const text = renderStatus(h.state, kthreadd, procView(h.task(h.shell)));
    expect(text).not.toMatch(/^Vm/m);
    expect(grep(text, /^(Name|Umask|PPid|NSpgid|Kthread|THP_enabled)/)).toBe("Name:\tkthreadd\nUmask:\t0000\nPPid:\t0\nNSpgid:\t0\nKthread:\t1\n");
  });

  it("drops Umask and the memory lines of a zombie, whose fd table is gone", () => {
    const h = new KernelHarness();
    const child = spawn(h, h.shell, ["true"]);
    h.call(child, { name: "exit_group", code: 0 });
    const text = renderStatus(h.state, h.task(child), procView(h.task(h.shell)));
    expect(grep(text, /^(Umask|State|FDSize|VmRSS|Kthread)/)).toBe("State:\tZ (zombie)\nFDSize:\t0\nKthread:\t0\n");
  });

  it("shows a process two PID namespaces deep from the host as in 04_nested_pidns_hostview", () => {
    const h = new KernelHarness();
    // unshare (PID 1 of the outer namespace) forks the inner PID 1, which execs sh.
    const outer = spawn(h, h.shell, ["unshare", "--pid", "--fork"], CLONE_NEWPID | CLONE_NEWNS);
    const sh = spawn(h, outer, ["sh", "-c", "sleep 60"], CLONE_NEWPID | CLONE_NEWNS);
    const sleep = spawn(h, sh, ["sleep", "60"]);
    const t = h.task(sleep);
    const host = procView(h.task(h.shell));
    expect(grep(renderStatus(h.state, t, host), /^(Pid|PPid|NStgid|NSpid|NSpgid|NSsid)/)).toBe(
      `Pid:\t${sleep}\nPPid:\t${sh}\nNStgid:\t${sleep}\t3\t2\nNSpid:\t${sleep}\t3\t2\nNSpgid:\t${h.shell}\t0\t0\nNSsid:\t${h.shell}\t0\t0\n`,
    );
    // Read through the innermost /proc (03_pidns): one column, the parent sh is PID 1 there.
    const inside = procView(h.task(sh));
    expect(grep(renderStatus(h.state, t, inside), /^(Pid|PPid|NSpid)/)).toBe("Pid:\t2\nPPid:\t1\nNSpid:\t2\n");
  });

  it("shows a default container's PID 1 from the host as in 24_container_host_view, and from inside", () => {
    const h = new KernelHarness();
    const { runc, init } = dockerRun(h);
    const t = h.task(init);
    const re = /^(Name|Pid|PPid|NStgid|NSpid|CapEff|Seccomp|NoNewPrivs)/;
    expect(grep(renderStatus(h.state, t, procView(h.task(h.shell))), re)).toBe(
      `Name:\tsleep\nPid:\t${init}\nPPid:\t${runc}\nNStgid:\t${init}\t1\nNSpid:\t${init}\t1\n` +
      "CapEff:\t00000000a80425fb\nNoNewPrivs:\t0\nSeccomp:\t2\nSeccomp_filters:\t1\n",
    );
    // 10_container_default: `grep -E "^(Cap|NoNewPrivs|Seccomp)" /proc/self/status` inside.
    expect(grep(renderStatus(h.state, t, procView(t)), /^(Pid|PPid|Cap|NoNewPrivs|Seccomp)/)).toBe(
      "Pid:\t1\nPPid:\t0\nCapInh:\t0000000000000000\nCapPrm:\t00000000a80425fb\nCapEff:\t00000000a80425fb\n" +
      "CapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t2\nSeccomp_filters:\t1\n",
    );
  });

  it("maps ids into the reader's user namespace: 65534 when unmapped (02_unshare `unshare --user`)", () => {
    const h = new KernelHarness();
    const child = spawn(h, h.shell, ["sh"], 0x10000000);
    const t = h.task(child);
    expect(grep(renderStatus(h.state, t, procView(t)), /^(Uid|Gid|CapEff)/)).toBe(
      "Uid:\t65534\t65534\t65534\t65534\nGid:\t65534\t65534\t65534\t65534\nCapEff:\t000001ffffffffff\n",
    );
    expect(grep(renderStatus(h.state, t, procView(h.task(h.shell))), /^Uid/)).toBe("Uid:\t0\t0\t0\t0\n");
  });

  it("shows a remapped root as 0 inside and as 100000 on the host (15_userns_remap)", () => {
    const h = new KernelHarness();
    const parent = spawn(h, h.shell, ["unshare", "--user"], 0x10000000);
    const t0 = h.task(parent);
    mustWrite(h, writeUidMap(h.state, h.task(h.shell), t0, "0 100000 65536\n"));
    mustWrite(h, writeGidMap(h.state, h.task(h.shell), t0, "0 100000 65536\n"));
    // The child does setresuid(0): its global ids become 100000.
    const cred = { ...t0.cred, uid: 100000, euid: 100000, suid: 100000, fsuid: 100000, gid: 100000, egid: 100000, sgid: 100000, fsgid: 100000 } as typeof t0.cred;
    h.setCred(parent, cred);
    const t = h.task(parent);
    const re = /^(Uid|Gid|CapEff)/;
    expect(grep(renderStatus(h.state, t, procView(t)), re)).toBe("Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nCapEff:\t000001ffffffffff\n");
    expect(grep(renderStatus(h.state, t, procView(h.task(h.shell))), re)).toBe(
      "Uid:\t100000\t100000\t100000\t100000\nGid:\t100000\t100000\t100000\t100000\nCapEff:\t000001ffffffffff\n",
    );
  });

  it("shows NSpid and full capabilities in a rootless container-like namespace (05_container_like_userns)", () => {
    const h = new KernelHarness();
    const sh = mapRootUser(h, h.shell, ["sh", "-c", "..."], CLONE_NEWPID | CLONE_NEWNS);
    const grepPid = spawn(h, sh, ["grep"]);
    const t = h.task(grepPid);
    expect(grep(renderStatus(h.state, t, procView(t)), /^(Cap|NSpid)/)).toBe(
      "NSpid:\t2\nCapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n",
    );
  });
});
