/**
 * From a ContainerCreate request to the OCI runtime spec runc receives, as moby builds it
 * (daemon/pkg/oci/defaults.go DefaultLinuxSpec, daemon/oci_linux.go, caps/utils.go): the
 * namespaces to create or join, the mounts in order, masked and read-only paths, capabilities,
 * the seccomp and AppArmor profile names, no_new_privs and the cgroup resources. Errors are the
 * daemon's words; the CLI prints them after "docker: Error response from daemon: ".
 */
import type { Capability } from "../kernel/index.ts";
import { CAPABILITIES } from "../kernel/index.ts";
import type { Result } from "../lib/index.ts";
import { err, ok } from "../lib/index.ts";
import type { LinuxResources } from "./docker-resources";
import { dockerToLinuxResources } from "./docker-resources";
import type { ContainerCreate } from "./engine-api";

export type NsKind = "pid" | "network" | "ipc" | "uts" | "mount" | "cgroup" | "user";

export interface OciNamespace {
  readonly type: NsKind;
  /** Join this namespace (`/proc/PID/ns/net` of another container) instead of creating one. */
  readonly path?: string;
}

export interface OciMount {
  readonly destination: string;
  readonly type: string;
  readonly source: string;
  readonly options: readonly string[];
}

export interface OciSpec {
  readonly hostname: string;
  readonly process: {
    readonly args: readonly string[];
    readonly env: readonly string[];
    readonly cwd: string;
    /** As given (`1000`, `nginx:www`); runc resolves names in the container's /etc/passwd. */
    readonly user: string;
    readonly terminal: boolean;
    readonly noNewPrivileges: boolean;
    readonly capabilities: { readonly bounding: readonly Capability[]; readonly effective: readonly Capability[]; readonly permitted: readonly Capability[] };
    readonly apparmorProfile: string;
    readonly selinuxLabel: string;
  };
  readonly root: { readonly readonly: boolean };
  readonly mounts: readonly OciMount[];
  readonly namespaces: readonly OciNamespace[];
  readonly maskedPaths: readonly string[];
  readonly readonlyPaths: readonly string[];
  readonly resources: LinuxResources;
  /** "docker-default" (moby's profile compiled for the capability set), "unconfined" or a custom profile's name. */
  readonly seccomp: string;
  readonly privileged: boolean;
}

export interface ImageConfig {
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  readonly env: readonly string[];
  readonly workingDir: string;
  readonly user: string;
}

export interface SpecContext {
  /** The container's 64-hex-digit ID; the hostname defaults to its first 12. */
  readonly id: string;
  readonly image: ImageConfig;
  /** The host's LSM: AppArmor on Ubuntu, SELinux on Fedora. */
  readonly lsm: "apparmor" | "selinux";
  /** /var/lib/docker/containers/<id>: where hostname, hosts and resolv.conf are kept. */
  readonly containerDir: string;
}

/** daemon/pkg/oci/defaults.go: moby's masked paths (2026) and read-only paths. */
export const MASKED_PATHS = [
  "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
  "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
] as const;
export const READONLY_PATHS = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"] as const;

/** caps/defaults.go: the 14 capabilities of a default container, in moby's order. */
export const DEFAULT_CAPS: readonly Capability[] = [
  "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID",
  "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
];

