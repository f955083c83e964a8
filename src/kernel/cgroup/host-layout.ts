/**
 * The cgroup tree of a booted systemd host on cgroup v2 (Ubuntu 24.04): kernel threads in the
 * root, PID 1 in /init.scope, services in /system.slice/<unit>.service, the login session in
 * /user.slice/user-0.slice/session-1.scope. Docker with the systemd cgroup driver puts each
 * container in /system.slice/docker-<64 hex>.scope.
 */
import { Map as IMap } from "immutable";
import type { CgroupId, Pid } from "../ids";
import { cgroupId } from "../ids";
import type { Controller } from "./controllers";
import { ALL_MASK, V2_CONTROLLERS, maskOf } from "./controllers";
import { attachTask } from "./membership";
import { mkdirPath } from "./mkdir-rmdir";
import { newCgroup } from "./records";
import { getCg, putCg } from "./tree";
import type { CgroupConfig, CgroupState } from "./types";

export interface HostCgroupLayout {
  readonly cpus: number;
  readonly blockDevices?: readonly string[];
  readonly hugepageSizes?: readonly string[];
  /** cgroup.subtree_control of each non-leaf cgroup, by path (`/` for the root). */
  readonly subtreeControl: Readonly<Record<string, readonly Controller[]>>;
  /** Leaf cgroups and the processes systemd put there, in attach order. */
  readonly units: readonly { readonly path: string; readonly pids: readonly Pid[] }[];
  /** Processes left in the root cgroup (kernel threads). */
  readonly rootPids?: readonly Pid[];
}

/**
 * What the controllers are on the simulated host. systemd enables memory and pids for its
 * slices; runc's CreateCgroupPath() enables every available controller from the root down to
 * a container's parent, so after Docker has run, the root and system.slice list all eight.
 * SIMPLIFICATION: the host is laid out as it looks once Docker has started a container.
 */
export const UBUNTU_SUBTREE_CONTROL: Readonly<Record<string, readonly Controller[]>> = {
  "/": V2_CONTROLLERS,
  "/system.slice": V2_CONTROLLERS,
  "/user.slice": ["memory", "pids"],
  "/user.slice/user-0.slice": ["memory", "pids"],
};

/** The unit systemd runs each stock Ubuntu 24.04 daemon in, by process name (comm). */
export const UBUNTU_UNITS: Readonly<Record<string, string>> = {
  "systemd-journal": "/system.slice/systemd-journald.service",
  "systemd-udevd": "/system.slice/systemd-udevd.service",
  multipathd: "/system.slice/multipathd.service",
  "systemd-network": "/system.slice/systemd-networkd.service",
  "systemd-resolve": "/system.slice/systemd-resolved.service",
  "systemd-timesyn": "/system.slice/systemd-timesyncd.service",
  cron: "/system.slice/cron.service",
  "dbus-daemon": "/system.slice/dbus.service",
  "systemd-logind": "/system.slice/systemd-logind.service",
  rsyslogd: "/system.slice/rsyslog.service",
  containerd: "/system.slice/containerd.service",
  agetty: "/system.slice/system-getty.slice/getty@tty1.service",
  sshd: "/system.slice/ssh.service",
  dockerd: "/system.slice/docker.service",
  libvirtd: "/system.slice/libvirtd.service",
  systemd: "/user.slice/user-0.slice/user@0.service/init.scope",
  "(sd-pam)": "/user.slice/user-0.slice/user@0.service/init.scope",
  login: "/user.slice/user-0.slice/session-1.scope",
  bash: "/user.slice/user-0.slice/session-1.scope",
};

/** Docker's systemd cgroup driver: `docker-<id>.scope` under system.slice. */
export const dockerScopePath = (containerId: string): string => `/system.slice/docker-${containerId}.scope`;

/** An empty v2 hierarchy: the root cgroup (id 1, like the root's kernfs inode) and nothing else. */
export function emptyCgroupState(config: Partial<CgroupConfig> & { readonly cpus: number }): CgroupState {
  const root: CgroupId = cgroupId(1);
  return {
    config: { blockDevices: ["8:0"], hugepageSizes: ["1GB", "2MB"], v2Bound: ALL_MASK, ...config },
    root,
    nextId: 2,
    cgroups: IMap<CgroupId, ReturnType<typeof newCgroup>>().set(root, newCgroup(root, "", undefined, 0)),
    taskCgroup: IMap(),
    memCharges: IMap(),
    v1: { hierarchies: [], nextHierarchyId: 1 },
  };
}

/** Builds the host's hierarchy: directories, subtree_control (parents first), then tasks. */
export function buildHostCgroups(layout: HostCgroupLayout): CgroupState {
  let state = emptyCgroupState({
    cpus: layout.cpus,
    ...(layout.blockDevices ? { blockDevices: layout.blockDevices } : {}),
    ...(layout.hugepageSizes ? { hugepageSizes: layout.hugepageSizes } : {}),
  });
  const paths = [...Object.keys(layout.subtreeControl), ...layout.units.map((u) => u.path)];
  for (const path of paths) state = mkdirPath(state, path).state;
  const byDepth = Object.entries(layout.subtreeControl).sort(([a], [b]) => a.split("/").length - b.split("/").length);
  for (const [path, ctrls] of byDepth) {
    const { id } = mkdirPath(state, path);
    state = putCg(state, { ...getCg(state, id), subtreeControl: maskOf(ctrls) });
  }
  for (const pid of layout.rootPids ?? []) state = attachTask(state, pid, state.root);
  for (const unit of layout.units) {
    const { id } = mkdirPath(state, unit.path);
    for (const pid of unit.pids) state = attachTask(state, pid, id);
  }
  return state;
}
