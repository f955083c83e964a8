/**
 * `docker run` / `docker create` options (docker CLI 28, cli/command/container/opts.go) turned
 * into the Engine API's ContainerCreate body: `Config` and `HostConfig` with the real field
 * names, as the CLI sends them over /var/run/docker.sock. Validation that the CLI does itself
 * fails here with its words; what the daemon validates is the daemon's job.
 */
import type { ContainerCreate, MountPoint } from "../../../runtime/index.ts";
import type { FlagSpec, FlagValues } from "./flags";
import { isSet, lastValue, parseBytes, parseFlags } from "./flags";

export const RUN_USAGE = "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]";
export const RUN_SHORT = "Create and run a new container from an image";

const f = (name: string, kind: FlagSpec["kind"], short?: string): FlagSpec => (short ? { name, kind, short } : { name, kind });

export const RUN_FLAGS: readonly FlagSpec[] = [
  f("detach", "bool", "d"), f("interactive", "bool", "i"), f("tty", "bool", "t"), f("rm", "bool"), f("name", "string"),
  f("env", "list", "e"), f("user", "string", "u"), f("workdir", "string", "w"), f("hostname", "string", "h"), f("entrypoint", "string"),
  f("volume", "list", "v"), f("mount", "list"), f("publish", "list", "p"), f("network", "string"), f("net", "string"),
  f("pid", "string"), f("ipc", "string"), f("uts", "string"), f("userns", "string"), f("cgroupns", "string"),
  f("privileged", "bool"), f("cap-add", "list"), f("cap-drop", "list"), f("security-opt", "list"), f("read-only", "bool"),
  f("tmpfs", "list"), f("device", "list"), f("memory", "bytes", "m"), f("memory-swap", "string"), f("memory-reservation", "bytes"),
  f("cpus", "decimal"), f("cpu-shares", "int", "c"), f("cpu-period", "int"), f("cpu-quota", "int"), f("cpuset-cpus", "string"),
  f("pids-limit", "int"), f("init", "bool"), f("label", "list", "l"), f("platform", "string"), f("pull", "string"),
  f("restart", "string"), f("add-host", "list"), f("dns", "list"), f("ulimit", "list"), f("oom-kill-disable", "bool"),
  f("blkio-weight", "uint16"), f("cgroup-parent", "string"), f("help", "bool"), f("quiet", "bool", "q"), f("publish-all", "bool", "P"),
];

export type RunParse =
  | { readonly ok: true; readonly create: ContainerCreate }
  | { readonly ok: false; readonly error: string; readonly status: number; readonly help?: boolean };

const list = (flags: FlagValues, name: string): string[] => flags.get(name) ?? [];

/** A flag error as the docker CLI prints it (cli.FlagErrorFunc), exit status 125. */
const flagError = (error: string): RunParse => ({
  ok: false, status: 125, error: `${error}\n\nUsage:  ${RUN_USAGE}\n\nRun 'docker run --help' for more information`,
});

/** `-v SRC:DST[:ro]`: a bind when SRC is a path, else a named volume (or an anonymous one). */
function parseVolume(spec: string): MountPoint | string {
  const parts = spec.split(":");
  if (parts.length > 3 || parts.some((p) => p === "")) return `invalid spec: ${spec}: empty section between colons`;
  const [a, b, mode] = parts;
  if (parts.length === 1) return { Type: "volume", Source: "", Target: a!, ReadOnly: false };
  if (mode !== undefined && !/^(ro|rw|z|Z)(,(ro|rw|z|Z))*$/.test(mode)) return `invalid mode: ${mode}`;
  if (!b!.startsWith("/")) return `invalid volume specification: '${spec}': invalid mount config for type "bind": invalid mount path: '${b}' mount path must be absolute`;
  return { Type: a!.startsWith("/") ? "bind" : "volume", Source: a!, Target: b!, ReadOnly: mode?.split(",").includes("ro") ?? false };
}

/** `--mount type=bind,source=/x,target=/y,readonly`. */
function parseMount(spec: string): MountPoint | string {
  const fields = new Map(spec.split(",").map((kv) => {
    const eq = kv.indexOf("=");
    return eq < 0 ? [kv, "true"] : [kv.slice(0, eq), kv.slice(eq + 1)];
  }));
  const type = fields.get("type") ?? "volume";
  if (type !== "bind" && type !== "volume" && type !== "tmpfs") return `invalid argument "${spec}" for "--mount" flag: invalid mount type: ${type}`;
  const target = fields.get("target") ?? fields.get("destination") ?? fields.get("dst");
  if (!target) return `invalid argument "${spec}" for "--mount" flag: target is required`;
  const ro = fields.get("readonly") ?? fields.get("ro");
  return { Type: type, Source: fields.get("source") ?? fields.get("src") ?? "", Target: target, ReadOnly: ro === "true" || ro === "1" };
}