const DEFAULT_MOUNTS: readonly OciMount[] = [
  { destination: "/proc", type: "proc", source: "proc", options: ["nosuid", "noexec", "nodev"] },
  { destination: "/dev", type: "tmpfs", source: "tmpfs", options: ["nosuid", "strictatime", "mode=755", "size=65536k"] },
  { destination: "/dev/pts", type: "devpts", source: "devpts", options: ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"] },
  { destination: "/sys", type: "sysfs", source: "sysfs", options: ["nosuid", "noexec", "nodev", "ro"] },
  { destination: "/sys/fs/cgroup", type: "cgroup", source: "cgroup", options: ["ro", "nosuid", "noexec", "nodev"] },
  { destination: "/dev/mqueue", type: "mqueue", source: "mqueue", options: ["nosuid", "noexec", "nodev"] },
  { destination: "/dev/shm", type: "tmpfs", source: "shm", options: ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"] },
];

/** caps.NormalizeLegacyCapabilities / TweakCapabilities: names with or without CAP_, any case, ALL. */
export function tweakCapabilities(base: readonly Capability[], add: readonly string[], drop: readonly string[], privileged: boolean): Result<Capability[], string> {
  const normalize = (name: string, which: string): Result<Capability | "ALL", string> => {
    const upper = name.toUpperCase();
    if (upper === "ALL") return ok("ALL");
    const cap = upper.startsWith("CAP_") ? upper : `CAP_${upper}`;
    return (CAPABILITIES as readonly string[]).includes(cap) ? ok(cap as Capability) : err(`invalid ${which}: unknown capability: "${cap}"`);
  };
  if (privileged) return ok([...CAPABILITIES]);
  const adds: (Capability | "ALL")[] = [];
  const drops: (Capability | "ALL")[] = [];
  for (const a of add) {
    const n = normalize(a, "CapAdd");
    if (!n.ok) return n;
    adds.push(n.value);
  }
  for (const d of drop) {
    const n = normalize(d, "CapDrop");
    if (!n.ok) return n;
    drops.push(n.value);
  }
  // Adding ALL wins over any drop; dropping ALL keeps only what is added explicitly.
  if (adds.includes("ALL")) return ok([...CAPABILITIES]);
  const start = drops.includes("ALL") ? [] : base.filter((c) => !drops.includes(c));
  const result = [...start];
  for (const a of adds) if (a !== "ALL" && !result.includes(a)) result.push(a);
  return ok(result);
}

interface SecurityOpts {
  apparmor?: string;
  seccomp?: string;
  noNewPrivileges: boolean;
  label: string[];
}

/** `--security-opt` values, checked as daemon/create.go parseSecurityOpt does. */
function parseSecurityOpts(opts: readonly string[]): Result<SecurityOpts, string> {
  const out: SecurityOpts = { noNewPrivileges: false, label: [] };
  for (const [i, opt] of opts.entries()) {
    if (opt === "no-new-privileges" || opt === "no-new-privileges=true") {
      out.noNewPrivileges = true;
      continue;
    }
    if (opt === "no-new-privileges=false") continue;
    const sep = opt.includes("=") ? "=" : opt.includes(":") ? ":" : undefined;
    if (!sep) return err(`invalid --security-opt ${i + 1}: "${opt}"`);
    const key = opt.slice(0, opt.indexOf(sep));
    const value = opt.slice(opt.indexOf(sep) + 1);
    if (key === "apparmor") out.apparmor = value;
    else if (key === "seccomp") out.seccomp = value;
    else if (key === "label") out.label.push(value);
    else return err(`invalid --security-opt ${i + 1}: "${opt}"`);
  }
  return ok(out);
}

function namespacesFor(c: ContainerCreate): Result<OciNamespace[], string> {
  const h = c.HostConfig;
  const ns: OciNamespace[] = [{ type: "mount" }];
  const mode = (value: string, kind: NsKind, flag: string): Result<OciNamespace | undefined, string> => {
    if (value === "" || value === "default" || value === "private" || value === "bridge" || value === "shareable") return ok({ type: kind });
    if (value === "host") return ok(undefined);
    if (value === "none" && kind === "network") return ok({ type: kind });
    if (value.startsWith("container:")) return ok({ type: kind, path: `container:${value.slice(10)}` });
    return err(`invalid ${flag} mode: ${value}`);
  };
  for (const [value, kind, flag] of [[h.NetworkMode, "network", "network"], [h.PidMode, "pid", "PID"], [h.IpcMode, "ipc", "IPC"], [h.UTSMode, "uts", "UTS"], [h.CgroupnsMode, "cgroup", "cgroup namespace"]] as const) {
    const n = mode(value, kind, flag);
    if (!n.ok) return n;
    if (n.value) ns.push(n.value);
  }
  return ok(ns);
}

export function buildSpec(c: ContainerCreate, ctx: SpecContext): Result<OciSpec, string> {
  const h = c.HostConfig;
  const resources = dockerToLinuxResources({
    memory: h.Memory, memorySwap: h.MemorySwap, memoryReservation: h.MemoryReservation, nanoCpus: h.NanoCpus,
    cpuShares: h.CpuShares, cpuPeriod: h.CpuPeriod, cpuQuota: h.CpuQuota, ...(h.PidsLimit !== null ? { pidsLimit: h.PidsLimit } : {}),
    ...(h.CpusetCpus ? { cpusetCpus: h.CpusetCpus } : {}),
  });
  if (!resources.ok) return resources;
  const security = parseSecurityOpts(h.SecurityOpt);
  if (!security.ok) return security;
  const caps = tweakCapabilities(DEFAULT_CAPS, h.CapAdd, h.CapDrop, h.Privileged);
  if (!caps.ok) return caps;
  const namespaces = namespacesFor(c);
  if (!namespaces.ok) return namespaces;
  if (h.UTSMode === "host" && c.Config.Hostname) return err("Conflicting options: hostname and the UTS mode");
  const image = ctx.image;
  const entrypoint = c.Config.Entrypoint ?? image.entrypoint ?? [];
  const cmd = c.Config.Cmd ?? (c.Config.Entrypoint ? [] : (image.cmd ?? []));
  const args = [...entrypoint.filter((a) => a !== ""), ...cmd];
  if (args.length === 0) return err("no command specified");
  const envNames = new Set(c.Config.Env.map((e) => e.split("=")[0]));
  const env = [...image.env.filter((e) => !envNames.has(e.split("=")[0])), ...c.Config.Env];
  const hostname = c.Config.Hostname || (h.UTSMode === "host" ? "" : ctx.id.slice(0, 12));
  const binds: OciMount[] = c.HostConfig.Binds.map((b) => {
    const [source, destination, mode] = b.split(":") as [string, string, string | undefined];
    return { destination, type: "bind", source, options: ["rbind", mode?.includes("ro") ? "ro" : "rw"] };
  });
  const extra: OciMount[] = c.HostConfig.Mounts.map((m) =>
    m.Type === "tmpfs"
      ? { destination: m.Target, type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "noexec", ...(m.ReadOnly ? ["ro"] : [])] }
      : { destination: m.Target, type: "bind", source: m.Source, options: ["rbind", m.ReadOnly ? "ro" : "rw"] });
  const tmpfs: OciMount[] = Object.entries(h.Tmpfs).map(([destination, options]) => ({
    destination, type: "tmpfs", source: "tmpfs", options: ["noexec", "nosuid", "nodev", ...(options ? options.split(",") : [])],
  }));
  const etc: OciMount[] = ["resolv.conf", "hostname", "hosts"].map((f) => ({
    destination: `/etc/${f}`, type: "bind", source: `${ctx.containerDir}/${f}`, options: ["rbind", "rprivate"],
  }));
  const privileged = h.Privileged;
  const mounts = DEFAULT_MOUNTS.map((m) => (privileged && (m.type === "sysfs" || m.type === "cgroup") ? { ...m, options: m.options.filter((o) => o !== "ro") } : m));
  return ok({
    hostname,
    process: {
      args, env, cwd: c.Config.WorkingDir || image.workingDir || "/", user: c.Config.User || image.user, terminal: c.Config.Tty,
      noNewPrivileges: security.value.noNewPrivileges,
      capabilities: { bounding: caps.value, effective: caps.value, permitted: caps.value },
      apparmorProfile: ctx.lsm !== "apparmor" ? "" : (security.value.apparmor ?? (privileged ? "unconfined" : "docker-default")),
      selinuxLabel: ctx.lsm !== "selinux" || privileged || security.value.label.includes("disable") ? "" : "container_t",
    },
    root: { readonly: h.ReadonlyRootfs },
    mounts: [...mounts, ...binds, ...extra, ...tmpfs, ...etc],
    namespaces: namespaces.value,
    maskedPaths: privileged ? [] : [...MASKED_PATHS],
    readonlyPaths: privileged ? [] : [...READONLY_PATHS],
    resources: resources.value,
    seccomp: privileged ? "unconfined" : (security.value.seccomp ?? "docker-default"),
    privileged,
  });
}
