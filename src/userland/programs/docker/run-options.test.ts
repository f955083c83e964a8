import { describe, expect, it } from "vitest";
import { parseBytes, parseFlags } from "./flags";
import { RUN_FLAGS, parseRun } from "./run-options";

const create = (args: string[]) => {
  const r = parseRun(args);
  if (!r.ok) throw new Error(r.error);
  return r.create;
};

describe("pflag parsing", () => {
  it("takes --name value, --name=value, grouped shorthands and stops at the image", () => {
    const r = parseFlags(RUN_FLAGS, ["-dit", "--name=web", "-e", "A=1", "--env", "B=2", "-m512m", "nginx", "-g", "daemon off;"], true);
    expect(r.ok && [...r.flags]).toEqual([["detach", ["true"]], ["interactive", ["true"]], ["tty", ["true"]], ["name", ["web"]], ["env", ["A=1", "B=2"]], ["memory", ["512m"]]]);
    expect(r.ok && r.operands).toEqual(["nginx", "-g", "daemon off;"]);
  });

  it("fails in pflag's words", () => {
    expect(parseFlags(RUN_FLAGS, ["--bogus"], true)).toEqual({ ok: false, error: "unknown flag: --bogus" });
    expect(parseFlags(RUN_FLAGS, ["-z"], true)).toEqual({ ok: false, error: "unknown shorthand flag: 'z' in -z" });
    expect(parseFlags(RUN_FLAGS, ["--name"], true)).toEqual({ ok: false, error: "flag needs an argument: --name" });
    expect(parseFlags(RUN_FLAGS, ["-m", "lots", "alpine"], true)).toEqual({ ok: false, error: "invalid argument \"lots\" for \"-m, --memory\" flag: invalid size: 'lots'" });
  });

  it("reads sizes as go-units RAMInBytes does", () => {
    expect([parseBytes("100"), parseBytes("512m"), parseBytes("1g"), parseBytes("1.5GB"), parseBytes("6MB")]).toEqual([100, 536870912, 1073741824, 1610612736, 6291456]);
  });
});

describe("docker run options → ContainerCreate", () => {
  it("maps the everyday flags to Engine API fields", () => {
    const c = create(["--rm", "-it", "--name", "demo", "-u", "1000", "-w", "/tmp", "--hostname", "box", "-e", "X=1", "alpine", "sh", "-c", "id"]);
    expect(c.name).toBe("demo");
    expect(c.Config).toMatchObject({ Image: "alpine", Cmd: ["sh", "-c", "id"], User: "1000", WorkingDir: "/tmp", Hostname: "box", Env: ["X=1"], Tty: true, OpenStdin: true });
    expect(c.HostConfig).toMatchObject({ AutoRemove: true, Privileged: false, NetworkMode: "default", PidsLimit: null });
  });

  it("maps isolation and privilege flags", () => {
    const c = create(["--privileged", "--pid=host", "--net", "host", "--cap-add", "SYS_ADMIN", "--cap-drop=ALL", "--security-opt", "apparmor=unconfined", "--read-only", "--userns=host", "busybox"]);
    expect(c.HostConfig).toMatchObject({
      Privileged: true, PidMode: "host", NetworkMode: "host", CapAdd: ["SYS_ADMIN"], CapDrop: ["ALL"], SecurityOpt: ["apparmor=unconfined"],
      ReadonlyRootfs: true, UsernsMode: "host",
    });
  });

  it("maps resource limits: bytes, CPUs as nano-CPUs, pids", () => {
    const c = create(["-m", "64m", "--memory-swap", "-1", "--cpus", "1.5", "--cpu-shares", "512", "--pids-limit", "100", "alpine"]);
    expect(c.HostConfig).toMatchObject({ Memory: 67108864, MemorySwap: -1, NanoCpus: 1_500_000_000, CpuShares: 512, PidsLimit: 100 });
  });

  it("maps volumes, mounts, tmpfs, ports and devices", () => {
    const c = create(["-v", "/:/host", "-v", "/etc:/etc:ro", "--mount", "type=tmpfs,target=/scratch", "--tmpfs", "/run:size=64m", "-p", "8080:80", "-p", "127.0.0.1:53:53/udp", "--device", "/dev/sda", "alpine"]);
    expect(c.HostConfig.Binds).toEqual(["/:/host", "/etc:/etc:ro"]);
    expect(c.HostConfig.Mounts).toEqual([{ Type: "tmpfs", Source: "", Target: "/scratch", ReadOnly: false }]);
    expect(c.HostConfig.Tmpfs).toEqual({ "/run": "size=64m" });
    expect(c.HostConfig.PortBindings).toEqual({ "80/tcp": [{ HostIp: "", HostPort: "8080" }], "53/udp": [{ HostIp: "127.0.0.1", HostPort: "53" }] });
    expect(c.HostConfig.Devices).toEqual([{ PathOnHost: "/dev/sda", PathInContainer: "/dev/sda", CgroupPermissions: "rwm" }]);
  });

  it("prints the CLI's own errors with its exit statuses", () => {
    expect(parseRun([])).toMatchObject({ ok: false, status: 1, error: expect.stringMatching(/^"docker run" requires at least 1 argument\.\nSee 'docker run --help'\./) });
    expect(parseRun(["--bogus", "alpine"])).toEqual({
      ok: false, status: 125, error: "unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information",
    });
    expect(parseRun(["-p", "80:http", "alpine"])).toMatchObject({ ok: false, status: 125, error: "docker: invalid containerPort: http.\n\nRun 'docker run --help' for more information" });
  });
});