/** `-p [IP:][HOSTPORT:]CONTAINERPORT[/PROTO]`. */
function parsePorts(specs: readonly string[]): Record<string, { HostIp: string; HostPort: string }[]> | string {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const spec of specs) {
    const [addr, proto = "tcp"] = spec.split("/");
    const parts = addr!.split(":");
    const container = parts.pop()!;
    const host = parts.pop() ?? "";
    const ip = parts.join(":");
    if (!/^\d+$/.test(container)) return `invalid containerPort: ${container}`;
    if (host !== "" && !/^\d+$/.test(host)) return `invalid hostPort: ${host}`;
    (out[`${container}/${proto}`] ??= []).push({ HostIp: ip, HostPort: host });
  }
  return out;
}

export function parseRun(args: readonly string[]): RunParse {
  const parsed = parseFlags(RUN_FLAGS, args, true);
  if (!parsed.ok) return flagError(parsed.error);
  const { flags, operands } = parsed;
  if (isSet(flags, "help")) return { ok: false, status: 0, error: "", help: true };
  if (operands.length === 0) {
    return { ok: false, status: 1, error: `"docker run" requires at least 1 argument.\nSee 'docker run --help'.\n\nUsage:  ${RUN_USAGE}\n\n${RUN_SHORT}` };
  }
  const mounts: MountPoint[] = [];
  const binds: string[] = [];
  for (const v of list(flags, "volume")) {
    const m = parseVolume(v);
    if (typeof m === "string") return flagError(`invalid argument "${v}" for "-v, --volume" flag: ${m}`);
    binds.push(v);
  }
  for (const v of list(flags, "mount")) {
    const m = parseMount(v);
    if (typeof m === "string") return flagError(m);
    mounts.push(m);
  }
  const ports = parsePorts(list(flags, "publish"));
  if (typeof ports === "string") return { ok: false, status: 125, error: `docker: ${ports}.\n\nRun 'docker run --help' for more information` };
  const swapText = lastValue(flags, "memory-swap");
  const swap = swapText === undefined ? 0 : swapText === "-1" ? -1 : parseBytes(swapText);
  if (swap === undefined) return flagError(`invalid argument "${swapText}" for "--memory-swap" flag: invalid size: '${swapText}'`);
  const tmpfs: Record<string, string> = {};
  for (const t of list(flags, "tmpfs")) {
    const [target, options = ""] = t.split(/:(.*)/s);
    tmpfs[target!] = options;
  }
  const devices = list(flags, "device").map((d) => {
    const [host, inContainer = host, perms = "rwm"] = d.split(":");
    return { PathOnHost: host!, PathInContainer: inContainer!, CgroupPermissions: perms };
  });
  const labels = Object.fromEntries(list(flags, "label").map((l) => (l.includes("=") ? [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)] : [l, ""])));
  const entrypoint = lastValue(flags, "entrypoint");
  const pids = lastValue(flags, "pids-limit");
  const [image, ...cmd] = operands as [string, ...string[]];
  const create: ContainerCreate = {
    name: lastValue(flags, "name"),
    detach: isSet(flags, "detach"),
    Config: {
      Image: image, Cmd: cmd.length ? cmd : null, Entrypoint: entrypoint === undefined ? null : entrypoint === "" ? [""] : [entrypoint],
      Env: list(flags, "env"), User: lastValue(flags, "user") ?? "", WorkingDir: lastValue(flags, "workdir") ?? "",
      Hostname: lastValue(flags, "hostname") ?? "", Tty: isSet(flags, "tty"), OpenStdin: isSet(flags, "interactive"),
      AttachStdin: isSet(flags, "interactive") && !isSet(flags, "detach"), Labels: labels,
    },
    HostConfig: {
      Binds: binds, Mounts: mounts, PortBindings: ports,
      NetworkMode: lastValue(flags, "network") ?? lastValue(flags, "net") ?? "default",
      PidMode: lastValue(flags, "pid") ?? "", IpcMode: lastValue(flags, "ipc") ?? "", UTSMode: lastValue(flags, "uts") ?? "",
      UsernsMode: lastValue(flags, "userns") ?? "", CgroupnsMode: lastValue(flags, "cgroupns") ?? "",
      AutoRemove: isSet(flags, "rm"), Privileged: isSet(flags, "privileged"),
      CapAdd: list(flags, "cap-add"), CapDrop: list(flags, "cap-drop"), SecurityOpt: list(flags, "security-opt"),
      ReadonlyRootfs: isSet(flags, "read-only"), Tmpfs: tmpfs, Devices: devices,
      Memory: parseBytes(lastValue(flags, "memory") ?? "0") ?? 0, MemorySwap: swap,
      MemoryReservation: parseBytes(lastValue(flags, "memory-reservation") ?? "0") ?? 0,
      NanoCpus: Math.round(Number(lastValue(flags, "cpus") ?? "0") * 1e9), CpuShares: Number(lastValue(flags, "cpu-shares") ?? "0"),
      CpuPeriod: Number(lastValue(flags, "cpu-period") ?? "0"), CpuQuota: Number(lastValue(flags, "cpu-quota") ?? "0"),
      CpusetCpus: lastValue(flags, "cpuset-cpus") ?? "", PidsLimit: pids === undefined ? null : Number(pids),
      Init: flags.has("init") ? isSet(flags, "init") : null,
    },
  };
  return { ok: true, create };
}
