/**
 * Booting a kernel: the initial namespaces, PID 1, kthreadd and its kernel threads, then the
 * host's services as init would start them. The result is an ordinary KernelState.
 */
import { INIT_CRED, userCred } from "../cred/cred";
import type { Pid } from "../ids";
import { pid as asPid } from "../ids";
import { addNs } from "../ns/ns-ops";
import type { KernelConfig, KernelState } from "../state";
import { IMap, List, OrderedSet, getTask, putTask } from "../state";
import { linkChild } from "../task/fork";
import { allocPid } from "../task/pid-alloc";
import type { Task } from "../task/task";
import { IDLE } from "../task/activity";
import { INIT_NSPROXY, initNsId, initialNamespaces } from "./init-namespaces";
import type { BootCgroups } from "./boot-cgroups";
import { bootCgroups } from "./boot-cgroups";
import { emptyCgroupState } from "../cgroup/host-layout";
import { BOOT_LSM } from "../security/lsm";
import type { RootFsBuilder } from "../vfs/boot/boot-vfs";
import { HOST_ROOT, bootVfs } from "../vfs/boot/boot-vfs";
import type { NetBootSpec } from "../net/boot-network";
import { bootNetwork } from "../net/boot-network";
import { createNetNs, emptyNetState } from "../net/netns";
import { createIpcNs, emptyIpcState } from "../ipc/ipc-ns";

export interface ProcessSpec {
  readonly comm: string;
  readonly argv: readonly string[];
  readonly exe: string;
  readonly kthread?: boolean;
  readonly rssKb?: number;
  readonly vszKb?: number;
  readonly uid?: number;
  readonly env?: readonly string[];
  /** The LSM label it runs with (an SELinux context on an SELinux host); default: its parent's. */
  readonly label?: string;
}

export interface BootSpec {
  readonly config: KernelConfig;
  readonly hostname: string;
  /** Kernel threads under kthreadd (PID 2), in start order. */
  readonly kthreads: readonly string[];
  /** Processes init starts, in order; `parent` names an earlier spec's comm (default: init). */
  readonly services: readonly (ProcessSpec & { readonly parent?: string })[];
  /** Boot takes this long: the clock starts here. */
  readonly bootNs: number;
  /** Where systemd puts each process in the cgroup v2 hierarchy. */
  readonly cgroups: BootCgroups;
  /** Network devices, routes and listeners once booted; none: only loopback. */
  readonly network?: NetBootSpec;
  /** The root filesystem's entries (default: the Ubuntu tree). */
  readonly rootFs?: RootFsBuilder;
  /** The labels of kernel threads and of PID 1 (default: AppArmor's `unconfined`). */
  readonly labels?: { readonly kernel: string; readonly init: string };
}

const INIT_SPEC: ProcessSpec = { comm: "systemd", argv: ["/sbin/init"], exe: "/usr/lib/systemd/systemd", rssKb: 12800, vszKb: 22400 };

export function bootKernel(spec: BootSpec): KernelState {
  let state: KernelState = {
    config: spec.config, nowNs: spec.bootNs, nextInode: 4026532160, tasks: IMap(), children: IMap(),
    namespaces: IMap(), pidNrs: IMap(), dmesg: List(),
    vfs: bootVfs(spec.config, spec.hostname, {
      user: initNsId("user"), mnt: initNsId("mnt"), pid: initNsId("pid"), net: initNsId("net"), cgroup: initNsId("cgroup"),
    }, spec.rootFs),
    net: emptyNetState(), ipc: emptyIpcState(),
    cgroup: emptyCgroupState({ cpus: spec.config.cpus }), usermodeHelpers: List(), seccompFilters: IMap(),
    // Docker loads docker-default with apparmor_parser; an SELinux host has no AppArmor profiles.
    lsm: spec.config.lsm === "apparmor" ? BOOT_LSM : { ...BOOT_LSM, apparmor: IMap() },
  };
  const labels = spec.labels ?? { kernel: "unconfined", init: "unconfined" };
  for (const ns of initialNamespaces(spec.hostname)) state = addNs(state, ns);
  state = createIpcNs(createNetNs(state, initNsId("net")), initNsId("ipc"));
  state = spawnInit(state, labels);
  const kthreadd = spawn(state, asPid(1), { comm: "kthreadd", argv: [], exe: "", kthread: true, label: labels.kernel });
  state = reparent(kthreadd[0], kthreadd[1], asPid(0));
  for (const name of spec.kthreads) state = spawn(state, asPid(2), { comm: name, argv: [], exe: "", kthread: true })[0];
  const byComm = new Map<string, Pid>([["systemd", asPid(1)]]);
  for (const service of spec.services) {
    const [next, task] = spawn(state, byComm.get(service.parent ?? "systemd") ?? asPid(1), service);
    state = next;
    if (!byComm.has(service.comm)) byComm.set(service.comm, task.pid);
  }
  state = { ...state, cgroup: bootCgroups(state, spec.cgroups) };
  // The daemons have configured the network and opened their listening sockets.
  return bootNetwork(state, spec.network);
}

