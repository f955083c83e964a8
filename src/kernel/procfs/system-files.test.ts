/** The files at the top of /proc: uptime, loadavg, meminfo, cpuinfo, version, cmdline. */
import { describe, expect, it } from "vitest";
import { KernelHarness } from "../testing";
import { guestCpuModel, HOST_CPU, renderCpuinfo } from "./cpuinfo";
import { bootId, renderKernelCmdline, renderVersion } from "./kernel-info";
import { renderMeminfo } from "./meminfo";
import { dockerRun, patchTask, spawn } from "./testing";
import { renderLoadavg, renderUptime } from "./uptime";
import { procView } from "./view";

describe("/proc/uptime and /proc/loadavg", () => {
  it("counts uptime from boot and idle time over every CPU", () => {
    const h = new KernelHarness();
    expect(renderUptime(h.state, procView(h.task(h.shell)))).toBe("42.00 168.00\n");
  });

  it("shows load from tasks that want a CPU, runnable/total and the last PID of the reader's namespace", () => {
    const h = new KernelHarness();
    const v = () => procView(h.task(h.shell));
    const total = h.state.tasks.size;
    expect(renderLoadavg(h.state, v())).toBe(`0.00 0.00 0.00 1/${total} ${h.shell}\n`);
    const burner = spawn(h, h.shell, ["yes"]);
    patchTask(h, burner, { activity: { kind: "burn" } });
    h.state = { ...h.state, nowNs: h.state.nowNs + 60e9 };
    expect(renderLoadavg(h.state, v())).toBe(`0.63 0.18 0.06 1/${total + 1} ${burner}\n`);
    const { init } = dockerRun(h);
    expect(renderLoadavg(h.state, procView(h.task(init))).split(" ").at(-1)).toBe("1\n");
  });
});

describe("/proc/meminfo", () => {
  it("prints the 6.18 field list in the kernel's columns, the same inside a container", () => {
    const h = new KernelHarness();
    const text = renderMeminfo(h.state, procView(h.task(h.shell)));
    expect(text.split("\n").filter(Boolean).map((l) => l.split(":")[0])).toEqual([
      "MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "Active", "Inactive", "Active(anon)",
      "Inactive(anon)", "Active(file)", "Inactive(file)", "Unevictable", "Mlocked", "SwapTotal", "SwapFree", "Zswap",
      "Zswapped", "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem", "KReclaimable", "Slab", "SReclaimable",
      "SUnreclaim", "KernelStack", "PageTables", "SecPageTables", "NFS_Unstable", "Bounce", "WritebackTmp",
      "CommitLimit", "Committed_AS", "VmallocTotal", "VmallocUsed", "VmallocChunk", "Percpu", "HardwareCorrupted",
      "AnonHugePages", "ShmemHugePages", "ShmemPmdMapped", "FileHugePages", "FilePmdMapped", "CmaTotal", "CmaFree",
      "Unaccepted", "Balloon", "HugePages_Total", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp", "Hugepagesize",
      "Hugetlb", "DirectMap4k", "DirectMap2M", "DirectMap1G",
    ]);
    expect(text.split("\n").slice(0, 1)).toEqual(["MemTotal:        8131368 kB"]);
    expect(text).toContain("\nVmallocTotal:   34359738367 kB\n");
    expect(text).toContain("\nHardwareCorrupted:     0 kB\n");
    expect(text).toContain("\nHugePages_Total:       0\nHugePages_Free:        0\n");
    const { init } = dockerRun(h);
    expect(renderMeminfo(h.state, procView(h.task(init)))).toBe(renderMeminfo(h.state, procView(h.task(h.shell))));
  });
});

describe("/proc/cpuinfo", () => {
  it("shows one block per CPU, vmx on the host and hypervisor in a guest", () => {
    const h = new KernelHarness();
    const blocks = renderCpuinfo(h.state, procView(h.task(h.shell))).split("\n\n").filter(Boolean);
    expect(blocks).toHaveLength(4);
    expect(blocks[3]!.split("\n").slice(0, 5)).toEqual([
      "processor\t: 3", "vendor_id\t: GenuineIntel", "cpu family\t: 6", "model\t\t: 158",
      "model name\t: Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",
    ]);
    expect(blocks[0]).toMatch(/^flags\t\t: .* vmx .*$/m);
    expect(blocks[0]).not.toMatch(/ hypervisor /);
    expect(blocks[0]!.split("\n").at(-1)).toBe("power management:");
    const guest = renderCpuinfo(h.state, procView(h.task(h.shell)), guestCpuModel(HOST_CPU));
    expect(guest).toMatch(/^flags\t\t: .* rdrand hypervisor .*$/m);
    expect(guest).not.toMatch(/ vmx |^vmx flags/m);
  });
});

describe("/proc/version, /proc/cmdline, boot_id", () => {
  it("prints the Ubuntu banner of the configured release", () => {
    const h = new KernelHarness();
    const v = procView(h.task(h.shell));
    expect(renderVersion(h.state, v)).toMatch(
      /^Linux version 6\.18\.0-9-generic \(buildd@lcy02-amd64-\d{3}\) \(x86_64-linux-gnu-gcc-15 \(Ubuntu 15\.2\.0-7ubuntu1\) 15\.2\.0, GNU ld \(GNU Binutils for Ubuntu\) 2\.45\) #9-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov {2}3 10:12:41 UTC 2025\n$/,
    );
    expect(renderKernelCmdline(h.state, v)).toMatch(/^BOOT_IMAGE=\/boot\/vmlinuz-6\.18\.0-9-generic root=UUID=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} ro\n$/);
    expect(bootId(h.state.config)).toBe(bootId(h.state.config));
  });
});
