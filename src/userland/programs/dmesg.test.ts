import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

describe("dmesg", () => {
  it("prints what the kernel logged, with its timestamp and without the level", () => {
    const r = runHeadless([
      "mkdir /sys/fs/cgroup/t; echo 1 > /sys/fs/cgroup/t/pids.max; echo $$ > /sys/fs/cgroup/t/cgroup.procs",
      "(true)",
      "echo $$ > /sys/fs/cgroup/cgroup.procs",
      "dmesg; dmesg -r | head -c 4; echo",
    ].join("\n"));
    expect(r.stdout).toMatch(/^\[ {3}\d\d\.\d{6}\] cgroup: fork rejected by pids controller in \/t\n<6>\[\n$/);
  });

  it("clears the log with -C", () => {
    const r = runHeadless("mkdir /sys/fs/cgroup/t; echo 1 > /sys/fs/cgroup/t/pids.max; echo $$ > /sys/fs/cgroup/t/cgroup.procs; (true); echo $$ > /sys/fs/cgroup/cgroup.procs; dmesg -C; dmesg | wc -l");
    expect(r.stdout).toBe("0\n");
  });
});
