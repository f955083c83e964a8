/**
 * The device cgroup: runc's BPF device program, attached with bpf(2), refuses opening devices a
 * container was not given with EPERM, while mknod stays allowed (reference transcript
 * 10_container_default, and §3.3 for --privileged).
 */
import { describe, expect, it } from "vitest";
import { DOCKER_DEFAULT_DEVICE_RULES, PRIVILEGED_DEVICE_RULES } from "../cgroup/devices";
import { strerror } from "../errno";
import { userCred } from "../cred/cred";
import { KernelHarness } from "../testing";
import { attempt, must } from "./fs-harness";
import { confined, deviceCgroup } from "./lsm-harness";
import { O_DIRECTORY, O_RDONLY, O_RDWR } from "./open-flags";
import { S_IFBLK, S_IFCHR } from "./mode";

const SCOPE = "/system.slice/docker-26942030231a.scope";

function container(rules = DOCKER_DEFAULT_DEVICE_RULES) {
  const k = new KernelHarness();
  const c = confined(k, "unconfined");
  deviceCgroup(k, c, SCOPE, rules);
  return { k, c };
}

const mknod = (k: KernelHarness, pid: ReturnType<KernelHarness["fork"]>, path: string, type: number, major: number, minor: number) =>
  attempt(k, pid, { name: "mknod", path, mode: type | 0o644, dev: { major, minor } });

describe("[10_container_default] the device cgroup", () => {
  it("lets mknod make a disk node (b *:* m) but refuses opening it: Operation not permitted", () => {
    const { k, c } = container();
    // root@…:/# mknod /tmp/vda b 254 0 && ls -l /tmp/vda && head -c 512 /tmp/vda | wc -c
    const made = mknod(k, c, "/tmp/vda", S_IFBLK, 254, 0);
    expect(made.errno).toBe("ok");
    expect(made.trace.find((x) => x.layer === "cgroup")).toEqual({
      layer: "cgroup", verdict: "pass", rule: "devcgroup_check_permission (BPF_CGROUP_DEVICE)",
      reason: `the device program of ${SCOPE} allows creating (mknod) block device 254:0 (\`b *:* m\`)`,
    });
    const open = attempt(k, c, { name: "openat", path: "/tmp/vda", flags: O_RDONLY });
    // head: cannot open '/tmp/vda' for reading: Operation not permitted
    expect(open.errno).toBe("EPERM");
    expect(strerror("EPERM")).toBe("Operation not permitted");
    expect(open.trace.at(-1)).toEqual({
      layer: "cgroup", verdict: "deny", errno: "EPERM", rule: "devcgroup_check_permission (BPF_CGROUP_DEVICE)",
      reason: `the device program of ${SCOPE} refuses reading block device 254:0: its rule \`deny a *:* rwm\` covers it and no later rule allows it`,
    });
  });

  it("refuses /dev/mem (c 1:1) and lets /dev/null (c 1:3) through", () => {
    const { k, c } = container();
    expect(mknod(k, c, "/tmp/mem", S_IFCHR, 1, 1).errno).toBe("ok");
    expect(attempt(k, c, { name: "openat", path: "/tmp/mem", flags: O_RDONLY }).errno).toBe("EPERM");
    const nul = attempt(k, c, { name: "openat", path: "/dev/null", flags: O_RDWR });
    expect(nul.errno).toBe("ok");
    expect(nul.trace.find((x) => x.layer === "cgroup")?.reason).toBe(`the device program of ${SCOPE} allows reading and writing character device 1:3 (\`c 1:3 rwm\`)`);
    expect(attempt(k, c, { name: "openat", path: "/dev/sda", flags: O_RDONLY }).errno).toBe("EPERM");
  });

  it("allows every device to a --privileged container (a *:* rwm)", () => {
    const { k, c } = container(PRIVILEGED_DEVICE_RULES);
    expect(attempt(k, c, { name: "openat", path: "/dev/sda", flags: O_RDONLY }).errno).toBe("ok");
    expect(attempt(k, c, { name: "openat", path: "/dev/mem", flags: O_RDONLY }).errno).toBe("ok");
  });

  it("applies to the children of the cgroup, and not to the host", () => {
    const { k, c } = container();
    const child = k.fork(c);
    expect(attempt(k, child, { name: "openat", path: "/dev/sda", flags: O_RDONLY }).errno).toBe("EPERM");
    const host = attempt(k, k.shell, { name: "openat", path: "/dev/sda", flags: O_RDONLY });
    expect(host.errno).toBe("ok");
    expect(host.trace.some((x) => x.layer === "cgroup")).toBe(false);
  });
});

describe("bpf(2) BPF_CGROUP_DEVICE", () => {
  it("needs CAP_BPF or CAP_SYS_ADMIN, and a cgroup2 directory", () => {
    const k = new KernelHarness();
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    const { fd: ufd } = must<{ fd: number }>(k, user, { name: "openat", path: "/sys/fs/cgroup/system.slice", flags: O_DIRECTORY });
    const denied = attempt(k, user, { name: "bpf", cmd: "BPF_PROG_ATTACH", attachType: "BPF_CGROUP_DEVICE", targetFd: ufd, program: DOCKER_DEFAULT_DEVICE_RULES });
    expect(denied.errno).toBe("EPERM");
    expect(denied.trace[0]).toMatchObject({ layer: "capability", rule: "ns_capable(CAP_SYS_ADMIN)" });
    const { fd: tmp } = must<{ fd: number }>(k, k.shell, { name: "openat", path: "/tmp", flags: O_DIRECTORY });
    const bad = attempt(k, k.shell, { name: "bpf", cmd: "BPF_PROG_ATTACH", attachType: "BPF_CGROUP_DEVICE", targetFd: tmp, program: DOCKER_DEFAULT_DEVICE_RULES });
    expect(bad.errno).toBe("EBADF");
  });

  it("detaches the program, after which the devices open again", () => {
    const { k, c } = container();
    const { fd } = must<{ fd: number }>(k, k.shell, { name: "openat", path: `/sys/fs/cgroup${SCOPE}`, flags: O_DIRECTORY });
    must(k, k.shell, { name: "bpf", cmd: "BPF_PROG_DETACH", attachType: "BPF_CGROUP_DEVICE", targetFd: fd });
    expect(attempt(k, c, { name: "openat", path: "/dev/sda", flags: O_RDONLY }).errno).toBe("ok");
    expect(attempt(k, k.shell, { name: "bpf", cmd: "BPF_PROG_DETACH", attachType: "BPF_CGROUP_DEVICE", targetFd: fd }).errno).toBe("ENOENT");
  });
});
