import { describe, expect, it } from "vitest";
import type { ContainerCreate } from "./engine-api";
import { DEFAULT_CAPS, MASKED_PATHS, buildSpec, tweakCapabilities } from "./oci-spec";

const ID = "26942030231a".padEnd(64, "0");
const IMAGE = { entrypoint: null, cmd: ["/bin/sh"], env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], workingDir: "", user: "" };
const ctx = { id: ID, image: IMAGE, lsm: "apparmor" as const, containerDir: `/var/lib/docker/containers/${ID}` };

function request(host: Partial<ContainerCreate["HostConfig"]> = {}, config: Partial<ContainerCreate["Config"]> = {}): ContainerCreate {
  return {
    name: undefined, detach: false,
    Config: { Image: "alpine", Cmd: null, Entrypoint: null, Env: [], User: "", WorkingDir: "", Hostname: "", Tty: false, OpenStdin: false, AttachStdin: false, Labels: {}, ...config },
    HostConfig: {
      Binds: [], Mounts: [], PortBindings: {}, NetworkMode: "default", PidMode: "", IpcMode: "", UTSMode: "", UsernsMode: "", CgroupnsMode: "",
      AutoRemove: false, Privileged: false, CapAdd: [], CapDrop: [], SecurityOpt: [], ReadonlyRootfs: false, Tmpfs: {}, Devices: [],
      Memory: 0, MemorySwap: 0, MemoryReservation: 0, NanoCpus: 0, CpuShares: 0, CpuPeriod: 0, CpuQuota: 0, CpusetCpus: "", PidsLimit: null, Init: null,
      ...host,
    },
  };
}

const spec = (host?: Partial<ContainerCreate["HostConfig"]>, config?: Partial<ContainerCreate["Config"]>) => {
  const r = buildSpec(request(host, config), ctx);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe("the OCI spec of docker run", () => {
  it("gives a default container moby's defaults: its own namespaces, 14 capabilities, docker-default, masked paths", () => {
    const s = spec();
    expect(s.hostname).toBe("26942030231a");
    expect(s.process.args).toEqual(["/bin/sh"]);
    expect(s.namespaces.map((n) => n.type)).toEqual(["mount", "network", "pid", "ipc", "uts", "cgroup"]);
    expect(s.process.capabilities.bounding).toEqual(DEFAULT_CAPS);
    expect(s.process.apparmorProfile).toBe("docker-default");
    expect(s.seccomp).toBe("docker-default");
    expect(s.maskedPaths).toEqual([...MASKED_PATHS]);
    expect(s.mounts.map((m) => m.destination)).toEqual(["/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm", "/etc/resolv.conf", "/etc/hostname", "/etc/hosts"]);
    expect(s.mounts.find((m) => m.destination === "/sys")!.options).toContain("ro");
  });

  it("opens everything up for --privileged", () => {
    const s = spec({ Privileged: true });
    expect(s.process.capabilities.bounding).toHaveLength(41);
    expect(s.seccomp).toBe("unconfined");
    expect(s.process.apparmorProfile).toBe("unconfined");
    expect(s.maskedPaths).toEqual([]);
    expect(s.mounts.find((m) => m.destination === "/sys")!.options).not.toContain("ro");
  });

  it("shares the host's namespaces when asked", () => {
    expect(spec({ PidMode: "host", NetworkMode: "host" }).namespaces.map((n) => n.type)).toEqual(["mount", "ipc", "uts", "cgroup"]);
  });

  it("adds binds, --mount and --tmpfs after the default mounts", () => {
    const s = spec({ Binds: ["/:/host", "/etc:/etc2:ro"], Tmpfs: { "/run": "size=64m" } });
    expect(s.mounts.slice(7, 10)).toEqual([
      { destination: "/host", type: "bind", source: "/", options: ["rbind", "rw"] },
      { destination: "/etc2", type: "bind", source: "/etc", options: ["rbind", "ro"] },
      { destination: "/run", type: "tmpfs", source: "tmpfs", options: ["noexec", "nosuid", "nodev", "size=64m"] },
    ]);
  });

  it("applies security options and refuses unknown ones in the daemon's words", () => {
    const s = spec({ SecurityOpt: ["apparmor=unconfined", "seccomp=unconfined", "no-new-privileges"] });
    expect([s.process.apparmorProfile, s.seccomp, s.process.noNewPrivileges]).toEqual(["unconfined", "unconfined", true]);
    expect(buildSpec(request({ SecurityOpt: ["bogus"] }), ctx)).toEqual({ ok: false, error: 'invalid --security-opt 1: "bogus"' });
  });

  it("checks resources as the daemon does", () => {
    expect(buildSpec(request({ Memory: 1024 * 1024 }), ctx)).toEqual({ ok: false, error: "Minimum memory limit allowed is 6MB" });
    expect(spec({ PidsLimit: 100 }).resources.pids).toEqual({ limit: 100 });
  });

  it("puts the user's command after the image's entrypoint, and the user's env over the image's", () => {
    const s = spec({}, { Cmd: ["echo", "hi"], Env: ["PATH=/bin", "A=1"] });
    expect(s.process.args).toEqual(["echo", "hi"]);
    expect(s.process.env).toEqual(["PATH=/bin", "A=1"]);
  });
});

describe("capabilities (caps.TweakCapabilities)", () => {
  it("adds and drops by name, with or without CAP_, in any case", () => {
    const r = tweakCapabilities(DEFAULT_CAPS, ["sys_admin"], ["CAP_NET_RAW", "mknod"], false);
    expect(r.ok && r.value).toEqual([...DEFAULT_CAPS.filter((c) => c !== "CAP_NET_RAW" && c !== "CAP_MKNOD"), "CAP_SYS_ADMIN"]);
  });

  it("drops ALL but keeps what is added, and refuses unknown names", () => {
    expect(tweakCapabilities(DEFAULT_CAPS, ["NET_BIND_SERVICE"], ["ALL"], false)).toEqual({ ok: true, value: ["CAP_NET_BIND_SERVICE"] });
    expect(tweakCapabilities(DEFAULT_CAPS, ["FOO"], [], false)).toEqual({ ok: false, error: 'invalid CapAdd: unknown capability: "CAP_FOO"' });
  });
});
