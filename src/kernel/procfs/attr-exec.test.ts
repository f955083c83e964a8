import { describe, expect, it } from "vitest";
import { FEDORA_HOST } from "../boot/fedora-host";
import { KernelHarness } from "../testing";
import { attempt, readFile, writeFile } from "../vfs/fs-harness";
import { confined } from "../vfs/lsm-harness";

const exec = (k: KernelHarness, pid: ReturnType<KernelHarness["fork"]>) =>
  attempt(k, pid, { name: "execve", path: "/bin/sh", argv: ["sh"], envp: [] });

describe("/proc/self/attr/exec: how runc confines a container's process", () => {
  it("AppArmor: `exec docker-default` takes effect at the next execve, once", () => {
    const k = new KernelHarness();
    const runc = k.fork(k.shell);
    expect(writeFile(k, runc, "/proc/self/attr/exec", "exec docker-default")).toBe("ok");
    expect(readFile(k, runc, "/proc/self/attr/exec")).toBe("docker-default (enforce)\n");
    expect(readFile(k, runc, "/proc/self/attr/current")).toBe("unconfined\n");
    const out = exec(k, runc);
    expect(out.errno).toBe("ok");
    expect(out.trace).toContainEqual({
      layer: "lsm", verdict: "pass", rule: "security_bprm_committing_creds",
      reason: "the new program runs under docker-default (set through /proc/self/attr/exec)",
    });
    expect(readFile(k, runc, "/proc/self/attr/current")).toBe("docker-default (enforce)\n");
    expect(k.task(runc).lsm).toEqual({ label: "docker-default" });
  });

  it("AppArmor: refuses unknown profiles, bad syntax, other tasks' files and confined writers", () => {
    const k = new KernelHarness();
    const t = k.fork(k.shell);
    expect(writeFile(k, t, "/proc/self/attr/exec", "exec no-such-profile")).toBe("ENOENT");
    expect(writeFile(k, t, "/proc/self/attr/exec", "docker-default")).toBe("EINVAL");
    expect(writeFile(k, k.shell, `/proc/${k.task(t).nr[0]}/attr/exec`, "exec docker-default")).toBe("EACCES");
    const c = confined(k, "docker-default");
    expect(writeFile(k, c, "/proc/self/attr/exec", "exec unconfined")).toBe("EACCES");
  });

  it("SELinux: the container's context, with its MCS pair", () => {
    const k = new KernelHarness(FEDORA_HOST);
    const runc = k.fork(k.shell);
    expect(writeFile(k, runc, "/proc/self/attr/exec", "system_u:system_r:container_t:s0:c123,c456")).toBe("ok");
    expect(exec(k, runc).errno).toBe("ok");
    expect(readFile(k, runc, "/proc/self/attr/current")).toBe("system_u:system_r:container_t:s0:c123,c456\0");
    expect(writeFile(k, runc, "/proc/self/attr/exec", "system_u:system_r:spc_t:s0")).toBe("EACCES");
    expect(writeFile(k, k.fork(k.shell), "/proc/self/attr/exec", "container_t")).toBe("EINVAL");
  });
});