/** PID 1 is made by hand: it has no parent task (its parent is the idle task, PID 0). */
function spawnInit(state: KernelState, labels: { readonly kernel: string; readonly init: string }): KernelState {
  const alloc = allocPid(state, initNsId("pid"));
  if (!alloc.ok) throw new Error("kernel invariant: cannot allocate PID 1");
  const swapper: Task = {
    pid: asPid(0), ppid: asPid(0), nr: [0], pidNs: initNsId("pid"), ns: INIT_NSPROXY, cred: INIT_CRED,
    noNewPrivs: false, seccomp: { mode: 0, filters: [] }, lsm: { label: labels.kernel },
    pgid: asPid(1), sid: asPid(1), comm: "swapper/0", argv: [], env: [], exe: "", cwd: HOST_ROOT, root: HOST_ROOT, fds: IMap(),
    kthread: true, state: "R", exitStatus: null, signals: { pending: [], dispositions: {} },
    memory: { vszKb: 0, rssKb: 0 }, startNs: 0, cpuNs: 0, activity: IDLE, heldNs: [],
  };
  const [next, init] = linkChild(alloc.state, { parent: swapper, cred: INIT_CRED, ns: INIT_NSPROXY, nr: alloc.nr });
  const exec = withProgram({ ...init, startNs: 0 }, { ...INIT_SPEC, label: labels.init });
  return { ...putTask(next, exec), children: next.children.delete(asPid(0)) };
}

function spawn(state: KernelState, parentPid: Pid, spec: ProcessSpec): readonly [KernelState, Task] {
  const parent = getTask(state, parentPid);
  const alloc = allocPid(state, parent.ns.pidForChildren);
  if (!alloc.ok) throw new Error(`kernel invariant: boot cannot allocate a PID for ${spec.comm}`);
  const [next, child] = linkChild(alloc.state, { parent, cred: parent.cred, ns: parent.ns, nr: alloc.nr });
  const task = withProgram({ ...child, startNs: state.nowNs }, spec);
  return [putTask(next, task), task] as const;
}

/** kthreadd's parent is PID 0, like init's. */
function reparent(state: KernelState, task: Task, ppid: Pid): KernelState {
  const children = state.children.get(task.ppid)?.delete(task.pid) ?? OrderedSet<Pid>();
  return putTask({ ...state, children: state.children.set(task.ppid, children) }, { ...task, ppid });
}

function withProgram(task: Task, spec: ProcessSpec): Task {
  const uid = spec.uid ?? 0;
  return {
    ...task,
    // A kernel thread keeps its full name (kthread->full_name, shown by proc_task_name() since
    // 5.17); a process's comm is TASK_COMM_LEN - 1 = 15 characters.
    comm: spec.kthread ? spec.comm : spec.comm.slice(0, 15), argv: spec.argv, exe: spec.exe, kthread: spec.kthread ?? false,
    env: spec.env ?? task.env,
    lsm: spec.label !== undefined ? { label: spec.label } : task.lsm,
    memory: { rssKb: spec.rssKb ?? 0, vszKb: spec.vszKb ?? 0 },
    state: "S",
    // A service that runs as a system user keeps no capabilities (systemd User=).
    cred: uid === 0 ? task.cred : userCred(uid, uid),
    // Kernel threads have no session; init and every service lead their own (setsid()).
    pgid: spec.kthread ? asPid(0) : task.pid,
    sid: spec.kthread ? asPid(0) : task.pid,
  };
}
